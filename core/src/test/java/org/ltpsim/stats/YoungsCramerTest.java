package org.ltpsim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class YoungsCramerTest {
    /**
     * Values 1e8 + N(0, 1) in blocks of 7, 10 and 13 (cells of two arrays), merged with Chan's formula: the sd agrees
     * with a two-pass sd to 1e-7 relative, where sumOfSquares - n mean^2 (1e16 per value, ulp 2) keeps no digit of
     * a variance of 1.
     */
    @Test
    void sdOfValuesWithALargeMeanMatchesTwoPass() {
        SplittableRandom random = new SplittableRandom(5);
        int[] blockSizes = {7, 10, 13};
        double[] values = new double[30];
        double[] sum = new double[3];
        double[] ssd = new double[3];
        int v = 0;
        for (int cell = 0; cell < 3; cell++) {
            for (int k = 1; k <= blockSizes[cell]; k++) {
                values[v] = 1e8 + gaussian(random);
                YoungsCramer.add(sum, ssd, cell, values[v], k);
                v++;
            }
        }
        RunningStats merged = new RunningStats();
        for (int cell = 0; cell < 3; cell++) {
            merged.merge(RunningStats.of(blockSizes[cell], sum[cell] / blockSizes[cell], ssd[cell]));
        }
        double mean = TwoPass.mean(values);
        double twoPass = Math.sqrt(TwoPass.sumSquaredDeviations(values) / (values.length - 1));
        assertEquals(30, merged.count());
        assertEquals(twoPass, merged.sampleSd(), 1e-7 * twoPass);
        assertEquals(mean, merged.mean(), 1e-15 * mean);
    }

    @Test
    void oneValueHasNoDeviation() {
        double[] sum = {0};
        double[] ssd = {0};
        YoungsCramer.add(sum, ssd, 0, 3.5, 1);
        assertEquals(3.5, sum[0]);
        assertEquals(0.0, ssd[0]);
        assertEquals(0.0, RunningStats.of(1, 3.5, 0).sampleSd());
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
