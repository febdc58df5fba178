package org.ltpsim.spine.sim;

import java.util.Arrays;
import org.ltpsim.spine.SpineModel;

/**
 * The Jahr &amp; Stevens (1990) Mg2+ unblocked fraction {@code B(V) = 1 / (1 + exp(-s V) [Mg] / K)} of each spine,
 * remembered per spine at its last voltage, because the branch step needs it for every spine with an open NMDA
 * channel twice a step (the calcium influx at the step's end voltage, then the next step's voltage solve at the same
 * voltage), and {@code StrictMath.exp} was 16% of a 10,000-spine HFS (JFR).
 *
 * <p>{@code exp(y)}, {@code y = -s V}, as {@code exp(k / 64) exp(r)}: the first factor from a table of
 * {@code StrictMath.exp(k / 64)}, made once, for {@code |k| <= 1024} ({@code |y| <= 16}: |V| up to 250 mV at the default
 * slope), the second, {@code |r| <= 1/128}, by its Taylor polynomial of degree 6 (truncation
 * {@code r^7 / 7! < 4e-19}, far below half an ulp). A few ulps from {@link SpineModel#mgUnblocked} ({@code MgBlockTest}:
 * within 1e-14 relative), IEEE operations only, so the same bits on every CPU; outside the table,
 * {@code StrictMath.exp} itself.
 */
final class MgBlock {
    private static final int STEPS_PER_UNIT = 64;
    private static final int TABLE_HALF = 1024;
    private static final double[] EXP_GRID = expGrid();

    private final double slopePerMv;
    private final double mgOverK;
    private final double[] voltageMv; // voltage of the remembered value (NaN: none)
    private final double[] unblocked; // B at that voltage

    MgBlock(SpineModel model, int spines) {
        slopePerMv = model.mgSlopePerMv();
        mgOverK = model.mgMilliMolar() / model.mgKMilliMolar();
        voltageMv = new double[spines];
        Arrays.fill(voltageMv, Double.NaN);
        unblocked = new double[spines];
    }

    private static double[] expGrid() {
        double[] grid = new double[2 * TABLE_HALF + 1];
        for (int k = -TABLE_HALF; k <= TABLE_HALF; k++) {
            grid[k + TABLE_HALF] = StrictMath.exp((double) k / STEPS_PER_UNIT);
        }
        return grid;
    }

    /** {@code exp(y)} to a few ulps: table times Taylor polynomial, or StrictMath.exp outside the table. */
    static double exp(double y) {
        double scaled = y * STEPS_PER_UNIT;
        if (!(Math.abs(scaled) <= TABLE_HALF)) {
            return StrictMath.exp(y);
        }
        double k = Math.rint(scaled);
        double r = y - k / STEPS_PER_UNIT;
        double p = 1 + r * (1 + r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720))))));
        return EXP_GRID[(int) k + TABLE_HALF] * p;
    }

    /** B at spine {@code i}'s voltage {@code vMv}. */
    double unblocked(int i, double vMv) {
        if (vMv == voltageMv[i]) {
            return unblocked[i];
        }
        double b = 1.0 / (1.0 + exp(-slopePerMv * vMv) * mgOverK);
        voltageMv[i] = vMv;
        unblocked[i] = b;
        return b;
    }
}
