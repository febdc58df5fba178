package org.ltpsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltpsim.cli.io.OutputFile;
import org.ltpsim.sbml.DsmtsCase;

/**
 * {@code --checkpoint-every} and {@code --resume}: a run killed with SIGKILL at moments drawn from a fixed-seed RNG
 * and resumed each time ends with the bytes of an uninterrupted run, and no output is ever half there; checkpoints
 * that are cut short, damaged or another run's are refused in one line, exit 2, nothing written.
 * (scripts/kill-resume-check.sh does the same with 20 kills.)
 */
class CheckpointResumeTest {
    /** Kills in the unit test; the script does 20. */
    private static final int KILLS = 3;

    @TempDir
    Path dir;
    private Path model;

    @BeforeEach
    void writeModel() throws IOException {
        model = dir.resolve("birth-death.xml");
        Files.writeString(model, DsmtsCase.named("001-01").modelXml());
    }

    /** A few seconds of one thread after the model is read: long enough to be killed a few times on the way. */
    private String[] longRun(Path out, String... extra) {
        String[] base = {"sbml", model.toString(), "--replicates", "80000", "--t-end", "50", "--seed", "9",
            "--out", out.toString()};
        return CliRun.concat(base, extra);
    }

    @Test
    void killedAtRandomMomentsAndResumedEndsWithTheUninterruptedBytes() throws Exception {
        Path reference = dir.resolve("reference.csv");
        assertEquals(0, Main.execute(longRun(reference, "--threads", "2")));
        Path out = dir.resolve("killed.csv");
        Path checkpoint = dir.resolve(".killed.csv.ltpsim-checkpoint");
        Random moments = new Random(20_260_101L);
        int resumedFromCheckpoint = 0;
        for (int kill = 0; kill <= KILLS; kill++) {
            String[] args = longRun(out, "--threads", "1", "--checkpoint-every", "0.2s", "--resume");
            Path log = dir.resolve("log-" + kill);
            Object saved = fileKey(checkpoint);
            Process child = CliProcess.start(dir, dir, log, args);
            if (kill < KILLS) {
                // the first kill lands while the JVM starts or reads the model; the others once the run has saved
                // a checkpoint of its own (a new file: each save renames a new one into place), at a random moment
                if (kill > 0) {
                    awaitNewCheckpoint(checkpoint, saved, child);
                }
                long delayMs = kill == 0 ? 200 + moments.nextInt(800) : moments.nextInt(1200);
                if (!child.waitFor(delayMs, TimeUnit.MILLISECONDS)) {
                    child.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
                }
            }
            assertTrue(child.waitFor(3, TimeUnit.MINUTES), "the run ends");
            String err = Files.readString(log.resolveSibling(log.getFileName() + ".err"));
            if (err.contains("resuming from")) {
                resumedFromCheckpoint++;
            }
            // the table and its manifest appear whole, at the end, or not at all
            if (Files.exists(out)) {
                assertArrayEquals(Files.readAllBytes(reference), Files.readAllBytes(out), "after kill " + kill);
                assertTrue(Files.exists(OutputFile.manifestPath(out)));
            } else {
                assertFalse(Files.exists(OutputFile.manifestPath(out)), "a manifest without its table");
            }
            if (Files.exists(out)) {
                assertEquals(0, child.exitValue(), err);
                break; // finished (on a fast machine, possibly before every kill landed)
            }
            assertTrue(kill < KILLS, "the last run writes the output: " + err);
        }
        assertArrayEquals(Files.readAllBytes(reference), Files.readAllBytes(out));
        assertTrue(resumedFromCheckpoint >= 1, "at least one run resumed from a checkpoint");
        assertFalse(Files.exists(checkpoint), "the checkpoint is removed once the result is written");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> leftovers = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.contains("ltpsim-checkpoint")).toList();
            assertEquals(List.of(), leftovers);
        }
    }

    @Test
    void checkpointingOrResumingWithoutACheckpointChangesNoByte() throws IOException {
        String[] shortRun = {"sbml", model.toString(), "--replicates", "700", "--t-end", "20", "--seed", "4"};
        Path plain = dir.resolve("plain.csv");
        assertEquals(0, Main.execute(CliRun.concat(shortRun, "--out", plain.toString())));
        Path checkpointed = dir.resolve("checkpointed.csv");
        assertEquals(0, Main.execute(CliRun.concat(shortRun, "--checkpoint-every", "100ms", "--threads", "3",
                "--out", checkpointed.toString())));
        assertArrayEquals(Files.readAllBytes(plain), Files.readAllBytes(checkpointed));
        assertFalse(Files.exists(dir.resolve(".checkpointed.csv.ltpsim-checkpoint")));

        Path resumed = dir.resolve("resumed.csv");
        CliRun run = CliRun.of(CliRun.concat(shortRun, "--resume", "--out", resumed.toString()));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("no checkpoint at " + dir.resolve(".resumed.csv.ltpsim-checkpoint")
                + ": starting from the beginning"), run.err());
        assertArrayEquals(Files.readAllBytes(plain), Files.readAllBytes(resumed));
    }

    @Test
    void cutDamagedAndForeignCheckpointsAreRefusedWritingNothing() throws Exception {
        Path out = dir.resolve("run.csv");
        Path checkpoint = dir.resolve(".run.csv.ltpsim-checkpoint");
        Process child = CliProcess.start(dir, dir, dir.resolve("log"), longRun(out, "--threads", "1",
                "--checkpoint-every", "0.2s"));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Files.exists(checkpoint) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        child.destroyForcibly().waitFor();
        assertTrue(Files.exists(checkpoint), "a checkpoint was written");
        assertFalse(Files.exists(out));
        byte[] good = Files.readAllBytes(checkpoint);

        String again = refusal(longRun(out));
        assertTrue(again.contains("has the checkpoint of an unfinished run beside it (.run.csv.ltpsim-checkpoint): "
                + "add --resume to continue it, or --force to start over"), again);
        String otherSeed = refusal(withSeed(longRun(out, "--resume"), "10"));
        assertTrue(otherSeed.contains("belongs to another run: its seed is '9', this run's is '10'"), otherSeed);
        String otherReplicates = refusal(withReplicates(longRun(out, "--resume"), "12001"));
        assertTrue(otherReplicates.contains("belongs to another run: its command_line is"), otherReplicates);

        Files.write(checkpoint, Arrays.copyOf(good, good.length - 7));
        String cut = refusal(longRun(out, "--resume"));
        assertTrue(cut.contains("is truncated or corrupt"), cut);
        byte[] damaged = good.clone();
        damaged[damaged.length / 3] ^= 16;
        Files.write(checkpoint, damaged);
        String corrupt = refusal(longRun(out, "--resume"));
        assertTrue(corrupt.contains("is truncated or corrupt"), corrupt);
        Files.writeString(checkpoint, "not a checkpoint at all, but long enough to have a tail of 32 bytes");
        String foreign = refusal(longRun(out, "--resume"));
        assertTrue(foreign.contains("is not an ltpsim checkpoint file"), foreign);
        assertEquals("not a checkpoint at all, but long enough to have a tail of 32 bytes",
                Files.readString(checkpoint), "a refused checkpoint is left as it was");
    }

    /**
     * SIGTERM (what SLURM sends on pre-emption, time limit or scancel) saves a last checkpoint at once, whatever the
     * interval (here an hour, so the only checkpoint is the final one), and the resumed run ends with the bytes of an
     * uninterrupted one.
     */
    @Test
    void sigtermSavesAFinalCheckpointThatResumesToTheSameBytes() throws Exception {
        String[] longer = {"sbml", model.toString(), "--replicates", "400000", "--t-end", "50", "--seed", "9"};
        Path reference = dir.resolve("reference.csv");
        assertEquals(0, Main.execute(CliRun.concat(longer, "--threads", "2", "--out", reference.toString())));
        Path out = dir.resolve("stopped.csv");
        Path checkpoint = dir.resolve(".stopped.csv.ltpsim-checkpoint");
        Path log = dir.resolve("stopped-log");
        Path err = log.resolveSibling("stopped-log.err");
        Process child = CliProcess.start(dir, dir, log, CliRun.concat(longer, "--threads", "2",
                "--checkpoint-every", "1h", "--out", out.toString()));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (child.isAlive() && System.nanoTime() < deadline
                && !(Files.exists(err) && Files.readString(err).contains("%"))) {
            Thread.sleep(20); // until the progress bar shows: the blocks are running
        }
        Thread.sleep(300);
        child.destroy(); // SIGTERM
        assertTrue(child.waitFor(1, TimeUnit.MINUTES), "the run stops");
        String stopped = Files.readString(err);
        assertFalse(Files.exists(out), "stopped before the end (400,000 realisations take seconds): " + stopped);
        assertTrue(stopped.contains("checkpoint saved to " + checkpoint), stopped);
        assertTrue(Files.exists(checkpoint));

        CliRun resumed = CliRun.of(CliRun.concat(longer, "--threads", "1", "--checkpoint-every", "1h", "--resume",
                "--out", out.toString()));
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.err().contains("resuming from " + checkpoint), resumed.err());
        assertFalse(resumed.err().contains(": 0 of "), "the final checkpoint holds finished blocks: "
                + resumed.err());
        assertArrayEquals(Files.readAllBytes(reference), Files.readAllBytes(out));
        assertFalse(Files.exists(checkpoint), "the checkpoint is removed once the result is written");
    }

    /** The identity of the file at {@code path} (a new file after each save), or null when there is none. */
    static Object fileKey(Path path) throws IOException {
        return Files.exists(path) ? Files.readAttributes(path, BasicFileAttributes.class).fileKey() : null;
    }

    /** Waits until {@code checkpoint} is a file other than {@code before}, or the child ends (two minutes at most). */
    static void awaitNewCheckpoint(Path checkpoint, Object before, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (child.isAlive() && System.nanoTime() < deadline) {
            Object now = fileKey(checkpoint);
            if (now != null && !now.equals(before)) {
                return;
            }
            Thread.sleep(20);
        }
    }

    private static String[] withSeed(String[] args, String seed) {
        String[] copy = args.clone();
        copy[Arrays.asList(copy).indexOf("--seed") + 1] = seed;
        return copy;
    }

    private static String[] withReplicates(String[] args, String replicates) {
        String[] copy = args.clone();
        copy[Arrays.asList(copy).indexOf("--replicates") + 1] = replicates;
        return copy;
    }

    private String refusal(String[] args) {
        Path out = Path.of(args[Arrays.asList(args).indexOf("--out") + 1]);
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        assertFalse(Files.exists(out) || Files.exists(OutputFile.manifestPath(out)), "nothing written");
        return run.message();
    }
}
