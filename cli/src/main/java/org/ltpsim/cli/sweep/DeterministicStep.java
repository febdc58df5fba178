package org.ltpsim.cli.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Where a deterministic outcome steps from 0 to 1 (or 1 to 0) along the swept parameter. Without noise every spine
 * of a pathway is identical, so P(outcome) is 0 or 1 at each value and its "sigmoid" is a step of width 0: the
 * logistic fit has no maximum (complete separation). The step is bracketed on the grid, then bisected (deterministic
 * runs are cheap) until the bracket is narrower than {@code tolerance} (for a whole-number parameter: adjacent
 * whole numbers).
 *
 * @param threshold the bracket's midpoint (NaN when there is no step on the grid)
 * @param lower the largest value known on the first side
 * @param upper the smallest value known on the other side
 * @param rises whether the outcome is 0 below and 1 above
 * @param runs deterministic runs made by the bisection (beyond the grid)
 * @param reason why there is no threshold, or null
 */
public record DeterministicStep(double threshold, double lower, double upper, boolean rises, int runs,
        String reason) {
    /** Bisection rounds at most: the bracket shrinks 2^-14 from its grid spacing. */
    public static final int MAX_ROUNDS = 14;

    /**
     * @param values the grid's values, ascending
     * @param atGrid the outcome at each grid value (all spines have it)
     * @param outcomeAt runs the deterministic experiment at a new value: whether its spines have the outcome
     * @param wholeNumbers whether the parameter takes whole numbers only
     * @param tolerance stop when the bracket is narrower
     */
    public static DeterministicStep locate(List<Double> values, List<Boolean> atGrid, DoubleFunction<Boolean> outcomeAt,
            boolean wholeNumbers, double tolerance) {
        int steps = 0;
        int at = -1;
        for (int i = 0; i + 1 < values.size(); i++) {
            if (!atGrid.get(i).equals(atGrid.get(i + 1))) {
                steps++;
                if (at < 0) {
                    at = i;
                }
            }
        }
        if (at < 0) {
            return new DeterministicStep(Double.NaN, Double.NaN, Double.NaN, false, 0, "no step on the grid: the "
                    + "outcome is " + (atGrid.get(0) ? "1" : "0") + " at every value");
        }
        boolean low = atGrid.get(at);
        double lower = values.get(at);
        double upper = values.get(at + 1);
        int runs = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (wholeNumbers ? upper - lower <= 1 : upper - lower <= tolerance) {
                break;
            }
            double middle = wholeNumbers ? Math.floor((lower + upper) / 2) : (lower + upper) / 2;
            runs++;
            if (outcomeAt.apply(middle) == low) {
                lower = middle;
            } else {
                upper = middle;
            }
        }
        String reason = steps > 1 ? "the outcome changes " + steps + " times on the grid; the first step is reported"
                : null;
        return new DeterministicStep((lower + upper) / 2, lower, upper, !low, runs, reason);
    }

    /** Values and outcomes of {@code rows}, ascending in the first axis. */
    static List<Double> sortedValues(List<SweepTable.Row> rows) {
        List<Double> values = new ArrayList<>();
        rows.stream().map(r -> r.point().value(0)).sorted().forEach(values::add);
        return values;
    }
}
