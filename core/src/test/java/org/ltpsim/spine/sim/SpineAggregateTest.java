package org.ltpsim.spine.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ltpsim.parallel.BlockCodec;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.parallel.BlockFold;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.spine.SpineModel;
import org.ltpsim.spine.TestKernels;
import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.input.Protocols;
import org.ltpsim.stats.RunningStats;

/**
 * Branches folded as they arrive ({@link SpineAggregate}, {@link FoldedBranches}): the merged trace statistics are
 * those of all spines taken together, a fold saved part-way (a checkpoint) and read back folds on to the bits of
 * an uninterrupted run, every field of the fold is saved, and branches that do not fit are refused.
 */
class SpineAggregateTest {
    private static final ParameterSet P = ParameterSet.defaults("spine").with("protocol.hfs_pulses", "5")
            .with("branch.spines_per_branch", "3");
    private static final SpineModel M = SpineModel.from(P, false);

    /** Two pathways of 10 and 4 spines, 3 spines per branch: branches that mix pathways and a short last one. */
    private static SpineExperiment experiment() {
        return new SpineExperiment(M, List.of(new Pathway("A", Protocols.named("hfs", P), 10),
                new Pathway("B", Protocols.named("lfs", P), 4)), 5, 40, 0);
    }

    /**
     * Synthetic branches whose spines have known calcium in each of 7 bins (values of very different sizes, so a
     * naive sum of squares would lose digits): the fold's per-pathway mean and sample sd equal those of the values
     * of all the pathway's spines computed directly in two passes, to 1e-12 relative (the sums run in another order).
     */
    @Test
    void mergedTraceStatisticsAreThoseOfAllSpinesTogether() {
        SpineExperiment e = experiment();
        SpineLayout layout = new SpineLayout(e.pathways(), M.spinesPerBranch());
        int bins = 7;
        double[][] value = new double[layout.spineCount()][bins];
        SplittableRandom random = new SplittableRandom(11);
        for (double[] spine : value) {
            for (int k = 0; k < bins; k++) {
                spine[k] = 1e4 + random.nextDouble() * (k + 1);
            }
        }
        List<BranchResult> branches = new ArrayList<>();
        for (int b = 0; b < layout.branchCount(); b++) {
            branches.add(syntheticBranch(layout, b, value));
        }
        SpineRunResult r = new SpineRunResult(SpineAggregate.of(e, layout, branches), null);
        for (int p = 0; p < 2; p++) {
            for (int k = 0; k < bins; k++) {
                double sum = 0;
                int n = 0;
                for (int s = 0; s < layout.spineCount(); s++) {
                    if (layout.pathwayOf(s) == p) {
                        sum += value[s][k];
                        n++;
                    }
                }
                double mean = sum / n;
                double squares = 0;
                for (int s = 0; s < layout.spineCount(); s++) {
                    if (layout.pathwayOf(s) == p) {
                        squares += (value[s][k] - mean) * (value[s][k] - mean);
                    }
                }
                double sd = Math.sqrt(squares / (n - 1));
                assertEquals(mean, r.traceMeanMicroMolar(p)[k], 1e-12 * mean, "mean, pathway " + p + " bin " + k);
                assertEquals(sd, r.traceSdMicroMolar(p)[k], 1e-9 * sd, "sd, pathway " + p + " bin " + k);
                assertEquals(mean - 1, r.traceMinMicroMolar(p)[k], 1e-12 * mean, "min, pathway " + p + " bin " + k);
                assertEquals(mean + 1, r.traceMaxMicroMolar(p)[k], 1e-12 * mean, "max, pathway " + p + " bin " + k);
            }
        }
        assertEquals(value[13][0], r.peakCaMicroMolar(13));
        assertEquals(layout.branchCount(), r.fastSteps());
    }

    /** A branch whose spine s has calcium value[s][k] in bin k (min and max 1 below and above). */
    private static BranchResult syntheticBranch(SpineLayout layout, int b, double[][] value) {
        int first = layout.firstSpine(b);
        int count = layout.spinesOn(b);
        int bins = value[0].length;
        BranchResult r = new BranchResult(count, 2, bins);
        for (int p = 0; p < 2; p++) {
            for (int k = 0; k < bins; k++) {
                RunningStats stats = new RunningStats();
                for (int i = 0; i < count; i++) {
                    if (layout.pathwayOf(first + i) == p) {
                        stats.add(value[first + i][k]);
                        r.traceMinSum[p][k] += value[first + i][k] - 1;
                        r.traceMaxSum[p][k] += value[first + i][k] + 1;
                    }
                }
                r.traceSum[p][k] = stats.count() * stats.rawMean();
                r.traceSumSquaredDeviations[p][k] = stats.sumSquaredDeviations();
            }
        }
        for (int i = 0; i < count; i++) {
            r.peakCaMicroMolar[i] = value[first + i][0];
        }
        r.fastSteps = 1;
        return r;
    }

