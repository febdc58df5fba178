package org.ltpsim.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ltpsim.rng.RandomStreams;

/**
 * Lazy id tracking in {@link EventDrivenChannelPopulation}: spines whose channels have not been told apart keep
 * counts only; a population that tracks every id from the start draws the same random numbers, so its counts and
 * open counts are the same bits; and the states handed to ids when a spine is first told apart follow the exact law.
 */
class LazyIdsTest {
    @ParameterizedTest(name = "silent pool {0}")
    @ValueSource(booleans = {false, true})
    void countsOnlyAndTrackedSpinesGiveTheSameCounts(boolean pool) {
        for (KineticScheme scheme : new KineticScheme[] {KineticScheme.ampaDestexhe1998(),
                KineticScheme.nmdaLesterJahr1992()}) {
            int spines = 40;
            int[] counts = new int[spines];
            for (int s = 0; s < spines; s++) {
                counts[s] = s % 5 == 0 ? 0 : 10 + s;
            }
            EventDrivenChannelPopulation lazy = new EventDrivenChannelPopulation(scheme, counts,
                    RandomStreams.forBlock(6, "lazy", 0), Double.POSITIVE_INFINITY, pool, false);
            EventDrivenChannelPopulation tracked = new EventDrivenChannelPopulation(scheme, counts,
                    RandomStreams.forBlock(6, "lazy", 0), Double.POSITIVE_INFINITY, pool, true);
            double[] glu = new double[spines];
            for (int step = 0; step < 8000; step++) {
                for (int s = 0; s < spines; s++) {
                    int period = (4 + s % 9) * 20; // a 1 mM pulse every 4-12 ms, decaying, zero in between
                    glu[s] = step % period < 20 ? Math.exp(-(step % period) * 0.05 / 1.2) : 0.0;
                }
                lazy.advance(0.05, glu);
                tracked.advance(0.05, glu);
                for (int s = 0; s < spines; s++) {
                    assertEquals(tracked.openCount(s), lazy.openCount(s), "step " + step + " spine " + s);
                }
            }
            assertEquals(tracked.transitionCount(), lazy.transitionCount());
            for (int s = 0; s < spines; s++) {
                for (int st = 0; st < scheme.stateCount(); st++) {
                    assertEquals(tracked.stateCount(s, st), lazy.stateCount(s, st));
                }
            }
            assertTrue(lazy.transitionCount() > 5_000, "transitions " + lazy.transitionCount());
        }
    }

    /**
     * The state an id gets when its spine is first told apart: 2,000 spines of 10 AMPA channels after a 1 mM x 1 ms
     * pulse and 3 ms of zero glutamate; the state of each spine's first id against the master equation by
     * chi-square at p = 1e-4 (so a correct kernel fails with probability 1e-4; the seed is fixed).
     */
    @Test
    void materialisedStatesFollowTheMasterEquation() {
        KineticScheme scheme = KineticScheme.ampaDestexhe1998();
        int spines = 2000;
        int[] counts = new int[spines];
        Arrays.fill(counts, 10);
        ChannelPopulation pop = ChannelPopulations.create(scheme, counts, 17, "lazy-law", 0,
                ChannelPopulations.Method.EVENT_DRIVEN_SILENT_POOL);
        double[] glu = new double[spines];
        double[] p = new double[scheme.stateCount()];
        p[scheme.initialState()] = 1;
        for (int step = 0; step < 80; step++) {
            double g = step < 20 ? 1.0 : 0.0;
            Arrays.fill(glu, g);
            pop.advance(0.05, glu);
            p = MasterEquation.integrate(scheme, p, g, 0.05, 0.001);
        }
        long[] observed = new long[scheme.stateCount()];
        for (int s = 0; s < spines; s++) {
            observed[pop.state(10 * s)]++; // the first id of each spine: materialises the spine
        }
        double chi2 = 0;
        int df = -1;
        long small = 0;
        double smallExpected = 0;
        for (int st = 0; st < scheme.stateCount(); st++) {
            double expected = p[st] * spines;
            if (expected >= 5) {
                chi2 += (observed[st] - expected) * (observed[st] - expected) / expected;
                df++;
            } else {
                small += observed[st];
                smallExpected += expected;
            }
        }
        if (smallExpected >= 5) { // the rare states as one cell
            chi2 += (small - smallExpected) * (small - smallExpected) / smallExpected;
            df++;
        } else {
            assertTrue(small <= 20, "rare states: " + small + " observed, " + smallExpected + " expected");
        }
        double critical = ChiSquaredDistribution.of(df).inverseSurvivalProbability(1e-4);
        final double statistic = chi2;
        final double[] expectedP = p;
        assertTrue(chi2 < critical, () -> "chi2 " + statistic + " >= " + critical + ": observed "
                + Arrays.toString(observed) + " expected p " + Arrays.toString(expectedP));
        // and the spine's counts agree with its ids' states after materialisation
        for (int s = 0; s < 50; s++) {
            int[] byId = new int[scheme.stateCount()];
            for (int i = 0; i < 10; i++) {
                byId[pop.state(10 * s + i)]++;
            }
            for (int st = 0; st < scheme.stateCount(); st++) {
                assertEquals(pop.stateCount(s, st), byId[st]);
            }
        }
    }
}
