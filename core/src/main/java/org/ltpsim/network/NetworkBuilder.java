package org.ltpsim.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Builds mass-action {@link ReactionNetwork}s in code, for tests and benchmarks.
 *
 * <p>Species are added first (each gets the next state index), then reactions given as lists of reactant and
 * product species indices, a species listed twice meaning stoichiometry two. The propensity is mass action in
 * falling-factorial form, {@code rateConstant * prod_i x_i (x_i - 1) ... (x_i - n_i + 1)} over the reactants
 * ({@link MassAction}); so {@code 2P -> P2} with the textbook law {@code c P (P-1) / 2} takes rate constant
 * {@code c / 2}. A species on both sides (a catalyst) is read but not changed. Variables set by rules or events
 * may be added after all species, with their rules and events.
 */
public final class NetworkBuilder {
    private final String id;
    private final List<String> speciesIds = new ArrayList<>();
    private final List<String> variableIds = new ArrayList<>();
    private final List<Double> initialValues = new ArrayList<>();
    private final List<Reaction> reactions = new ArrayList<>();
    private final List<AssignmentRule> rules = new ArrayList<>();
    private final List<NetworkEvent> events = new ArrayList<>();

    public NetworkBuilder(String id) {
        this.id = id;
    }

    /** Adds a species with an initial molecule count; returns its state index. */
    public int species(String speciesId, double initialCount) {
        if (!variableIds.isEmpty()) {
            throw new IllegalStateException("species " + speciesId + ": add every species before any variable");
        }
        if (!(initialCount >= 0) || Double.isInfinite(initialCount)) {
            throw new IllegalArgumentException("initial count of " + speciesId + " must be finite and >= 0: "
                    + initialCount);
        }
        speciesIds.add(speciesId);
        initialValues.add(initialCount);
        return speciesIds.size() - 1;
    }

    /** Adds a non-species state variable (set by a rule or an event); returns its state index. */
    public int variable(String variableId, double initialValue) {
        variableIds.add(variableId);
        initialValues.add(initialValue);
        return initialValues.size() - 1;
    }

    /**
     * Adds a mass-action reaction.
     *
     * @param reactionId     id for messages
     * @param rateConstant   per second per falling-factorial unit, finite, >= 0
     * @param reactants      species indices consumed, repeated for stoichiometry above one (may be empty)
     * @param products       species indices produced, likewise
     */
    public NetworkBuilder reaction(String reactionId, double rateConstant, int[] reactants, int[] products) {
        TreeMap<Integer, Integer> order = new TreeMap<>();
        for (int s : reactants) {
            checkSpecies(reactionId, s);
            order.merge(s, 1, Integer::sum);
        }
        TreeMap<Integer, Integer> net = new TreeMap<>();
        order.forEach((s, n) -> net.merge(s, -n, Integer::sum));
        for (int s : products) {
            checkSpecies(reactionId, s);
            net.merge(s, 1, Integer::sum);
        }
        net.values().removeIf(v -> v == 0);
        int[] readSpecies = order.keySet().stream().mapToInt(Integer::intValue).toArray();
        int[] orders = order.values().stream().mapToInt(Integer::intValue).toArray();
        MassAction law = new MassAction(rateConstant, readSpecies, orders);
        int[] changed = net.keySet().stream().mapToInt(Integer::intValue).toArray();
        int[] changes = net.values().stream().mapToInt(Integer::intValue).toArray();
        reactions.add(new Reaction(reactionId, changed, changes, (state, timeSec) -> law.propensity(state),
                readSpecies, law));
        return this;
    }

    public NetworkBuilder rule(AssignmentRule rule) {
        rules.add(rule);
        return this;
    }

    public NetworkBuilder event(NetworkEvent event) {
        events.add(event);
        return this;
    }

    public ReactionNetwork build() {
        double[] initial = initialValues.stream().mapToDouble(Double::doubleValue).toArray();
        return new ReactionNetwork(id, speciesIds, initial.length, initial, reactions, rules, events);
    }

    private void checkSpecies(String reactionId, int s) {
        if (s < 0 || s >= speciesIds.size()) {
            throw new IllegalArgumentException("reaction " + reactionId + ": no species with index " + s
                    + " (have " + speciesIds.size() + ": " + Arrays.toString(speciesIds.toArray()) + ")");
        }
    }
}
