package org.ltpsim.ssa;

/**
 * What to simulate: how many realisations, over what time, sampled how often, from which seed, on how many
 * threads, by which method.
 *
 * <p>Output times are {@code 0, dt, 2 dt, ..., tEnd}: {@code round(tEnd / dt) + 1} points, the last one exactly
 * {@code tEndSec}.
 *
 * @param replicates  independent realisations, >= 1
 * @param tEndSec     end of the simulated time, > 0
 * @param dtOutSec    output interval, 0 &lt; dtOutSec &lt;= tEndSec
 * @param seed        master seed: with the same seed the result is bitwise the same for any thread count
 * @param threads     worker threads, >= 1
 * @param method      exact SSA or tau-leaping
 */
public record EnsembleSpec(int replicates, double tEndSec, double dtOutSec, long seed, int threads,
                           SimulationMethod method) {
    public EnsembleSpec {
        if (replicates < 1) {
            throw new IllegalArgumentException("replicates must be >= 1: " + replicates);
        }
        if (!(tEndSec > 0) || Double.isInfinite(tEndSec)) {
            throw new IllegalArgumentException("tEndSec must be finite and > 0: " + tEndSec);
        }
        if (!(dtOutSec > 0 && dtOutSec <= tEndSec)) {
            throw new IllegalArgumentException("dtOutSec must be > 0 and <= tEndSec (" + tEndSec + "): " + dtOutSec);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        if (method == null) {
            throw new IllegalArgumentException("method must be given: null");
        }
        long points = Math.round(tEndSec / dtOutSec) + 1;
        if (points > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("dtOutSec gives too many output times (" + points + "): " + dtOutSec);
        }
    }

    /** Number of output times, {@code round(tEnd / dt) + 1}. */
    public int timeCount() {
        return (int) Math.round(tEndSec / dtOutSec) + 1;
    }

    /** Output time {@code k}: {@code k dt}, except the last, which is exactly {@code tEndSec}. */
    public double timeSec(int timeIndex) {
        int last = timeCount() - 1;
        if (timeIndex < 0 || timeIndex > last) {
            throw new IndexOutOfBoundsException("time index " + timeIndex + " outside [0, " + last + "]");
        }
        return timeIndex == last ? tEndSec : timeIndex * dtOutSec;
    }

    /** All output times, in order. */
    double[] outputTimesSec() {
        double[] times = new double[timeCount()];
        for (int k = 0; k < times.length; k++) {
            times[k] = timeSec(k);
        }
        return times;
    }
}
