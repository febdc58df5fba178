package org.ltpsim.stats;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.ltpsim.params.NumberText;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.FDistribution;

/**
 * Maximum-likelihood fit of the logistic P(x) = 1 / (1 + exp(-(x - theta) / s)) to grouped binary outcomes
 * (McCullagh &amp; Nelder 1989, Generalized Linear Models, ch. 4), with 95% profile-likelihood intervals for the
 * threshold theta and the 10%-90% width 2 ln(9) |s|.
 *
 * <p>Method: Newton-Raphson (= iteratively reweighted least squares for the canonical link) with step halving, from
 * the intercept-only start. Before fitting, the groups are checked for (quasi-)complete separation (Albert &amp;
 * Anderson 1984, Biometrika 71:1): all failures below some x and all successes above it, with at most one mixed
 * group at the cut; there the maximum-likelihood estimate does not exist (the slope runs to infinity) and the
 * threshold is reported as not identified, with the bracket of x that holds the jump. Intervals are the set of
 * parameter values whose profile likelihood is within chi-square(1) 95% / 2 = 1.92 of the maximum (Venzon &amp;
 * Moolgavkar 1988); the width's interval comes from the slope's (the profile is invariant under
 * reparametrisation). When the slope is not significant (the intercept-only model is within that distance too),
 * the threshold's interval is unbounded and so is the width's upper bound; they are NaN then.
 *
 * <p>{@link Method#BINOMIAL} intervals assume independent trials; {@link Method#QUASI_BINOMIAL} ones allow for
 * trials correlated within a group. Deterministic: the same groups give bitwise the same result.
 */
public final class LogisticFit {
    /** The chi-square(1) 95% quantile, 3.841...: the profile-likelihood cut of a 95% interval. */
    public static final double CUT_95 = ChiSquaredDistribution.of(1).inverseSurvivalProbability(0.05);
    private static final SigmoidFit.Intervals NO_INTERVALS = new SigmoidFit.Intervals(Method.BINOMIAL, 1, CUT_95);
    /** Interval bounds are searched up to this many half-ranges of the x grid away from the estimate. */
    private static final double SEARCH_HALF_RANGES = 1e4;

    /** How the intervals treat the spread of the groups. */
    public enum Method {
        /** Independent trials: the likelihood-ratio statistic against chi-square(1). */
        BINOMIAL,
        /**
         * Quasi-binomial (Wedderburn 1974; McCullagh &amp; Nelder 1989 sections 4.5 and 9.2; Williams 1982, Appl
         * Stat 31:144): trials that are correlated within a group (spines that share a branch's voltage) spread
         * the groups more than binomial by a factor phi, estimated by Pearson's X^2 / (groups - 2). The statistic
         * divided by phi is compared with F(1, groups - 2), which also pays for phi being estimated from few
         * groups. The intervals are never narrower than the binomial ones: groups that vary less than binomial
         * (phi &lt; 1) are not more informative than independent trials, they are correlated across x (nested
         * outcomes, e.g. the same spines judged against several thresholds). Needs 3 or more groups; with 2 the
         * binomial intervals are used.
         */
        QUASI_BINOMIAL
    }

    private LogisticFit() {}

    /** Fits {@code groups} with binomial intervals; see the class comment. */
    public static SigmoidFit fit(BinomialGroups groups) {
        return fit(groups, Method.BINOMIAL);
    }

    /**
     * Fits {@code groups} with intervals by {@code method}; see the class comment for the method and what is
     * reported when the threshold cannot be estimated.
     */
    public static SigmoidFit fit(BinomialGroups groups, Method method) {
        int g = groups.size();
        if (g < 2) {
            return notIdentified("needs outcomes at 2 or more distinct values, has " + g, SigmoidFit.Interval.NONE);
        }
        if (groups.totalSuccesses() == 0) {
            return notIdentified("no spine shows the outcome at any grid value: the threshold lies outside the swept "
                    + "range", SigmoidFit.Interval.NONE);
        }
        if (groups.totalSuccesses() == groups.totalTrials()) {
            return notIdentified("every spine shows the outcome at every grid value: the threshold lies outside the "
                    + "swept range", SigmoidFit.Interval.NONE);
        }
        SigmoidFit separated = separation(groups);
        if (separated != null) {
            return separated;
        }
        return fitIdentified(groups, method);
    }

