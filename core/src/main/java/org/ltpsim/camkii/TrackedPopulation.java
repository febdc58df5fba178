package org.ltpsim.camkii;

import static org.ltpsim.camkii.SubunitLayout.PER_HOLOENZYME;

/**
 * The bookkeeping both subunit populations share: their sizes, clock, event count and {@link SwitchTracker}, and
 * the readouts that come straight from them. A subclass advances {@link #timeSec} and {@link #events} and reports
 * every switch crossing to {@link #tracker}.
 */
abstract class TrackedPopulation implements SubunitSwitchPopulation {
    final int spines;
    final int holoenzymes;
    /** Subunits per spine. */
    final int perSpine;
    final SwitchTracker tracker;
    double timeSec;
    long events;

    /** @param ltpMinOnSec the ON duration that counts as LTP (+infinity: no LTP criterion) */
    TrackedPopulation(int spines, int holoenzymes, double onFraction, double offFraction, double ltpMinOnSec,
            boolean keepLifetimes) {
        this.spines = spines;
        this.holoenzymes = holoenzymes;
        this.perSpine = Math.multiplyExact(holoenzymes, PER_HOLOENZYME);
        this.tracker = new SwitchTracker(spines, perSpine, onFraction, offFraction, ltpMinOnSec, keepLifetimes);
    }

    @Override
    public final int spineCount() {
        return spines;
    }

    @Override
    public final int holoenzymesPerSpine() {
        return holoenzymes;
    }

    @Override
    public final int subunitCount(int spine) {
        return perSpine;
    }

    @Override
    public final double timeSec() {
        return timeSec;
    }

    @Override
    public final boolean isOn(int spine) {
        return tracker.isOn(spine);
    }

    @Override
    public final double onSinceSec(int spine) {
        return tracker.onSinceSec(spine);
    }

    @Override
    public final double stateSinceSec(int spine) {
        return tracker.stateSinceSec(spine);
    }

    @Override
    public final double longestOnSec(int spine) {
        return tracker.longestOnSec(spine, timeSec);
    }

    @Override
    public final SwitchLifetimes lifetimes() {
        return tracker.lifetimes();
    }

    @Override
    public final long eventCount() {
        return events;
    }

    /** Checks a step length at the boundary of an advance call. */
    static void checkStep(double dtSec) {
        if (!(dtSec >= 0 && dtSec < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("dtSec must be finite and >= 0: " + dtSec);
        }
    }
}
