package org.ltpsim.camkii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ltpsim.rng.RandomStreams;

/**
 * The W2 kernel (thinning, fixed-point subunit choice, Poisson candidate counts, switch times from order
 * statistics) against exact master-equation results built straight from the rules: the full 64-state ring
 * distribution (not only the phosphorylated count) with many rings per spine and rates other than the benchmark's,
 * and the distribution of the first switch-ON time from the 4,096-state chain of one holoenzyme.
 */
class RingW2ThinningTest {
    /** Rates unlike the benchmark's, so that no slice boundary of the fixed-point table is special. */
    private static final RingW2Parameters OTHER = new RingW2Parameters(0.3, 2.0, 0.7);

    /** Transitions of {@code state} for {@code rings} rings of 6 (bit 6r + k = ring r, position k). */
    private static void ringTransitions(RingW2Parameters w2, int rings, int state,
            RingMasterEquation.Transitions out) {
        for (int r = 0; r < rings; r++) {
            for (int k = 0; k < 6; k++) {
                int bit = 1 << (6 * r + k);
                int right = 1 << (6 * r + (k + 1) % 6);
                int left = 1 << (6 * r + (k + 5) % 6);
                if ((state & bit) == 0) {
                    double rate = ((state & right) == 0 ? w2.initHz() : 0) + ((state & left) != 0 ? w2.autoHz() : 0);
                    out.add(state | bit, rate);
                } else {
                    out.add(state & ~bit, w2.offHz());
                }
            }
        }
    }

    /**
     * 6,000 rings (600 spines x 5 holoenzymes) under steps of mixed sizes (1 ms to 1.3 s), ring states over all
     * 64 masks at t = 0.4, 1.5, 4 and 9 s against the master equation; chi-square (bins pooled to >= 5 expected)
     * at level 1e-4 each: a correct kernel fails one of the four with probability < 4e-4.
     */
    @Test
    void fullRingStateDistributionMatchesTheMasterEquation() {
        int spines = 600;
        int holoenzymes = 5;
        RingW2Population pop = new RingW2Population(OTHER, spines, holoenzymes,
                RandomStreams.forBlock(23, "camkii-w2-thinning", 0), 0.5, 0.2, false);
        RingMasterEquation chain = new RingMasterEquation(64, (s, out) -> ringTransitions(OTHER, 1, s, out));
        double[] p = new double[64];
        p[0] = 1;
        double t = 0;
        double[] steps = {1e-3, 0.05, 1.3, 0.2};
        int step = 0;
        for (double mark : new double[] {0.4, 1.5, 4, 9}) {
            p = chain.propagate(p, mark - t);
            t = mark;
            while (pop.timeSec() < mark - 1e-12) {
                pop.advance(Math.min(steps[step++ % steps.length], mark - pop.timeSec()));
            }
            long[] observed = new long[64];
            for (int spine = 0; spine < spines; spine++) {
                for (int ring = 0; ring < 2 * holoenzymes; ring++) {
                    int state = 0;
                    for (int k = 0; k < 6; k++) {
                        state |= pop.subunitState(spine, ring * 6 + k) << k;
                    }
                    observed[state]++;
                }
            }
            double pValue = ChiSquare.pValue(observed, p);
            assertTrue(pValue > 1e-4, "t = " + mark + ": chi-square p = " + pValue);
        }
        assertTrue(pop.classesConsistent());
        // the bound is the largest ring propensity and most rings sit below it, so candidates must be rejected
        assertTrue(pop.candidateCount() > pop.eventCount(), "some candidates are rejected");
    }

    /**
     * First switch-ON time of single-holoenzyme spines (ON at >= 6 of 12 phosphorylated) at the benchmark rates,
     * against P(T <= t) of the 4,096-state chain of two rings with the ON states absorbing. 4,000 spines; one run
     * in a single 12-s step (every switch time from the order-statistic draw) and one in 0.7-s steps; chi-square at
     * level 1e-4 over nine bins (the last: not ON by 12 s) each: false-failure probability < 2e-4.
     */
    @Test
    void firstSwitchTimeMatchesTheAbsorbingChain() {
        RingW2Parameters w2 = RingW2Parameters.benchmark();
        RingMasterEquation chain = new RingMasterEquation(4096, (s, out) -> {
            if (Integer.bitCount(s) < 6) {
                ringTransitions(w2, 2, s, out);
            }
        });
        double[] edges = {0.5, 1, 1.5, 2, 2.5, 3, 4, 6, 12};
        double[] cdf = new double[edges.length];
        double[] p = new double[4096];
        p[0] = 1;
        double t = 0;
        for (int i = 0; i < edges.length; i++) {
            p = chain.propagate(p, edges[i] - t);
            t = edges[i];
            for (int s = 0; s < 4096; s++) {
                if (Integer.bitCount(s) >= 6) {
                    cdf[i] += p[s];
                }
            }
        }
        double[] probabilities = new double[edges.length + 1];
        for (int i = 0; i < edges.length; i++) {
            probabilities[i] = cdf[i] - (i == 0 ? 0 : cdf[i - 1]);
        }
        probabilities[edges.length] = 1 - cdf[edges.length - 1];

        for (double stepSec : new double[] {12, 0.7}) {
            int spines = 4_000;
            RingW2Population pop = new RingW2Population(w2, spines, 1,
                    RandomStreams.forBlock(29, "camkii-w2-switch", (long) (stepSec * 10)), 0.5, 0.2, true);
            while (pop.timeSec() < 12 - 1e-12) {
                pop.advance(Math.min(stepSec, 12 - pop.timeSec()));
            }
            double[] first = pop.lifetimes().firstOffDurationsSec();
            long[] observed = new long[edges.length + 1];
            for (double firstOnSec : first) {
                int bin = 0;
                while (bin < edges.length - 1 && firstOnSec >= edges[bin]) {
                    bin++;
                }
                assertTrue(firstOnSec >= 0 && firstOnSec <= 12, "switch time in the run: " + firstOnSec);
                observed[bin]++;
            }
            observed[edges.length] = spines - first.length;
            int neverOn = 0;
            for (int spine = 0; spine < spines; spine++) {
                if (Double.isNaN(pop.onSinceSec(spine)) && pop.stateSinceSec(spine) == 0) {
                    neverOn++;
                }
            }
            assertEquals(spines - first.length, neverOn, "spines without a first switch are those never ON");
            double pValue = ChiSquare.pValue(observed, probabilities);
            assertTrue(pValue > 1e-4, "step " + stepSec + " s: chi-square p = " + pValue);
        }
    }
}
