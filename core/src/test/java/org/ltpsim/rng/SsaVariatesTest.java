package org.ltpsim.rng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SsaVariatesTest {
    @Test
    void logIsWithinOneUlpOfMathLog() {
        SplittableRandom random = new SplittableRandom(1);
        double worstUlps = 0;
        for (int i = 0; i < 200_000; i++) {
            // every value the SSA feeds in: multiples of 2^-52 in (0, 1], plus a wide range of magnitudes
            double x = i % 2 == 0 ? 1.0 - SsaVariates.uniform(random.nextLong())
                    : Math.exp(random.nextDouble(-700, 700));
            double expected = Math.log(x);
            double actual = SsaVariates.log(x);
            worstUlps = Math.max(worstUlps, Math.abs(actual - expected) / Math.ulp(expected));
        }
        assertTrue(worstUlps <= 1.0, "worst error " + worstUlps + " ulp");
        assertEquals(0.0, SsaVariates.log(1.0));
        assertEquals(Math.log(0x1p-52), SsaVariates.log(0x1p-52));
        assertEquals(Math.log(Math.sqrt(0.5)), SsaVariates.log(Math.sqrt(0.5)), Math.ulp(0.35));
        assertEquals(Math.log(2.0), SsaVariates.log(2.0));
    }

    @Test
    void uniformStaysBelowOneAndExponentialIsFinite() {
        assertEquals(0.0, SsaVariates.uniform(0L));
        assertEquals(1.0 - 0x1p-52, SsaVariates.uniform(-1L));
        assertEquals(0.0, Math.abs(SsaVariates.exponential(0L))); // u = 1 gives -0.0: a zero waiting time
        assertEquals(52 * Math.log(2), SsaVariates.exponential(-1L), 1e-12); // u = 2^-52
        // the mean of many unit exponentials is 1 (n = 1e6: sd of the mean 1e-3; bound 5 sd, failure < 1e-6)
        SplittableRandom random = new SplittableRandom(2);
        double sum = 0;
        int n = 1_000_000;
        for (int i = 0; i < n; i++) {
            sum += SsaVariates.exponential(random.nextLong());
        }
        assertEquals(1.0, sum / n, 5e-3);
    }
}
