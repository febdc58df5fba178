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
 * <p>The switch ({@link SubunitSwitchPopulation}) turns ON at {@code switch.on_fraction} phosphorylated subunits and
 * OFF at {@code switch.off_fraction}. The mechanistic LTP criterion is an ON period lasting at least
 * {@code switch.ltp_min_on_s}.
 */
public interface CamkiiPopulation extends SubunitSwitchPopulation {
    /**
     * Advances every spine by {@code dtSec} with spine {@code i} at calcium {@code caMicroMolar[i]} over the whole
     * step (exact SSA for piecewise-constant calcium). The calcium values must be finite and {@code >= 0}: they come
     * from the spine model, and are asserted, not checked, in the per-spine loop.
     */
    void advance(double dtSec, double[] caMicroMolar);

    /** As {@link #advance(double, double[])} with every spine at the same calcium (e.g. resting, quiescent). */
    void advanceUniform(double dtSec, double caMicroMolar);

    /**
     * As {@link #advanceUniform} over a silent stretch, where a population may lump reactions that no readout needs
     * one by one, with a stated error (the holoenzyme kernel: {@code HoloenzymePopulation.advanceSilence}); others
     * advance exactly.
     */
    default void advanceSilence(double dtSec, double caMicroMolar) {
        advanceUniform(dtSec, caMicroMolar);
    }

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

    /** The mechanistic LTP criterion: the switch is ON now and has been ON without a break for at least
     *  {@code switch.ltp_min_on_s}. */
    boolean hasLtp(int spine);
}
