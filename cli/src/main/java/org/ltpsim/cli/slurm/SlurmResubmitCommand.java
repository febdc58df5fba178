package org.ltpsim.cli.slurm;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ltpsim slurm resubmit JOB_DIR}: submits again only the shards that are neither done nor under way (their
 * tasks resume from their checkpoints), and a new merge job after them; a merge job left waiting on the failed
 * array is cancelled.
 */
@Command(name = "resubmit", footerHeading = "%nExamples:%n",
        footer = {"  ltpsim slurm resubmit runs/big.slurm"},
        mixinStandardHelpOptions = true,
        description = "Submit again only the shards of a SLURM job that are not done and not under way (they resume "
                + "from their checkpoints), then a merge job after them; the old merge job, which waits on tasks "
                + "that failed, is cancelled.")
public final class SlurmResubmitCommand implements Callable<Integer> {
    @Parameters(paramLabel = "JOB_DIR", description = "the job folder that 'ltpsim slurm submit' wrote")
    Path jobDir;

    @Option(names = "--dry-run", description = "print the sbatch commands; submit nothing")
    boolean dryRun;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SlurmJob job = SlurmJob.read(jobDir);
        Map<Integer, String> states = ShardStates.of(job);
        List<Integer> missing = new ArrayList<>();
        states.forEach((index, state) -> {
            if (!state.equals("done") && !ShardStates.underWay(state)) {
                missing.add(index);
            }
        });
        PrintWriter out = spec.commandLine().getOut();
        Path shardScript = job.jobDir().resolve(SlurmScripts.SHARD_SCRIPT);
        Path mergeScript = job.jobDir().resolve(SlurmScripts.MERGE_SCRIPT);
        boolean merged = Files.exists(job.out());
        String oldMerge = job.mergeJobIds().isEmpty() ? null : job.mergeJobIds().get(job.mergeJobIds().size() - 1);
        String oldMergeState = oldMerge == null ? null : SlurmTools.jobState(oldMerge);
        boolean mergeUnderWay = oldMergeState != null && ShardStates.underWay(oldMergeState);
        if (missing.isEmpty()) {
            if (merged || states.values().stream().anyMatch(s -> !s.equals("done")) || mergeUnderWay) {
                out.println("nothing to resubmit: every shard is done or under way" + (merged ? ", and merged" : ""));
                return 0;
            }
            // every shard is done, but the merge failed or was cancelled: submit it alone
            if (dryRun) {
                out.println("sbatch --parsable " + mergeScript);
                return 0;
            }
            String mergeId = SlurmTools.sbatch(List.of(), mergeScript.toString());
            job.addMergeJob(mergeId);
            job.save();
            out.printf("every shard is done; submitted merge job %s%n", mergeId);
            return 0;
        }
        String array = missing.stream().map(String::valueOf).collect(Collectors.joining(","));
        if (dryRun) {
            out.println("shards to resubmit: " + array);
            out.println("sbatch --parsable --array=" + array + " " + shardScript);
            out.println("sbatch --parsable --dependency=afterok:<new array job id> " + mergeScript);
            return 0;
        }
        String arrayId = SlurmTools.sbatch(List.of("--array=" + array), shardScript.toString());
        job.addArrayJob(arrayId);
        job.save();
        if (mergeUnderWay) {
            SlurmTools.scancel(oldMerge); // it waits on tasks that failed: it would never start
        }
        String mergeId = SlurmTools.sbatch(List.of("--dependency=afterok:" + arrayId), mergeScript.toString());
        job.addMergeJob(mergeId);
        job.save();
        out.printf("resubmitted shards %s as job array %s; merge job %s follows%n", array, arrayId, mergeId);
        return 0;
    }
}
