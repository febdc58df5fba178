package org.ltpsim.camkii;

/**
 * The CaMKII holoenzymes of the spines of one block, simulated subunit by subunit with an exact stochastic
 * simulation algorithm (Gillespie 1977) per spine. One task owns one population; nothing here is thread-safe.
 *
 * <p>Calcium is piecewise constant: over each {@link #advance} call every spine sees the calcium it is given,
 * frozen. Within a step the population integrates each spine's total propensity against an Exp(1) threshold
 * drawn after the spine's previous event, so a step in which a spine has no event costs O(1) and draws no random
 * number, and a long quiescent stretch (a large {@code dtSec} at resting calcium) costs one iteration per event.
 * This is exact for piecewise-constant rates (the time-change representation of Kurtz; Anderson 2007).
 *
 * <p>The switch criterion is a Schmitt trigger on the phosphorylated fraction: a spine turns ON when at least
 * {@code switch.on_fraction} of its subunits are T286-phosphorylated and OFF when at most
 * {@code switch.off_fraction} are (see docs/camkii.md). The mechanistic LTP criterion is an ON period lasting
 * at least {@code switch.ltp_min_on_s}.
 */
public interface CamkiiPopulation {
    int spineCount();

    int holoenzymesPerSpine();

    /** Subunits per spine: 12 per holoenzyme. */
    int subunitCount(int spine);

    /** Simulated time since creation, in seconds. */
    double timeSec();

    /**
     * Advances every spine by {@code dtSec} with spine {@code i} at calcium {@code caMicroMolar[i]} over the whole
     * step (exact SSA for piecewise-constant calcium).
     */
    void advance(double dtSec, double[] caMicroMolar);

    /** As {@link #advance(double, double[])} with every spine at the same calcium (e.g. resting, quiescent). */
    void advanceUniform(double dtSec, double caMicroMolar);

    /** T286-phosphorylated subunits (with or without calmodulin). */
    int phosphorylatedSubunits(int spine);

    /** Subunits with kinase activity: calmodulin-bound or T286-phosphorylated. */
    int activeSubunits(int spine);

    /** Autonomous subunits: T286-phosphorylated with no calmodulin bound (calcium-independent activity). */
    int autonomousSubunits(int spine);

    /**
     * PP1 activity of the spine relative to rest: its PP1 Vmax over the resting Vmax (the calcineurin / inhibitor-1
     * factor, 1 at rest, ~200-330 during LFS), as of the spine's last inhibitor-1 update; 1 without that control.
     * Read by the expression layer (phosphatase-driven endocytosis).
     */
    default double pp1ActivityFactor(int spine) {
        return 1.0;
    }

    /** The switch state (Schmitt trigger on the phosphorylated fraction). */
    boolean isOn(int spine);

    /** Time the current ON period began, or NaN when the spine is OFF. */
    double onSinceSec(int spine);

    /** Time the spine's current state (ON or OFF) began: its last switch, or 0 (creation) if it never switched. */
    double stateSinceSec(int spine);

    /** The longest ON period so far, the current one included, in seconds. */
    double longestOnSec(int spine);

    /** The mechanistic LTP criterion: the switch is ON now and has been ON without a break for at least
     *  {@code switch.ltp_min_on_s}. */
    boolean hasLtp(int spine);

    /** Completed ON and OFF periods of all spines of this population. */
    SwitchLifetimes lifetimes();

    /** State code of one subunit (for tests and snapshots); see the implementation's state constants. */
    int subunitState(int spine, int subunit);

    /** Reaction events fired since creation, all spines together. */
    long eventCount();
}
