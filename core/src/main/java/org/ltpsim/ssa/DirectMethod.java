package org.ltpsim.ssa;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.ltpsim.network.Reaction;
import org.ltpsim.network.ReactionNetwork;
import org.ltpsim.network.StateFunction;
import org.ltpsim.rng.SsaVariates;

/**
 * Gillespie's (1977) direct method for any {@link ReactionNetwork}: arbitrary kinetic laws, assignment rules and
 * events. This is the semantic reference of the engine.
 *
 * <p>Rules and events follow the network contract ({@link RulesAndEvents}). A time event fires at exactly its
 * time; the waiting time drawn before it is discarded and redrawn afterwards, which is exact because the
 * exponential waiting time is memoryless. An output time equal to a time event's time records the state after
 * the event; otherwise output time k records the state just before the first reaction firing at a time &gt;= t_k.
 *
 * <p>Random numbers per step: one 64-bit word for the waiting time and one for the reaction, used as in
 * {@link MassActionDirectMethod}. All propensities are re-evaluated after every change of state (a rule may
 * change anything a law reads).
 */
final class DirectMethod implements RealisationSimulator {
    private final ReactionNetwork network;
    private final double[] timesSec;
    private final StateFunction[] laws;
    private final int[][] changedSpecies;
    private final int[][] changes;
    private final double[] state;
    private final double[] propensity;
    private final RulesAndEvents rulesAndEvents;

    DirectMethod(ReactionNetwork network, double[] timesSec) {
        this.network = network;
        this.timesSec = timesSec;
        List<Reaction> reactions = network.reactions();
        int reactionCount = reactions.size();
        laws = new StateFunction[reactionCount];
        changedSpecies = new int[reactionCount][];
        changes = new int[reactionCount][];
        for (int j = 0; j < reactionCount; j++) {
            laws[j] = reactions.get(j).propensity();
            changedSpecies[j] = reactions.get(j).changedSpecies();
            changes[j] = reactions.get(j).changes();
        }
        state = new double[network.stateSize()];
        propensity = new double[reactionCount];
        rulesAndEvents = new RulesAndEvents(network, state);
    }

    @Override
    public long run(UniformRandomProvider rng, double[] row) {
        final double[] x = state;
        final double[] a = propensity;
        final double[] times = timesSec;
        final int timeCount = times.length;
        final double tEnd = times[timeCount - 1];
        final int speciesCount = network.speciesCount();
        final int reactionCount = laws.length;
        final RulesAndEvents hooks = rulesAndEvents;
        System.arraycopy(network.initialState(), 0, x, 0, x.length);
        double t = 0.0;
        hooks.start();
        int next = 0;
        long events = 0;
        while (true) {
            double a0 = 0.0;
            for (int j = 0; j < reactionCount; j++) {
                double value = laws[j].evaluate(x, t);
                if (!(value >= 0) || Double.isInfinite(value)) {
                    throw new IllegalStateException("reaction " + network.reactions().get(j).id()
                            + ": propensity " + value + " at t = " + t + " (must be finite and >= 0)");
                }
                a[j] = value;
                a0 += value;
            }
            long bitsTime = rng.nextLong();
            long bitsPick = rng.nextLong();
            double tau = a0 > 0 ? SsaVariates.exponential(bitsTime) / a0 : Double.POSITIVE_INFINITY;
            double tNext = t + tau;
            double tEvent = hooks.nextTimeEventSec();
            if (tEvent <= tNext && tEvent <= tEnd) {
                while (next < timeCount && times[next] < tEvent) {
                    System.arraycopy(x, 0, row, next * speciesCount, speciesCount);
                    next++;
                }
                t = tEvent;
                hooks.fireTimeEvents(t);
                continue;
            }
            while (next < timeCount && times[next] <= tNext) {
                System.arraycopy(x, 0, row, next * speciesCount, speciesCount);
                next++;
            }
            if (next == timeCount) {
                return events;
            }
            double target = SsaVariates.uniform(bitsPick) * a0;
            int j = 0;
            double cumulative = a[0];
            while (!(target < cumulative)) {
                j++;
                cumulative += a[j];
            }
            assert j < reactionCount && a[j] > 0 : "selected reaction " + j;
            int[] species = changedSpecies[j];
            int[] delta = changes[j];
            for (int i = 0; i < species.length; i++) {
                x[species[i]] += delta[i];
            }
            events++;
            t = tNext;
            hooks.afterChange(t);
        }
    }
}
