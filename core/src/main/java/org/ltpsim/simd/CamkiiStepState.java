package org.ltpsim.simd;

/**
 * Per-spine arrays of a CaMKII population that {@link CamkiiHazardKernel#step} reads and writes, one entry per spine
 * (structure of arrays). The event loop keeps {@link #konWeight}, {@link #constantHz} and {@link #phosphorylated} up
 * to date from the spine's class counts after every event; the kernel writes {@link #konHz} and {@link #vmaxHz} for
 * the step, which the event loop then uses.
 */
public final class CamkiiStepState {
    /** Subunits whose propensity is proportional to kon: inactive plus autonomous. */
    public final double[] konWeight;
    /** Propensity that depends neither on calcium nor on PP1 (CaM unbinding, autophosphorylation, turnover), Hz. */
    public final double[] constantHz;
    /** Phosphorylated subunits P (PP1 substrate). */
    public final double[] phosphorylated;
    /** Phosphorylated inhibitor-1 fraction, valid at the start of the next step. */
    public final double[] i1Phospho;
    /** Residual unit-exponential hazard to the spine's next event. */
    public final double[] residual;
    /** kon of the last step (output). */
    public final double[] konHz;
    /** PP1 Vmax of the last step (output). */
    public final double[] vmaxHz;

    public CamkiiStepState(int spines) {
        konWeight = new double[spines];
        constantHz = new double[spines];
        phosphorylated = new double[spines];
        i1Phospho = new double[spines];
        residual = new double[spines];
        konHz = new double[spines];
        vmaxHz = new double[spines];
    }
}
