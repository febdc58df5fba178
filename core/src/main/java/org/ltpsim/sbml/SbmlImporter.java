package org.ltpsim.sbml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamException;
import org.ltpsim.network.AssignmentRule;
import org.ltpsim.network.MassAction;
import org.ltpsim.network.NetworkEvent;
import org.ltpsim.network.Reaction;
import org.ltpsim.network.ReactionNetwork;
import org.ltpsim.network.StateFunction;
import org.ltpsim.network.math.Expr;
import org.ltpsim.network.math.Exprs;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.Event;
import org.sbml.jsbml.EventAssignment;
import org.sbml.jsbml.FunctionDefinition;
import org.sbml.jsbml.InitialAssignment;
import org.sbml.jsbml.KineticLaw;
import org.sbml.jsbml.LocalParameter;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.Parameter;
import org.sbml.jsbml.Rule;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.SBMLReader;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.SpeciesReference;
import org.sbml.jsbml.Trigger;

/**
 * Reads an SBML model (Level 2 or 3 core, through JSBML) into a {@link ReactionNetwork} for stochastic simulation.
 *
 * <p>Supported, with SBML's semantics: global and reaction-local parameters (local wins); constant and boundary
 * species (never changed by reactions); integer stoichiometry of any size; kinetic laws as arbitrary math,
 * compiled once into {@link Expr} trees (parameters and compartment sizes folded into constants); the
 * compartment symbol inside laws; species with {@code hasOnlySubstanceUnits=false} (the amount is divided by the
 * compartment size wherever the species appears in math, and values assigned to it are concentrations);
 * initial concentrations (converted to amounts); function definitions (inlined); initial assignments to species
 * and parameters (evaluated once, in dependency order); assignment rules to species and parameters (rule-assigned
 * parameters become extra state slots after the species); events without delay or priority, triggered by time
 * ({@code time >= c}, {@code time > c}) or by state. Kinetic laws whose form is mass action are recognised
 * symbolically ({@link Exprs#massAction}).
 *
 * <p>Refused with an {@link SbmlImportException} naming the construct and the element id: rate and algebraic
 * rules, fast or reversible reactions, non-constant compartments, delays and event priorities, triggers mixing
 * time and state, time-dependent kinetic laws or rules (the propensities of an exact SSA must stay constant
 * between events), conversion factors, constraints, stoichiometry math, non-integer stoichiometry or initial
 * counts, unknown symbols. A model is never run with semantics it does not have.
 */
public final class SbmlImporter {
    private final Model model;
    private final String modelId;
    private final SbmlMathCompiler compiler;
    private final List<Species> species = new ArrayList<>();
    private final Map<String, Integer> speciesIndex = new HashMap<>();
    private final Map<String, Compartment> compartments = new HashMap<>();
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Set<String> reactionIds = new HashSet<>();
    private final Set<String> speciesReferenceIds = new HashSet<>();
    private final Set<String> ruleTargets = new LinkedHashSet<>();
    private final Set<String> eventTargets = new LinkedHashSet<>();
    private final Map<String, Integer> parameterSlot = new HashMap<>();
    /** Initial values after initial assignments: species as amounts, parameters, compartment sizes. */
    private final Map<String, Double> initialValue = new HashMap<>();

    private SbmlImporter(Model model) {
        this.model = model;
        this.modelId = model.isSetId() ? model.getId() : "model";
        Map<String, FunctionDefinition> functions = new HashMap<>();
        for (FunctionDefinition definition : model.getListOfFunctionDefinitions()) {
            functions.put(definition.getId(), definition);
        }
        this.compiler = new SbmlMathCompiler(functions);
    }

