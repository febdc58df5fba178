package org.ltpsim.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fixed-step kernel at 4 and 8 lanes against the scalar one, directly: random transition tables of 1 to 9
 * states (up to 7 by table-column permutes, 8 and 9 through the scalar path), regions of 1 to 513 groups of eight
 * slots at an offset inside the array, several steps; states, counts, the changed count and the lanes' generator
 * states must be bitwise equal.
 */
@Tag("simd-kernels")
class FixedStepKernelTest {
    private static final FixedStepKernel SCALAR = VectorizationProvider.scalar().fixedStepKernel();

    @ParameterizedTest(name = "{0} lanes")
    @ValueSource(ints = {4, 8})
    void panamaEqualsScalarForEveryTableShapeAndRegion(int lanes) {
        FixedStepKernel panama = PanamaWidth.assume(lanes).fixedStepKernel();
        SplittableRandom random = new SplittableRandom(11);
        int group = LaneRandom.LANES;
        long moved = 0;
        for (int stateCount = 1; stateCount <= 9; stateCount++) {
            for (int groups : new int[] {1, 2, 3, 13, 125, 513}) {
                TransitionTable table = TransitionTable.of(randomMatrix(stateCount, random));
                int from = group * random.nextInt(3);
                int to = from + group * groups;
                byte[] states = new byte[to + group * random.nextInt(3)];
                int countBase = random.nextInt(4);
                int[] counts = new int[countBase + stateCount + 1];
                for (int i = 0; i < states.length; i++) {
                    // a few padding slots (state == stateCount) among the channels, as in a partly filled spine
                    states[i] = (byte) (random.nextInt(10) == 0 ? stateCount : random.nextInt(stateCount));
                    if (i >= from && i < to) {
                        counts[countBase + states[i]]++;
                    }
                }
                long[] laneState = LaneRandom.seed(random.nextLong(), "fixed-step-test", groups);
                byte[] s1 = states.clone();
                byte[] s2 = states.clone();
                int[] c1 = counts.clone();
                int[] c2 = counts.clone();
                long[] l1 = laneState.clone();
                long[] l2 = laneState.clone();
                String where = stateCount + " states, slots [" + from + ", " + to + ")";
                for (int step = 0; step < 3; step++) {
                    int n1 = SCALAR.step(s1, from, to, table, l1, c1, countBase);
                    int n2 = panama.step(s2, from, to, table, l2, c2, countBase);
                    assertEquals(n1, n2, where + ", step " + step);
                    moved += n1;
                }
                assertArrayEquals(s1, s2, where);
                assertArrayEquals(c1, c2, where);
                assertArrayEquals(l1, l2, where);
            }
        }
        assertTrue(moved > 10_000, "transitions: " + moved);
    }

    /** A stochastic matrix with a heavy diagonal and random exits (every row sums to 1). */
    private static double[][] randomMatrix(int n, SplittableRandom random) {
        double[][] p = new double[n][n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                p[i][j] = j == i ? 2.0 * n : random.nextDouble() * (random.nextInt(3) == 0 ? 0 : 1);
                sum += p[i][j];
            }
            for (int j = 0; j < n; j++) {
                p[i][j] /= sum;
            }
        }
        return p;
    }
}
