package org.ltpsim.spine.sim;

import java.util.Arrays;
import org.ltpsim.simd.ReducedExp;
import org.ltpsim.spine.SpineModel;

/**
 * The Jahr &amp; Stevens (1990) Mg2+ unblocked fraction {@code B(V) = 1 / (1 + exp(-s V) [Mg] / K)} of each spine,
 * remembered per spine at its last voltage, for the expression runs' calcium step and the trace recorder (the plain
 * branch step computes the same B in {@link org.ltpsim.simd.SpineStepKernel}): the calcium influx at a step's end
 * voltage and the next step's influx read it at the same voltage.
 *
 * <p>{@code exp(y)}, {@code y = -s V}, from {@link ReducedExp} (a reduction and a polynomial for |V| up to 258 mV
 * at the default slope; {@code StrictMath.exp} was 16% of a 10,000-spine HFS): a few ulps from
 * {@link SpineModel#mgUnblocked} ({@code MgBlockTest}: within 1e-14 relative), IEEE operations only, so the same bits
 * on every CPU.
 */
final class MgBlock {
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

    /** {@code exp(y)} to a few ulps ({@link ReducedExp}). */
    static double exp(double y) {
        return ReducedExp.exp(y);
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
