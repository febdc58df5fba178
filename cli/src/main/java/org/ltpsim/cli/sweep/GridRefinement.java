package org.ltpsim.cli.sweep;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.stats.SigmoidFit;

/**
 * The next grid values of {@code --refine WIDTH}: where the LTP threshold's interval is still wider than WIDTH, add
 * the estimate and the two ends of its interval (Fisher information on the threshold
 * is largest where P is near 1/2); under separation, the quarter points of the bracket (an open end of it
 * reaches as far beyond the grid as the bracket is long). New values are rounded to a
 * tenth of WIDTH (a power of ten, so they print short), to whole numbers for whole-number keys, kept within the
 * key's range, and dropped when already on the grid (a value runs once: with common random numbers a rerun would
 * repeat the same spines, not add new ones).
 */
public final class GridRefinement {
    /** The most rounds {@code --refine} runs. */
    public static final int MAX_ROUNDS = 10;

    /** New values, or none with the reason. */
    public record Step(List<Double> values, String reason) {}

    private GridRefinement() {}

    /** Whether {@code fit}'s threshold interval is already narrower than {@code targetWidth}. */
    public static boolean reached(SigmoidFit fit, double targetWidth) {
        return fit.thresholdCi().bounded() && fit.thresholdCi().length() < targetWidth;
    }

    public static Step next(SigmoidFit fit, SweepAxis axis, Collection<Double> existing, double targetWidth) {
        List<Double> raw = new ArrayList<>();
        if (fit.identified() && fit.thresholdCi().bounded()) {
            double half = fit.thresholdCi().length() / 2;
            raw.add(fit.threshold());
            raw.add(fit.threshold() - half);
            raw.add(fit.threshold() + half);
        } else if (!fit.identified() && !(Double.isNaN(fit.bracket().lower()) && Double.isNaN(fit.bracket().upper()))) {
            // an open end: the jump is at the edge of the grid, so look as far beyond it as the bracket is long
            double gridMin = existing.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double gridMax = existing.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            double lower = Double.isNaN(fit.bracket().lower()) ? 2 * gridMin - fit.bracket().upper()
                    : fit.bracket().lower();
            double upper = Double.isNaN(fit.bracket().upper()) ? 2 * gridMax - fit.bracket().lower()
                    : fit.bracket().upper();
            for (int q = 1; q <= 3; q++) {
                raw.add(lower + (upper - lower) * q / 4);
            }
        } else {
            return new Step(List.of(), "the LTP threshold has no bounded interval to narrow (" + fit.reason()
                    + "); widen the grid or add spines");
        }
        ParameterSet.Parameter parameter = axis.parameter();
        boolean whole = parameter.unit().equals("count") && parameter.value() == Math.rint(parameter.value());
        double quantum = whole ? 1 : StrictMath.pow(10, Math.floor(StrictMath.log10(targetWidth / 10)));
        List<Double> values = new ArrayList<>();
        for (double value : raw) {
            double clamped = Math.max(parameter.min(), Math.min(parameter.max(), value));
            double snapped = snap(clamped, quantum);
            if (snapped < parameter.min() || snapped > parameter.max()) {
                snapped = clamped; // rounding pushed it out of range: keep the clamped value
            }
            if (!existing.contains(snapped) && !values.contains(snapped)) {
                values.add(snapped);
            }
        }
        if (values.isEmpty()) {
            return new Step(List.of(), "every value the refinement would add is already on the grid (at the "
                    + (whole ? "key's whole-number" : "rounding") + " resolution); the interval cannot narrow further "
                    + "by new values: add spines");
        }
        return new Step(values, null);
    }

    /** {@code value} rounded to a multiple of {@code quantum} (a power of ten or 1), as a short decimal. */
    static double snap(double value, double quantum) {
        BigDecimal q = BigDecimal.valueOf(quantum);
        return new BigDecimal(value).divide(q, 0, RoundingMode.HALF_EVEN).multiply(q).stripTrailingZeros()
                .round(new java.math.MathContext(15)).doubleValue();
    }
}
