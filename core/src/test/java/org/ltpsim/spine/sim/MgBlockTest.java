package org.ltpsim.spine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ltpsim.spine.SpineModel;

/** {@link MgBlock} against {@link SpineModel#mgUnblocked} (StrictMath.exp) along voltage trajectories. */
class MgBlockTest {
    private static final SpineModel M = SpineModel.defaults();

    @Test
    void incrementalUpdatesStayWithin1e13OfTheExactBlock() {
        // random walks of 200,000 steps from rest, fixed seed: small moves (the Taylor updates, chains of 32),
        // occasional jumps (the exact exp), returns to a remembered voltage (the cached value)
        SplittableRandom rng = new SplittableRandom(7);
        MgBlock block = new MgBlock(M, 3);
        double[] v = {M.restMv(), M.restMv(), -20};
        double worst = 0;
        int taylor = 0;
        for (int step = 0; step < 200_000; step++) {
            for (int i = 0; i < v.length; i++) {
                double u = rng.nextDouble();
                double before = v[i];
                if (u < 0.01) {
                    v[i] = -90 + 130 * rng.nextDouble(); // a jump: exact exp
                } else if (u < 0.9) {
                    v[i] = Math.max(-100, Math.min(40, v[i] + 0.4 * (rng.nextDouble() - 0.5))); // |x| <= 0.0124
                }
                double exact = M.mgUnblocked(v[i]);
                double got = block.unblocked(i, v[i]);
                worst = Math.max(worst, Math.abs(got - exact) / exact);
                if (v[i] != before && Math.abs(v[i] - before) < 0.2) {
                    taylor++;
                }
            }
        }
        System.out.println("MgBlock: worst relative error " + worst + " over " + taylor + " small moves");
        assertTrue(worst < 1e-13, "worst relative error " + worst);
        assertTrue(taylor > 400_000, "small moves exercised: " + taylor);
    }

    @Test
    void theFirstValueAndLargeMovesAreExact() {
        MgBlock block = new MgBlock(M, 1);
        assertEquals(M.mgUnblocked(-70), block.unblocked(0, -70), 0.0);
        assertEquals(M.mgUnblocked(-10), block.unblocked(0, -10), 0.0);
        assertEquals(M.mgUnblocked(-10), block.unblocked(0, -10), 0.0);
    }
}
