package org.ltpsim.simd;

/**
 * The constants of one step of length {@code dtMs} for {@link SpineStepKernel}: the spine model's head, neck and
 * receptor conductances, its Mg2+ block and calcium, and the step's factors derived from them (made once per step
 * length; a branch uses a few lengths).
 */
public final class SpineCircuit {
    /** The step-independent constants of a branch's spines. */
    public record Model(
            double headCapacitancePf, double headLeakNs, double neckNs, double restMv,
            double ampaChannelNs, double ampaReversalMv, double nmdaChannelNs, double nmdaReversalMv,
            // Jahr & Stevens block B(V) = 1 / (1 + exp(-slope V) [Mg] / K)
            double mgSlopePerMv, double mgOverK,
            // the Ca share of the NMDA current, its reversal, and uM/ms of free Ca per pA into the head
            double caFraction, double caReversalMv, double caMicroMolarPerPicoAmpMs,
            double caRestMicroMolar, double extrusionTauMs, double qTauMs,
            // calcium counts as elevated this far above rest (the caElevatedMs readout)
            double elevatedMicroMolar) {}

    final Model model;
    final CalciumStep calcium;
    final double dtMs;
    /** {@code C / dt} of a head (nS). */
    final double cs;
    /** {@code gLeak rest}: the leak's part of a head's right-hand side. */
    final double leakDrive;
    /** {@code cs + gLeak + gNeck}: a closed head's diagonal, to which open channels add. */
    final double closedDiagonal;
    final double closedInverse;
    final double closedCoupling;
    /** {@code -slope}: the Mg2+ block's exponent is {@code -slope V}. */
    final double negativeMgSlope;

    public SpineCircuit(Model model, double dtMs) {
        this.model = model;
        this.dtMs = dtMs;
        calcium = new CalciumStep(dtMs, model.extrusionTauMs(), model.qTauMs());
        cs = model.headCapacitancePf() / dtMs;
        leakDrive = model.headLeakNs() * model.restMv();
        closedDiagonal = cs + model.headLeakNs() + model.neckNs();
        closedInverse = 1.0 / closedDiagonal;
        closedCoupling = model.neckNs() * (1 - model.neckNs() * closedInverse);
        negativeMgSlope = -model.mgSlopePerMv();
    }

    public double dtMs() {
        return dtMs;
    }

    public CalciumStep calcium() {
        return calcium;
    }

    /** The unblocked fraction {@code B(v)}, {@link ReducedExp}'s exponential. */
    public double mgUnblocked(double vMv) {
        return 1.0 / (1.0 + ReducedExp.exp(negativeMgSlope * vMv) * model.mgOverK());
    }
}
