package org.ltpsim.channels;

/**
 * Transition probabilities of a single channel over a step with rates frozen: {@code P = exp(Q dt)}, by
 * uniformisation (Jensen 1953) on a step scaled down to {@code Lambda h <= 1/2}, then repeated squaring.
 *
 * <p>Uniformisation sums non-negative terms {@code e^(-Lambda h) (Lambda h)^n / n! R^n} with {@code R = I + Q /
 * Lambda} stochastic, so there is no cancellation; the series is cut when the Poisson tail is below 1e-17, and
 * each row is renormalised to sum to 1 at the end. The error per entry is a few ulps times the number of
 * squarings.
 */
public final class TransitionMatrix {
    private TransitionMatrix() {}

    /** exp(q dtMs) for a generator q (rows sum to zero, off-diagonal >= 0). */
    public static double[][] exp(double[][] q, double dtMs) {
        if (!(dtMs >= 0) || dtMs == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("dtMs must be finite and >= 0: " + dtMs);
        }
        int s = q.length;
        double lambda = 0;
        for (int i = 0; i < s; i++) {
            lambda = Math.max(lambda, -q[i][i]);
        }
        double[][] p = identity(s);
        if (lambda == 0 || dtMs == 0) {
            return p;
        }
        int squarings = 0;
        double h = dtMs;
        while (lambda * h > 0.5) {
            h *= 0.5;
            squarings++;
        }
        double[][] r = new double[s][s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                r[i][j] = q[i][j] / lambda + (i == j ? 1 : 0);
            }
        }
        double x = lambda * h;
        double weight = Math.exp(-x);
        double[][] term = identity(s); // R^n
        double[][] sum = new double[s][s];
        double cumulative = 0;
        for (int n = 0; ; n++) {
            addScaled(sum, term, weight);
            cumulative += weight;
            if (1 - cumulative < 1e-17 || n > 200) {
                break;
            }
            term = multiply(term, r);
            weight *= x / (n + 1);
        }
        p = sum;
        for (int k = 0; k < squarings; k++) {
            p = multiply(p, p);
        }
        for (int i = 0; i < s; i++) {
            double rowSum = 0;
            for (int j = 0; j < s; j++) {
                rowSum += p[i][j];
            }
            for (int j = 0; j < s; j++) {
                p[i][j] /= rowSum;
            }
        }
        return p;
    }

    private static double[][] identity(int s) {
        double[][] m = new double[s][s];
        for (int i = 0; i < s; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    private static void addScaled(double[][] target, double[][] m, double w) {
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m.length; j++) {
                target[i][j] += w * m[i][j];
            }
        }
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int s = a.length;
        double[][] c = new double[s][s];
        for (int i = 0; i < s; i++) {
            for (int k = 0; k < s; k++) {
                double aik = a[i][k];
                if (aik == 0) {
                    continue;
                }
                for (int j = 0; j < s; j++) {
                    c[i][j] += aik * b[k][j];
                }
            }
        }
        return c;
    }
}
