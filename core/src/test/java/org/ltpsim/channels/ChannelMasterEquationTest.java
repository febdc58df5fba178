package org.ltpsim.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The individual-channel kernels against the master equation of their scheme (solved independently by RK4,
 * {@link MasterEquation}).
 *
 * <p>Channels are independent, so the number open at a time t is exactly Binomial(n, p_O(t)); each check is a
 * z test at |z| < 4.5 (two-sided false-failure probability 6.8e-6 per point). Over the points checked here (at
 * most 12 per scheme and method, 6 cases) a correct kernel fails with probability below 5e-4 per run; the seeds
 * are fixed, so the outcome is reproducible. Stationary distributions: chi-square over the states at
 * p = 1e-4. Sizes below are the default suite's; -Pfull-validation multiplies the channel numbers by 10.
 */
class ChannelMasterEquationTest {
    private static final double Z_MAX = 4.5;
    /** -Pfull-validation: ten times the channels (the bounds scale with them; same false-failure rates). */
    private static final int SCALE = Boolean.getBoolean("ltpsim.fullValidation") ? 10 : 1;

    /** 1 mM x 1 ms glutamate pulse, then zero glutamate: mean open fraction against time. */
    private static void checkPulse(KineticScheme scheme, ChannelPopulations.Method method, int spines,
            int perSpine, double dtMs, double[] sampleMs, long seed) {
        assumeTrue(method != ChannelPopulations.Method.EVENT_DRIVEN_PER_CHANNEL || scheme.isConstantRate());
        int[] counts = new int[spines];
        Arrays.fill(counts, perSpine);
        ChannelPopulation pop = ChannelPopulations.create(scheme, counts, seed, "me-test", 0, method);
        int n = spines * perSpine;
        double[] glu = new double[spines];
        double[] p = new double[scheme.stateCount()];
        p[scheme.initialState()] = 1;
        double now = 0;
        int open = scheme.state("O");
        for (double target : sampleMs) {
            while (now < target - 1e-9) {
                double g = now < 1 - 1e-9 ? 1.0 : 0.0;
                double end = Math.min(target, now < 1 - 1e-9 ? 1.0 : target);
                double step = Math.min(dtMs, end - now);
                Arrays.fill(glu, g);
                pop.advance(step, glu);
                p = MasterEquation.integrate(scheme, p, g, step, 0.01);
                now += step;
            }
            long openCount = 0;
            for (int sp = 0; sp < spines; sp++) {
                openCount += pop.openCount(sp);
                assertEquals(pop.stateCount(sp, open), pop.openCount(sp));
            }
            final long openNow = openCount;
            final double expected = p[open];
            double sd = Math.sqrt(n * expected * (1 - expected));
            double z = (openNow - n * expected) / Math.max(sd, 1e-300);
            assertTrue(Math.abs(z) < Z_MAX, () -> scheme.name() + " " + method + " t=" + target + " ms: open "
                    + openNow + " of " + n + ", master equation " + expected + " (z=" + z + ")");
        }
    }

    @ParameterizedTest
    @EnumSource(value = ChannelPopulations.Method.class, mode = EnumSource.Mode.EXCLUDE, names = "MEAN_FIELD")
    void ampaOpenProbabilityAfterAPulseFollowsTheMasterEquation(ChannelPopulations.Method method) {
        // n = 20,000 channels; AMPA peak open probability is reached within ~1 ms, desensitisation follows.
        checkPulse(KineticScheme.ampaDestexhe1998(), method, 200 * SCALE, 100, 0.05,
                new double[] {0.2, 0.5, 1.0, 1.5, 2, 3, 5, 8, 12, 20}, 11);
    }

    @ParameterizedTest
    @EnumSource(value = ChannelPopulations.Method.class, mode = EnumSource.Mode.EXCLUDE, names = "MEAN_FIELD")
    void nmdaOpenProbabilityAfterAPulseFollowsTheMasterEquation(ChannelPopulations.Method method) {
        // n = 20,000 channels; NMDA opens slowly (peak near 10-20 ms) and closes over hundreds of ms.
        checkPulse(KineticScheme.nmdaLesterJahr1992(), method, 200 * SCALE, 100, 0.1,
                new double[] {1, 3, 10, 20, 40, 80, 150, 300}, 12);
    }

