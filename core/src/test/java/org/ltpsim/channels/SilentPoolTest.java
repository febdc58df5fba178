package org.ltpsim.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The silent pool ({@link ChannelPopulations.Method#EVENT_DRIVEN_SILENT_POOL}) against the master equation and
 * against the plain class SSA ({@code EVENT_DRIVEN}, which fires every transition), on glutamate trains whose
 * zero-glutamate gaps put the silent channels in the pool and whose pulses bring them back.
 *
 * <p>Two groups of spines get different trains (so pooled and unpooled spines share a step). Channels are
 * independent, so the number open at a time is Binomial(n, p_O(t)) with p_O from the master equation ({@link
 * MasterEquation}, RK4): z test |z| &lt; 4.5 per point (two-sided false-failure probability 6.8e-6). Only open
 * counts are read during the train (open states are live, so reading them resolves nothing: the pool is brought
 * back by the glutamate alone); at the end every state is counted (which resolves the pool) and compared with
 * the master equation by chi-square at p = 1e-4. Per method and scheme: 2 groups x 12 points + 2 chi-square, so
 * a correct kernel fails a run with probability below 4e-4; the seeds are fixed. The pooled-vs-plain check is a
 * two-sample z test of the total open-channel time (|z| &lt; 4.5).
 */
class SilentPoolTest {
    private static final double Z_MAX = 4.5;
    private static final int SPINES_PER_GROUP = 100;
    private static final int PER_SPINE = 100; // n = 10,000 channels per group
    /** Pulse start times (ms) of group 0 and group 1; each pulse is 1 mM for 1 ms. */
    private static final double[][] PULSES = {{0, 10, 30, 100, 400}, {5, 6.5, 200, 205, 210}};
    private static final double[] SAMPLES = {0.5, 1.5, 8, 10.6, 12, 31, 60, 101, 150, 207, 401.2, 600};
    private static final double END_MS = 600;

    private static double glutamate(int group, double t) {
        for (double start : PULSES[group]) {
            if (t >= start - 1e-9 && t < start + 1 - 1e-9) {
                return 1.0;
            }
        }
        return 0.0;
    }

    /** The step grid: boundaries at every pulse edge and sample time, at most dtMs apart. */
    private static double nextBoundary(double now, double dtMs) {
        double next = now + dtMs;
        for (double[] group : PULSES) {
            for (double start : group) {
                for (double edge : new double[] {start, start + 1}) {
                    if (edge > now + 1e-9 && edge < next) {
                        next = edge;
                    }
                }
            }
        }
        for (double s : SAMPLES) {
            if (s > now + 1e-9 && s < next) {
                next = s;
            }
        }
        return Math.min(next, END_MS);
    }

    /** Runs the trains; returns the total open-channel time (channel ms) and checks every sample point. */
    private static double run(KineticScheme scheme, ChannelPopulations.Method method, long seed) {
        int spines = 2 * SPINES_PER_GROUP;
        int[] counts = new int[spines];
        Arrays.fill(counts, PER_SPINE);
        ChannelPopulation pop = ChannelPopulations.create(scheme, counts, seed, "silent-pool-test", 0, method);
        assertEquals(method, pop.method());
        int n = SPINES_PER_GROUP * PER_SPINE;
        double[][] p = new double[2][scheme.stateCount()];
        p[0][scheme.initialState()] = 1;
        p[1][scheme.initialState()] = 1;
        double[] glu = new double[spines];
        int open = scheme.state("O");
        double now = 0;
        double openTime = 0;
        int sample = 0;
        while (now < END_MS - 1e-9) {
            double next = nextBoundary(now, 0.25);
            double dt = next - now;
            double mid = now + dt / 2;
            for (int sp = 0; sp < spines; sp++) {
                glu[sp] = glutamate(sp / SPINES_PER_GROUP, mid);
            }
            pop.advance(dt, glu);
            for (int g = 0; g < 2; g++) {
                p[g] = MasterEquation.integrate(scheme, p[g], glutamate(g, mid), dt, 0.005);
            }
            now = next;
            long total = 0;
            for (int sp = 0; sp < spines; sp++) {
                total += pop.openCount(sp);
            }
            openTime += total * dt;
            if (sample < SAMPLES.length && Math.abs(now - SAMPLES[sample]) < 1e-9) {
                for (int g = 0; g < 2; g++) {
                    long o = 0;
                    for (int sp = g * SPINES_PER_GROUP; sp < (g + 1) * SPINES_PER_GROUP; sp++) {
                        o += pop.openCount(sp);
                    }
                    double expected = p[g][open];
                    double z = (o - n * expected) / Math.max(Math.sqrt(n * expected * (1 - expected)), 1e-300);
                    final int group = g;
                    final double t = now;
                    final long observed = o;
                    assertTrue(Math.abs(z) < Z_MAX, () -> scheme.name() + " " + method + " group " + group
                            + " t=" + t + ": open " + observed + " of " + n + ", expected p " + expected + " z=" + z);
                }
                sample++;
            }
        }
        assertEquals(SAMPLES.length, sample);
        // every state at the end (resolves the pool)
        for (int g = 0; g < 2; g++) {
            double chi2 = 0;
            int df = -1;
            long all = 0;
            for (int s = 0; s < scheme.stateCount(); s++) {
                long observed = 0;
                for (int sp = g * SPINES_PER_GROUP; sp < (g + 1) * SPINES_PER_GROUP; sp++) {
                    observed += pop.stateCount(sp, s);
                }
                all += observed;
                double expected = p[g][s] * n;
                if (expected > 5) {
                    chi2 += (observed - expected) * (observed - expected) / expected;
                    df++;
                } else {
                    assertTrue(observed < 5 + 10 * Math.sqrt(5), scheme.name() + " state " + s + ": " + observed);
                }
            }
            assertEquals(n, all);
            double critical = ChiSquaredDistribution.of(df).inverseSurvivalProbability(1e-4);
            final double statistic = chi2;
            final int group = g;
            assertTrue(chi2 < critical, () -> scheme.name() + " " + method + " group " + group + " at the end: chi2 "
                    + statistic + " >= " + critical);
        }
        return openTime;
    }

    enum Scheme {
        AMPA, NMDA;

        KineticScheme get() {
            return this == AMPA ? KineticScheme.ampaDestexhe1998() : KineticScheme.nmdaLesterJahr1992();
        }
    }

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void pooledAndPlainFollowTheMasterEquationAndAgree(Scheme scheme) {
        double plain = run(scheme.get(), ChannelPopulations.Method.EVENT_DRIVEN, 41);
        double pooled = run(scheme.get(), ChannelPopulations.Method.EVENT_DRIVEN_SILENT_POOL, 42);
        // Two-sample check of the open-channel time X = integral of open(t) dt over [0, T]: by Cauchy-Schwarz
        // Var X <= (integral sd(open(t)) dt)^2 <= T integral Var(open(t)) dt, and a binomial count has
        // Var <= mean, so Var X <= T E[X]; the z below is conservative (smaller than the true one).
        double sd = Math.sqrt(END_MS * (plain + pooled));
        double z = (pooled - plain) / sd;
        assertTrue(Math.abs(z) < Z_MAX, () -> scheme + ": open time pooled " + pooled + " plain " + plain + " z=" + z);
    }

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void readingSilentStatesDuringAGapChangesNothingInDistribution(Scheme scheme) {
        // reading every state every step resolves the pool every step: the plain SSA with extra resolutions
        KineticScheme k = scheme.get();
        int[] counts = new int[50];
        Arrays.fill(counts, 40);
        ChannelPopulation pop = ChannelPopulations.create(k, counts, 7, "silent-read", 0,
                ChannelPopulations.Method.EVENT_DRIVEN_SILENT_POOL);
        double[] glu = new double[50];
        double[] p = new double[k.stateCount()];
        p[k.initialState()] = 1;
        for (int step = 0; step < 400; step++) {
            double g = step < 4 ? 1.0 : 0.0;
            Arrays.fill(glu, g);
            pop.advance(0.25, glu);
            p = MasterEquation.integrate(k, p, g, 0.25, 0.005);
            int total = 0;
            for (int sp = 0; sp < 50; sp++) {
                for (int s = 0; s < k.stateCount(); s++) {
                    total += pop.stateCount(sp, s);
                }
            }
            assertEquals(2000, total);
        }
        double chi2 = 0;
        int df = -1;
        for (int s = 0; s < k.stateCount(); s++) {
            long observed = 0;
            for (int sp = 0; sp < 50; sp++) {
                observed += pop.stateCount(sp, s);
            }
            double expected = p[s] * 2000;
            if (expected > 5) {
                chi2 += (observed - expected) * (observed - expected) / expected;
                df++;
            }
        }
        assertTrue(chi2 < ChiSquaredDistribution.of(df).inverseSurvivalProbability(1e-4), scheme + " chi2 " + chi2);
    }
}
