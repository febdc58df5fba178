package org.ltpsim.spine.sim;

import java.util.Arrays;

/**
 * Which spines to record the state of, and how often: samples at t = k * everyMs for k = 0, 1, ... up to the end of
 * the run. {@code everyMs} must be a whole number of fast steps, so that every sample time lies on the simulation's
 * tick grid and the sample is the state at exactly that time (see {@link SpineTrace} for what each column is there).
 *
 * @param spines global spine ids (as in {@link SpineLayout}), ascending, no repeats
 * @param everyMs sampling interval, ms
 */
public record TraceRequest(int[] spines, double everyMs) {
    public TraceRequest {
        spines = spines.clone();
        if (spines.length == 0) {
            throw new IllegalArgumentException("no spines to record");
        }
        for (int i = 0; i < spines.length; i++) {
            if (spines[i] < 0 || (i > 0 && spines[i] <= spines[i - 1])) {
                throw new IllegalArgumentException("spine ids must be >= 0, ascending and distinct: "
                        + Arrays.toString(spines));
            }
        }
        if (!(everyMs > 0) || Double.isInfinite(everyMs)) {
            throw new IllegalArgumentException("sampling interval must be > 0 ms: " + everyMs);
        }
    }

    @Override
    public int[] spines() {
        return spines.clone();
    }

    /** The sampling interval in fast steps; refuses an interval that is not a whole number of them. */
    public long sampleTicks(double fastStepMs) {
        long ticks = Math.round(everyMs / fastStepMs);
        if (ticks < 1 || Math.abs(ticks * fastStepMs - everyMs) > 1e-9 * everyMs) {
            throw new IllegalArgumentException("sampling interval " + everyMs + " ms is not a whole number of "
                    + fastStepMs + " ms time steps");
        }
        return ticks;
    }

    /** Samples per recorded spine in a run of {@code experiment}: times 0, everyMs, ... up to its end. */
    public long samplesPerSpine(SpineExperiment experiment) {
        double fast = experiment.model().fastStepMs();
        return Math.round(experiment.endMs() / fast) / sampleTicks(fast) + 1;
    }

    /** Checks that every id names a spine of a run with {@code spineCount} spines. */
    void checkIds(int spineCount) {
        int last = spines[spines.length - 1];
        if (last >= spineCount) {
            throw new IllegalArgumentException("spine " + last + " does not exist (ids 0-" + (spineCount - 1) + ")");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TraceRequest t && Arrays.equals(spines, t.spines) && everyMs == t.everyMs;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(spines) * 31 + Double.hashCode(everyMs);
    }

    @Override
    public String toString() {
        return "TraceRequest[spines=" + Arrays.toString(spines) + ", everyMs=" + everyMs + "]";
    }
}
