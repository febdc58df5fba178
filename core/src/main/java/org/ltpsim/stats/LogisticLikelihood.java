package org.ltpsim.stats;

import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;

/**
 * The binomial log-likelihood of a logistic curve, in the canonical parameters eta = a + b u with the covariate
 * centred and scaled, u = (x - centre) / halfRange (so u spans [-1, 1] and the Hessian is well conditioned):
 * l(a, b) = sum_i k_i eta_i - n_i log(1 + exp(eta_i)). It is concave in (a, b), so Newton-Raphson with step halving
 * converges whenever the maximum exists (no separation), and so is every profile below (a partial maximum of a
 * concave function). Package-private: {@link LogisticFit} is the public face.
 */
final class LogisticLikelihood {
    /** Newton stops when a step changes each parameter by less than this, relative to 1 + |value|. */
    private static final double STEP_TOLERANCE = 1e-13;
    private static final int MAX_ITERATIONS = 200;
    private static final int MAX_HALVINGS = 60;

    /**
     * A step is accepted unless it lowers the likelihood by more than rounding: near the maximum a Newton step
     * changes l by less than its last bit, and refusing it would stop the iteration short of full precision.
     */
    private static boolean ascends(double next, double current) {
        return next >= current - 1e-13 * (1 + Math.abs(current));
    }

    final double centre;
    final double halfRange;
    private final double[] u;
    private final double[] n;
    private final double[] k;
    private final double totalTrials;
    private final double totalSuccesses;

    LogisticLikelihood(BinomialGroups groups) {
        int g = groups.size();
        assert g >= 2 : "two distinct x at least";
        double min = groups.x(0);
        double max = groups.x(g - 1);
        centre = min + (max - min) / 2;
        halfRange = (max - min) / 2;
        u = new double[g];
        n = new double[g];
        k = new double[g];
        for (int i = 0; i < g; i++) {
            u[i] = (groups.x(i) - centre) / halfRange;
            n[i] = groups.trials(i);
            k[i] = groups.successes(i);
        }
        totalTrials = groups.totalTrials();
        totalSuccesses = groups.totalSuccesses();
    }

