package org.ltpsim.network;

import java.util.List;

/**
 * An immutable reaction network compiled for stochastic simulation: what every simulation method in
 * {@code org.ltpsim.ssa} consumes, whether it came from SBML or was built in code.
 *
 * <p>The state vector has {@link #stateSize()} slots: the species amounts (molecule counts), in document order,
 * then the variables set by assignment rules or events that are not species. Methods copy
 * {@link #initialState()} per realisation, apply the assignment rules once at t = 0, then simulate.
 *
 * @param id             the model id (for messages and manifests)
 * @param speciesIds     the species, in document order; these are the reported outputs
 * @param stateSize      species count plus rule/event-assigned variables
 * @param initialState   initial values of all state slots (species as counts)
 * @param reactions      the reactions
 * @param rules          assignment rules, in evaluation order
 * @param events         events without delay
 */
public record ReactionNetwork(String id, List<String> speciesIds, int stateSize, double[] initialState,
                              List<Reaction> reactions, List<AssignmentRule> rules, List<NetworkEvent> events) {
    public ReactionNetwork {
        speciesIds = List.copyOf(speciesIds);
        reactions = List.copyOf(reactions);
        rules = List.copyOf(rules);
        events = List.copyOf(events);
        if (stateSize < speciesIds.size() || initialState.length != stateSize) {
            throw new IllegalArgumentException("network " + id + ": state size " + stateSize
                    + " inconsistent with " + speciesIds.size() + " species and " + initialState.length
                    + " initial values");
        }
        initialState = initialState.clone();
    }

    public int speciesCount() {
        return speciesIds.size();
    }

    public int reactionCount() {
        return reactions.size();
    }

    /** A fresh copy of the initial state. */
    @Override
    public double[] initialState() {
        return initialState.clone();
    }

    /** True when every kinetic law has a mass-action form and there are no rules or events. */
    public boolean isPlainMassAction() {
        return rules.isEmpty() && events.isEmpty() && reactions.stream().allMatch(Reaction::isMassAction);
    }
}
