package org.ltpsim.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CamkiiLifetimeTest {
    @Test
    void chiSquareQuantilesMatchTables() {
        // chi-square quantiles (Abramowitz & Stegun table 26.8): dof 2: 0.0506356, 7.37776; dof 10: 3.24697, 20.4832
        assertEquals(0.0506356, CamkiiLifetime.chiSquareQuantile(0.025, 2), 1e-6);
        assertEquals(7.37776, CamkiiLifetime.chiSquareQuantile(0.975, 2), 1e-5);
        assertEquals(3.24697, CamkiiLifetime.chiSquareQuantile(0.025, 10), 1e-5);
        assertEquals(20.4832, CamkiiLifetime.chiSquareQuantile(0.975, 10), 1e-4);
    }

    @Test
    void exponentialMeanIntervalIsExact() {
        CamkiiLifetime.Lifetime l = CamkiiLifetime.lifetime(5, 100);
        assertEquals(20, l.meanSec(), 1e-12);
        assertEquals(200 / 20.4832, l.lo(), 1e-4);
        assertEquals(200 / 3.24697, l.hi(), 1e-3);
    }
}
