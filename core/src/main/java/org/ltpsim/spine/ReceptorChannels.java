package org.ltpsim.spine;

import org.apache.commons.rng.UniformRandomProvider;
import org.ltpsim.channels.ChannelPopulation;
import org.ltpsim.channels.ChannelPopulations;
import org.ltpsim.channels.KineticScheme;

/**
 * The production channel kernels: AMPA after Destexhe, Mainen &amp; Sejnowski (1998) and NMDA gating with the
 * Lester &amp; Jahr (1992) rates, each channel one byte of Markov state, advanced by the method
 * {@link ChannelPopulations} chooses (exact for glutamate frozen over a step, any step length).
 */
public final class ReceptorChannels implements ChannelFactory {
    private final KineticScheme ampa;
    private final KineticScheme nmda;
    private final int[] ampaMayConduct;
    private final int[] nmdaMayConduct;

    public ReceptorChannels() {
        this(KineticScheme.ampaDestexhe1998(), KineticScheme.nmdaLesterJahr1992());
    }

    ReceptorChannels(KineticScheme ampa, KineticScheme nmda) {
        this.ampa = ampa;
        this.nmda = nmda;
        // States from which the channel is open or can open with no glutamate (no binding step needed).
        ampaMayConduct = new int[] {ampa.state("C2"), ampa.state("D2"), ampa.state("O")};
        nmdaMayConduct = new int[] {nmda.state("C2"), nmda.state("D"), nmda.state("O")};
    }

    public KineticScheme scheme(Receptor receptor) {
        return receptor == Receptor.AMPA ? ampa : nmda;
    }

    @Override
    public ChannelPopulation create(Receptor receptor, int[] channelsPerSpine, UniformRandomProvider rng) {
        return ChannelPopulations.create(scheme(receptor), channelsPerSpine, rng);
    }

    /** States from which a channel is open or can open without glutamate. */
    int[] mayConductStates(Receptor receptor) {
        return (receptor == Receptor.AMPA ? ampaMayConduct : nmdaMayConduct).clone();
    }

    @Override
    public boolean mayConduct(Receptor receptor, ChannelPopulation population, int spine) {
        for (int state : receptor == Receptor.AMPA ? ampaMayConduct : nmdaMayConduct) {
            if (population.stateCount(spine, state) > 0) {
                return true;
            }
        }
        return false;
    }
}
