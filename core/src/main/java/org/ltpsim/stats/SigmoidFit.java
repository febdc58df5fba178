package org.ltpsim.stats;

/**
 * A logistic dose-response curve P(x) = 1 / (1 + exp(-(x - threshold) / scale)) fitted to grouped binary outcomes
 * by {@link LogisticFit#fit}, with 95% intervals, or the reason why the threshold cannot be estimated.
 *
 * @param reason null when the fit is clean; otherwise why the threshold is not identified (separation, no
 *     outcome change in the range, too few points) or why an interval is unbounded (slope not significant)
 * @param threshold x at which P = 1/2; NaN when not identified
 * @param thresholdCi 95% profile-likelihood interval of the threshold (a bound is NaN where it is unbounded)
 * @param scale s: positive when P rises with x, negative when it falls; NaN when not identified
 * @param widthCi 95% profile-likelihood interval of {@link #width1090()}
 * @param deviance the residual deviance against the saturated model and its goodness-of-fit test
 * @param intervals how the intervals were computed (binomial, or scaled by the estimated dispersion)
 * @param bracket under separation, the neighbouring x between which the outcome jumps from all to none (or back);
 *     {@link Interval#NONE} otherwise
 * @param iterations Newton iterations of the maximum-likelihood fit (0 when none was possible)
 */
public record SigmoidFit(String reason, double threshold, Interval thresholdCi, double scale, Interval widthCi,
        Deviance deviance, Intervals intervals, Interval bracket, int iterations) {
    /** 2 ln 9: the 10%-90% rise of the logistic is this many scale units. */
    public static final double WIDTH_10_90_PER_SCALE = 2 * StrictMath.log(9);

    /** A closed interval; a NaN bound is unknown or unbounded. */
    public record Interval(double lower, double upper) {
        public static final Interval NONE = new Interval(Double.NaN, Double.NaN);

        /** Both bounds finite. */
        public boolean bounded() {
            return Double.isFinite(lower) && Double.isFinite(upper);
        }

        /** upper - lower, NaN when unbounded. */
        public double length() {
            return upper - lower;
        }
    }

    /**
     * Residual deviance 2 (l_saturated - l_fit) with degreesOfFreedom = groups - 2 and its chi-square upper tail
     * probability (NaN with no degrees of freedom); small p-values say the logistic does not describe the
     * groups (wrong shape, or more spread than binomial: outcomes that are not independent).
     *
     * @param dispersion Pearson's X^2 / (groups - 2): about 1 for binomial groups, larger when they vary more than
     *     binomial (NaN with no degrees of freedom)
     */
    public record Deviance(double value, int degreesOfFreedom, double pValue, double dispersion) {
        public static final Deviance NONE = new Deviance(Double.NaN, 0, Double.NaN, Double.NaN);
    }

    /**
     * How the intervals were made: the profile-likelihood cut-off on 2 (l_max - l_profile) and the dispersion the
     * deviance differences were scaled by (1 for binomial intervals).
     *
     * @param method {@link LogisticFit.Method} used
     * @param dispersion the scale phi: binomial 1; quasi-binomial Pearson's X^2 / (groups - 2)
     * @param cut the cut-off on the unscaled statistic: chi-square(1) 3.84, or phi F(1, groups - 2) at 95%
     */
    public record Intervals(LogisticFit.Method method, double dispersion, double cut) {}

    /** The threshold and width were estimated (the maximum-likelihood estimate exists). */
    public boolean identified() {
        return !Double.isNaN(threshold);
    }

    /** Distance in x between P = 0.1 and P = 0.9: 2 ln(9) |scale|; NaN when not identified. */
    public double width1090() {
        return WIDTH_10_90_PER_SCALE * Math.abs(scale);
    }

    /** P(x) of the fitted curve; NaN when not identified. */
    public double probability(double x) {
        return 1 / (1 + StrictMath.exp(-(x - threshold) / scale));
    }
}
