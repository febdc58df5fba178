package org.ltpsim.simd;

import java.util.Arrays;

/**
 * The per-spine arrays that {@link SpineStepKernel} reads and writes, index = spine on the branch; the caller owns
 * them (state and readouts) and fills {@link #openAmpa} and {@link #openNmda} before each step.
 */
public final class SpineStepArrays {
    // inputs of the step: open channels at the step's end (the conductance over the step)
    public final double[] openAmpa;
    public final double[] openNmda;
    // state
    public final double[] vSpineMv;
    public final double[] caMicroMolar;
    public final double[] qMicroMolarSec;
    // the voltage system's head rows (voltageRows -> calcium)
    public final double[] aCoefficient;
    public final double[] inverseDiagonal;
    public final double[] nmdaConductanceNs; // open NMDA channels x unitary conductance, before the Mg2+ block
    final double[] coupling;
    final double[] drive;
    /** Sum over the heads of their coupling into the branch equation (nS), in spine order. */
    public double couplingSum;
    /** Sum over the heads of their drive of the branch equation (nS mV), in spine order. */
    public double driveSum;
    // readouts
    public final double[] nmdaOpenChannelMs;
    public final double[] peakDepolarisationMv;
    public final double[] caInfluxMicroMolar;
    public final double[] qMaxMicroMolarSec;
    public final double[] peakCaMicroMolar;
    public final double[] caElevatedMs;
    public final double[] binMinCaMicroMolar;
    public final double[] binMaxCaMicroMolar;
    /** The step's mean calcium per spine, or null when the caller does not need it. */
    public final double[] caStepMeanMicroMolar;
    // PanamaSpineStepKernel: the Mg2+ unblocked fraction per spine at a remembered voltage (NaN: none yet)
    final double[] mgUnblocked;
    final double[] mgVoltageMv;

    /** The state and readout arrays are the caller's, held by reference; {@code caStepMeanMicroMolar} may be null. */
    public SpineStepArrays(int spines, double[] vSpineMv, double[] caMicroMolar, double[] qMicroMolarSec,
            double[] nmdaOpenChannelMs, double[] peakDepolarisationMv, double[] caInfluxMicroMolar,
            double[] qMaxMicroMolarSec, double[] peakCaMicroMolar, double[] caElevatedMs,
            double[] binMinCaMicroMolar, double[] binMaxCaMicroMolar, double[] caStepMeanMicroMolar) {
        this.vSpineMv = atLeast(spines, vSpineMv);
        this.caMicroMolar = atLeast(spines, caMicroMolar);
        this.qMicroMolarSec = atLeast(spines, qMicroMolarSec);
        this.nmdaOpenChannelMs = atLeast(spines, nmdaOpenChannelMs);
        this.peakDepolarisationMv = atLeast(spines, peakDepolarisationMv);
        this.caInfluxMicroMolar = atLeast(spines, caInfluxMicroMolar);
        this.qMaxMicroMolarSec = atLeast(spines, qMaxMicroMolarSec);
        this.peakCaMicroMolar = atLeast(spines, peakCaMicroMolar);
        this.caElevatedMs = atLeast(spines, caElevatedMs);
        this.binMinCaMicroMolar = atLeast(spines, binMinCaMicroMolar);
        this.binMaxCaMicroMolar = atLeast(spines, binMaxCaMicroMolar);
        this.caStepMeanMicroMolar = caStepMeanMicroMolar == null ? null : atLeast(spines, caStepMeanMicroMolar);
        openAmpa = new double[spines];
        openNmda = new double[spines];
        aCoefficient = new double[spines];
        inverseDiagonal = new double[spines];
        nmdaConductanceNs = new double[spines];
        coupling = new double[spines];
        drive = new double[spines];
        mgUnblocked = new double[spines];
        mgVoltageMv = new double[spines];
        Arrays.fill(mgVoltageMv, Double.NaN);
    }

    private static double[] atLeast(int spines, double[] array) {
        if (array.length < spines) {
            throw new IllegalArgumentException("an array of " + array.length + " for " + spines + " spines");
        }
        return array;
    }
}
