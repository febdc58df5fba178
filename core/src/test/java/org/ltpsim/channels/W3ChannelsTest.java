package org.ltpsim.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * W3 (shared/bench-models/README.md) with 100,000 channels: the exact fractions at t = 1 s and at 10 s
 * (stationary to within e^-15) and the exact mean number of transitions per channel in [0, 10 s], 212.008.
 *
 * <p>Fractions: each state count is Binomial(N, p), z test at |z| < 4.5, 10 checks: false-failure probability
 * below 7e-5. Transitions: channels are independent, so the total over N is a sum of N i.i.d. counts; its sd is
 * estimated from the per-channel variance, which is bounded here by running 1,000 groups of 100 and using their
 * sample variance (z < 4.5, normal approximation with 1,000 groups: false failure ~1e-5).
 */
class W3ChannelsTest {
    private static final double[] AT_1S = {0.081688, 0.156441, 0.148391, 0.074292, 0.539188};
    private static final double[] STATIONARY = {1 / 14.0, 2 / 14.0, 2 / 14.0, 1 / 14.0, 8 / 14.0};

    @ParameterizedTest
    @EnumSource(value = ChannelPopulations.Method.class, names = {"EVENT_DRIVEN", "EVENT_DRIVEN_PER_CHANNEL"})
    void fractionsAndTransitionsMatchTheExactValues(ChannelPopulations.Method method) {
        int n = 100_000;
        W3Channels.Result r = W3Channels.run(2024, n, W3Channels.DEFAULT_GROUP, new double[] {1000, 10_000},
                method, 0);
        for (int s = 0; s < 5; s++) {
            check(r.fractions()[0][s], AT_1S[s], n, "t=1 s state " + s);
            check(r.fractions()[1][s], STATIONARY[s], n, "t=10 s state " + s);
        }
        assertEquals(1.0, sum(r.fractions()[1]), 1e-12);
        // Transitions: groups of 100 channels as independent replicates.
        int groups = 1000;
        double mean = 0;
        double m2 = 0;
        long total = 0;
        for (int g = 0; g < groups; g++) {
            W3Channels.Result gr = W3Channels.run(10_000 + g, 100, 100, new double[] {10_000}, method, 0);
            double x = gr.transitionsPerChannel();
            total += gr.transitions();
            double d = x - mean;
            mean += d / (g + 1);
            m2 += d * (x - mean);
        }
        double se = Math.sqrt(m2 / (groups - 1) / groups);
        double z = (mean - 212.008) / se;
        assertTrue(Math.abs(z) < 4.5, "mean transitions per channel " + mean + " vs 212.008, z = " + z);
        // The 100,000-channel run must agree with the same expectation (sd per channel from the groups).
        double zBig = (r.transitionsPerChannel() - 212.008) / (se * Math.sqrt(groups * 100.0 / n));
        assertTrue(Math.abs(zBig) < 4.5, "W3 transitions per channel " + r.transitionsPerChannel() + ", z = " + zBig);
        assertTrue(total > 0);
    }

    private static void check(double fraction, double p, int n, String what) {
        double z = (fraction - p) * n / Math.sqrt(n * p * (1 - p));
        assertTrue(Math.abs(z) < 4.5, what + ": " + fraction + " vs " + p + " (z = " + z + ")");
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x;
        }
        return s;
    }
}