    /** A fold saved after every possible number of branches and read back finishes with the bits of one run. */
    @Test
    void aFoldSavedPartWayAndReadBackFoldsOnToTheSameBits() throws IOException {
        SpineExperiment e = experiment();
        SpineRunResult whole;
        try (BlockExecutor one = new BlockExecutor(1)) {
            whole = new SpineSimulator(TestKernels.channels()).run(e, one);
        }
        SpineBlocks blocks = new SpineBlocks(TestKernels.channels(), List.of(e), null);
        List<BranchResult> branches = new ArrayList<>();
        for (int b = 0; b < blocks.blockCount(); b++) {
            branches.add(blocks.run(b));
        }
        BlockFold<BranchResult, FoldedBranches> fold = blocks.fold();
        for (int saved = 1; saved <= branches.size(); saved++) {
            FoldedBranches state = fold.start();
            for (BranchResult branch : branches.subList(0, saved)) {
                state = fold.add(state, branch);
            }
            state = roundTrip(blocks.codec(), state);
            assertEquals(saved, state.blockCount());
            for (BranchResult branch : branches.subList(saved, branches.size())) {
                state = fold.add(state, branch);
            }
            SpineRunResult resumed = blocks.result(0, state);
            String where = "saved after " + saved + " branches";
            assertArrayEquals(whole.peakCaMicroMolar, resumed.peakCaMicroMolar, where);
            assertArrayEquals(whole.qMaxMicroMolarSec, resumed.qMaxMicroMolarSec, where);
            assertArrayEquals(whole.nmdaOpenChannelMs, resumed.nmdaOpenChannelMs, where);
            assertArrayEquals(whole.releases, resumed.releases, where);
            assertArrayEquals(whole.branchPeakDepolarisationMv, resumed.branchPeakDepolarisationMv, where);
            for (int p = 0; p < 2; p++) {
                assertArrayEquals(whole.traceMeanMicroMolar(p), resumed.traceMeanMicroMolar(p), where);
                assertArrayEquals(whole.traceSdMicroMolar(p), resumed.traceSdMicroMolar(p), where);
                assertArrayEquals(whole.traceMinMicroMolar(p), resumed.traceMinMicroMolar(p), where);
                assertArrayEquals(whole.traceMaxMicroMolar(p), resumed.traceMaxMicroMolar(p), where);
            }
            assertEquals(whole.fastSteps(), resumed.fastSteps(), where);
            assertEquals(whole.jumps(), resumed.jumps(), where);
        }
    }

    /**
     * Every field of {@link SpineAggregate}, found by reflection, survives the state codec: a field added later
     * without being saved fails here. The branches carry distinct values in every field and two recorded traces.
     */
    @Test
    void everyFieldOfTheFoldIsSaved() throws IOException {
        SpineExperiment e = experiment();
        SpineBlocks blocks = new SpineBlocks(TestKernels.channels(), List.of(e), null);
        SpineLayout layout = new SpineLayout(e.pathways(), M.spinesPerBranch());
        BlockFold<BranchResult, FoldedBranches> fold = blocks.fold();
        FoldedBranches state = fold.start();
        SplittableRandom random = new SplittableRandom(3);
        for (int b = 0; b < 2; b++) {
            BranchResult r = new BranchResult(layout.spinesOn(b), 2, 4);
            fillRandomly(r, random);
            r.recordedTraces = new SpineTrace[] {new SpineTrace(layout.firstSpine(b), 0, 0.5, 3, b == 0)};
            fillRandomly(r.recordedTraces[0], random);
            state = fold.add(state, r);
        }
        FoldedBranches back = roundTrip(blocks.codec(), state);
        assertEquals(render(state.experiments.get(0)), render(back.experiments.get(0)));
    }

