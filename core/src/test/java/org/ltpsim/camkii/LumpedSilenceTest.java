package org.ltpsim.camkii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.ltpsim.rng.RandomStreams;

/**
 * The lumped silent step ({@link HoloenzymePopulation#advanceSilence}: phosphorylated subunits' CaM binding not
 * simulated one by one) against the exact kernel ({@link HoloenzymePopulation#advanceUniform}): the switch's
 * lifetimes, and the ON state over an hour at rest with the default 16 holoenzymes per spine (read at every step
 * or only at the end; with turnover). Different random numbers, so independent samples; fixed seeds.
 */
class LumpedSilenceTest {
    private static final double REST_UM = 0.1;

    private static double mean(double[] x) {
        return Arrays.stream(x).average().orElse(Double.NaN);
    }

    private static SwitchLifetimes lifetimes(boolean lumped, int holoenzymes, int spines, long seed) {
        HoloenzymePopulation pop = (HoloenzymePopulation) CamkiiPopulations.create(SwitchLifetimeTest.LIFETIME,
                spines, holoenzymes, RandomStreams.forBlock(seed, "camkii", holoenzymes), true);
        for (int s = 0; s < 1000; s++) { // 1e5 s in 100 s calls (the lumped one draws its counts at each call end)
            if (lumped) {
                pop.advanceSilence(100, REST_UM);
            } else {
                pop.advanceUniform(100, REST_UM);
            }
        }
        assertTrue(pop.classesConsistent());
        return pop.lifetimes();
    }

    /**
     * H = 1, 40 spines x 1e5 s (about 400 ON and 400 OFF periods each, SwitchLifetimeTest): the mean ON and OFF
     * lifetimes, lumped against exact. The log of a ratio of two exponential sample means of ~400 each has sd
     * sqrt(2/400) = 0.071; |log ratio| < 0.32 is 4.5 sd, a false failure with probability 7e-6 per comparison. The
     * lumped lifetimes are exponential too (KS at level 1e-3 with the sample mean, conservative: < 2e-3 for two).
     */
    @Test
    void switchLifetimesAgreeWithTheExactKernel() {
        SwitchLifetimes exact = lifetimes(false, 1, 40, 41);
        SwitchLifetimes lumped = lifetimes(true, 1, 40, 42);
        double[][] e = {exact.onDurationsSec(), exact.offDurationsSec()};
        double[][] l = {lumped.onDurationsSec(), lumped.offDurationsSec()};
        String[] what = {"ON", "OFF"};
        for (int k = 0; k < 2; k++) {
            System.out.printf("H=1 %s lifetime: exact %.1f s (n %d), lumped %.1f s (n %d)%n", what[k], mean(e[k]),
                    e[k].length, mean(l[k]), l[k].length);
            assertTrue(e[k].length > 250 && l[k].length > 250, what[k] + " periods: " + e[k].length + ", "
                    + l[k].length);
            assertEquals(0, Math.log(mean(l[k]) / mean(e[k])), 0.32, what[k] + " mean lifetime");
            double m = mean(l[k]);
            double p = KolmogorovSmirnovTest.withDefaults().test(l[k], x -> 1 - Math.exp(-x / m)).getPValue();
            assertTrue(p > 1e-3, "lumped " + what[k] + " lifetimes exponential: KS p = " + p);
        }
    }

    /**
     * 16 holoenzymes per spine, 60 spines latched ON by 0.4 s at 1 uM, then an hour at rest in 1 s calls (as an
     * expression run crosses silence), three ways: exact, lumped with the autonomous count read after every call (as
     * the expression layer reads it while a spine can still grow: every read draws the CaM chains), and lumped read
     * only at the end (a read draws them over the whole hour). Mean phosphorylated and autonomous fractions at the end
     * and the number of spines ON, each lumped run against the exact one. Spines are independent: the SE of each mean
     * from the spine-to-spine sd; the difference of two independent means within 5 SE (false failure < 6e-7 each, 4
     * comparisons); ON counts within 6 of each other (all expect 60 ON: the ON state lives for years at H = 16); and
     * the lumped steps have fewer than a third of the exact kernel's events (CaM relabellings counted). Prints the
     * time each took.
     */
    @Test
    void anHourOfTheOnStateAgreesWithTheExactKernel() {
        anHourOn(CamkiiParameters.defaults(), 60, 50, 1.0 / 3);
    }

