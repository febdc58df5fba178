package org.ltpsim.spine.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.parallel.BlockRange;
import org.ltpsim.parallel.BlockRun;
import org.ltpsim.parallel.Partial;
import org.ltpsim.parallel.Shard;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.spine.SpineModel;
import org.ltpsim.spine.TestKernels;
import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.input.Protocols;

/**
 * Branch results survive the shard and checkpoint codec whole: every field of {@link BranchResult} and
 * {@link SpineTrace}, found by reflection, so that a field added later without being written fails here; and a spine
 * run split into shards assembles to the bits of one run.
 */
class BranchResultCodecTest {
    private int counter = 1;

    @Test
    void everyFieldOfABranchAndItsTracesRoundTrips() throws IOException {
        BranchResult original = new BranchResult(3, 2, 4);
        fill(original);
        SpineTrace withCamkii = new SpineTrace(7, 1, 0.5, 5, true);
        SpineTrace without = new SpineTrace(9, 0, 0.5, 2, false);
        fill(withCamkii);
        fill(without);
        original.recordedTraces = new SpineTrace[] {withCamkii, without};

        BranchResult back = roundTrip(new BranchResultCodec(true), original);
        assertSameFields(original, back, "BranchResult");

        BranchResult compact = BranchResultCodec.withoutTraceSums(original);
        assertEquals(0, compact.traceSum[0].length);
        assertArrayEquals(original.qMaxMicroMolarSec, compact.qMaxMicroMolarSec);
        assertSameFields(original.recordedTraces[0], compact.recordedTraces[0], "SpineTrace");
    }

    @Test
    void aBranchOfAnExpressionRunIsRefusedNotWrittenWithoutItsRecords() {
        BranchResult withExpression = new BranchResult(3, 2, 4);
        withExpression.expression = new ExpressionRecords(3, 2, 1, new int[] {0, 0});
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> new BranchResultCodec(true)
                .writeBlock(new DataOutputStream(new java.io.ByteArrayOutputStream()), withExpression));
    }

    @Test
    void shardsOfASpineRunAssembleToTheWholeRunsBits() {
        ParameterSet p = ParameterSet.defaults("spine").with("protocol.hfs_pulses", "5")
                .with("branch.spines_per_branch", "3");
        SpineModel model = SpineModel.from(p, false);
        SpineExperiment experiment = new SpineExperiment(model, List.of(new Pathway("A", Protocols.named("hfs", p), 10),
                new Pathway("B", Protocols.named("lfs", p), 4)), 5, 40, 0);
        SpineSimulator simulator = new SpineSimulator(TestKernels.channels());
        SpineRunResult whole;
        try (BlockExecutor one = new BlockExecutor(1)) {
            whole = simulator.run(experiment, one);
        }
        SpineBlocks blocks = new SpineBlocks(TestKernels.channels(), List.of(experiment), null);
        assertEquals(5, blocks.blockCount());
        try (BlockExecutor executor = new BlockExecutor(2)) {
            for (int count : new int[] {1, 3, 7}) {
                List<Partial<BranchResult, FoldedBranches>> shards = new ArrayList<>();
                for (int index = 1; index <= count; index++) {
                    BlockRange range = new Shard(index, count).range(blocks.blockCount());
                    Partial<BranchResult, FoldedBranches> partial = new BlockRun<>(blocks.fold(),
                            blocks.codec(), false).run(executor, range, blocks::run);
                    shards.add(readBack(blocks, partial));
                }
                SpineRunResult merged = blocks.result(0, Partial.concat(blocks.fold(), shards).state());
                assertArrayEquals(whole.qMaxMicroMolarSec, merged.qMaxMicroMolarSec, count + " shards");
                assertArrayEquals(whole.caElevatedMs, merged.caElevatedMs);
                assertArrayEquals(whole.traceMeanMicroMolar(1), merged.traceMeanMicroMolar(1));
                assertArrayEquals(whole.traceSdMicroMolar(0), merged.traceSdMicroMolar(0));
                assertEquals(whole.fastSteps(), merged.fastSteps());
            }
        }
    }

    private static Partial<BranchResult, FoldedBranches> readBack(SpineBlocks blocks,
            Partial<BranchResult, FoldedBranches> partial) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            partial.write(new DataOutputStream(bytes), blocks.codec());
            return Partial.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), blocks.fold(),
                    blocks.codec());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static BranchResult roundTrip(BranchResultCodec codec, BranchResult result) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        codec.writeBlock(new DataOutputStream(bytes), result);
        return codec.readBlock(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }

    /** Gives every instance field a value of its own (arrays element by element). */
    private void fill(Object target) {
        for (Field field : fields(target.getClass())) {
            try {
                Object value = field.get(target);
                Class<?> type = field.getType();
                if (type == SpineTrace[].class) {
                    continue; // filled by the caller
                } else if (type == ExpressionRecords.class) {
                    continue; // expression runs are never blocks: the codec refuses them (tested below)
                } else if (type.isArray()) {
                    fillArray(value);
                } else if (type == double.class) {
                    field.setDouble(target, counter++ + 0.25);
                } else if (type == long.class) {
                    field.setLong(target, counter++);
                } else if (type == int.class) {
                    field.setInt(target, counter++);
                } else if (type == boolean.class) {
                    field.setBoolean(target, counter++ % 2 == 0);
                } else {
                    fail(target.getClass().getSimpleName() + "." + field.getName() + " has a type (" + type
                            + ") this test does not know: write it in BranchResultCodec and fill it here");
                }
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
    }

    private void fillArray(Object array) {
        if (array == null) {
            return;
        }
        for (int i = 0; i < Array.getLength(array); i++) {
            Object element = Array.get(array, i);
            Class<?> component = array.getClass().getComponentType();
            if (component.isArray()) {
                fillArray(element);
            } else if (component == double.class) {
                Array.setDouble(array, i, counter++ + 0.5);
            } else if (component == int.class) {
                Array.setInt(array, i, counter++);
            } else if (component == boolean.class) {
                Array.setBoolean(array, i, counter++ % 3 == 0);
            } else if (component == long.class) {
                Array.setLong(array, i, counter++);
            } else {
                fail("an array of " + component + " that this test does not know");
            }
        }
    }

    private static void assertSameFields(Object expected, Object actual, String where) {
        for (Field field : fields(expected.getClass())) {
            try {
                Object a = field.get(expected);
                Object b = field.get(actual);
                String name = where + "." + field.getName();
                if (a instanceof SpineTrace[]) {
                    SpineTrace[] x = (SpineTrace[]) a;
                    SpineTrace[] y = (SpineTrace[]) b;
                    assertEquals(x.length, y.length, name);
                    for (int i = 0; i < x.length; i++) {
                        assertSameFields(x[i], y[i], name + "[" + i + "]");
                    }
                } else if (a != null && a.getClass().isArray()) {
                    assertEquals(deepText(a), deepText(b), name + " was not written or read back whole");
                } else {
                    assertEquals(a, b, name + " was not written or read back");
                }
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static String deepText(Object array) {
        return java.util.Arrays.deepToString(new Object[] {array});
    }

    static List<Field> fields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                fields.add(field);
            }
        }
        return fields;
    }
}
