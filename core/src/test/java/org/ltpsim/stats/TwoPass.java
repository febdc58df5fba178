package org.ltpsim.stats;

/** Test reference: mean and sample sd by the two-pass formulas. */
final class TwoPass {
    private TwoPass() {}

    static double mean(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v / values.length;
        }
        return mean;
    }

    /** Sum of squared deviations from {@link #mean}. */
    static double sumSquaredDeviations(double[] values) {
        double mean = mean(values);
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return ss;
    }
}
