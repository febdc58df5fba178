package org.ltpsim.cli.slurm;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ltpsim slurm status JOB_DIR}: each shard done, pending, running or failed; and the merge. */
@Command(name = "status", footerHeading = "%nExamples:%n",
        footer = {"  ltpsim slurm status runs/big.slurm"},
        mixinStandardHelpOptions = true,
        description = "Say which shards of a SLURM job are done, running, pending or failed (from the shard folders, "
                + "and squeue / sacct where they answer), and whether the merged result is there.")
public final class SlurmStatusCommand implements Callable<Integer> {
    @Parameters(paramLabel = "JOB_DIR", description = "the job folder that 'ltpsim slurm submit' wrote")
    Path jobDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SlurmJob job = SlurmJob.read(jobDir);
        Map<Integer, String> states = ShardStates.of(job);
        PrintWriter out = spec.commandLine().getOut();
        int width = Integer.toString(job.shards()).length();
        long done = states.values().stream().filter("done"::equals).count();
        states.forEach((index, state) -> out.printf("shard %" + width + "d/%d: %s%n", index, job.shards(), state));
        String merge;
        if (Files.exists(job.out())) {
            merge = "merged into " + job.out();
        } else if (job.mergeJobIds().isEmpty()) {
            merge = "merge not submitted";
        } else {
            String id = job.mergeJobIds().get(job.mergeJobIds().size() - 1);
            String state = SlurmTools.jobState(id);
            merge = "merge job " + id + ": " + (state == null ? "not known to SLURM" : state.toLowerCase(
                    java.util.Locale.ROOT));
        }
        out.printf("%d of %d shards done; %s%n", done, job.shards(), merge);
        if (done < job.shards() && states.values().stream().noneMatch(ShardStates::underWay)) {
            out.println("resubmit the missing shards with: ltpsim slurm resubmit " + jobDir);
        }
        return 0;
    }
}
