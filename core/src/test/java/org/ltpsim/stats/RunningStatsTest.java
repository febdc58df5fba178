package org.ltpsim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RunningStatsTest {
    @Test
    void matchesTwoPassFormulas() {
        double[] values = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5};
        RunningStats stats = new RunningStats();
        for (double v : values) {
            stats.add(v);
        }
        double mean = TwoPass.mean(values);
        double ss = TwoPass.sumSquaredDeviations(values);
        assertEquals(values.length, stats.count());
        assertEquals(mean, stats.mean(), 1e-12);
        assertEquals(Math.sqrt(ss / (values.length - 1)), stats.sampleSd(), 1e-12);
        assertEquals(ss / values.length, stats.populationVariance(), 1e-12);
    }

    @Test
    void mergeEqualsSinglePass() {
        RunningStats all = new RunningStats();
        RunningStats left = new RunningStats();
        RunningStats right = new RunningStats();
        for (int i = 0; i < 100; i++) {
            double v = Math.sin(i) * 10 + i * 0.1;
            all.add(v);
            (i < 37 ? left : right).add(v);
        }
        left.merge(right);
        assertEquals(all.count(), left.count());
        assertEquals(all.mean(), left.mean(), 1e-12);
        assertEquals(all.sampleSd(), left.sampleSd(), 1e-12);
    }
}
