package org.ltpsim.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CrossoverTest {
    @Test
    void interpolatesInLogFrequency() {
        // net -0.5 at 1 Hz and +0.5 at 100 Hz: halfway in log frequency is 10 Hz
        assertEquals(10, Crossover.of(new double[] {1, 100}, new double[] {-0.5, 0.5}), 1e-9);
        // the first rise from < 0 to >= 0 counts; a point at exactly 0 is the crossover
        assertEquals(20, Crossover.of(new double[] {5, 20, 50}, new double[] {-0.2, 0, 0.4}), 1e-9);
        assertTrue(Double.isNaN(Crossover.of(new double[] {1, 10}, new double[] {0.1, 0.5})));
        assertTrue(Double.isNaN(Crossover.of(new double[] {1, 10}, new double[] {-0.1, -0.5})));
    }

    @Test
    void intervalHoldsTheEstimateAndNarrowsWithMoreSpines() {
        double[] hz = {1, 3, 10, 30, 100};
        Crossover.Estimate small = Crossover.estimate(hz, new int[] {0, 2, 8, 16, 20}, new int[] {20, 18, 12, 4, 0},
                new int[] {20, 20, 20, 20, 20}, 7);
        Crossover.Estimate large = Crossover.estimate(hz, new int[] {0, 20, 80, 160, 200},
                new int[] {200, 180, 120, 40, 0}, new int[] {200, 200, 200, 200, 200}, 7);
        assertEquals(small.hz(), large.hz(), 1e-12);
        // net -0.2 at 10 Hz, +0.6 at 30 Hz: a quarter of the way in log frequency
        assertEquals(10 * Math.pow(3, 0.25), small.hz(), 1e-9);
        assertTrue(small.lo() < small.hz() && small.hz() < small.hi(), small.toString());
        assertTrue(large.lo() < large.hz() && large.hz() < large.hi(), large.toString());
        assertTrue(large.hi() - large.lo() < small.hi() - small.lo(), small + " vs " + large);
        // same seed, same interval
        assertEquals(small, Crossover.estimate(hz, new int[] {0, 2, 8, 16, 20}, new int[] {20, 18, 12, 4, 0},
                new int[] {20, 20, 20, 20, 20}, 7));
    }

    @Test
    void noCrossingGivesAReason() {
        Crossover.Estimate e = Crossover.estimate(new double[] {1, 10}, new int[] {5, 9}, new int[] {0, 0},
                new int[] {10, 10}, 1);
        assertFalse(e.found());
        assertTrue(e.reason().contains("not negative"), e.reason());
    }

    @Test
    void gammaVariatesHaveTheRightMean() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (double shape : new double[] {0.5, 1.5, 20.5}) {
            double sum = 0;
            int n = 40000;
            for (int i = 0; i < n; i++) {
                sum += Crossover.gamma(random, shape);
            }
            assertEquals(shape, sum / n, 4 * Math.sqrt(shape / n), "shape " + shape);
        }
    }
}
