package org.ltpsim.spine.sim;

/**
 * The recorded state of one spine at t = k * {@link #everyMs()}, k = 0 .. {@link #sampleCount()} - 1.
 *
 * <p>What each value is at a sample time t that falls inside a simulation step (a slow step or a silence jump;
 * samples never change the steps taken):
 * <ul>
 * <li>calcium and Q: exact, the step's closed-form solution for its frozen influx evaluated at t
 * ({@link org.ltpsim.simd.CalciumStep}); at a step's end it is the simulation's own state;</li>
 * <li>spine voltage and open AMPA / NMDA channels: the values the step holds over its whole length (backward
 * Euler: the end-of-step voltage, with the channel counts after the channel update; inside a silence jump these
 * are rest and zero, as the jump requires);</li>
 * <li>CaMKII phosphorylated fraction: the state at the start of the step (the holoenzymes advance a whole step at
 * once, so their events inside the step are not resolved; during a silence jump of seconds this is the last state
 * before it).</li>
 * </ul>
 */
public final class SpineTrace {
    private final int spine;
    private final int pathway;
    private final double everyMs;
    final double[] caMicroMolar;
    final double[] qMicroMolarSec;
    final double[] vMv;
    final double[] camkiiPhosphorylatedFraction; // null without CaMKII
    final int[] ampaOpen;
    final int[] nmdaOpen;

    SpineTrace(int spine, int pathway, double everyMs, int samples, boolean camkii) {
        this.spine = spine;
        this.pathway = pathway;
        this.everyMs = everyMs;
        caMicroMolar = new double[samples];
        qMicroMolarSec = new double[samples];
        vMv = new double[samples];
        camkiiPhosphorylatedFraction = camkii ? new double[samples] : null;
        ampaOpen = new int[samples];
        nmdaOpen = new int[samples];
    }

    /** Global spine id, as in {@link SpineLayout} and spines.csv. */
    public int spine() {
        return spine;
    }

    /** Index of the spine's pathway in the experiment. */
    public int pathway() {
        return pathway;
    }

    public double everyMs() {
        return everyMs;
    }

    public int sampleCount() {
        return caMicroMolar.length;
    }

    public double timeMs(int k) {
        return k * everyMs;
    }

    public double caMicroMolar(int k) {
        return caMicroMolar[k];
    }

    /** The calcium integral Q (the rule's readout), uM s. */
    public double qMicroMolarSec(int k) {
        return qMicroMolarSec[k];
    }

    /** Spine head voltage, mV. */
    public double vMv(int k) {
        return vMv[k];
    }

    public boolean hasCamkii() {
        return camkiiPhosphorylatedFraction != null;
    }

    /** Fraction of the spine's CaMKII subunits that are T286-phosphorylated; NaN without CaMKII. */
    public double camkiiPhosphorylatedFraction(int k) {
        return camkiiPhosphorylatedFraction == null ? Double.NaN : camkiiPhosphorylatedFraction[k];
    }

    public int ampaOpen(int k) {
        return ampaOpen[k];
    }

    public int nmdaOpen(int k) {
        return nmdaOpen[k];
    }
}