    /** Reads a model file. Malformed or unsupported content throws {@link SbmlImportException}. */
    public static ReactionNetwork read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    }

    /** Reads a model from its XML text; {@code source} names it in messages. */
    public static ReactionNetwork parse(String xml, String source) {
        SBMLDocument document;
        try {
            document = SBMLReader.read(xml);
        } catch (XMLStreamException | RuntimeException e) {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new SbmlImportException(source + " is not well-formed SBML: " + firstLine(detail), e);
        }
        if (document == null || document.getModel() == null) {
            throw new SbmlImportException(source + " holds no SBML model");
        }
        return fromModel(document.getModel());
    }

    /** Compiles a JSBML model. */
    public static ReactionNetwork fromModel(Model model) {
        return new SbmlImporter(model).build();
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }

    private ReactionNetwork build() {
        refuseModelLevelConstructs();
        indexEntities();
        collectTargets();
        computeInitialValues();
        for (Parameter parameter : parameters.values()) {
            if (ruleTargets.contains(parameter.getId()) || eventTargets.contains(parameter.getId())) {
                parameterSlot.put(parameter.getId(), species.size() + parameterSlot.size());
            }
        }
        int stateSize = species.size() + parameterSlot.size();
        List<AssignmentRule> rules = compileRules();
        List<Reaction> reactions = compileReactions();
        List<NetworkEvent> events = compileEvents();
        double[] initialState = initialState(stateSize, rules, reactions);
        List<String> speciesIds = species.stream().map(Species::getId).toList();
        return new ReactionNetwork(modelId, speciesIds, stateSize, initialState, reactions, rules, events);
    }

    // ---- checks and indexing -------------------------------------------------------------------------------

    private void refuseModelLevelConstructs() {
        if (model.isSetConversionFactor()) {
            throw new SbmlImportException("model '" + modelId + "': conversionFactor is not supported");
        }
        if (model.getConstraintCount() > 0) {
            throw new SbmlImportException("model '" + modelId + "': constraints are not supported (constraint '"
                    + idOrIndex(model.getConstraint(0).getMetaId(), 0) + "')");
        }
        for (Rule rule : model.getListOfRules()) {
            if (rule.isRate()) {
                throw new SbmlImportException("rate rule for '" + variableOf(rule)
                        + "' is not supported (continuous rate rules have no exact stochastic simulation here)");
            }
            if (rule.isAlgebraic()) {
                throw new SbmlImportException("algebraic rule " + idOrIndex(rule.getMetaId(),
                        model.getListOfRules().indexOf(rule)) + " is not supported");
            }
        }
    }

    private static String variableOf(Rule rule) {
        return rule instanceof org.sbml.jsbml.ExplicitRule explicit ? explicit.getVariable() : "?";
    }

    private static String idOrIndex(String id, int index) {
        return id == null || id.isEmpty() ? "#" + (index + 1) : "'" + id + "'";
    }

    private void indexEntities() {
        for (Compartment compartment : model.getListOfCompartments()) {
            if (!compartment.getConstant()) {
                throw new SbmlImportException("compartment '" + compartment.getId()
                        + "' is not constant: non-constant compartments are not supported");
            }
            compartments.put(compartment.getId(), compartment);
            initialValue.put(compartment.getId(), compartment.isSetSize() ? compartment.getSize() : Double.NaN);
        }
        for (Species s : model.getListOfSpecies()) {
            if (s.isSetConversionFactor()) {
                throw new SbmlImportException("species '" + s.getId() + "': conversionFactor is not supported");
            }
            if (!compartments.containsKey(s.getCompartment())) {
                throw new SbmlImportException("species '" + s.getId() + "' is in unknown compartment '"
                        + s.getCompartment() + "'");
            }
            speciesIndex.put(s.getId(), species.size());
            species.add(s);
        }
        for (Parameter parameter : model.getListOfParameters()) {
            parameters.put(parameter.getId(), parameter);
            initialValue.put(parameter.getId(), parameter.isSetValue() ? parameter.getValue() : Double.NaN);
        }
        for (org.sbml.jsbml.Reaction reaction : model.getListOfReactions()) {
            reactionIds.add(reaction.getId());
            for (SpeciesReference reference : reaction.getListOfReactants()) {
                if (reference.isSetId()) {
                    speciesReferenceIds.add(reference.getId());
                }
            }
            for (SpeciesReference reference : reaction.getListOfProducts()) {
                if (reference.isSetId()) {
                    speciesReferenceIds.add(reference.getId());
                }
            }
        }
    }

    /** Checks what rules and events assign, and records it. */
    private void collectTargets() {
        for (Rule rule : model.getListOfRules()) {
            String variable = variableOf(rule);
            checkAssignable(variable, "assignment rule");
            ruleTargets.add(variable);
        }
        for (Event event : model.getListOfEvents()) {
            for (EventAssignment assignment : event.getListOfEventAssignments()) {
                String variable = assignment.getVariable();
                checkAssignable(variable, "event '" + event.getId() + "'");
                if (ruleTargets.contains(variable)) {
                    throw new SbmlImportException("event '" + event.getId() + "' assigns '" + variable
                            + "', which an assignment rule also sets");
                }
                eventTargets.add(variable);
            }
        }
    }

    private void checkAssignable(String variable, String what) {
        if (compartments.containsKey(variable)) {
            throw new SbmlImportException(what + " assigns compartment '" + variable
                    + "': non-constant compartments are not supported");
        }
        if (speciesReferenceIds.contains(variable)) {
            throw new SbmlImportException(what + " assigns species reference '" + variable
                    + "': variable stoichiometry is not supported");
        }
        if (speciesIndex.containsKey(variable)) {
            if (species.get(speciesIndex.get(variable)).getConstant()) {
                throw new SbmlImportException(what + " assigns constant species '" + variable + "'");
            }
            return;
        }
        Parameter parameter = parameters.get(variable);
        if (parameter == null) {
            throw new SbmlImportException(what + " assigns unknown variable '" + variable + "'");
        }
        if (parameter.getConstant()) {
            throw new SbmlImportException(what + " assigns constant parameter '" + variable + "'");
        }
    }

    // ---- initial values ------------------------------------------------------------------------------------

    private void computeInitialValues() {
        for (Species s : species) {
            double amount;
            if (s.isSetInitialAmount()) {
                amount = s.getInitialAmount();
            } else if (s.isSetInitialConcentration()) {
                amount = s.getInitialConcentration() * compartmentSize(s, "its initial concentration");
            } else {
                amount = Double.NaN; // an initial assignment or a rule must give it
            }
            initialValue.put(s.getId(), amount);
        }
        // Initial assignments, in dependency order: each is evaluated once its inputs are final.
        List<InitialAssignment> pending = new ArrayList<>();
        for (InitialAssignment assignment : model.getListOfInitialAssignments()) {
            String variable = assignment.getVariable();
            if (compartments.containsKey(variable)) {
                throw new SbmlImportException("initial assignment to compartment '" + variable
                        + "' is not supported");
            }
            if (speciesReferenceIds.contains(variable)) {
                throw new SbmlImportException("initial assignment to species reference '" + variable
                        + "' is not supported");
            }
            if (!speciesIndex.containsKey(variable) && !parameters.containsKey(variable)) {
                throw new SbmlImportException("initial assignment to unknown variable '" + variable + "'");
            }
            if (ruleTargets.contains(variable)) {
                throw new SbmlImportException("initial assignment to '" + variable
                        + "', which an assignment rule also sets");
            }
            pending.add(assignment);
        }
        while (!pending.isEmpty()) {
            Set<String> pendingTargets = new HashSet<>();
            pending.forEach(a -> pendingTargets.add(a.getVariable()));
            InitialAssignment ready = null;
            for (InitialAssignment assignment : pending) {
                Set<String> names = new HashSet<>();
                collectNames(assignment.getMath(), names);
                names.retainAll(pendingTargets);
                names.remove(assignment.getVariable());
                if (names.isEmpty()) {
                    ready = assignment;
                    break;
                }
            }
            if (ready == null) {
                throw new SbmlImportException("initial assignments to " + pendingTargets
                        + " depend on each other in a cycle");
            }
            pending.remove(ready);
            String variable = ready.getVariable();
            String where = "initial assignment to '" + variable + "'";
            Expr value = compiler.compile(ready.getMath(), id -> initialSymbol(id, where), where);
            if (!Exprs.isConstant(value)) {
                throw new SbmlImportException(where + " depends on time");
            }
            double v = value.evaluate(new double[0], 0);
            if (speciesIndex.containsKey(variable)) {
                Species s = species.get(speciesIndex.get(variable));
                v = s.getHasOnlySubstanceUnits() ? v : v * compartmentSize(s, where);
            }
            initialValue.put(variable, v);
        }
    }

    /** Symbols inside initial assignments: everything is a known number at t = 0. */
    private Expr initialSymbol(String id, String where) {
        if (ruleTargets.contains(id)) {
            throw new SbmlImportException(where + " reads '" + id + "', which an assignment rule sets: "
                    + "not supported");
        }
        Double value = initialValue.get(id);
        if (value == null) {
            return refuseSpecialSymbol(id, where);
        }
        if (value.isNaN()) {
            throw new SbmlImportException(where + " reads '" + id + "', which has no initial value");
        }
        Integer index = speciesIndex.get(id);
        if (index != null && !species.get(index).getHasOnlySubstanceUnits()) {
            return Exprs.constant(value / compartmentSize(species.get(index), where));
        }
        return Exprs.constant(value);
    }

    private static void collectNames(ASTNode node, Set<String> out) {
        if (node == null) {
            return;
        }
        if (node.getType() == ASTNode.Type.NAME) {
            out.add(node.getName());
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            collectNames(node.getChild(i), out);
        }
    }

    private double compartmentSize(Species s, String purpose) {
        double size = initialValue.get(s.getCompartment());
        if (!(size > 0) || Double.isInfinite(size)) {
            throw new SbmlImportException("compartment '" + s.getCompartment() + "' of species '" + s.getId()
                    + "' needs a finite positive size (for " + purpose + "): size is " + size);
        }
        return size;
    }

    // ---- symbols -------------------------------------------------------------------------------------------

    /** Symbols in the model-wide scope (rules, events, and laws without a local parameter of that name). */
    private Expr globalSymbol(String id, String where) {
        Integer index = speciesIndex.get(id);
        if (index != null) {
            Species s = species.get(index);
            Expr amount = Exprs.load(index);
            if (s.getHasOnlySubstanceUnits()) {
                return amount;
            }
            double size = compartmentSize(s, "its concentration in " + where);
            return size == 1 ? amount : Exprs.quotient(amount, Exprs.constant(size));
        }
        if (compartments.containsKey(id)) {
            double size = initialValue.get(id);
            if (Double.isNaN(size)) {
                throw new SbmlImportException(where + " reads compartment '" + id + "', which has no size");
            }
            return Exprs.constant(size);
        }
        if (parameters.containsKey(id)) {
            Integer slot = parameterSlot.get(id);
            if (slot != null) {
                return Exprs.load(slot);
            }
            double value = initialValue.get(id);
            if (Double.isNaN(value)) {
                throw new SbmlImportException(where + " reads parameter '" + id + "', which has no value");
            }
            return Exprs.constant(value);
        }
        return refuseSpecialSymbol(id, where);
    }

    private Expr refuseSpecialSymbol(String id, String where) {
        if (reactionIds.contains(id)) {
            throw new SbmlImportException(where + " reads the rate of reaction '" + id + "': not supported");
        }
        if (speciesReferenceIds.contains(id)) {
            throw new SbmlImportException(where + " reads species reference '" + id + "': not supported");
        }
        return null; // the compiler reports it as unknown
    }

    // ---- rules ---------------------------------------------------------------------------------------------

    private List<AssignmentRule> compileRules() {
        Map<String, AssignmentRule> byTarget = new LinkedHashMap<>();
        for (Rule rule : model.getListOfRules()) {
            String variable = variableOf(rule);
            String where = "assignment rule for '" + variable + "'";
            Expr value = compiler.compile(rule.getMath(), id -> globalSymbol(id, where), where);
            if (Exprs.dependsOnTime(value)) {
                throw new SbmlImportException(where + " depends on time: not supported (its value would only "
                        + "be updated at reaction events)");
            }
            int target;
            Integer index = speciesIndex.get(variable);
            if (index != null) {
                Species s = species.get(index);
                target = index;
                if (!s.getHasOnlySubstanceUnits()) {
                    // the rule gives a concentration; the state holds the amount
                    value = Exprs.product(List.of(value, Exprs.constant(compartmentSize(s, where))));
                }
            } else {
                target = parameterSlot.get(variable);
            }
            byTarget.put(variable, new AssignmentRule(variable, target, value, Exprs.readsState(value)));
        }
        // SBML rules hold simultaneously: evaluate each after the rules it reads (no cycles allowed).
        Map<Integer, String> targetOf = new HashMap<>();
        byTarget.forEach((variable, rule) -> targetOf.put(rule.target(), variable));
        List<AssignmentRule> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (ordered.size() < byTarget.size()) {
            boolean progress = false;
            for (AssignmentRule rule : byTarget.values()) {
                if (done.contains(rule.variableId())) {
                    continue;
                }
                boolean ready = true;
                for (int slot : rule.readsState()) {
                    String source = targetOf.get(slot);
                    if (source != null && !done.contains(source)) {
                        ready = false;
                    }
                }
                if (ready) {
                    ordered.add(rule);
                    done.add(rule.variableId());
                    progress = true;
                }
            }
            if (!progress) {
                Set<String> cyclic = new LinkedHashSet<>(byTarget.keySet());
                cyclic.removeAll(done);
                throw new SbmlImportException("assignment rules for " + cyclic + " depend on each other in a cycle");
            }
        }
        return ordered;
    }

    // ---- reactions -----------------------------------------------------------------------------------------

    private List<Reaction> compileReactions() {
        List<Reaction> out = new ArrayList<>();
        for (org.sbml.jsbml.Reaction reaction : model.getListOfReactions()) {
            String id = reaction.getId();
            if (reaction.isSetFast() && reaction.getFast()) {
                throw new SbmlImportException("reaction '" + id + "' is fast: fast reactions are not supported");
            }
            if (reaction.getReversible()) {
                throw new SbmlImportException("reaction '" + id + "' is reversible: its law is a net rate, which "
                        + "is not a propensity; split it into two irreversible reactions");
            }
            KineticLaw law = reaction.getKineticLaw();
            if (law == null || !law.isSetMath()) {
                throw new SbmlImportException("reaction '" + id + "' has no kinetic law");
            }
            Map<String, Double> locals = new HashMap<>();
            for (LocalParameter local : law.getListOfLocalParameters()) {
                if (!local.isSetValue()) {
                    throw new SbmlImportException("local parameter '" + local.getId() + "' of reaction '" + id
                            + "' has no value");
                }
                locals.put(local.getId(), local.getValue());
            }
            String where = "kinetic law of reaction '" + id + "'";
            Expr propensity = compiler.compile(law.getMath(), symbol -> {
                Double local = locals.get(symbol);
                return local != null ? Exprs.constant(local) : globalSymbol(symbol, where);
            }, where);
            if (Exprs.dependsOnTime(propensity)) {
                throw new SbmlImportException(where + " depends on time: time-varying propensities are not "
                        + "supported by the exact methods");
            }
            TreeMap<Integer, Integer> net = new TreeMap<>();
            for (SpeciesReference reference : reaction.getListOfReactants()) {
                addStoichiometry(net, reference, -1, id);
            }
            for (SpeciesReference reference : reaction.getListOfProducts()) {
                addStoichiometry(net, reference, +1, id);
            }
            net.values().removeIf(change -> change == 0);
            int[] changed = net.keySet().stream().mapToInt(Integer::intValue).toArray();
            int[] changes = net.values().stream().mapToInt(Integer::intValue).toArray();
            MassAction massAction = Exprs.massAction(propensity, this::isPlainSpecies);
            out.add(new Reaction(id, changed, changes, propensity, Exprs.readsState(propensity), massAction));
        }
        return out;
    }

    /** A species slot whose value only reactions and events change (not a rule target). */
    private boolean isPlainSpecies(int slot) {
        return slot < species.size() && !ruleTargets.contains(species.get(slot).getId());
    }

    private void addStoichiometry(Map<Integer, Integer> net, SpeciesReference reference, int sign, String reaction) {
        String speciesId = reference.getSpecies();
        Integer index = speciesIndex.get(speciesId);
        if (index == null) {
            throw new SbmlImportException("reaction '" + reaction + "' refers to unknown species '" + speciesId + "'");
        }
        if (reference.isSetStoichiometryMath()) {
            throw new SbmlImportException("reaction '" + reaction + "': stoichiometryMath for '" + speciesId
                    + "' is not supported");
        }
        double stoichiometry;
        if (reference.isSetStoichiometry()) {
            stoichiometry = reference.getStoichiometry();
        } else if (model.getLevel() < 3) {
            stoichiometry = 1; // the Level 2 default
        } else {
            throw new SbmlImportException("reaction '" + reaction + "': the stoichiometry of '" + speciesId
                    + "' is not set");
        }
        if (!(stoichiometry >= 0) || stoichiometry != Math.rint(stoichiometry) || stoichiometry > 1e9) {
            throw new SbmlImportException("reaction '" + reaction + "': stoichiometry " + stoichiometry + " of '"
                    + speciesId + "' is not a whole number");
        }
        Species s = species.get(index);
        if (s.getBoundaryCondition() || s.getConstant()) {
            return; // boundary and constant species are never changed by reactions
        }
        if (ruleTargets.contains(speciesId)) {
            throw new SbmlImportException("reaction '" + reaction + "' changes species '" + speciesId
                    + "', which an assignment rule sets (it must be a boundary species)");
        }
        net.merge(index, sign * (int) stoichiometry, Integer::sum);
    }

    // ---- events --------------------------------------------------------------------------------------------

    private List<NetworkEvent> compileEvents() {
        List<NetworkEvent> out = new ArrayList<>();
        int position = 0;
        for (Event event : model.getListOfEvents()) {
            String id = event.isSetId() ? event.getId() : "#" + (position + 1);
            position++;
            if (event.isSetDelay()) {
                throw new SbmlImportException("event '" + id + "' has a delay: delayed events are not supported");
            }
            if (event.isSetPriority()) {
                throw new SbmlImportException("event '" + id + "' has a priority: event priorities are not "
                        + "supported");
            }
            Trigger trigger = event.getTrigger();
            if (trigger == null || !trigger.isSetMath()) {
                throw new SbmlImportException("event '" + id + "' has no trigger");
            }
            String where = "trigger of event '" + id + "'";
            Expr condition = compiler.compile(trigger.getMath(), symbol -> globalSymbol(symbol, where), where);
            // Level 2 has no initialValue: its triggers cannot fire at t = 0, which is initialValue = true.
            boolean initialValue = !trigger.isSetInitialValue() || trigger.getInitialValue();
            int[] targets = new int[event.getEventAssignmentCount()];
            StateFunction[] values = new StateFunction[targets.length];
            for (int i = 0; i < targets.length; i++) {
                EventAssignment assignment = event.getEventAssignment(i);
                String variable = assignment.getVariable();
                String assignmentWhere = "assignment to '" + variable + "' in event '" + id + "'";
                Expr value = compiler.compile(assignment.getMath(), symbol -> globalSymbol(symbol, assignmentWhere),
                        assignmentWhere);
                Integer index = speciesIndex.get(variable);
                if (index != null) {
                    targets[i] = index;
                    Species s = species.get(index);
                    if (!s.getHasOnlySubstanceUnits()) {
                        value = Exprs.product(List.of(value, Exprs.constant(compartmentSize(s, assignmentWhere))));
                    }
                } else {
                    targets[i] = parameterSlot.get(variable);
                }
                values[i] = value;
            }
            boolean timeDependent = Exprs.dependsOnTime(condition);
            boolean stateDependent = Exprs.readsState(condition).length > 0;
            if (timeDependent && stateDependent) {
                throw new SbmlImportException(where + " mixes time and state: not supported (use a trigger on "
                        + "time alone, time >= c, or on state alone)");
            }
            if (timeDependent) {
                double[] timing = timeTrigger(condition, initialValue, where);
                out.add(new NetworkEvent(id, timing[0], null, timing[1] != 0, targets, values));
            } else {
                out.add(new NetworkEvent(id, Double.NaN, condition, initialValue, targets, values));
            }
        }
        return out;
    }

    /**
     * A trigger of the form {@code time >= c} or {@code time > c} (or {@code c <= time}, {@code c < time}):
     * returns {fire time, effective initial value}. A trigger already true at t = 0 fires at 0 unless its
     * initial value is true; {@code time > 0} is false at 0 and true just after, so it always fires at 0.
     */
    private static double[] timeTrigger(Expr condition, boolean initialValue, String where) {
        if (condition instanceof Expr.Compare compare) {
            Expr.Relation relation = compare.relation();
            double threshold = Double.NaN;
            boolean strict = false;
            if (compare.left() instanceof Expr.Time && compare.right() instanceof Expr.Const c
                    && (relation == Expr.Relation.GEQ || relation == Expr.Relation.GT)) {
                threshold = c.value();
                strict = relation == Expr.Relation.GT;
            } else if (compare.right() instanceof Expr.Time && compare.left() instanceof Expr.Const c
                    && (relation == Expr.Relation.LEQ || relation == Expr.Relation.LT)) {
                threshold = c.value();
                strict = relation == Expr.Relation.LT;
            }
            if (threshold > 0 && !Double.isInfinite(threshold)) {
                return new double[] {threshold, initialValue ? 1 : 0};
            }
            if (threshold == 0 && strict) {
                return new double[] {0, 0};
            }
            if (threshold <= 0) {
                return new double[] {0, initialValue ? 1 : 0};
            }
        }
        throw new SbmlImportException(where + " depends on time in a form other than time >= c or time > c "
                + "(with c a constant): not supported");
    }

    // ---- initial state -------------------------------------------------------------------------------------

    private double[] initialState(int stateSize, List<AssignmentRule> rules, List<Reaction> reactions) {
        double[] state = new double[stateSize];
        Set<Integer> changedByReactions = new HashSet<>();
        for (Reaction reaction : reactions) {
            for (int slot : reaction.changedSpecies()) {
                changedByReactions.add(slot);
            }
        }
        for (int i = 0; i < species.size(); i++) {
            String id = species.get(i).getId();
            double amount = initialValue.get(id);
            if (Double.isNaN(amount) && !ruleTargets.contains(id)) {
                throw new SbmlImportException("species '" + id + "' has no initial amount or concentration");
            }
            if (changedByReactions.contains(i) && !ruleTargets.contains(id)
                    && (!(amount >= 0) || amount != Math.rint(amount))) {
                throw new SbmlImportException("species '" + id + "' starts at " + amount
                        + " molecules: a stochastic simulation needs a whole number >= 0");
            }
            state[i] = amount;
        }
        parameterSlot.forEach((id, slot) -> {
            double value = initialValue.get(id);
            if (Double.isNaN(value) && !ruleTargets.contains(id)) {
                throw new SbmlImportException("parameter '" + id + "' has no value");
            }
            state[slot] = value;
        });
        // Rule targets start at their rules' values (the methods re-apply the rules at t = 0 anyway).
        for (AssignmentRule rule : rules) {
            state[rule.target()] = rule.value().evaluate(state, 0);
        }
        return state;
    }
}