    /** log(1 + exp(z)) without overflow or loss of precision. */
    static double softplus(double z) {
        return Math.max(z, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(z)));
    }

    /** 1 / (1 + exp(-z)). */
    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + StrictMath.exp(-z)) : StrictMath.exp(z) / (1 + StrictMath.exp(z));
    }

    double logLikelihood(double a, double b) {
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            double eta = a + b * u[i];
            sum += k[i] * eta - n[i] * softplus(eta);
        }
        return sum;
    }

    /** The intercept-only model (no dependence on x): its maximum, at a = logit(K/N). */
    double nullLogLikelihood() {
        double p = totalSuccesses / totalTrials;
        return xLogY(totalSuccesses, p) + xLogY(totalTrials - totalSuccesses, 1 - p);
    }

    /** The saturated model (one probability per group): sum k log(k/n) + (n-k) log(1 - k/n). */
    double saturatedLogLikelihood() {
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            sum += xLogY(k[i], k[i] / n[i]) + xLogY(n[i] - k[i], 1 - k[i] / n[i]);
        }
        return sum;
    }

    /** Pearson's X^2 = sum (k - n p)^2 / (n p (1 - p)) at (a, b). */
    double pearsonChiSquare(double a, double b) {
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            double p = sigmoid(a + b * u[i]);
            double expected = n[i] * p;
            double variance = expected * (1 - p);
            double residual = k[i] - expected;
            sum += variance > 0 ? residual * residual / variance : residual == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return sum;
    }

    private static double xLogY(double x, double y) {
        return x == 0 ? 0 : x * StrictMath.log(y);
    }

    /** The maximum: {a, b, l, iterations, var(a), cov(a, b), var(b)} (inverse observed information). */
    double[] maximise() {
        double a = StrictMath.log((totalSuccesses + 0.5) / (totalTrials - totalSuccesses + 0.5));
        double b = 0;
        double l = logLikelihood(a, b);
        int iteration = 0;
        double[] info = information(a, b);
        while (iteration < MAX_ITERATIONS) {
            iteration++;
            // score and observed information at (a, b)
            double ga = 0;
            double gb = 0;
            for (int i = 0; i < u.length; i++) {
                double residual = k[i] - n[i] * sigmoid(a + b * u[i]);
                ga += residual;
                gb += residual * u[i];
            }
            double det = info[0] * info[2] - info[1] * info[1];
            if (!(det > 0)) {
                break;
            }
            double da = (info[2] * ga - info[1] * gb) / det;
            double db = (info[0] * gb - info[1] * ga) / det;
            // step halving: never accept a step that lowers the likelihood
            double t = 1;
            double next = logLikelihood(a + da, b + db);
            for (int h = 0; h < MAX_HALVINGS && !ascends(next, l); h++) {
                t /= 2;
                next = logLikelihood(a + t * da, b + t * db);
            }
            if (!ascends(next, l)) {
                break; // no ascent left at double precision
            }
            a += t * da;
            b += t * db;
            l = next;
            info = information(a, b);
            if (Math.abs(t * da) < STEP_TOLERANCE * (1 + Math.abs(a))
                    && Math.abs(t * db) < STEP_TOLERANCE * (1 + Math.abs(b))) {
                break;
            }
        }
        double det = info[0] * info[2] - info[1] * info[1];
        return new double[] {a, b, l, iteration, info[2] / det, -info[1] / det, info[0] / det};
    }

    /** Observed (= expected) information {I_aa, I_ab, I_bb} at (a, b). */
    private double[] information(double a, double b) {
        double iaa = 0;
        double iab = 0;
        double ibb = 0;
        for (int i = 0; i < u.length; i++) {
            double p = sigmoid(a + b * u[i]);
            double w = n[i] * p * (1 - p);
            iaa += w;
            iab += w * u[i];
            ibb += w * u[i] * u[i];
        }
        return new double[] {iaa, iab, ibb};
    }

    /**
     * The profile over the slope at a fixed threshold t (in u units): max over b of l(-b t, b), the curve forced
     * through P(t) = 1/2. Newton in b from {@code start}, with step halving.
     */
    double profileAtThreshold(double t, double start) {
        return maximiseAlong(b -> -b * t, b -> b, (b, i) -> b * (u[i] - t), i -> u[i] - t, start);
    }

    /** The profile over the intercept at a fixed slope b: max over a of l(a, b). Newton in a from {@code start}. */
    double profileAtSlope(double b, double start) {
        return maximiseAlong(a -> a, a -> b, (a, i) -> a + b * u[i], i -> 1, start);
    }

    /** The linear predictor eta_i at coordinate x along a line through the (a, b) plane. */
    @FunctionalInterface
    private interface Predictor {
        double eta(double x, int i);
    }

    /**
     * max over x of l(a(x), b(x)) along a straight line through the (a, b) plane, a profile (concave, as l is):
     * Newton in x from {@code start}, with step halving that never accepts a step lowering the likelihood.
     *
     * @param eta the linear predictor of group i at x, as a and b give it
     * @param slope d eta_i / dx, constant along the line
     */
    private double maximiseAlong(DoubleUnaryOperator a, DoubleUnaryOperator b, Predictor eta,
            IntToDoubleFunction slope, double start) {
        double x = start;
        double l = logLikelihood(a.applyAsDouble(x), b.applyAsDouble(x));
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double g = 0;
            double h = 0;
            for (int i = 0; i < u.length; i++) {
                double c = slope.applyAsDouble(i);
                double p = sigmoid(eta.eta(x, i));
                g += (k[i] - n[i] * p) * c;
                h += n[i] * p * (1 - p) * c * c;
            }
            if (!(h > 0)) {
                break;
            }
            double step = g / h;
            double s = 1;
            double next = logLikelihood(a.applyAsDouble(x + step), b.applyAsDouble(x + step));
            for (int halving = 0; halving < MAX_HALVINGS && !ascends(next, l); halving++) {
                s /= 2;
                next = logLikelihood(a.applyAsDouble(x + s * step), b.applyAsDouble(x + s * step));
            }
            if (!ascends(next, l)) {
                break;
            }
            x += s * step;
            l = next;
            if (Math.abs(s * step) < STEP_TOLERANCE * (1 + Math.abs(x))) {
                break;
            }
        }
        return l;
    }
}