    @Test
    void branchesThatDoNotFitAreRefused() {
        SpineExperiment e = experiment();
        SpineLayout layout = new SpineLayout(e.pathways(), M.spinesPerBranch());
        SpineAggregate aggregate = new SpineAggregate(e, layout);
        assertThrows(IllegalArgumentException.class, () -> aggregate.add(new BranchResult(2, 2, 4)),
                "a branch of 2 spines where the layout has 3");
        aggregate.add(new BranchResult(3, 2, 4));
        assertThrows(IllegalArgumentException.class, () -> aggregate.add(new BranchResult(3, 2, 5)),
                "5 trace bins after a branch of 4");
        assertThrows(IllegalArgumentException.class, () -> new SpineRunResult(aggregate, null),
                "a result with branches missing");
        SpineBlocks blocks = new SpineBlocks(TestKernels.channels(), List.of(e), null);
        BlockFold<BranchResult, FoldedBranches> fold = blocks.fold();
        FoldedBranches state = fold.start();
        for (int b = 0; b < layout.branchCount(); b++) {
            state = fold.add(state, new BranchResult(layout.spinesOn(b), 2, 4));
        }
        FoldedBranches full = state;
        assertThrows(IllegalArgumentException.class, () -> fold.add(full, new BranchResult(3, 2, 4)),
                "a branch beyond the run's last");
    }

    private static FoldedBranches roundTrip(BlockCodec<BranchResult, FoldedBranches> codec, FoldedBranches state)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        codec.writeState(new DataOutputStream(bytes), state);
        return codec.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }

    /** Random values in every primitive field and array element (not in references to other objects). */
    private static void fillRandomly(Object target, SplittableRandom random) {
        for (Field field : fields(target.getClass())) {
            try {
                Class<?> type = field.getType();
                if (type.isArray() && type.getComponentType() != SpineTrace.class) {
                    fillArray(field.get(target), random);
                } else if (type == double.class) {
                    field.setDouble(target, random.nextDouble());
                } else if (type == long.class) {
                    field.setLong(target, random.nextLong(1 << 20));
                } else if (type == int.class && !field.getName().equals("spine")) {
                    field.setInt(target, random.nextInt(1 << 20));
                } else if (type == boolean.class) {
                    field.setBoolean(target, random.nextBoolean());
                }
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static void fillArray(Object array, SplittableRandom random) {
        if (array == null) {
            return;
        }
        for (int i = 0; i < Array.getLength(array); i++) {
            Class<?> component = array.getClass().getComponentType();
            if (component.isArray()) {
                fillArray(Array.get(array, i), random);
            } else if (component == double.class) {
                Array.setDouble(array, i, random.nextDouble());
            } else if (component == int.class) {
                Array.setInt(array, i, random.nextInt(1 << 20));
            } else if (component == boolean.class) {
                Array.setBoolean(array, i, random.nextBoolean());
            } else if (component == long.class) {
                Array.setLong(array, i, random.nextLong(1 << 20));
            }
        }
    }

    /** Every field as text, recursively (running statistics as count, mean and sum of squared deviations). */
    private static String render(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof RunningStats s) {
            return s.count() + "/" + Double.doubleToRawLongBits(s.rawMean()) + "/"
                    + Double.doubleToRawLongBits(s.sumSquaredDeviations());
        }
        if (value instanceof SpineExperiment || value instanceof SpineLayout) {
            return "same object: " + System.identityHashCode(value);
        }
        if (value instanceof List<?> list) {
            StringBuilder text = new StringBuilder("[");
            list.forEach(x -> text.append(render(x)).append(", "));
            return text.append("]").toString();
        }
        if (value.getClass().isArray()) {
            StringBuilder text = new StringBuilder("[");
            for (int i = 0; i < Array.getLength(value); i++) {
                text.append(render(Array.get(value, i))).append(", ");
            }
            return text.append("]").toString();
        }
        if (value instanceof SpineAggregate || value instanceof SpineTrace) {
            StringBuilder text = new StringBuilder(value.getClass().getSimpleName()).append("{");
            for (Field field : fields(value.getClass())) {
                try {
                    text.append(field.getName()).append("=").append(render(field.get(value))).append("; ");
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
            return text.append("}").toString();
        }
        if (value instanceof Double d) {
            return Long.toHexString(Double.doubleToRawLongBits(d));
        }
        return value.toString();
    }

    private static List<Field> fields(Class<?> type) {
        return BranchResultCodecTest.fields(type); // every instance field, made accessible
    }
}
