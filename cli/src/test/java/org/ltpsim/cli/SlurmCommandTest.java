package org.ltpsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltpsim.sbml.DsmtsCase;

/**
 * {@code ltpsim slurm}: the job-array and merge scripts that {@code submit --dry-run} prints, the refusals, and the
 * scripts themselves run by bash as SLURM would run them (task id and cores in the environment), shard by shard,
 * with {@code status} and {@code resubmit --dry-run} in between, ending in the single run's bytes.
 */
class SlurmCommandTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void dryRunPrintsTheArrayAndMergeScriptsAndWritesNothing() {
        Path out = dir.resolve("big");
        CliRun o = run("slurm", "submit", "--shards", "8", "--time", "1:00:00", "--mem", "4G", "--cpus-per-task", "4",
                "--partition", "short", "--account", "lab", "--dry-run", "--", "ltpsim", "run", "--spines", "100",
                "--seed", "3", "--out", out.toString());
        assertEquals(0, o.exitCode(), o.err());
        String text = o.out();
        for (String line : List.of("#SBATCH --array=1-8", "#SBATCH --time=1:00:00", "#SBATCH --mem=4G",
                "#SBATCH --cpus-per-task=4", "#SBATCH --partition=short", "#SBATCH --account=lab", "#SBATCH --requeue",
                "#SBATCH --output=" + dir.resolve("big.slurm/logs") + "/shard-%a.log", "#SBATCH --job-name=ltpsim-run",
                "#SBATCH --job-name=ltpsim-run-merge",
                "sbatch --parsable --dependency=afterok:<array job id> " + dir.resolve("big.slurm/merge.sbatch"))) {
            assertTrue(text.contains(line + "\n"), "missing '" + line + "' in\n" + text);
        }
        assertTrue(text.contains(" run --spines 100 --seed 3 --shard \"$index/8\" --threads \"${SLURM_CPUS_PER_TASK:-1}\""
                + " --checkpoint-every 5min --resume --out \"$shard_dir\""), text);
        // compute nodes start Java with this JVM's JIT settings (the test JVMs have the launcher's: pom.xml)
        assertTrue(text.contains(" -XX:CompileCommand=inline,org.ltpsim.simd.PanamaSsaLanes::log "), text);
        assertTrue(text.contains(" merge " + dir.resolve("big.slurm/shards/1") + " "), text);
        assertTrue(text.contains(dir.resolve("big.slurm/shards/8") + " --out " + out + "\n"), text);
        assertFalse(Files.exists(dir.resolve("big.slurm")), "a dry run writes nothing");
    }

    @Test
    void badSubmissionsAreOneLineExitTwo() {
        String out = dir.resolve("x").toString();
        String[][] cases = {
            {"--shards", "0", "--", "run", "--out", out},
            {"--shards", "2", "--", "run", "--spines", "10"},
            {"--shards", "2", "--", "run", "--threads", "4", "--out", out},
            {"--shards", "2", "--", "camkii", "--out", out},
            {"--shards", "2", "--", "run", "--spines", "ten", "--out", out},
            {"--shards", "2", "--checkpoint-every", "soon", "--", "run", "--out", out},
        };
        String[] expected = {"--shards must be", "--out", "must leave out --threads", "run, sweep or sbml",
            "does not parse", "--checkpoint-every must be a duration"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = CliRun.concat(new String[] {"slurm", "submit"}, cases[i]);
            CliRun r = CliRun.of(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(expected[i]), r.err());
        }
        CliRun notAJob = CliRun.of("slurm", "status", dir.toString());
        assertEquals(2, notAJob.exitCode());
        assertTrue(notAJob.err().contains("is not an ltpsim SLURM job folder"), notAJob.err());
    }

    @Test
    void theScriptsRunAsSlurmWouldRunThemAndMergeToTheSingleRunsBytes() throws Exception {
        Path model = dir.resolve("model.xml");
        Files.writeString(model, DsmtsCase.named("003-01").modelXml());
        String[] command = {"sbml", model.toString(), "--replicates", "400", "--t-end", "5", "--seed", "8"};
        Path single = dir.resolve("single.csv");
        assertEquals(0, Main.execute(CliRun.concat(command, "--out", single.toString())));
        Path merged = dir.resolve("merged.csv");
        CliRun submitted = run(CliRun.concat(new String[] {"slurm", "submit", "--shards", "3", "--no-submit", "--"},
                CliRun.concat(command, "--out", merged.toString())));
        assertEquals(0, submitted.exitCode(), submitted.err());
        Path job = dir.resolve("merged.csv.slurm");
        assertTrue(Files.isRegularFile(job.resolve("shards.sbatch")) && Files.isDirectory(job.resolve("logs")));

        assertEquals(0, bash(job.resolve("shards.sbatch"), 1));
        assertEquals(0, bash(job.resolve("shards.sbatch"), 3));
        CliRun status = run("slurm", "status", job.toString());
        assertTrue(status.out().contains("shard 1/3: done\nshard 2/3: not done\nshard 3/3: done\n"), status.out());
        assertTrue(status.out().contains("2 of 3 shards done; merge not submitted"), status.out());
        CliRun resubmit = run("slurm", "resubmit", "--dry-run", job.toString());
        assertTrue(resubmit.out().contains("sbatch --parsable --array=2 " + job.resolve("shards.sbatch")),
                resubmit.out());

        assertEquals(0, bash(job.resolve("shards.sbatch"), 2));
        assertEquals(0, bash(job.resolve("shards.sbatch"), 2), "a finished shard is not run again");
        assertTrue(Files.readString(job.resolve("logs/test-2.log")).contains("shard 2/3 is done already"));
        assertEquals(0, bash(job.resolve("merge.sbatch"), 0));
        assertArrayEquals(Files.readAllBytes(single), Files.readAllBytes(merged));
        CliRun done = run("slurm", "status", job.toString());
        assertTrue(done.out().contains("3 of 3 shards done; merged into " + merged), done.out());
        assertTrue(run("slurm", "resubmit", "--dry-run", job.toString()).out().contains("nothing to resubmit"));
    }

    /** Runs a batch script with bash as task {@code index} with two cores; its output goes to logs/test-I.log. */
    private static int bash(Path script, int index) throws IOException, InterruptedException {
        Path log = script.resolveSibling("logs").resolve("test-" + index + ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("SLURM_ARRAY_TASK_ID", String.valueOf(index));
        builder.environment().put("SLURM_CPUS_PER_TASK", "2");
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(script + " did not finish");
        }
        return process.exitValue();
    }
}
