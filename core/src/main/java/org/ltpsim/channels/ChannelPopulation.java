package org.ltpsim.channels;

/**
 * One receptor type's individual channels across the spines of one block. Every channel has a stable id (from
 * construction, in spine order, or from {@link #insert}) and one Markov state. Not thread-safe: one block, one
 * task.
 */
public interface ChannelPopulation {
    KineticScheme scheme();

    int spineCount();

    /**
     * Advances every channel by {@code dtMs} with each spine's cleft glutamate (mM) frozen over the step: exact for
     * piecewise-constant glutamate.
     */
    void advance(double dtMs, double[] glutamateMilliMolar);

    /** Conducting channels at the spine now. */
    int openCount(int spine);

    /**
     * Conducting channels at the spine now, as the conductance equations read them: {@link #openCount} for the
     * stochastic populations, the expected (real) number for the mean-field one.
     */
    default double openChannels(int spine) {
        return openCount(spine);
    }

    int channelCount(int spine);

    /** No channel at the spine is bound, open or desensitised: nothing can happen there while glutamate is zero. */
    boolean isResting(int spine);

    int stateCount(int spine, int state);

    /** Adds a channel in the scheme's initial (resting) state to the spine; returns its id. */
    int insert(int spine);

    /** Removes the channel with this id; its id may be reused by a later insert. */
    void remove(int channelId);

    /** Current Markov state of a live channel. */
    int state(int channelId);

    /** Spine of a live channel. */
    int spineOf(int channelId);

    /** Whether the id names a live channel. */
    boolean isLive(int channelId);

    /**
     * Transitions counted so far. The event-driven methods count every transition; the fixed-step method (and
     * HYBRID in its table steps) counts channels whose state differs at the end of a step from its start (several
     * jumps in one step count once, a round trip not at all).
     */
    long transitionCount();

    /**
     * If glutamate stays zero from now on: how long (ms) the spine's open count is sure to stay as it is. An advance
     * at zero glutamate by at most this long changes no conducting channel at the spine (the event-driven
     * populations: no channel that could reach a conducting state moves at all, and no random number is drawn for
     * the spine). {@code +inf} when nothing there can ever conduct again without glutamate; 0 when the method cannot
     * tell (the default, and the fixed-step populations).
     *
     * <p>For a caller that wants to cross silence event by event (long protocols such as LFS): between now and the
     * smallest of these over the spines, every conductance is constant, so voltage and calcium follow deterministic
     * equations; advancing the channels by exactly that interval then lands on the next channel event.
     */
    default double quietAtZeroGlutamateMs(int spine) {
        return 0.0;
    }

    /** The smallest {@link #quietAtZeroGlutamateMs(int)} over the spines ({@code +inf} with no spine). */
    default double quietAtZeroGlutamateMs() {
        double min = Double.POSITIVE_INFINITY;
        for (int sp = 0; sp < spineCount(); sp++) {
            min = Math.min(min, quietAtZeroGlutamateMs(sp));
        }
        return min;
    }

    /** The update method, for logs and manifests. */
    ChannelPopulations.Method method();
}
