package org.ltpsim.network;

/**
 * {@code state[target] = value(state, t)}, re-evaluated at the start and after every change of state (every
 * reaction firing and every event), in the order the network lists them.
 *
 * @param variableId  the SBML id of the target (for messages)
 * @param target      state index of the target (a species or a rule-assigned variable)
 * @param value       the right-hand side
 * @param readsState  state indices the right-hand side depends on
 */
public record AssignmentRule(String variableId, int target, StateFunction value, int[] readsState) {
    public AssignmentRule {
        readsState = readsState.clone();
    }
}
