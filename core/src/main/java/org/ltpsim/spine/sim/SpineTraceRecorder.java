package org.ltpsim.spine.sim;

import org.ltpsim.simd.CalciumStep;
import org.ltpsim.spine.SpineModel;

/**
 * Samples the recorded spines of one branch at every multiple of {@code sampleTicks} fast steps. The branch hands
 * over each recorded spine's state at the end of every step ({@link #setEnd}) and then calls {@link #emit} with the
 * step's span; samples that fall strictly inside the step are reconstructed from the step's start and frozen inputs
 * as documented on {@link SpineTrace}. Memory is one {@link SpineTrace} per recorded spine, nothing for the others.
 */
final class SpineTraceRecorder {
    private final int[] localSpines;
    private final SpineTrace[] traces;
    private final long sampleTicks;
    private final double fastStepMs;
    private final double restCaMicroMolar;
    private final double tauMs;
    private final double tauQMs;
    private long nextSampleTick;
    private int nextSample;
    // per recorded spine: the state at the start of the current step ...
    private final double[] startCa;
    private final double[] startQ;
    private final double[] startCamkii;
    // ... and at its end, with the influx it held frozen
    private final double[] endInflux;
    private final double[] endCa;
    private final double[] endQ;
    private final double[] endV;
    private final int[] endAmpa;
    private final int[] endNmda;
    private final double[] endCamkii;

    /**
     * @param localSpines positions on the branch of the spines to record, ascending
     * @param globalIds their global ids
     * @param pathways their pathway indices
     */
    SpineTraceRecorder(SpineModel model, int[] localSpines, int[] globalIds, int[] pathways, long sampleTicks,
            long endTick, boolean camkii) {
        this.localSpines = localSpines.clone();
        this.sampleTicks = sampleTicks;
        this.fastStepMs = model.fastStepMs();
        this.restCaMicroMolar = model.caRestMicroMolar();
        this.tauMs = model.extrusionTauMs();
        this.tauQMs = model.qTauMs();
        long samples = endTick / sampleTicks + 1;
        if (samples > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many samples per spine: " + samples);
        }
        int r = localSpines.length;
        traces = new SpineTrace[r];
        for (int s = 0; s < r; s++) {
            traces[s] = new SpineTrace(globalIds[s], pathways[s], sampleTicks * fastStepMs, (int) samples, camkii);
        }
        startCa = new double[r];
        startQ = new double[r];
        startCamkii = new double[r];
        endInflux = new double[r];
        endCa = new double[r];
        endQ = new double[r];
        endV = new double[r];
        endAmpa = new int[r];
        endNmda = new int[r];
        endCamkii = new double[r];
    }

    int spineCount() {
        return localSpines.length;
    }

    int localSpine(int s) {
        return localSpines[s];
    }

    /** Whether a sample time lies strictly inside the step (fromTick, toTick): only then is the influx needed. */
    boolean sampleInside(long toTick) {
        return nextSampleTick < toTick;
    }

    /** The state of recorded spine {@code s} at the end of the step, and the calcium influx the step held. */
    void setEnd(int s, double influxMicroMolarPerMs, double caMicroMolar, double qMicroMolarSec, double vMv,
            int ampaOpen, int nmdaOpen, double camkiiFraction) {
        endInflux[s] = influxMicroMolarPerMs;
        endCa[s] = caMicroMolar;
        endQ[s] = qMicroMolarSec;
        endV[s] = vMv;
        endAmpa[s] = ampaOpen;
        endNmda[s] = nmdaOpen;
        endCamkii[s] = camkiiFraction;
    }

    /** Writes every sample with time in (fromTick, toTick]; the end state then starts the next step. */
    void emit(long fromTick, long toTick) {
        int samples = traces[0].sampleCount();
        while (nextSample < samples && nextSampleTick <= toTick) {
            if (nextSampleTick == toTick) {
                for (int s = 0; s < traces.length; s++) {
                    write(s, endCa[s], endQ[s], endCamkii[s]);
                }
            } else {
                CalciumStep part = new CalciumStep((nextSampleTick - fromTick) * fastStepMs, tauMs, tauQMs);
                for (int s = 0; s < traces.length; s++) {
                    double u0 = startCa[s] - restCaMicroMolar;
                    double uInf = endInflux[s] * tauMs;
                    write(s, restCaMicroMolar + part.excessAfter(u0, uInf), part.qAfter(startQ[s], u0, uInf),
                            startCamkii[s]);
                }
            }
            nextSample++;
            nextSampleTick += sampleTicks;
        }
        System.arraycopy(endCa, 0, startCa, 0, traces.length);
        System.arraycopy(endQ, 0, startQ, 0, traces.length);
        System.arraycopy(endCamkii, 0, startCamkii, 0, traces.length);
    }

    private void write(int s, double ca, double q, double camkiiFraction) {
        SpineTrace t = traces[s];
        int k = nextSample;
        t.caMicroMolar[k] = ca;
        t.qMicroMolarSec[k] = q;
        t.vMv[k] = endV[s]; // held over the step (backward Euler)
        t.ampaOpen[k] = endAmpa[s];
        t.nmdaOpen[k] = endNmda[s];
        if (t.camkiiPhosphorylatedFraction != null) {
            t.camkiiPhosphorylatedFraction[k] = camkiiFraction;
        }
    }

    SpineTrace[] traces() {
        return traces.clone();
    }
}