    private static SigmoidFit fitIdentified(BinomialGroups groups, Method method) {
        LogisticLikelihood likelihood = new LogisticLikelihood(groups);
        double[] mle = likelihood.maximise();
        double a = mle[0];
        double b = mle[1];
        double max = mle[2];
        int iterations = (int) mle[3];
        double h = likelihood.halfRange;
        double c = likelihood.centre;
        int dof = groups.size() - 2;
        double deviance = Math.max(0, 2 * (likelihood.saturatedLogLikelihood() - max));
        double dispersion = dof > 0 ? likelihood.pearsonChiSquare(a, b) / dof : Double.NaN;
        SigmoidFit.Deviance gof = new SigmoidFit.Deviance(deviance, dof,
                dof > 0 ? ChiSquaredDistribution.of(dof).survivalProbability(deviance) : Double.NaN, dispersion);
        SigmoidFit.Intervals intervals = method == Method.QUASI_BINOMIAL && dof > 0
                ? new SigmoidFit.Intervals(method, dispersion, Math.max(CUT_95, dispersion * FDistribution.of(1, dof)
                        .inverseSurvivalProbability(0.05)))
                : new SigmoidFit.Intervals(Method.BINOMIAL, 1, CUT_95);
        double cut = intervals.cut();
        double tHat = -a / b;
        if (!(Math.abs(tHat) <= SEARCH_HALF_RANGES)) { // b = 0, or a slope so shallow that P = 1/2 is far away
            return new SigmoidFit("the fitted curve is flat: the outcome does not change with x (P = 1/2 lies beyond "
                    + "10^4 grid widths, if anywhere)",
                    Double.NaN, SigmoidFit.Interval.NONE, Double.NaN, SigmoidFit.Interval.NONE, gof, intervals,
                    SigmoidFit.Interval.NONE, iterations);
        }
        double seB = Math.sqrt(mle[6]);
        // slope interval: profile over the intercept
        DoubleUnaryOperator slopeExcess = slope -> 2 * (max - likelihood.profileAtSlope(slope, a)) - cut;
        double bStep = Double.isFinite(seB) && seB > 0 ? seB : Math.max(Math.abs(b), 1e-3);
        double bLimit = SEARCH_HALF_RANGES * Math.max(Math.abs(b), bStep);
        double bLower = ProfileCrossing.find(slopeExcess, b, -1, bStep, bLimit);
        double bUpper = ProfileCrossing.find(slopeExcess, b, +1, bStep, bLimit);
        double lrNull = 2 * (max - likelihood.nullLogLikelihood());
        boolean significant = lrNull >= cut;
        String reason = null;
        SigmoidFit.Interval tInterval;
        SigmoidFit.Interval widthInterval;
        if (significant) {
            DoubleUnaryOperator thresholdExcess = t -> 2 * (max - likelihood.profileAtThreshold(t, b)) - cut;
            double seT = Math.sqrt((mle[4] + 2 * tHat * mle[5] + tHat * tHat * mle[6])) / Math.abs(b);
            double tStep = Double.isFinite(seT) && seT > 0 ? seT : 0.1;
            double tLower = ProfileCrossing.find(thresholdExcess, tHat, -1, tStep, SEARCH_HALF_RANGES);
            double tUpper = ProfileCrossing.find(thresholdExcess, tHat, +1, tStep, SEARCH_HALF_RANGES);
            tInterval = new SigmoidFit.Interval(c + h * tLower, c + h * tUpper);
            double steep = Math.max(Math.abs(bLower), Math.abs(bUpper));
            double shallow = Math.min(Math.abs(bLower), Math.abs(bUpper));
            widthInterval = new SigmoidFit.Interval(SigmoidFit.WIDTH_10_90_PER_SCALE * h / steep,
                    SigmoidFit.WIDTH_10_90_PER_SCALE * h / shallow);
        } else {
            reason = String.format(Locale.ROOT, "the slope is not significant (likelihood-ratio statistic %.3g < "
                    + "%.3f against a flat curve): the threshold's interval and the width's upper bound are "
                    + "unbounded", lrNull, cut);
            tInterval = SigmoidFit.Interval.NONE;
            double steep = Math.max(Math.abs(bLower), Math.abs(bUpper));
            widthInterval = new SigmoidFit.Interval(SigmoidFit.WIDTH_10_90_PER_SCALE * h / steep, Double.NaN);
        }
        return new SigmoidFit(reason, c + h * tHat, tInterval, h / b, widthInterval, gof, intervals,
                SigmoidFit.Interval.NONE, iterations);
    }

    /**
     * The separated result when the groups are (quasi-)completely separated in either direction, else null. Sorted
     * groups are separated upwards when the last group with a failure comes no later than the first with a success.
     */
    static SigmoidFit separation(BinomialGroups groups) {
        int g = groups.size();
        int firstSuccess = g;
        int lastSuccess = -1;
        int firstFailure = g;
        int lastFailure = -1;
        for (int i = 0; i < g; i++) {
            if (groups.successes(i) > 0) {
                firstSuccess = Math.min(firstSuccess, i);
                lastSuccess = i;
            }
            if (groups.successes(i) < groups.trials(i)) {
                firstFailure = Math.min(firstFailure, i);
                lastFailure = i;
            }
        }
        if (lastFailure <= firstSuccess) { // none below the jump, all above: rises
            return separated(groups, firstSuccess - 1, lastFailure + 1, "rises", "none", "all");
        }
        if (lastSuccess <= firstFailure) { // all below the jump, none above: falls
            return separated(groups, firstFailure - 1, lastSuccess + 1, "falls", "all", "none");
        }
        return null;
    }

    /** The bracket runs from group {@code below} (or the start of the grid) to group {@code above} (or its end). */
    private static SigmoidFit separated(BinomialGroups groups, int below, int above, String direction, String before,
            String after) {
        int g = groups.size();
        double lower = below >= 0 ? groups.x(below) : Double.NaN;
        double upper = above < g ? groups.x(above) : Double.NaN;
        String from = below >= 0 ? "x = " + NumberText.of(lower) : "the start of the grid";
        String to = above < g ? "x = " + NumberText.of(upper) : "the end of the grid";
        String reason = "separation: the outcome " + direction + " from " + before + " of the spines at " + from
                + " to " + after + " at " + to + " (between them at most one grid value, showing both), so the "
                + "maximum-likelihood slope is infinite and the threshold is only known to lie in that bracket; add "
                + "grid values there (--refine) or more spines";
        return notIdentified(reason, new SigmoidFit.Interval(lower, upper));
    }

    private static SigmoidFit notIdentified(String reason, SigmoidFit.Interval bracket) {
        return new SigmoidFit(reason, Double.NaN, SigmoidFit.Interval.NONE, Double.NaN, SigmoidFit.Interval.NONE,
                SigmoidFit.Deviance.NONE, NO_INTERVALS, bracket, 0);
    }
}
