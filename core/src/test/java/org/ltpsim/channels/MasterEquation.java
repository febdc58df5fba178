package org.ltpsim.channels;

/**
 * Independent reference for the tests: the single-channel master equation dp/dt = p Q(g) integrated by classical
 * RK4 with a fine step, and the stationary distribution from pi Q = 0 by Gaussian elimination. Uses only
 * {@link KineticScheme#generator}, none of the simulation code.
 */
final class MasterEquation {
    private MasterEquation() {}

    /**
     * p(t) after integrating from p0 over durationMs at glutamate g, RK4 with steps of at most hMs and at most
     * 0.05 / (largest exit rate): local error below (0.05)^5 / 120 = 3e-9, global well under 1e-6.
     */
    static double[] integrate(KineticScheme scheme, double[] p0, double glutamate, double durationMs, double hMs) {
        double[][] q = scheme.generator(glutamate);
        double lambda = 0;
        for (int i = 0; i < q.length; i++) {
            lambda = Math.max(lambda, -q[i][i]);
        }
        if (lambda > 0) {
            hMs = Math.min(hMs, 0.05 / lambda);
        }
        int steps = (int) Math.ceil(durationMs / hMs);
        double h = durationMs / steps;
        double[] p = p0.clone();
        for (int k = 0; k < steps; k++) {
            double[] k1 = deriv(q, p);
            double[] k2 = deriv(q, axpy(p, k1, h / 2));
            double[] k3 = deriv(q, axpy(p, k2, h / 2));
            double[] k4 = deriv(q, axpy(p, k3, h));
            for (int i = 0; i < p.length; i++) {
                p[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
        }
        return p;
    }

    private static double[] deriv(double[][] q, double[] p) {
        double[] d = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < p.length; j++) {
                d[j] += p[i] * q[i][j];
            }
        }
        return d;
    }

    private static double[] axpy(double[] p, double[] k, double h) {
        double[] r = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            r[i] = p[i] + h * k[i];
        }
        return r;
    }

    /** Stationary distribution at constant glutamate: solves pi Q = 0, sum pi = 1 (irreducible generators). */
    static double[] stationary(KineticScheme scheme, double glutamate) {
        double[][] q = scheme.generator(glutamate);
        int s = q.length;
        // Rows of the system: Q^T pi = 0 with the last equation replaced by sum pi = 1.
        double[][] a = new double[s][s + 1];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                a[i][j] = q[j][i];
            }
        }
        for (int j = 0; j < s; j++) {
            a[s - 1][j] = 1;
        }
        a[s - 1][s] = 1;
        for (int c = 0; c < s; c++) {
            int piv = c;
            for (int r = c + 1; r < s; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                    piv = r;
                }
            }
            double[] tmp = a[c];
            a[c] = a[piv];
            a[piv] = tmp;
            for (int r = 0; r < s; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int k = c; k <= s; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[] pi = new double[s];
        for (int i = 0; i < s; i++) {
            pi[i] = a[i][s] / a[i][i];
        }
        return pi;
    }
}
