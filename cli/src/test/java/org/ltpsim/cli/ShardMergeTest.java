package org.ltpsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltpsim.cli.io.Manifest;
import org.ltpsim.sbml.DsmtsCase;

/**
 * Runs split into 1, 3 and 7 shards merge to the bytes one run writes, for {@code sbml}, {@code run} (also with
 * the expression layers: 1 and 3 shards of 3 neurons, and checkpointed), {@code sweep}, {@code camkii} and
 * {@code experiment}: every file equal, the manifest and summary equal but for the wall time, the thread count, the
 * command (which names --out) and the list of shards. Shards that do not belong together are refused with one line,
 * exit 2, nothing written.
 */
class ShardMergeTest {
    /** The fields a merged result may differ in from a single run's (time, host, per-shard details). */
    private static final List<String> PER_RUN_FIELDS = List.of("command", "threads", "wall_time_s", "shards");

    @TempDir
    Path dir;

    @Test
    void sbmlShardsMergeToTheSingleRunsTable() throws IOException {
        Path model = dir.resolve("model.xml");
        Files.writeString(model, DsmtsCase.named("003-01").modelXml());
        String[] command = {"sbml", model.toString(), "--replicates", String.valueOf(64 * 9 + 5), "--t-end", "10",
            "--dt-out", "1", "--seed", "5", "--threads", "2"};
        Path single = dir.resolve("single").resolve("table.csv");
        assertEquals(0, Main.execute(CliRun.concat(command, "--out", single.toString())));
        for (int count : new int[] {1, 3, 7}) {
            List<String> shards = shards(command, count);
            Path merged = dir.resolve("merged-" + count).resolve("table.csv");
            assertEquals(0, merge(shards, merged));
            assertArrayEquals(Files.readAllBytes(single), Files.readAllBytes(merged), count + " shards");
            assertSameJson(single.resolveSibling("table.manifest.json"), merged.resolveSibling("table.manifest.json"),
                    count);
        }
    }

    @Test
    void runShardsMergeToTheSingleRunsFolder() throws IOException {
        String[] command = {"run", "--spines", "10", "--pathway", "B:none:2", "--set", "branch.spines_per_branch=2",
            "--set", "protocol.hfs_pulses=3", "--set", "protocol.after_ms=40", "--seed", "11", "--threads", "2",
            "--record", "1,7"};
        assertShardsMergeToTheSingleRun("run", command, 1, 3, 7);
    }

    @Test
    void expressionRunShardsMergeToTheSingleRunsFolder() throws IOException {
        // 3 neurons (one block each) of 2 branches; weights.csv, epsp.csv, spines.csv, figures and summary equal
        String[] command = {"run", "--protocol", "weak-tetanus", "--spines", "6", "--set",
            "branch.spines_per_branch=3", "--set", "branch.input_resistance_mohm=5000", "--expression-set",
            "nucleus.reference_spines=6", "--neurons", "3", "--duration", "3min", "--record-every", "30s",
            "--test-pulses", "1min", "--seed", "12", "--threads", "2"};
        Path single = assertShardsMergeToTheSingleRun("expression", command, 1, 3);
        assertTrue(Files.isRegularFile(single.resolve("weights.csv")));
        // checkpointed (saved after each neuron block): the same bytes, and the checkpoint removed at the end
        Path checkpointed = dir.resolve("checkpointed-expression");
        assertEquals(0, Main.execute(CliRun.concat(command, "--checkpoint-every", "100ms", "--out",
                checkpointed.toString())));
        assertSameFolder(single, checkpointed, 1);
        try (Stream<Path> list = Files.list(dir)) {
            assertTrue(list.noneMatch(p -> p.getFileName().toString().contains("checkpointed-expression.ltpsim")),
                    "checkpoint removed");
        }
    }

    @Test
    void sweepShardsMergeToTheSingleSweepsFolder() throws IOException {
        String[] command = {"sweep", "--spines", "4", "--set", "branch.spines_per_branch=2", "--set",
            "protocol.after_ms=40", "--param", "protocol.hfs_pulses=2,4,6", "--seed", "2", "--threads", "2"};
        assertShardsMergeToTheSingleRun("sweep", command, 1, 3, 7);
    }

