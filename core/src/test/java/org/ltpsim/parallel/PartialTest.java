package org.ltpsim.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltpsim.rng.RandomStreams;

/**
 * Partials split anywhere and appended in block order fold to the bits of one fold over every block, with a fold
 * that is not associative in floating point (a running mean); their files round-trip exactly and are refused when
 * cut short, altered or another run's.
 */
class PartialTest {
    @TempDir
    Path dir;

    /** A running mean: (mean, count), whose result depends on the grouping of the additions. */
    static final BlockFold<Double, double[]> MEAN = new BlockFold<>() {
        @Override
        public double[] start() {
            return new double[2];
        }

        @Override
        public double[] add(double[] state, Double value) {
            state[1] += 1;
            state[0] += (value - state[0]) / state[1];
            return state;
        }
    };

    static final BlockCodec<Double, double[]> CODEC = new BlockCodec<>() {
        @Override
        public String format() {
            return "test-mean/1";
        }

        @Override
        public void writeBlock(DataOutput out, Double result) throws IOException {
            out.writeDouble(result);
        }

        @Override
        public Double readBlock(DataInput in) throws IOException {
            return in.readDouble();
        }

        @Override
        public void writeState(DataOutput out, double[] state) throws IOException {
            out.writeDouble(state[0]);
            out.writeDouble(state[1]);
        }

        @Override
        public double[] readState(DataInput in) throws IOException {
            return new double[] {in.readDouble(), in.readDouble()};
        }
    };

    private static double value(int block) {
        return RandomStreams.forBlock(7, "partial-test", block).nextDouble() * 1e3;
    }

    @Test
    void shardsThroughTheirFilesFoldToTheBitsOfOneRun() throws IOException {
        int blocks = 101;
        double[] whole = MEAN.start();
        for (int b = 0; b < blocks; b++) {
            MEAN.add(whole, value(b));
        }
        Map<String, String> identity = Map.of("seed", "7");
        for (int count : new int[] {1, 3, 7, 200}) {
            List<Partial<Double, double[]>> read = new ArrayList<>();
            for (int index = 1; index <= count; index++) {
                BlockRange range = new Shard(index, count).range(blocks);
                Partial<Double, double[]> partial = Partial.empty(MEAN, range.first(), true);
                for (int b = range.first(); b < range.end(); b++) {
                    partial.add(b, value(b));
                }
                Path file = dir.resolve(count + "-" + index);
                PartialFile.write(file, "shard", identity, partial, new TreeMap<>(), CODEC);
                read.add(PartialFile.read(file, file.toString(), "shard", identity, MEAN, CODEC).partial());
            }
            double[] merged = Partial.concat(MEAN, read).state();
            assertEquals(Double.doubleToRawLongBits(whole[0]), Double.doubleToRawLongBits(merged[0]),
                    count + " shards");
            assertEquals(whole[1], merged[1]);
        }
    }

    @Test
    void partialsMustFollowEachOther() {
        Partial<Double, double[]> first = Partial.empty(MEAN, 0, true);
        first.add(0, 1.0);
        Partial<Double, double[]> gap = Partial.empty(MEAN, 2, true);
        gap.add(2, 3.0);
        assertThrows(IllegalArgumentException.class, () -> first.append(gap));
        assertThrows(IllegalArgumentException.class, () -> first.add(5, 1.0));
        assertThrows(IllegalStateException.class, gap::state);
    }

    @Test
    void cutShortAlteredForeignAndOtherFormatFilesAreRefusedNamingTheFile() throws IOException {
        Map<String, String> identity = new LinkedHashMap<>();
        identity.put("version", "1.0");
        identity.put("seed", "7");
        Partial<Double, double[]> partial = Partial.empty(MEAN, 3, true);
        for (int b = 3; b < 20; b++) {
            partial.add(b, value(b));
        }
        Path file = dir.resolve("p.bin");
        PartialFile.write(file, "shard", identity, partial, new TreeMap<>(Map.of(25, 2.5)), CODEC);
        PartialFile.Contents<Double, double[]> back = PartialFile.read(file, "F", "shard", identity, MEAN, CODEC);
        assertEquals(partial.blocks(), back.partial().blocks());
        assertEquals(Map.of(25, 2.5), back.ahead());

        byte[] bytes = Files.readAllBytes(file);
        for (int cut : new int[] {0, 5, bytes.length / 2, bytes.length - 1}) {
            Files.write(file, java.util.Arrays.copyOf(bytes, cut));
            String message = assertThrows(UnusableFileException.class,
                    () -> PartialFile.read(file, "F", "shard", identity, MEAN, CODEC)).getMessage();
            assertTrue(message.startsWith("F ") && message.contains("truncated"), message);
        }
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 1;
        Files.write(file, flipped);
        String corrupt = assertThrows(UnusableFileException.class,
                () -> PartialFile.read(file, "F", "shard", identity, MEAN, CODEC)).getMessage();
        assertTrue(corrupt.contains("corrupt"), corrupt);

        Files.write(file, bytes);
        Map<String, String> otherSeed = new LinkedHashMap<>(identity);
        otherSeed.put("seed", "8");
        String foreign = assertThrows(UnusableFileException.class,
                () -> PartialFile.read(file, "F", "shard", otherSeed, MEAN, CODEC)).getMessage();
        assertEquals("F belongs to another run: its seed is '7', this run's is '8'", foreign);
        String purpose = assertThrows(UnusableFileException.class,
                () -> PartialFile.read(file, "F", "checkpoint", identity, MEAN, CODEC)).getMessage();
        assertTrue(purpose.contains("not a checkpoint"), purpose);

        Files.writeString(file, "time,x\n0,1\n".repeat(10));
        String notOurs = assertThrows(UnusableFileException.class,
                () -> PartialFile.read(file, "F", "shard", identity, MEAN, CODEC)).getMessage();
        assertEquals("F is not an ltpsim shard file", notOurs);
    }

    @Test
    void checkpointsSaveAtomicallyLoadAndClearTheirLeftovers() throws IOException {
        Path out = dir.resolve("run");
        Path file = Checkpoint.beside(out);
        assertEquals(".run.ltpsim-checkpoint", file.getFileName().toString());
        Checkpoint checkpoint = new Checkpoint(file, Map.of("seed", "7"));
        assertTrue(checkpoint.load(MEAN, CODEC).isEmpty());
        Partial<Double, double[]> partial = Partial.empty(MEAN, 0, true);
        partial.add(0, 4.0);
        partial.add(1, 6.0);
        checkpoint.save(partial, new TreeMap<>(Map.of(3, 1.0)), CODEC);
        Path leftover = dir.resolve(".run.ltpsim-checkpoint.tmp-0badf00d");
        Files.writeString(leftover, "half a checkpoint");
        Path unrelated = dir.resolve("notes.txt");
        Files.writeString(unrelated, "mine");
        PartialFile.Contents<Double, double[]> loaded = checkpoint.load(MEAN, CODEC).orElseThrow();
        assertEquals(5.0, loaded.partial().state()[0]);
        assertEquals(new BlockRange(0, 2), loaded.partial().range());
        assertEquals(Map.of(3, 1.0), loaded.ahead());
        checkpoint.delete();
        assertTrue(Files.notExists(file) && Files.notExists(leftover) && Files.exists(unrelated));
    }
}
