package org.ltpsim.spine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ltpsim.simd.ReducedExp;
import org.ltpsim.simd.SpineCircuit;
import org.ltpsim.spine.SpineModel;

/** {@link MgBlock} against {@link SpineModel#mgUnblocked} (StrictMath.exp). */
class MgBlockTest {
    private static final SpineModel M = SpineModel.defaults();

    @Test
    void theBlockStaysWithin1e14OfTheExactOneAlongVoltageTrajectories() {
        // random walks of 200,000 steps from rest, fixed seed: small moves, jumps, returns to the remembered voltage
        SplittableRandom rng = new SplittableRandom(7);
        MgBlock block = new MgBlock(new SpineCircuit(M.circuit(0.1), 0.05), 3);
        double[] v = {M.restMv(), M.restMv(), -20};
        double worst = 0;
        for (int step = 0; step < 200_000; step++) {
            for (int i = 0; i < v.length; i++) {
                double u = rng.nextDouble();
                if (u < 0.01) {
                    v[i] = -90 + 130 * rng.nextDouble();
                } else if (u < 0.9) {
                    v[i] = Math.max(-100, Math.min(40, v[i] + 0.4 * (rng.nextDouble() - 0.5)));
                }
                double exact = M.mgUnblocked(v[i]);
                worst = Math.max(worst, Math.abs(block.unblocked(i, v[i]) - exact) / exact);
            }
        }
        System.out.println("MgBlock: worst relative error " + worst);
        assertTrue(worst < 1e-14, "worst relative error " + worst);
    }

    @Test
    void theExponentialIsWithinAFewUlpsInItsRangeAndExactOutsideIt() {
        SplittableRandom rng = new SplittableRandom(3);
        double worstUlps = 0;
        for (int j = 0; j < 1_000_000; j++) {
            double y = j < 2049 ? (j - 1024) / 64.0 : -16 + 32 * rng.nextDouble(); // a grid over the range, then random points
            double exact = StrictMath.exp(y);
            worstUlps = Math.max(worstUlps, Math.abs(ReducedExp.exp(y) - exact) / Math.ulp(exact));
        }
        System.out.println("ReducedExp.exp: worst error " + worstUlps + " ulp");
        assertTrue(worstUlps <= 4, "worst error " + worstUlps + " ulp");
        assertEquals(StrictMath.exp(20.5), ReducedExp.exp(20.5), 0.0);
        assertEquals(StrictMath.exp(-17), ReducedExp.exp(-17), 0.0);
        assertEquals(Double.NaN, ReducedExp.exp(Double.NaN), 0.0);
    }

    @Test
    void theValueIsRememberedPerSpine() {
        MgBlock block = new MgBlock(new SpineCircuit(M.circuit(0.1), 0.05), 2);
        double first = block.unblocked(0, -70);
        assertEquals(M.mgUnblocked(-10), block.unblocked(1, -10), 1e-16);
        assertEquals(first, block.unblocked(0, -70), 0.0);
        assertEquals(M.mgUnblocked(-70), first, 1e-16);
    }
}