    /** Runs at constant glutamate long enough to forget the start, then a chi-square test over the states. */
    private static void checkStationary(KineticScheme scheme, double glutamate, double durationMs, double dtMs,
            ChannelPopulations.Method method, int n, long seed) {
        assumeTrue(method != ChannelPopulations.Method.EVENT_DRIVEN_PER_CHANNEL || scheme.isConstantRate());
        int spines = 20;
        int[] counts = new int[spines];
        Arrays.fill(counts, n / spines);
        ChannelPopulation pop = ChannelPopulations.create(scheme, counts, seed, "stationary-test", 3, method);
        double[] glu = new double[spines];
        Arrays.fill(glu, glutamate);
        double now = 0;
        while (now < durationMs - 1e-9) {
            double step = Math.min(dtMs, durationMs - now);
            pop.advance(step, glu);
            now += step;
        }
        double[] pi = MasterEquation.stationary(scheme, glutamate);
        double chi2 = 0;
        int total = 0;
        for (int s = 0; s < scheme.stateCount(); s++) {
            long observed = 0;
            for (int sp = 0; sp < spines; sp++) {
                observed += pop.stateCount(sp, s);
            }
            total += (int) observed;
            double expected = pi[s] * n;
            chi2 += (observed - expected) * (observed - expected) / expected;
        }
        assertEquals(n, total);
        double critical = ChiSquaredDistribution.of(scheme.stateCount() - 1).inverseSurvivalProbability(1e-4);
        double statistic = chi2;
        assertTrue(chi2 < critical, () -> scheme.name() + " " + method + " at " + glutamate + " mM: chi2 "
                + statistic + " >= " + critical + " (p = 1e-4), pi = " + Arrays.toString(pi));
    }

    @ParameterizedTest
    @EnumSource(value = ChannelPopulations.Method.class, mode = EnumSource.Mode.EXCLUDE, names = "MEAN_FIELD")
    void ampaStationaryDistributionAtConstantGlutamate(ChannelPopulations.Method method) {
        // 0.02 mM: every state is visited (the slowest relaxation, unbinding from C1 at 0.0059 /ms, has 170 ms;
        // 1500 ms is > 8 of those). n = 4,000 channels.
        checkStationary(KineticScheme.ampaDestexhe1998(), 0.02, 1500, 0.5, method, 4000 * SCALE, 21);
    }

    @ParameterizedTest
    @EnumSource(value = ChannelPopulations.Method.class, mode = EnumSource.Mode.EXCLUDE, names = "MEAN_FIELD")
    void nmdaStationaryDistributionAtConstantGlutamate(ChannelPopulations.Method method) {
        // 0.005 mM; slowest time scale ~ 1/(Ru + binding) ~ 30-150 ms; 2000 ms run. n = 4,000 channels.
        checkStationary(KineticScheme.nmdaLesterJahr1992(), 0.005, 2000, 1.0, method, 4000 * SCALE, 22);
    }

    @ParameterizedTest
    @EnumSource(value = ChannelPopulations.Method.class, mode = EnumSource.Mode.EXCLUDE, names = "MEAN_FIELD")
    void w3StationaryDistribution(ChannelPopulations.Method method) {
        // W3 stationary fractions are exactly 1/14, 2/14, 2/14, 1/14, 8/14 (README); the RK4-free check.
        double[] pi = MasterEquation.stationary(KineticScheme.w3(), 0);
        double[] exact = {1 / 14.0, 2 / 14.0, 2 / 14.0, 1 / 14.0, 8 / 14.0};
        for (int s = 0; s < 5; s++) {
            assertEquals(exact[s], pi[s], 1e-12);
        }
        checkStationary(KineticScheme.w3(), 0, 10_000, 10, method, 4000 * SCALE, 23);
    }
}
