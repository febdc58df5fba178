package org.ltpsim.spine.sim;

import java.util.Arrays;
import org.ltpsim.simd.ReducedExp;
import org.ltpsim.simd.SpineCircuit;
import org.ltpsim.spine.SpineModel;

/**
 * The Jahr &amp; Stevens (1990) Mg2+ unblocked fraction {@code B(V) = 1 / (1 + exp(-s V) [Mg] / K)} of each spine,
 * remembered per spine at its last voltage, for the expression runs' calcium step and the trace recorder (the plain
 * branch step computes the same B in {@link org.ltpsim.simd.SpineStepKernel}): the calcium influx at a step's end
 * voltage and the next step's influx read it at the same voltage.
 *
 * <p>B from {@link SpineCircuit#mgUnblocked}, the kernel's own formula; {@code exp(y)}, {@code y = -s V}, from
 * {@link ReducedExp} (a reduction and a polynomial for |V| up to 258 mV at the default slope; {@code StrictMath.exp}
 * was 16% of a 10,000-spine HFS): a few ulps from
 * {@link SpineModel#mgUnblocked} ({@code MgBlockTest}: within 1e-14 relative), IEEE operations only, so the same bits
 * on every CPU.
 */
final class MgBlock {
    private final SpineCircuit circuit;
    private final double[] voltageMv; // voltage of the remembered value (NaN: none)
    private final double[] unblocked; // B at that voltage

    /** @param circuit any step length's constants of the branch (B does not depend on the step) */
    MgBlock(SpineCircuit circuit, int spines) {
        this.circuit = circuit;
        voltageMv = new double[spines];
        Arrays.fill(voltageMv, Double.NaN);
        unblocked = new double[spines];
    }

    /** B at spine {@code i}'s voltage {@code vMv}. */
    double unblocked(int i, double vMv) {
        if (vMv == voltageMv[i]) {
            return unblocked[i];
        }
        double b = circuit.mgUnblocked(vMv);
        voltageMv[i] = vMv;
        unblocked[i] = b;
        return b;
    }
}
