package org.ltpsim.network;

/**
 * One reaction, compiled.
 *
 * @param id              the SBML id (for messages)
 * @param changedSpecies  state indices whose amount the reaction changes (net stoichiometry non-zero;
 *                        boundary and constant species are never listed)
 * @param changes         net change of each, same order
 * @param propensity      the kinetic law: propensity in events per second
 * @param readsState      state indices the propensity depends on (for dependency graphs), sorted, no repeats
 * @param massAction      the law's mass-action form, or null when the law is not of that form
 */
public record Reaction(String id, int[] changedSpecies, int[] changes, StateFunction propensity, int[] readsState,
                       MassAction massAction) {
    public Reaction {
        if (changedSpecies.length != changes.length) {
            throw new IllegalArgumentException("reaction " + id + ": changedSpecies and changes differ in length");
        }
        changedSpecies = changedSpecies.clone();
        changes = changes.clone();
        readsState = readsState.clone();
    }

    public boolean isMassAction() {
        return massAction != null;
    }
}
