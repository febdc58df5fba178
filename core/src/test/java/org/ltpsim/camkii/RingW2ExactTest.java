package org.ltpsim.camkii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ltpsim.rng.RandomStreams;

/**
 * The W2 ring model (bench-models/camkii_ring.bngl) against exact results: the 64-state master equation of one
 * ring, solved by uniformisation from the rules (independent of the kernel's class bookkeeping), and the
 * reference table of bench-models/README.md.
 */
class RingW2ExactTest {
    private static final RingW2Parameters W2 = RingW2Parameters.benchmark();
    private static final double[] TIMES_SEC = {1, 2, 5, 10, 20};
    /** bench-models/README.md, W2: exact mean phosphorylated fraction at TIMES_SEC, and stationary. */
    private static final double[] REFERENCE_FRACTION = {0.190884, 0.383183, 0.646512, 0.724539, 0.732769};
    private static final double REFERENCE_STATIONARY = 0.732846;
    /** bench-models/README.md: sd of the fraction at one time point for H = 1,000. */
    private static final double SD_H1000 = 0.0055;

    /** The ring's chain, straight from the three rules: bit k of the state is subunit k's p. */
    static RingMasterEquation ringChain() {
        return new RingMasterEquation(64, (state, out) -> {
            for (int k = 0; k < 6; k++) {
                int bit = 1 << k;
                int right = 1 << ((k + 1) % 6);
                int left = 1 << ((k + 5) % 6);
                if ((state & bit) == 0) {
                    double rate = ((state & right) == 0 ? W2.initHz() : 0) + ((state & left) != 0 ? W2.autoHz() : 0);
                    out.add(state | bit, rate);
                } else {
                    out.add(state & ~bit, W2.offHz());
                }
            }
        });
    }

    static double meanFraction(double[] p) {
        double mean = 0;
        for (int s = 0; s < p.length; s++) {
            mean += p[s] * Integer.bitCount(s) / 6.0;
        }
        return mean;
    }

    @Test
    void masterEquationReproducesTheReferenceTable() {
        RingMasterEquation chain = ringChain();
        double[] p = new double[64];
        p[0] = 1;
        double t = 0;
        for (int i = 0; i < TIMES_SEC.length; i++) {
            p = chain.propagate(p, TIMES_SEC[i] - t);
            t = TIMES_SEC[i];
            assertEquals(REFERENCE_FRACTION[i], meanFraction(p), 2e-6, "t = " + t);
        }
        p = chain.propagate(p, 200);
        assertEquals(REFERENCE_STATIONARY, meanFraction(p), 2e-6, "stationary");
    }

    /**
     * Distribution of phosphorylated subunits per ring (0..6) from 6,000 independent rings (3,000 spines of one
     * holoenzyme), at t = 0.5, 1, 2, 5, 10 s, stepped in 1-ms steps so that the residual carries over thousands of
     * event-free steps. Chi-square at level 1e-4 per time point: a correct kernel fails one of the five with
     * probability < 5e-4.
     */
    @Test
    void ringDistributionMatchesTheMasterEquation() {
        int spines = 3_000;
        RingW2Population pop = CamkiiPopulations.createW2(W2, spines, 1, RandomStreams.forBlock(11, "camkii-w2", 0),
                0.5, 0.2);
        RingMasterEquation chain = ringChain();
        double[] p = new double[64];
        p[0] = 1;
        double t = 0;
        for (double mark : new double[] {0.5, 1, 2, 5, 10}) {
            p = chain.propagate(p, mark - t);
            while (pop.timeSec() < mark - 1e-9) {
                pop.advance(1e-3);
            }
            t = mark;
            double[] exact = new double[7];
            for (int s = 0; s < 64; s++) {
                exact[Integer.bitCount(s)] += p[s];
            }
            long[] observed = new long[7];
            for (int spine = 0; spine < spines; spine++) {
                for (int ring = 0; ring < 2; ring++) {
                    int count = 0;
                    for (int k = 0; k < 6; k++) {
                        count += pop.subunitState(spine, ring * 6 + k);
                    }
                    observed[count]++;
                }
            }
            double pValue = ChiSquare.pValue(observed, exact);
            assertTrue(pValue > 1e-4, "t = " + mark + ": chi-square p = " + pValue);
        }
        assertTrue(pop.classesConsistent());
    }

    /**
     * W2 at H = 1,000 (8 independent realisations): the fraction at t = 1, 2, 5, 10, 20 s and at 50 and 100 s
     * (stationary) within 4.5 reference sd of the exact value for each realisation (per check false-failure
     * probability 6.8e-6 for a Gaussian; 56 checks: < 4e-4), and the mean over realisations within 4.5 sd/sqrt(8).
     */
    @Test
    void w2AtThousandHoloenzymesReproducesTheExactMeanFraction() {
        int spines = 8;
        RingW2Population pop = CamkiiPopulations.createW2(W2, spines, 1_000,
                RandomStreams.forBlock(5, "camkii-w2", 0), 0.5, 0.2);
        double[] marks = {1, 2, 5, 10, 20, 50, 100};
        for (int m = 0; m < marks.length; m++) {
            pop.advance(marks[m] - pop.timeSec());
            double exact = m < REFERENCE_FRACTION.length ? REFERENCE_FRACTION[m] : REFERENCE_STATIONARY;
            double sum = 0;
            for (int spine = 0; spine < spines; spine++) {
                double fraction = pop.phosphorylatedSubunits(spine) / 12_000.0;
                assertEquals(exact, fraction, 4.5 * SD_H1000, "t = " + marks[m] + ", spine " + spine);
                sum += fraction;
            }
            assertEquals(exact, sum / spines, 4.5 * SD_H1000 / Math.sqrt(spines), "mean at t = " + marks[m]);
        }
    }
}
