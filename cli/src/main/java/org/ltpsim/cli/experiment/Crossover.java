package org.ltpsim.cli.experiment;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Where net plasticity (P(LTP) - P(LTD)) crosses from depression to potentiation along a rising frequency axis,
 * and a 95% interval for it.
 *
 * <p><b>Estimate.</b> The first pair of neighbouring frequencies with net &lt; 0 at the lower and net &gt;= 0 at the
 * higher; the crossover is where the straight line between them, in log frequency, reaches 0. No crossing (net of
 * one sign everywhere, or rising only from 0) gives no crossover and a reason.
 *
 * <p><b>Interval.</b> A seeded posterior simulation: for each replicate, each frequency's (LTP, LTD, none) fractions
 * are drawn from their Dirichlet posterior under the Jeffreys prior (counts + 1/2), and the crossover of the drawn
 * curve is found as above; the interval is the 2.5th and 97.5th percentile of the replicates that cross. Unlike a
 * plain parametric bootstrap it does not collapse at points where no spine (or every spine) shows an outcome. It
 * treats spines as independent and the interpolation as exact, so with few branches per frequency (spines of a
 * branch share its voltage) or coarse grids it is too narrow.
 */
public final class Crossover {
    /** Replicates of the posterior simulation. */
    public static final int REPLICATES = 4000;

    private Crossover() {}

    /** The result: {@code hz} NaN when there is no crossing; {@code lo}, {@code hi} NaN when unknown. */
    public record Estimate(double hz, double lo, double hi, int replicates, int replicatesWithoutCrossing,
            String reason) {
        public boolean found() {
            return !Double.isNaN(hz);
        }
    }

    /** Crossover of {@code net} (one value per frequency, frequencies rising and positive); NaN when none. */
    public static double of(double[] frequenciesHz, double[] net) {
        for (int i = 0; i + 1 < net.length; i++) {
            if (net[i] < 0 && net[i + 1] >= 0) {
                double a = Math.log(frequenciesHz[i]);
                double b = Math.log(frequenciesHz[i + 1]);
                double t = -net[i] / (net[i + 1] - net[i]);
                return Math.exp(a + t * (b - a));
            }
        }
        return Double.NaN;
    }

    /** Why {@link #of} found no crossing. */
    static String noCrossingReason(double[] net) {
        boolean anyNegative = Arrays.stream(net).anyMatch(v -> v < 0);
        boolean anyPositive = Arrays.stream(net).anyMatch(v -> v > 0);
        if (!anyNegative) {
            return "net plasticity is not negative at any frequency (no depression): the crossover lies below the "
                    + "lowest frequency, or there is none";
        }
        if (!anyPositive) {
            return "net plasticity is not positive at any frequency (no potentiation): the crossover lies above the "
                    + "highest frequency, or there is none";
        }
        return "net plasticity never rises from negative to zero or above along increasing frequency";
    }

    /**
     * The crossover of the observed counts and its interval (see the class comment).
     *
     * @param ltp spines with LTP at each frequency
     * @param ltd spines with LTD at each frequency
     * @param spines spines at each frequency
     */
    public static Estimate estimate(double[] frequenciesHz, int[] ltp, int[] ltd, int[] spines, long seed) {
        int n = frequenciesHz.length;
        double[] net = new double[n];
        for (int i = 0; i < n; i++) {
            net[i] = (double) (ltp[i] - ltd[i]) / spines[i];
        }
        double hz = of(frequenciesHz, net);
        if (Double.isNaN(hz)) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN, 0, 0, noCrossingReason(net));
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] crossings = new double[REPLICATES];
        int found = 0;
        double[] drawn = new double[n];
        for (int r = 0; r < REPLICATES; r++) {
            for (int i = 0; i < n; i++) {
                double gLtp = gamma(random, ltp[i] + 0.5);
                double gLtd = gamma(random, ltd[i] + 0.5);
                double gNone = gamma(random, spines[i] - ltp[i] - ltd[i] + 0.5);
                drawn[i] = (gLtp - gLtd) / (gLtp + gLtd + gNone);
            }
            double c = of(frequenciesHz, drawn);
            if (!Double.isNaN(c)) {
                crossings[found++] = c;
            }
        }
        double[] sorted = Arrays.copyOf(crossings, found);
        Arrays.sort(sorted);
        double lo = found < 40 ? Double.NaN : quantile(sorted, 0.025);
        double hi = found < 40 ? Double.NaN : quantile(sorted, 0.975);
        String reason = found < 40 ? "too few posterior replicates cross (" + found + " of " + REPLICATES + ")" : null;
        return new Estimate(hz, lo, hi, REPLICATES, REPLICATES - found, reason);
    }

    /** Type-7 quantile of sorted values. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** A Gamma(shape, 1) variate (Marsaglia &amp; Tsang 2000; shape &lt; 1 by the boost U^(1/shape)). */
    static double gamma(SplittableRandom random, double shape) {
        if (shape < 1) {
            double u = random.nextDouble();
            return gamma(random, shape + 1) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = normal(random);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    /** A standard normal variate (Box-Muller, one of the pair; deterministic given the stream). */
    private static double normal(SplittableRandom random) {
        double u1 = 1 - random.nextDouble(); // (0, 1]
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