    /** 7 blocks of 32 spines (the last short), with switches and censored periods in every block. */
    @Test
    void camkiiShardsMergeToTheSingleRunsFolder() throws IOException {
        String[] command = {"camkii", "--spines", String.valueOf(32 * 6 + 9), "--holoenzymes", "2", "--calcium",
            "pulse:3,2,3", "--t-end", "40", "--dt-out", "2", "--seed", "13", "--threads", "2"};
        Path single = assertShardsMergeToTheSingleRun("camkii", command, 1, 3, 7);
        assertTrue(Files.readString(single.resolve("lifetimes.csv")).lines().count() > 10, "switches recorded");
    }

    /** Frequency-response (3 rates on 2 branches each) and rules (its conditions, one branch each). */
    @Test
    void experimentShardsMergeToTheSingleRunsFolder() throws IOException {
        String[][] commands = {
            {"experiment", "frequency-response", "--frequencies", "1,20,100", "--spines", "4", "--set",
                "branch.spines_per_branch=2", "--set", "protocol.lfs_pulses=20", "--set", "protocol.after_ms=100",
                "--seed", "5", "--threads", "2"},
            {"experiment", "rules", "--branches", "1", "--set", "branch.spines_per_branch=6", "--set",
                "protocol.after_ms=100", "--seed", "8", "--threads", "2"}};
        for (String[] command : commands) {
            assertShardsMergeToTheSingleRun(command[1], command, 1, 3, 7);
        }
    }

    /** The experiments that do not split into blocks refuse --shard in one line, exit 2, writing nothing. */
    @Test
    void experimentsThatDoNotSplitRefuseShards() {
        for (String name : List.of("camkii-lifetime", "noise-scaling", "noise-sources")) {
            Path out = dir.resolve("refused-" + name);
            CliRun run = CliRun.of("experiment", name, "--shard", "1/2", "--out", out.toString());
            assertEquals(2, run.exitCode(), run.err());
            assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
            assertTrue(run.message().contains("experiment " + name + " cannot be combined with --shard"),
                    run.message());
            assertFalse(Files.exists(out), "nothing written");
        }
    }

    @Test
    void shardsOfOtherRunsDuplicatesAndGapsAreRefusedWritingNothing() throws IOException {
        Path model = dir.resolve("model.xml");
        Files.writeString(model, DsmtsCase.named("003-01").modelXml());
        String[] base = {"sbml", model.toString(), "--t-end", "4"};
        String[] command = CliRun.concat(base, "--replicates", "300", "--seed", "5");
        List<String> shards = shards(command, 3);
        Path otherSeed = dir.resolve("seed6-2");
        assertEquals(0, Main.execute(CliRun.concat(base, "--replicates", "300", "--seed", "6", "--shard", "2/3",
                "--out", otherSeed.toString())));
        Path otherReplicates = dir.resolve("r400-2");
        assertEquals(0, Main.execute(CliRun.concat(base, "--replicates", "400", "--seed", "5", "--shard", "2/3",
                "--out", otherReplicates.toString())));
        Path fourWay = dir.resolve("four-2");
        assertEquals(0, Main.execute(CliRun.concat(command, "--shard", "2/4", "--out", fourWay.toString())));
        Path notAShard = dir.resolve("whole.csv");
        assertEquals(0, Main.execute(CliRun.concat(command, "--out", notAShard.toString())));

        Path out = dir.resolve("merged.csv");
        assertRefused("missing shard 2/3 of this run (2 of 3 given)", out, shards.get(0), shards.get(2));
        assertRefused("shard 2/3 is given twice: " + shards.get(1) + " and " + shards.get(1), out, shards.get(0),
                shards.get(1), shards.get(1), shards.get(2));
        assertRefused("shards " + shards.get(0) + " and " + otherSeed + " are not of one run: their seed differs "
                + "('5' and '6')", out, shards.get(0), otherSeed.toString(), shards.get(2));
        String replicates = refusal(out, shards.get(0), otherReplicates.toString(), shards.get(2));
        assertTrue(replicates.contains("are not of one run: their command_line differs"), replicates);
        String split = refusal(out, shards.get(0), fourWay.toString(), shards.get(2));
        assertTrue(split.contains("are not of one run") || split.contains("not of one split"), split);
        String whole = refusal(out, dir.toString());
        assertTrue(whole.contains("is not an ltpsim shard") || whole.contains("is not a shard folder"), whole);

        Path partial = Path.of(shards.get(1)).resolve("partial.bin");
        byte[] bytes = Files.readAllBytes(partial);
        bytes[bytes.length / 2] ^= 4;
        Files.write(partial, bytes);
        String damaged = refusal(out, shards.toArray(String[]::new));
        assertTrue(damaged.contains("partial.bin does not match the SHA-256"), damaged);
        assertFalse(Files.exists(out) || Files.exists(OutputFileNames.manifestOf(out)), "nothing written");
    }

