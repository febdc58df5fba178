package org.ltpsim.channels;

/**
 * One receptor type across the spines of one block (placeholder copy of the interface agreed with the channels
 * branch, so that the spine model compiles before that branch is merged; the channels branch owns this file).
 */
public interface ChannelPopulation {
    int spineCount();

    /** Advances every channel by {@code dtMs} with the glutamate of each spine frozen over the step. */
    void advance(double dtMs, double[] glutamateMilliMolar);

    int openCount(int spine);

    int channelCount(int spine);

    /** Nothing bound or open: nothing can happen at zero glutamate. */
    boolean isResting(int spine);

    int stateCount(int spine, int state);
}
