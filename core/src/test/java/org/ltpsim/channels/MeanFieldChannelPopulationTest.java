package org.ltpsim.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The mean-field population against the master equation and against the mean of the stochastic one. */
class MeanFieldChannelPopulationTest {
    private static final double[] GLUTAMATE_MM = {1.0, 0.5, 0.5, 0.2, 0.0, 0.0, 1.0, 0.0};
    private static final double[] DT_MS = {0.05, 0.05, 0.05, 0.25, 0.25, 0.25, 0.05, 40.0};

    /**
     * Expected channels per state equal N x e_rest exp(Q(g_1) dt_1) ... exp(Q(g_k) dt_k) by the matrix exponential
     * (squaring, another algorithm), through first sightings of a step (vector), second ones (its matrix) and a long
     * silent step, to 1e-12 of N; the channel number is conserved.
     */
    @Test
    void followsTheMasterEquation() {
        for (KineticScheme scheme : new KineticScheme[] {KineticScheme.ampaDestexhe1998(),
            KineticScheme.nmdaLesterJahr1992()}) {
            int n = 100;
            MeanFieldChannelPopulation population = new MeanFieldChannelPopulation(scheme, new int[] {n, 0});
            int s = scheme.stateCount();
            double[] p = new double[s];
            p[scheme.initialState()] = n;
            for (int k = 0; k < GLUTAMATE_MM.length; k++) {
                population.advance(DT_MS[k], new double[] {GLUTAMATE_MM[k], GLUTAMATE_MM[k]});
                double[][] m = TransitionMatrix.exp(scheme.generator(GLUTAMATE_MM[k]), DT_MS[k]);
                double[] next = new double[s];
                for (int a = 0; a < s; a++) {
                    for (int b = 0; b < s; b++) {
                        next[b] += p[a] * m[a][b];
                    }
                }
                p = next;
                double total = 0;
                for (int state = 0; state < s; state++) {
                    assertEquals(p[state], population.expectedInState(0, state), 1e-12 * n,
                            scheme.name() + " step " + k + " state " + scheme.stateName(state));
                    total += population.expectedInState(0, state);
                }
                assertEquals(n, total, 1e-9, "conserved");
                assertEquals(0.0, population.openChannels(1), "an empty spine stays empty");
            }
        }
    }

    /**
     * The stochastic population's mean open number over 2,000 spines of 100 AMPA channels after 1 mM for 0.5 ms and
     * 1 ms without: within 4 standard errors of the mean-field value (two-sided normal: a correct pair fails with
     * probability 6e-5; fixed seed).
     */
    @Test
    void isTheMeanOfTheStochasticPopulation() {
        KineticScheme ampa = KineticScheme.ampaDestexhe1998();
        int spines = 2000;
        int[] counts = new int[spines];
        java.util.Arrays.fill(counts, 100);
        ChannelPopulation stochastic = ChannelPopulations.create(ampa, counts, RandomSource.XO_SHI_RO_256_PP.create(7L));
        MeanFieldChannelPopulation mean = new MeanFieldChannelPopulation(ampa, new int[] {100});
        double[] on = new double[spines];
        java.util.Arrays.fill(on, 1.0);
        double[] off = new double[spines];
        for (int k = 0; k < 10; k++) {
            stochastic.advance(0.05, on);
            mean.advance(0.05, new double[] {1.0});
        }
        for (int k = 0; k < 4; k++) {
            stochastic.advance(0.25, off);
            mean.advance(0.25, new double[] {0.0});
        }
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < spines; i++) {
            int open = stochastic.openCount(i);
            sum += open;
            sq += (double) open * open;
        }
        double m = sum / spines;
        double se = Math.sqrt((sq / spines - m * m) / (spines - 1));
        assertTrue(mean.openChannels(0) > 1, "some channels open: " + mean.openChannels(0));
        assertEquals(mean.openChannels(0), m, 4 * se, "stochastic mean " + m + " +- " + se);
    }
}
