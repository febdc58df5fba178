package org.ltpsim.cli.slurm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ltpsim.cli.scale.ArgumentText;

/**
 * The two batch scripts of a sharded run: a job array with one task per shard (task I runs shard I of N, with as
 * many threads as SLURM gave it cores, checkpointing and resuming so that a requeued or resubmitted task continues
 * where it stopped) and a merge job, submitted to start after every task succeeded ({@code afterok}).
 *
 * @param ltpsim how a compute node starts ltpsim (absolute paths: java, its options, the jar)
 * @param command the ltpsim command to shard, subcommand first, without --out
 * @param out the merged result (absolute)
 * @param force whether the merge may replace an earlier result at {@code out}
 * @param jobDir the folder of the scripts, the shard folders ({@code shards/I}) and the logs (absolute)
 * @param workingDirectory where the tasks run (relative paths in {@code command} are relative to it)
 * @param resources the #SBATCH resource lines
 */
public record SlurmScripts(List<String> ltpsim, List<String> command, Path out, boolean force, Path jobDir,
        Path workingDirectory, int shards, String checkpointEvery, Resources resources) {

    /** What each task asks SLURM for; null fields are left to the cluster's defaults. */
    public record Resources(String time, String mem, Integer cpusPerTask, String partition, String account,
            String mergeTime) {}

    public static final String SHARD_SCRIPT = "shards.sbatch";
    public static final String MERGE_SCRIPT = "merge.sbatch";

    /** The folder of shard I, zero-padded so that a listing sorts by shard. */
    public static Path shardDir(Path jobDir, int index, int shards) {
        return jobDir.resolve("shards").resolve(pad(index, shards));
    }

    static String pad(int index, int shards) {
        int width = Integer.toString(shards).length();
        return String.format("%0" + width + "d", index);
    }

    /** The job-array script. */
    public String shardScript() {
        List<String> lines = new ArrayList<>();
        lines.add("#!/bin/bash");
        lines.add("# ltpsim: shard $SLURM_ARRAY_TASK_ID of " + shards + " of the run below; written by 'ltpsim slurm "
                + "submit'.");
        lines.add("# A requeued or resubmitted task resumes from its checkpoint; a finished shard is not run again.");
        lines.add("#SBATCH --job-name=" + jobName());
        lines.add("#SBATCH --array=1-" + shards);
        resourceLines(lines, resources.time());
        lines.add("#SBATCH --requeue");
        lines.add("#SBATCH --open-mode=append");
        lines.add("#SBATCH --output=" + jobDir.resolve("logs") + "/shard-%a.log");
        lines.add("#SBATCH --chdir=" + workingDirectory);
        lines.add("set -euo pipefail");
        lines.add("cd " + quote(workingDirectory.toString()));
        lines.add("index=${SLURM_ARRAY_TASK_ID:?run this script with sbatch (or set SLURM_ARRAY_TASK_ID)}");
        lines.add("shard_dir=" + quote(jobDir.resolve("shards").toString()) + "/$(printf '%0"
                + Integer.toString(shards).length() + "d' \"$index\")");
        lines.add("if [ -f \"$shard_dir/manifest.json\" ]; then");
        lines.add("  echo \"ltpsim: shard $index/" + shards + " is done already ($shard_dir)\"");
        lines.add("  exit 0");
        lines.add("fi");
        List<String> run = new ArrayList<>(ltpsim);
        run.addAll(command);
        StringBuilder line = new StringBuilder("exec");
        for (String arg : run) {
            line.append(' ').append(quote(arg));
        }
        line.append(" --shard \"$index/").append(shards).append("\" --threads \"${SLURM_CPUS_PER_TASK:-1}\"")
                .append(" --checkpoint-every ").append(quote(checkpointEvery)).append(" --resume --out \"$shard_dir\"");
        lines.add(line.toString());
        return String.join("\n", lines) + "\n";
    }

    /** The merge script. */
    public String mergeScript() {
        List<String> lines = new ArrayList<>();
        lines.add("#!/bin/bash");
        lines.add("# ltpsim: merges the " + shards + " shards into " + out + "; written by 'ltpsim slurm submit'.");
        lines.add("#SBATCH --job-name=" + jobName() + "-merge");
        resourceLines(lines, resources.mergeTime() != null ? resources.mergeTime() : resources.time());
        lines.add("#SBATCH --output=" + jobDir.resolve("logs") + "/merge.log");
        lines.add("#SBATCH --chdir=" + workingDirectory);
        lines.add("set -euo pipefail");
        lines.add("cd " + quote(workingDirectory.toString()));
        StringBuilder line = new StringBuilder("exec");
        for (String arg : ltpsim) {
            line.append(' ').append(quote(arg));
        }
        line.append(" merge");
        for (int index = 1; index <= shards; index++) {
            line.append(' ').append(quote(shardDir(jobDir, index, shards).toString()));
        }
        line.append(" --out ").append(quote(out.toString()));
        if (force) {
            line.append(" --force");
        }
        lines.add(line.toString());
        return String.join("\n", lines) + "\n";
    }

    private void resourceLines(List<String> lines, String time) {
        if (time != null) {
            lines.add("#SBATCH --time=" + time);
        }
        if (resources.mem() != null) {
            lines.add("#SBATCH --mem=" + resources.mem());
        }
        if (resources.cpusPerTask() != null) {
            lines.add("#SBATCH --cpus-per-task=" + resources.cpusPerTask());
        }
        if (resources.partition() != null) {
            lines.add("#SBATCH --partition=" + resources.partition());
        }
        if (resources.account() != null) {
            lines.add("#SBATCH --account=" + resources.account());
        }
    }

    private String jobName() {
        return "ltpsim-" + command.get(0);
    }

    private static String quote(String arg) {
        return ArgumentText.quote(arg);
    }
}