    private void assertRefused(String expected, Path out, String... shardDirs) {
        assertEquals(expected, refusal(out, shardDirs).replace("; nothing was written", ""));
    }

    private static String refusal(Path out, String... shardDirs) {
        CliRun run = CliRun.of(Stream.concat(Stream.of("merge"), Stream.concat(Stream.of(shardDirs),
                Stream.of("--out", out.toString()))).toArray(String[]::new));
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        assertFalse(Files.exists(out), "nothing written");
        return run.message();
    }

    /**
     * Runs {@code command} whole into dir/single-NAME, and as {@code counts} shards merged into
     * dir/merged-NAME-COUNT; checks that each merged folder is the single run's. Returns the single run's folder.
     */
    private Path assertShardsMergeToTheSingleRun(String name, String[] command, int... counts) throws IOException {
        Path single = dir.resolve("single-" + name);
        assertEquals(0, Main.execute(CliRun.concat(command, "--out", single.toString())));
        for (int count : counts) {
            Path merged = dir.resolve("merged-" + name + "-" + count);
            assertEquals(0, merge(shards(command, count), merged));
            assertSameFolder(single, merged, count);
        }
        return single;
    }

    /** Runs {@code command} as shards 1..count into dir/shards-count/i, in a shuffled order of indices. */
    private List<String> shards(String[] command, int count) {
        List<String> dirs = new ArrayList<>();
        for (int index = count; index >= 1; index--) {
            Path shard = dir.resolve("shards-" + count + "-" + command[0] + "-"
                    + Integer.toHexString(Arrays.hashCode(command))).resolve(String.valueOf(index));
            assertEquals(0, Main.execute(CliRun.concat(command, "--shard", index + "/" + count, "--out",
                    shard.toString())), "shard " + index + "/" + count);
            assertTrue(Files.isRegularFile(shard.resolve("partial.bin")));
            dirs.add(shard.toString());
        }
        return dirs;
    }

    private static int merge(List<String> shards, Path out) {
        List<String> args = new ArrayList<>(List.of("merge"));
        args.addAll(shards);
        args.addAll(List.of("--out", out.toString()));
        return Main.execute(args.toArray(String[]::new));
    }

    private static void assertSameFolder(Path single, Path merged, int count) throws IOException {
        List<String> names;
        try (Stream<Path> list = Files.list(single)) {
            names = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        try (Stream<Path> list = Files.list(merged)) {
            assertEquals(names, list.map(p -> p.getFileName().toString()).sorted().toList(), count + " shards");
        }
        for (String name : names) {
            if (name.endsWith(".json")) {
                assertSameJson(single.resolve(name), merged.resolve(name), count);
            } else {
                assertArrayEquals(Files.readAllBytes(single.resolve(name)), Files.readAllBytes(merged.resolve(name)),
                        name + ", " + count + " shards");
            }
        }
    }

    private static void assertSameJson(Path single, Path merged, int count) throws IOException {
        JsonNode a = Manifest.json().readTree(single.toFile());
        JsonNode b = Manifest.json().readTree(merged.toFile());
        if (b.has("shards")) {
            assertEquals(count, b.get("shards").size(), "the merged manifest lists every shard");
        }
        for (String field : PER_RUN_FIELDS) {
            ((ObjectNode) a).remove(field);
            ((ObjectNode) b).remove(field);
        }
        assertEquals(a.toPrettyString(), b.toPrettyString(), single.getFileName() + ", " + count + " shards");
    }

    /** The manifest beside a table, as OutputFile names it. */
    private static final class OutputFileNames {
        static Path manifestOf(Path table) {
            return org.ltpsim.cli.io.OutputFile.manifestPath(table);
        }
    }
}
