package org.ltpsim.stats;

import java.util.function.DoubleUnaryOperator;

/**
 * Where a likelihood-ratio statistic first exceeds its cut-off, going out from the maximum: the bound of a
 * profile-likelihood interval (Venzon &amp; Moolgavkar 1988, Appl Stat 37:87, solve the same equation by Newton; we
 * bracket by doubling steps and then bisect, which needs only that the statistic is below the cut at the maximum
 * and above it at the bound, true for the unimodal profiles of {@link LogisticLikelihood}).
 */
final class ProfileCrossing {
    private static final int MAX_DOUBLINGS = 80;
    private static final int MAX_BISECTIONS = 200;
    private static final double RELATIVE_TOLERANCE = 1e-12;

    private ProfileCrossing() {}

    /**
     * The point between {@code from} and {@code from + direction * limit} at which {@code excess} (the statistic
     * minus its cut-off, negative at {@code from}) changes sign, to a relative 1e-12; NaN when it stays negative up
     * to the limit (the interval is unbounded on that side).
     *
     * @param firstStep the first trial distance, &gt; 0 (e.g. a Wald standard error)
     */
    static double find(DoubleUnaryOperator excess, double from, double direction, double firstStep, double limit) {
        assert excess.applyAsDouble(from) < 0 : "the maximum is inside the interval";
        if (!(firstStep > 0) || Double.isInfinite(firstStep)) {
            throw new IllegalArgumentException("firstStep must be finite and > 0: " + firstStep);
        }
        double inside = from;
        double step = Math.min(firstStep, limit);
        double outside = Double.NaN;
        for (int i = 0; i < MAX_DOUBLINGS; i++) {
            double trial = from + direction * step;
            if (excess.applyAsDouble(trial) >= 0) {
                outside = trial;
                break;
            }
            inside = trial;
            if (step >= limit) {
                return Double.NaN;
            }
            step = Math.min(2 * step, limit);
        }
        if (Double.isNaN(outside)) {
            return Double.NaN;
        }
        for (int i = 0; i < MAX_BISECTIONS
                && Math.abs(outside - inside) > RELATIVE_TOLERANCE * (1 + Math.abs(inside)); i++) {
            double middle = inside + (outside - inside) / 2;
            if (excess.applyAsDouble(middle) >= 0) {
                outside = middle;
            } else {
                inside = middle;
            }
        }
        return inside + (outside - inside) / 2;
    }
}
