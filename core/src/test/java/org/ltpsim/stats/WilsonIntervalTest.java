package org.ltpsim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class WilsonIntervalTest {
    /**
     * Newcombe 1998 (Stat Med 17:857), Table I, method 3 (score interval without continuity correction), printed to 4
     * decimals; rechecked by hand from the closed form.
     */
    @Test
    void matchesNewcombesTable() {
        long[][] cases = {{81, 263}, {15, 148}, {0, 20}, {1, 29}, {29, 29}, {0, 10}};
        double[][] expected = {{0.2553, 0.3662}, {0.0624, 0.1605}, {0, 0.1611}, {0.0061, 0.1718}, {0.8830, 1},
            {0, 0.2775}};
        for (int i = 0; i < cases.length; i++) {
            WilsonInterval w = WilsonInterval.of95(cases[i][0], cases[i][1]);
            String label = cases[i][0] + "/" + cases[i][1];
            assertEquals(expected[i][0], w.lower(), 5e-5, label + " lower");
            assertEquals(expected[i][1], w.upper(), 5e-5, label + " upper");
        }
    }

    @Test
    void exactAtTheEndsAndSymmetric() {
        assertEquals(0.0, WilsonInterval.of95(0, 7).lower());
        assertEquals(1.0, WilsonInterval.of95(7, 7).upper());
        WilsonInterval low = WilsonInterval.of95(3, 17);
        WilsonInterval high = WilsonInterval.of95(14, 17);
        assertEquals(low.lower(), 1 - high.upper(), 1e-15);
        assertEquals(low.upper(), 1 - high.lower(), 1e-15);
    }

    @Test
    void zIsTheNormalQuantile() {
        assertEquals(NormalDistribution.of(0, 1).inverseSurvivalProbability(0.025), WilsonInterval.Z_95, 1e-15);
    }

    @Test
    void refusesImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of95(3, 2));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of95(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of95(0, 0));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(1, 2, Double.NaN));
    }
}
