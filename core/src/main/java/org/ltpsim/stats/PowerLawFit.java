package org.ltpsim.stats;

/**
 * The exponent b of y = a x^b from points with known uncertainties: weighted least squares of ln y on ln x, each
 * point weighted by 1 / se(ln y)^2, where se(ln y) comes from the point's 95% interval ({@code (ln hi - ln lo) /
 * (2 x 1.96)}). The weights are taken as known, so the slope's 95% interval is slope +- 1.96 se (normal, not t: with
 * three scales a t interval on one degree of freedom would throw away the per-point information).
 *
 * @param exponent the fitted slope b
 * @param standardError its standard error
 * @param lower 95% interval, lower end
 * @param upper 95% interval, upper end
 * @param points points used (those with a finite positive y and a bounded interval)
 */
public record PowerLawFit(double exponent, double standardError, double lower, double upper, int points) {
    private static final double Z95 = 1.959963984540054;

    /** Fits; NaN fields when fewer than two usable points or all x equal. */
    public static PowerLawFit fit(double[] x, double[] y, double[] yLo, double[] yHi) {
        double sw = 0;
        double swx = 0;
        double swy = 0;
        int used = 0;
        double[] lx = new double[x.length];
        double[] ly = new double[x.length];
        double[] w = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] > 0 && y[i] > 0 && yLo[i] > 0 && yHi[i] > yLo[i]) || Double.isInfinite(yHi[i])) {
                continue;
            }
            double se = (Math.log(yHi[i]) - Math.log(yLo[i])) / (2 * Z95);
            lx[i] = Math.log(x[i]);
            ly[i] = Math.log(y[i]);
            w[i] = 1 / (se * se);
            sw += w[i];
            swx += w[i] * lx[i];
            swy += w[i] * ly[i];
            used++;
        }
        if (used < 2) {
            return new PowerLawFit(Double.NaN, Double.NaN, Double.NaN, Double.NaN, used);
        }
        double mx = swx / sw;
        double my = swy / sw;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            if (w[i] > 0) {
                sxx += w[i] * (lx[i] - mx) * (lx[i] - mx);
                sxy += w[i] * (lx[i] - mx) * (ly[i] - my);
            }
        }
        if (!(sxx > 0)) {
            return new PowerLawFit(Double.NaN, Double.NaN, Double.NaN, Double.NaN, used);
        }
        double slope = sxy / sxx;
        double se = Math.sqrt(1 / sxx);
        return new PowerLawFit(slope, se, slope - Z95 * se, slope + Z95 * se, used);
    }
}
