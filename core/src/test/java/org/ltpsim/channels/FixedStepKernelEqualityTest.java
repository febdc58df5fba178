package org.ltpsim.channels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ltpsim.simd.FixedStepKernel;
import org.ltpsim.simd.LaneRandom;
import org.ltpsim.simd.PanamaWidth;
import org.ltpsim.simd.VectorizationProvider;

/**
 * The Vector API kernel, at 4 and at 8 lanes, gives bitwise the same channel states, counts and transitions as the
 * scalar one.
 */
@Tag("simd-kernels")
class FixedStepKernelEqualityTest {
    private static final FixedStepKernel SCALAR = VectorizationProvider.scalar().fixedStepKernel();

    /** The scalar kernel and this JVM's Panama kernel, if any. */
    static List<FixedStepKernel> kernels() {
        List<FixedStepKernel> k = new ArrayList<>();
        k.add(SCALAR);
        if (VectorizationProvider.panamaLanes() > 0) {
            k.add(VectorizationProvider.panama(VectorizationProvider.panamaLanes()).fixedStepKernel());
        }
        return k;
    }

    @ParameterizedTest(name = "{0} lanes")
    @ValueSource(ints = {4, 8})
    void simdEqualsScalarOnEverySizeAndScheme(int vectorLanes) {
        FixedStepKernel panama = PanamaWidth.assume(vectorLanes).fixedStepKernel();
        int lanes = LaneRandom.LANES;
        // channels per spine: 1, lanes +- 1 of either vector width, 13, 1000, 4098 (slots are padded to groups of 8)
        int[][] layouts = {{1}, {vectorLanes - 1}, {vectorLanes}, {vectorLanes + 1}, {lanes - 1}, {lanes + 1}, {13},
                {1, lanes - 1, lanes + 1, 13, 80, 20, 0, 3}, {2 * lanes, 33}, {1000}, {4098}};
        for (KineticScheme scheme : new KineticScheme[] {KineticScheme.ampaDestexhe1998(),
                KineticScheme.nmdaLesterJahr1992(), KineticScheme.w3()}) {
            for (int[] layout : layouts) {
                FixedStepChannelPopulation scalar = FixedStepChannelPopulation.withKernel(scheme, layout, 99,
                        "eq", 4, SCALAR);
                FixedStepChannelPopulation simd = FixedStepChannelPopulation.withKernel(scheme, layout, 99,
                        "eq", 4, panama);
                double[] glu = new double[layout.length];
                for (int step = 0; step < 400; step++) {
                    // pulses of differing height per spine every 100 steps of 0.05 ms
                    for (int sp = 0; sp < layout.length; sp++) {
                        glu[sp] = step % 100 < 20 ? 0.3 * (sp + 1) : 0;
                    }
                    scalar.advance(0.05, glu);
                    simd.advance(0.05, glu);
                    if (step == 150 && layout[0] > 2) {
                        // identity operations keep both in step
                        scalar.remove(1);
                        simd.remove(1);
                        assertEquals(scalar.insert(0), simd.insert(0));
                    }
                }
                String where = scheme.name() + " layout " + java.util.Arrays.toString(layout);
                assertEquals(scalar.transitionCount(), simd.transitionCount(), where);
                for (int sp = 0; sp < layout.length; sp++) {
                    for (int s = 0; s < scheme.stateCount(); s++) {
                        assertEquals(scalar.stateCount(sp, s), simd.stateCount(sp, s), where);
                    }
                }
                int ids = 0;
                for (int n : layout) {
                    ids += n;
                }
                int[] a = new int[ids];
                int[] b = new int[ids];
                for (int id = 0; id < ids; id++) {
                    a[id] = scalar.isLive(id) ? scalar.state(id) : -1;
                    b[id] = simd.isLive(id) ? simd.state(id) : -1;
                }
                assertArrayEquals(a, b, where);
                if (scheme.stateCount() < 6 || layout.length > 1) {
                    org.junit.jupiter.api.Assertions.assertTrue(scalar.transitionCount() > 0, where);
                }
            }
        }
    }
}
