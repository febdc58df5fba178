package org.ltpsim.ssa;

import org.apache.commons.rng.UniformRandomProvider;
import org.ltpsim.network.ReactionNetwork;

/**
 * Gillespie's (1977) direct method for any {@link ReactionNetwork}: arbitrary kinetic laws, assignment rules and
 * events. This is the semantic reference of the engine.
 *
 * <p>The steps are {@link DirectMethodLoop}'s, with the network's rules and events ({@link RulesAndEvents}); both
 * random words of a step are drawn at its start, as in {@link MassActionDirectMethod}. All propensities are
 * re-evaluated after every change of state (a rule may change anything a law reads).
 */
final class DirectMethod implements RealisationSimulator {
    private final ReactionNetwork network;
    private final double[] state;
    private final RulesAndEvents rulesAndEvents;
    private final DirectMethodLoop loop;

    DirectMethod(ReactionNetwork network, double[] timesSec) {
        this.network = network;
        ReactionLaws laws = new ReactionLaws(network);
        state = new double[network.stateSize()];
        rulesAndEvents = new RulesAndEvents(network, state);
        loop = new DirectMethodLoop(laws::evaluateAll, laws.changeStart, laws.changeSpecies, laws.changeDelta,
                rulesAndEvents, true, timesSec, network.speciesCount(), state, new double[laws.reactionCount()]);
    }

    @Override
    public long run(UniformRandomProvider rng, double[] row) {
        System.arraycopy(network.initialState(), 0, state, 0, state.length);
        rulesAndEvents.start();
        loop.resumeAt(0.0, 0);
        return loop.advance(rng, row, Long.MAX_VALUE, false);
    }
}
