package org.ltpsim.camkii;

/**
 * What every CaMKII population simulated subunit by subunit reports: sizes, time, T286-phosphorylated subunits per
 * spine and the bistable switch read from them. The model of the spine ({@link CamkiiPopulation}) and the W2
 * benchmark kernel ({@link RingW2Population}) both report these; only the model is driven by calcium.
 *
 * <p>The switch is a Schmitt trigger on the phosphorylated fraction: a spine turns ON when at least the ON fraction
 * of its subunits are phosphorylated and OFF when at most the OFF fraction are (see docs/camkii.md).
 */
public interface SubunitSwitchPopulation {
    int spineCount();

    int holoenzymesPerSpine();

    /** Subunits per spine: 12 per holoenzyme. */
    int subunitCount(int spine);

    /** Simulated time since creation, in seconds. */
    double timeSec();

    /** T286-phosphorylated subunits (with or without calmodulin). */
    int phosphorylatedSubunits(int spine);

    /** The switch state (Schmitt trigger on the phosphorylated fraction). */
    boolean isOn(int spine);

    /** Time the current ON period began, or NaN when the spine is OFF. */
    double onSinceSec(int spine);

    /** Time the spine's current state (ON or OFF) began: its last switch, or 0 (creation) if it never switched. */
    double stateSinceSec(int spine);

    /** The longest ON period so far, the current one included, in seconds. */
    double longestOnSec(int spine);

    /** Completed ON and OFF periods of all spines of this population. */
    SwitchLifetimes lifetimes();

    /** State code of one subunit (for tests and snapshots); see the implementation's state constants. */
    int subunitState(int spine, int subunit);

    /** Reaction events fired since creation, all spines together. */
    long eventCount();
}