    /**
     * As {@link #anHourOfTheOnStateAgreesWithTheExactKernel} with holoenzyme turnover at 0.25 per hour (default off;
     * Miller et al. 2005 use 1 per 30 h): about 4 replacements per spine in the hour, each settling the lumped spine
     * at the event (the turnover branch of the lumped step). 150 spines (replacements widen the spread of the
     * phosphorylated fraction). Same tolerances, but fewer than half the exact events (each replacement relabels the
     * spine's CaM states: events).
     */
    @Test
    void anHourWithTurnoverAgreesWithTheExactKernel() {
        anHourOn(CamkiiParameters.from(org.ltpsim.params.ParameterSet.defaults("camkii")
                .with("turnover.rate_per_hour", "0.25")), 150, 60, 0.5);
    }

    private static void anHourOn(CamkiiParameters parameters, int spines, long seed, double eventShare) {
        final String[] how = {"exact", "lumped, read every second", "lumped, read at the end"};
        double[][] phos = new double[3][spines];
        double[][] auto = new double[3][spines];
        int[] on = new int[3];
        long[] nanos = new long[3];
        long[] events = new long[3];
        for (int k = 0; k < 3; k++) {
            HoloenzymePopulation pop = (HoloenzymePopulation) CamkiiPopulations.create(parameters, spines, 16,
                    RandomStreams.forBlock(seed + k, "camkii", 0));
            pop.advanceUniform(5, REST_UM);
            double[] ca = new double[spines];
            Arrays.fill(ca, 1.0);
            for (int step = 0; step < 4_000; step++) {
                pop.advance(1e-4, ca);
            }
            pop.advanceUniform(5, REST_UM);
            long e0 = pop.eventCount();
            long t0 = System.nanoTime();
            long reads = 0;
            for (int s = 0; s < 3600; s++) {
                if (k == 0) {
                    pop.advanceUniform(1, REST_UM);
                } else {
                    pop.advanceSilence(1, REST_UM);
                }
                if (k == 1) {
                    for (int i = 0; i < spines; i++) {
                        reads += pop.autonomousSubunits(i);
                    }
                }
            }
            nanos[k] = System.nanoTime() - t0;
            for (int i = 0; i < spines; i++) {
                phos[k][i] = pop.phosphorylatedSubunits(i) / (double) pop.subunitCount(i);
                auto[k][i] = pop.autonomousSubunits(i) / (double) pop.subunitCount(i);
                assertEquals(auto[k][i], pop.autonomousSubunits(i) / (double) pop.subunitCount(i), 0.0,
                        "a second read at the same time");
                on[k] += pop.isOn(i) ? 1 : 0;
            }
            events[k] = pop.eventCount() - e0; // before classesConsistent settles the lumped spines (relabels)
            assertTrue(pop.classesConsistent());
            assertTrue(k != 1 || reads > 0, "the reads ran");
        }
        System.out.printf("an hour ON at rest, %d spines: %s %.0f ms, %s %.0f ms, %s %.0f ms; events per spine and "
                + "second %.2f, %.2f, %.2f; ON %d / %d / %d%n", spines, how[0], nanos[0] / 1e6, how[1],
                nanos[1] / 1e6, how[2], nanos[2] / 1e6, events[0] / (spines * 3600.0), events[1] / (spines * 3600.0),
                events[2] / (spines * 3600.0), on[0], on[1], on[2]);
        assertTrue(on[0] > spines * 5 / 6, "the exact ON state lasts the hour: " + on[0]);
        for (int k = 1; k < 3; k++) {
            // what lumping is for: most of an ON spine's events at rest are its phosphorylated subunits' CaM binding
            assertTrue(events[k] < eventShare * events[0], how[k] + ": events " + events[k] + " against " + events[0]);
            assertSameMean(how[k] + ": phosphorylated fraction", phos[0], phos[k]);
            assertSameMean(how[k] + ": autonomous fraction", auto[0], auto[k]);
            assertEquals(on[0], on[k], 6, how[k] + ": spines ON after an hour");
        }
    }

    private static void assertSameMean(String what, double[] exact, double[] lumped) {
        double se = Math.sqrt(variance(exact) / exact.length + variance(lumped) / lumped.length);
        System.out.printf("%s: exact %.4f, lumped %.4f, SE %.4f%n", what, mean(exact), mean(lumped), se);
        assertTrue(5 * se < 0.1 * mean(exact), what + ": SE " + se + " resolves a tenth of the mean");
        assertEquals(mean(exact), mean(lumped), 5 * se, what);
    }

    private static double variance(double[] x) {
        double m = mean(x);
        return Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1);
    }
}
