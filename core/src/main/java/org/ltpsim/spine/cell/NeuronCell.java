package org.ltpsim.spine.cell;

import org.ltpsim.spine.expression.ExpressionModel;

/**
 * The state one neuron shares between its spines: the signal to the nucleus, transcripts and the pool of
 * plasticity-related proteins. Deterministic (cell-wide counts are large), updated only at synchronisation points,
 * by one thread, in a fixed order, so the run is bitwise the same for any thread count.
 *
 * <pre>
 *   signal X:      dX/dt = -X / tau_X,  X += (LTP-level inductions in the interval) / reference spines
 *   transcripts m: dm/dt = (g(X) - m) / tau_m,   g = X^n / (X^n + theta^n)   (0 with actinomycin D)
 *   proteins P:    dP/dt = k_syn m - P / tau_P                                (k_syn = 0 with anisomycin)
 *                  P -= units captured by tagged spines in the interval
 * </pre>
 * The spines see, over the next interval, the protein level the capture-free equations predict as its time
 * average (so the pool they see is second-order accurate in the interval); {@link #update} integrates over an
 * interval with a fixed-step classical Runge-Kutta scheme ({@link #SUBSTEP_SEC}), the signal decaying exactly.
 */
public final class NeuronCell {
    /** Runge-Kutta step of the cell equations, s: small against the transcript and protein time constants. */
    public static final double SUBSTEP_SEC = 5.0;

    private final ExpressionModel m;
    private double signal;
    private double transcripts;
    private double proteins;
    private double timeSec;
    private long inductions;
    private double capturedUnits;
    private double overdraftUnits;
    private double peakSignal;
    private double peakProteins;

    public NeuronCell(ExpressionModel model) {
        this.m = model;
    }

    /**
     * Ends an interval: the interval's inductions raise the signal, its captures leave the pool (never below 0: a
     * shortfall is counted as overdraft, which a short enough interval keeps at 0), and the equations advance over
     * {@code dtSec}.
     */
    public void update(double dtSec, int inductionEvents, int capturedUnitsInInterval) {
        if (!(dtSec >= 0)) {
            throw new IllegalArgumentException("dtSec must be >= 0: " + dtSec);
        }
        inductions += inductionEvents;
        signal += inductionEvents / m.referenceSpines();
        peakSignal = Math.max(peakSignal, signal);
        proteins -= capturedUnitsInInterval;
        capturedUnits += capturedUnitsInInterval;
        if (proteins < 0) {
            overdraftUnits -= proteins;
            proteins = 0;
        }
        double[] next = integrate(dtSec, null);
        signal = next[0];
        transcripts = next[1];
        proteins = next[2];
        peakProteins = Math.max(peakProteins, proteins);
        timeSec += dtSec;
    }

    /** The time-average of P over the next {@code dtSec} if nothing were captured: what the spines see. */
    public double predictedMeanProteins(double dtSec) {
        if (dtSec <= 0) {
            return proteins;
        }
        double[] mean = new double[1];
        integrate(dtSec, mean);
        return mean[0] / dtSec;
    }

    /** Advances (X, m, P) by dtSec; accumulates the integral of P into {@code integral[0]} when given. */
    private double[] integrate(double dtSec, double[] integral) {
        double x = signal;
        double mr = transcripts;
        double p = proteins;
        int steps = (int) Math.ceil(dtSec / SUBSTEP_SEC - 1e-9);
        double h = steps == 0 ? 0 : dtSec / steps;
        double decay = Math.exp(-h / m.signalTauSec());
        for (int k = 0; k < steps; k++) {
            double x1 = x;
            double xm = x * Math.sqrt(decay);
            double x2 = x * decay;
            // RK4 on (m, P) with X(t) known exactly at the step's start, middle and end
            double km1 = dm(x1, mr);
            double kp1 = dp(mr, p);
            double km2 = dm(xm, mr + 0.5 * h * km1);
            double kp2 = dp(mr + 0.5 * h * km1, p + 0.5 * h * kp1);
            double km3 = dm(xm, mr + 0.5 * h * km2);
            double kp3 = dp(mr + 0.5 * h * km2, p + 0.5 * h * kp2);
            double km4 = dm(x2, mr + h * km3);
            double kp4 = dp(mr + h * km3, p + h * kp3);
            double pNext = p + h / 6 * (kp1 + 2 * kp2 + 2 * kp3 + kp4);
            if (integral != null) {
                // Simpson's rule with the RK stages' midpoint estimate of P
                double pMid = p + 0.5 * h * (kp2 + kp3) / 2;
                integral[0] += h / 6 * (p + 4 * pMid + pNext);
            }
            mr += h / 6 * (km1 + 2 * km2 + 2 * km3 + km4);
            p = Math.max(0, pNext);
            x = x2;
        }
        return new double[] {x, mr, p};
    }

    private double dm(double x, double mr) {
        return (transcription(x) - mr) / m.mrnaTauSec();
    }

    private double dp(double mr, double p) {
        return (m.anisomycin() ? 0 : m.synthesisPerSec() * mr) - p / m.proteinLifetimeSec();
    }

    /** Transcription activity g(X) in [0, 1]; 0 with actinomycin D. */
    public double transcription(double x) {
        if (m.actinomycinD() || x <= 0) {
            return 0;
        }
        double r = Math.pow(x / m.transcriptionThreshold(), m.transcriptionHill());
        return r / (1 + r);
    }

    public double signal() {
        return signal;
    }

    public double transcripts() {
        return transcripts;
    }

    /** Protein units in the pool now. */
    public double proteins() {
        return proteins;
    }

    public double timeSec() {
        return timeSec;
    }

    public long inductions() {
        return inductions;
    }

    public double capturedUnits() {
        return capturedUnits;
    }

    /** Units captured beyond what the pool held at a synchronisation point (0 unless the interval is too long). */
    public double overdraftUnits() {
        return overdraftUnits;
    }

    public double peakSignal() {
        return peakSignal;
    }

    public double peakProteins() {
        return peakProteins;
    }
}
