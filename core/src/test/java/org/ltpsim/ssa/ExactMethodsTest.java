package org.ltpsim.ssa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ltpsim.network.ReactionNetwork;
import org.ltpsim.network.StandardNetworks;
import org.ltpsim.simd.VectorizationProvider;

/**
 * Every exact algorithm against exact answers. Each check is a z-score bound of 4 on a statistic that is close to
 * normal at these sample sizes: a correct simulator fails one check with probability 6.3e-5 (two-sided), so the
 * whole class (about 150 checks) fails by chance with probability below 1e-2 for a random seed; the seeds here
 * are fixed, so the outcome is deterministic.
 */
class ExactMethodsTest {
    private static final double Z = 4.0;

    /** W1 birth-death at t = 10, 25, 50 against the exact mean and variance (60.6531 and 501.17 at t = 50). */
    @ParameterizedTest
    @EnumSource(value = SsaAlgorithm.class, names = {"DIRECT_SIMD_LANES", "DIRECT_MASS_ACTION", "DIRECT",
            "NEXT_REACTION"})
    void birthDeathMatchesTheExactMeanAndVariance(SsaAlgorithm algorithm) {
        assumeTrue(algorithm != SsaAlgorithm.DIRECT_SIMD_LANES || VectorizationProvider.getInstance().hasSsaLanes(),
                "no SIMD lanes here (" + VectorizationProvider.getInstance().name() + ")");
        ReactionNetwork network = StandardNetworks.birthDeath();
        int n = 10_000;
        EnsembleSpec spec = new EnsembleSpec(n, 50, 1, 20260101L, 2, SimulationMethod.SSA);
        EnsembleResult result = EnsembleSimulator.run(network, spec, algorithm, done -> {});
        assertEquals(algorithm.reportName(), result.algorithm());
        assertEquals(n, result.replicates());
        assertEquals(100.0, result.mean(0, 0));
        assertEquals(0.0, result.sd(0, 0));
        assertEquals(60.6531, StandardNetworks.birthDeathMean(50), 1e-4);
        assertEquals(501.17, StandardNetworks.birthDeathVariance(50), 1e-2);
        for (int k : new int[] {10, 25, 50}) {
            double exactMean = StandardNetworks.birthDeathMean(k);
            double exactVariance = StandardNetworks.birthDeathVariance(k);
            assertMeanAndVariance(result, k, 0, exactMean, exactVariance, n);
        }
        // about 830 events per realisation (README of the workloads)
        assertEquals(830, (double) result.events() / n, 15);
    }

    /**
     * W3 channels (100 channels) at t = 1 and t = 5 against the exact multinomial mean and variance of each state
     * (p(t) from the master equation; the slowest mode decays as e^{-3.37 t}, so p(5) is stationary to 5e-8).
     */
    @ParameterizedTest
    @EnumSource(value = SsaAlgorithm.class, names = {"DIRECT_SIMD_LANES", "DIRECT_MASS_ACTION", "NEXT_REACTION"})
    void channelsMatchTheExactTransientAndStationaryFractions(SsaAlgorithm algorithm) {
        assumeTrue(algorithm != SsaAlgorithm.DIRECT_SIMD_LANES || VectorizationProvider.getInstance().hasSsaLanes(),
                "no SIMD lanes here (" + VectorizationProvider.getInstance().name() + ")");
        int channels = 100;
        int n = 1_000;
        EnsembleSpec spec = new EnsembleSpec(n, 5, 1, 77, 2, SimulationMethod.SSA);
        EnsembleResult result = EnsembleSimulator.run(StandardNetworks.channels(channels), spec, algorithm, d -> {});
        double[] atOne = {0.081688, 0.156441, 0.148391, 0.074292, 0.539188};
        double[] stationary = {1 / 14.0, 2 / 14.0, 2 / 14.0, 1 / 14.0, 8 / 14.0};
        for (int s = 0; s < 5; s++) {
            double p = atOne[s];
            assertMeanAndVariance(result, 1, s, channels * p, channels * p * (1 - p), n);
            p = stationary[s];
            assertMeanAndVariance(result, 5, s, channels * p, channels * p * (1 - p), n);
        }
    }

    /** Dimerisation (second order in P): both direct methods and the lanes give the same numbers bit for bit. */
    @Test
    void directMethodWithCompiledLawsEqualsTheMassActionTwin() {
        ReactionNetwork network = StandardNetworks.dimerisation();
        EnsembleSpec spec = new EnsembleSpec(257, 50, 1, 5, 1, SimulationMethod.SSA);
        EnsembleResult general = EnsembleSimulator.run(network, spec, SsaAlgorithm.DIRECT, d -> {});
        EnsembleResult twin = EnsembleSimulator.run(network, spec, SsaAlgorithm.DIRECT_MASS_ACTION, d -> {});
        EnsembleResultsAssert.assertBitwiseEqual(general, twin);
    }

    /**
     * Next-reaction vs direct on a random closed network of 40 species and 300 reactions: every species' mean at
     * t = 1 agrees within 4 two-sample standard errors (n = 300 each; 40 checks: chance failure 2.5e-3).
     */
    @Test
    void nextReactionAgreesWithDirectOnAFewHundredReactions() {
        ReactionNetwork network = StandardNetworks.randomClosed(40, 300, 25, 11);
        int n = 300;
        EnsembleSpec spec = new EnsembleSpec(n, 1, 1, 8, 2, SimulationMethod.SSA);
        assertEquals(SsaAlgorithm.NEXT_REACTION, EnsembleSimulator.choose(network, spec));
        EnsembleResult nrm = EnsembleSimulator.run(network, spec);
        EnsembleSpec otherSeed = new EnsembleSpec(n, 1, 1, 9, 2, SimulationMethod.SSA);
        EnsembleResult direct = EnsembleSimulator.run(network, otherSeed, SsaAlgorithm.DIRECT_MASS_ACTION, d -> {});
        double total = 0;
        for (int s = 0; s < network.speciesCount(); s++) {
            double se = Math.sqrt((nrm.sd(1, s) * nrm.sd(1, s) + direct.sd(1, s) * direct.sd(1, s)) / n);
            double z = (nrm.mean(1, s) - direct.mean(1, s)) / se;
            assertTrue(Math.abs(z) < Z, "species " + s + ": z = " + z);
            total += nrm.mean(1, s);
        }
        assertEquals(40 * 25, total, 1e-9); // molecules are conserved in every realisation
        double eventsRatio = (double) nrm.events() / direct.events();
        assertEquals(1.0, eventsRatio, 0.02);
    }

    /** mean within Z standard errors; population variance around the exact mean (DSMTS's S^2) within Z sd. */
    static void assertMeanAndVariance(EnsembleResult result, int k, int s, double exactMean, double exactVariance,
                                      int n) {
        double mean = result.mean(k, s);
        double z = Math.sqrt(n) * (mean - exactMean) / Math.sqrt(exactVariance);
        assertTrue(Math.abs(z) < Z, "t = " + result.timeSec(k) + " species " + s + ": mean " + mean + " vs "
                + exactMean + " (z = " + z + ")");
        double s2 = result.populationVariance(k, s) + (mean - exactMean) * (mean - exactMean);
        // DSMTS's Y statistic, sqrt(n/2) (S^2 / sigma^2 - 1), with the suite's bound of 5
        double y = Math.sqrt(n / 2.0) * (s2 / exactVariance - 1);
        assertTrue(Math.abs(y) < 5, "t = " + result.timeSec(k) + " species " + s + ": variance " + s2 + " vs "
                + exactVariance + " (y = " + y + ")");
    }
}
