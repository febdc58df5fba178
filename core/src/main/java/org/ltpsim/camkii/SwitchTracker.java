package org.ltpsim.camkii;

import java.util.Arrays;

/**
 * Per-spine switch state: a Schmitt trigger on the phosphorylated subunit count, with the time of the last
 * switch and the longest ON period. Called after every event that changes the phosphorylated count: two
 * comparisons unless the spine switches.
 */
final class SwitchTracker {
    private final int onCount;
    private final int offCount;
    private final double ltpMinOnSec;
    private final boolean[] on;
    private final double[] sinceSec;
    private final double[] longestOnSec;
    /** False until the spine's first switch: the period running since creation is not a complete lifetime. */
    private final boolean[] startedBySwitch;
    private final SwitchLifetimes lifetimes;

    SwitchTracker(int spines, int subunitsPerSpine, double onFraction, double offFraction, double ltpMinOnSec,
            boolean keepDurations) {
        if (!(offFraction >= 0 && offFraction < onFraction && onFraction <= 1)) {
            throw new IllegalArgumentException("switch fractions need 0 <= off < on <= 1: off=" + offFraction
                    + " on=" + onFraction);
        }
        // ON at >= onCount phosphorylated subunits (at least 1), OFF at <= offCount (< onCount).
        this.onCount = Math.max(1, (int) Math.ceil(onFraction * subunitsPerSpine - 1e-9));
        this.offCount = Math.min(onCount - 1, (int) Math.floor(offFraction * subunitsPerSpine + 1e-9));
        this.ltpMinOnSec = ltpMinOnSec;
        this.on = new boolean[spines];
        this.sinceSec = new double[spines];
        this.longestOnSec = new double[spines];
        this.startedBySwitch = new boolean[spines];
        this.lifetimes = new SwitchLifetimes(keepDurations);
        Arrays.fill(sinceSec, 0.0);
    }

    /** Updates spine {@code spine} whose phosphorylated count is now {@code phosphorylated}, at {@code timeSec}. */
    void update(int spine, int phosphorylated, double timeSec) {
        if (on[spine]) {
            if (phosphorylated <= offCount) {
                double duration = timeSec - sinceSec[spine];
                lifetimes.record(true, duration); // an ON period always began with a switch
                longestOnSec[spine] = Math.max(longestOnSec[spine], duration);
                on[spine] = false;
                sinceSec[spine] = timeSec;
            }
        } else if (phosphorylated >= onCount) {
            if (startedBySwitch[spine]) {
                lifetimes.record(false, timeSec - sinceSec[spine]);
            } else {
                lifetimes.recordFirstOff(timeSec - sinceSec[spine]);
            }
            startedBySwitch[spine] = true;
            on[spine] = true;
            sinceSec[spine] = timeSec;
        }
    }

    boolean isOn(int spine) {
        return on[spine];
    }

    double onSinceSec(int spine) {
        return on[spine] ? sinceSec[spine] : Double.NaN;
    }

    double stateSinceSec(int spine) {
        return sinceSec[spine];
    }

    boolean startedBySwitch(int spine) {
        return startedBySwitch[spine];
    }

    double longestOnSec(int spine, double nowSec) {
        return on[spine] ? Math.max(longestOnSec[spine], nowSec - sinceSec[spine]) : longestOnSec[spine];
    }

    /** Lasting potentiation: ON now, and without a break for at least the stated time (a switch that latched
     *  for a while and was then erased, as during LFS, does not count). */
    boolean hasLtp(int spine, double nowSec) {
        return on[spine] && nowSec - sinceSec[spine] >= ltpMinOnSec;
    }

    SwitchLifetimes lifetimes() {
        return lifetimes;
    }

    int onCount() {
        return onCount;
    }

    int offCount() {
        return offCount;
    }
}
