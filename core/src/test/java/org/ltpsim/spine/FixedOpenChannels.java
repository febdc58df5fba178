package org.ltpsim.spine;

import org.apache.commons.rng.UniformRandomProvider;
import org.ltpsim.channels.ChannelPopulation;
import org.ltpsim.channels.ChannelPopulations;
import org.ltpsim.channels.KineticScheme;

/**
 * Test double: a fixed number of open channels per spine whenever glutamate has ever been present (or from the
 * start if {@code openFromStart}), so voltage and calcium can be checked against closed-form steady states.
 */
public final class FixedOpenChannels implements ChannelFactory {
    private final int ampaOpen;
    private final int nmdaOpen;

    public FixedOpenChannels(int ampaOpen, int nmdaOpen) {
        this.ampaOpen = ampaOpen;
        this.nmdaOpen = nmdaOpen;
    }

    @Override
    public ChannelPopulation create(Receptor receptor, int[] channelsPerSpine, UniformRandomProvider rng) {
        int open = receptor == Receptor.AMPA ? ampaOpen : nmdaOpen;
        return new ChannelPopulation() {
            @Override
            public KineticScheme scheme() {
                return receptor == Receptor.AMPA ? KineticScheme.ampaDestexhe1998() : KineticScheme.nmdaLesterJahr1992();
            }

            @Override
            public int spineCount() {
                return channelsPerSpine.length;
            }

            @Override
            public void advance(double dtMs, double[] glutamateMilliMolar) {}

            @Override
            public int openCount(int spine) {
                return open;
            }

            @Override
            public int channelCount(int spine) {
                return channelsPerSpine[spine];
            }

            @Override
            public boolean isResting(int spine) {
                return open == 0;
            }

            @Override
            public int stateCount(int spine, int state) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int insert(int spine) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void remove(int channelId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int state(int channelId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int spineOf(int channelId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean isLive(int channelId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public long transitionCount() {
                return 0;
            }

            @Override
            public ChannelPopulations.Method method() {
                return ChannelPopulations.Method.EVENT_DRIVEN;
            }
        };
    }

    @Override
    public boolean mayConduct(Receptor receptor, ChannelPopulation population, int spine) {
        return population.openCount(spine) > 0;
    }
}
