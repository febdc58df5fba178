package org.ltpsim.simd;

/**
 * The exact solution, over one interval of {@code dtMs}, of the spine's calcium and calcium-integral equations
 * with the influx J frozen:
 * <pre>
 *   du/dt = J - u / tau          (u = Ca - rest, uM; u_inf = J tau)
 *   dQ/dt = u - Q / tau_Q        (Q in uM s, time in ms, hence the 1e-3)
 * </pre>
 * One place for the formula, so that the time loop, the spine step kernels (which read its factors) and the trace
 * recorder (which evaluates it part-way through a step) give the same numbers.
 */
public final class CalciumStep {
    public final double dtMs;
    final double tauMs;
    final double decayCa;
    final double decayQ;
    final double plateauMs;
    final double transientMs;
    final double meanFactor;

    public CalciumStep(double dtMs, double tauMs, double tauQMs) {
        this.dtMs = dtMs;
        this.tauMs = tauMs;
        decayCa = StrictMath.exp(-dtMs / tauMs);
        decayQ = StrictMath.exp(-dtMs / tauQMs);
        plateauMs = tauQMs * (1 - decayQ);
        transientMs = (decayCa - decayQ) / (1 / tauQMs - 1 / tauMs);
        meanFactor = dtMs > 0 ? tauMs / dtMs * (1 - decayCa) : 1.0;
    }

    /** Time average of the calcium excess over the interval: u_inf + (u0 - u_inf) tau / dt (1 - e^(-dt/tau)). */
    public double averageExcess(double u0MicroMolar, double uInfMicroMolar) {
        return uInfMicroMolar + (u0MicroMolar - uInfMicroMolar) * meanFactor;
    }

    /** Calcium above rest after the interval, from {@code u0} at its start, relaxing towards {@code uInf}. */
    public double excessAfter(double u0MicroMolar, double uInfMicroMolar) {
        return uInfMicroMolar + (u0MicroMolar - uInfMicroMolar) * decayCa;
    }

    /** Q after the interval, from {@code q0} and calcium excess {@code u0} at its start. */
    public double qAfter(double q0MicroMolarSec, double u0MicroMolar, double uInfMicroMolar) {
        double qMs = uInfMicroMolar * plateauMs + (u0MicroMolar - uInfMicroMolar) * transientMs;
        return q0MicroMolarSec * decayQ + qMs * 1e-3;
    }
}
