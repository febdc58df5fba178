package org.ltpsim.camkii;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import org.HdrHistogram.Histogram;

/**
 * Completed ON and OFF periods of the CaMKII switch, recorded off the hot path (only when a spine switches).
 *
 * <p>Two HdrHistograms in milliseconds (3 significant digits, auto-resizing: from milliseconds to years) hold the
 * distributions; optionally the exact durations in seconds are kept too (for KS tests and the lifetime sweep).
 * One instance per block, merged with {@link #add} in block order. A period counts when it ends and only if it
 * began with a switch: the OFF period that runs from creation until a spine's first switch is left out (it
 * starts from whatever state the population was created in), and periods still running at the end are not
 * recorded (right-censored).
 */
public final class SwitchLifetimes {
    private final Histogram onMillis = new Histogram(3);
    private final Histogram offMillis = new Histogram(3);
    private final DoubleArrayList onSec;
    private final DoubleArrayList offSec;
    private final DoubleArrayList firstOffSec;

    /** @param keepDurations also keep every duration as a double (memory grows with the number of switches) */
    public SwitchLifetimes(boolean keepDurations) {
        onMillis.setAutoResize(true);
        offMillis.setAutoResize(true);
        onSec = keepDurations ? new DoubleArrayList() : null;
        offSec = keepDurations ? new DoubleArrayList() : null;
        firstOffSec = keepDurations ? new DoubleArrayList() : null;
    }

    /**
     * Lifetimes with exactly this content (as read back from a shard file or checkpoint).
     *
     * @param onSec exact ON durations, or null when durations were not kept (then {@code offSec} and
     *              {@code firstOffSec} are null too)
     */
    public static SwitchLifetimes restore(Histogram onMillis, Histogram offMillis, double[] onSec, double[] offSec,
            double[] firstOffSec) {
        SwitchLifetimes lifetimes = new SwitchLifetimes(onSec != null);
        lifetimes.onMillis.add(onMillis);
        lifetimes.offMillis.add(offMillis);
        if (onSec != null) {
            lifetimes.onSec.addElements(0, onSec);
            lifetimes.offSec.addElements(0, offSec);
            lifetimes.firstOffSec.addElements(0, firstOffSec);
        }
        return lifetimes;
    }

    /** Whether exact durations are kept besides the histograms. */
    public boolean keepsDurations() {
        return onSec != null;
    }

    /** The OFF period from creation to a spine's first switch: kept apart (it did not begin with a switch). */
    void recordFirstOff(double durationSec) {
        if (firstOffSec != null) {
            firstOffSec.add(durationSec);
        }
    }

    void record(boolean wasOn, double durationSec) {
        long millis = Math.max(0L, Math.round(durationSec * 1e3));
        if (wasOn) {
            onMillis.recordValue(millis);
            if (onSec != null) {
                onSec.add(durationSec);
            }
        } else {
            offMillis.recordValue(millis);
            if (offSec != null) {
                offSec.add(durationSec);
            }
        }
    }

    /** Folds {@code other} into this one (call in block order). */
    public void add(SwitchLifetimes other) {
        onMillis.add(other.onMillis);
        offMillis.add(other.offMillis);
        if (onSec != null && other.onSec != null) {
            onSec.addAll(other.onSec);
            offSec.addAll(other.offSec);
            firstOffSec.addAll(other.firstOffSec);
        }
    }

    /** Completed ON periods, in milliseconds. */
    public Histogram onMillis() {
        return onMillis;
    }

    /** Completed OFF periods, in milliseconds. */
    public Histogram offMillis() {
        return offMillis;
    }

    /** Exact completed ON durations in seconds, in the order they ended; empty unless durations are kept. */
    public double[] onDurationsSec() {
        return onSec == null ? new double[0] : onSec.toDoubleArray();
    }

    /**
     * Durations of the OFF periods that ran from creation to a spine's first switch (not in the histograms nor in
     * {@link #offDurationsSec}); with the censored periods still running, they complete the exposure for a
     * censoring-aware lifetime estimate. Empty unless durations are kept.
     */
    public double[] firstOffDurationsSec() {
        return firstOffSec == null ? new double[0] : firstOffSec.toDoubleArray();
    }

    /** Exact completed OFF durations in seconds, in the order they ended; empty unless durations are kept. */
    public double[] offDurationsSec() {
        return offSec == null ? new double[0] : offSec.toDoubleArray();
    }
}
