package org.ltpsim.sbml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ltpsim.sbml.SbmlText.apply;
import static org.ltpsim.sbml.SbmlText.ci;
import static org.ltpsim.sbml.SbmlText.cn;
import static org.ltpsim.sbml.SbmlText.compartment;
import static org.ltpsim.sbml.SbmlText.compartments;
import static org.ltpsim.sbml.SbmlText.math;
import static org.ltpsim.sbml.SbmlText.model;
import static org.ltpsim.sbml.SbmlText.parameter;
import static org.ltpsim.sbml.SbmlText.parameters;
import static org.ltpsim.sbml.SbmlText.reaction;
import static org.ltpsim.sbml.SbmlText.reactions;
import static org.ltpsim.sbml.SbmlText.species;
import static org.ltpsim.sbml.SbmlText.speciesList;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.ltpsim.network.AssignmentRule;
import org.ltpsim.network.MassAction;
import org.ltpsim.network.NetworkEvent;
import org.ltpsim.network.Reaction;
import org.ltpsim.network.ReactionNetwork;

class SbmlImporterTest {
    static final List<DsmtsCase> CASES = DsmtsCase.ALL;

    private static Reaction find(ReactionNetwork network, String id) {
        return network.reactions().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("CASES")
    void everyDsmtsModelImportsWithMassActionLawsThatMatchTheirMath(DsmtsCase dsmts) {
        ReactionNetwork network = dsmts.network();
        assertEquals(List.copyOf(dsmts.referenceMean().keySet()), network.speciesIds(),
                "reported species, in document order");
        double[] initial = network.initialState();
        dsmts.referenceMean().forEach((id, mean) ->
                assertEquals(mean[0], initial[network.speciesIds().indexOf(id)], id + " at t = 0"));
        SplittableRandom random = new SplittableRandom(1);
        for (Reaction reaction : network.reactions()) {
            MassAction massAction = reaction.massAction();
            assertNotNull(massAction, reaction.id() + " has a mass-action law in every DSMTS case");
            // The recognised form must equal the law itself, on many whole-number states.
            for (int trial = 0; trial < 500; trial++) {
                double[] state = network.initialState();
                for (int i = 0; i < network.speciesCount(); i++) {
                    state[i] = random.nextInt(0, 2000);
                }
                double law = reaction.propensity().evaluate(state, 0);
                assertEquals(law, massAction.propensity(state), 1e-12 * Math.abs(law), reaction.id());
            }
        }
    }

    @Test
    void birthDeathHasItsRatesAndChanges() {
        ReactionNetwork network = DsmtsCase.named("001-01").network();
        Reaction birth = find(network, "Birth");
        Reaction death = find(network, "Death");
        assertArrayEquals(new int[] {0}, birth.changedSpecies());
        assertArrayEquals(new int[] {1}, birth.changes());
        assertArrayEquals(new int[] {-1}, death.changes());
        assertEquals(0.1, birth.massAction().rateConstant());
        assertEquals(0.11, death.massAction().rateConstant());
        assertArrayEquals(new int[] {1}, death.massAction().orders());
        assertEquals(10.0, birth.propensity().evaluate(new double[] {100}, 0), 1e-12);
        assertTrue(network.isPlainMassAction());
    }

    @Test
    void localParameterWinsOverGlobal() {
        // 002-03: global Alpha = 10, the immigration law's local Alpha = 5
        ReactionNetwork network = DsmtsCase.named("002-03").network();
        Reaction immigration = find(network, "Immigration");
        assertEquals(5.0, immigration.propensity().evaluate(network.initialState(), 0));
        assertEquals(5.0, immigration.massAction().rateConstant());
        assertEquals(0, immigration.massAction().species().length);
    }

    @Test
    void boundarySpeciesAreNeverChanged() {
        // 002-05: Source -> X, X -> Sink with Source and Sink boundary species
        ReactionNetwork network = DsmtsCase.named("002-05").network();
        int x = network.speciesIds().indexOf("X");
        assertArrayEquals(new int[] {x}, find(network, "Immigration").changedSpecies());
        assertArrayEquals(new int[] {x}, find(network, "Death").changedSpecies());
        // 001-07: Sink is not boundary there, so death feeds it
        ReactionNetwork open = DsmtsCase.named("001-07").network();
        assertArrayEquals(new int[] {0, 1}, find(open, "Death").changedSpecies());
        assertArrayEquals(new int[] {-1, 1}, find(open, "Death").changes());
    }

    @Test
    void stoichiometryAboveOneAndFallingFactorialLaw() {
        ReactionNetwork dimer = DsmtsCase.named("003-01").network();
        Reaction forward = find(dimer, "Dimerisation");
        assertArrayEquals(new int[] {0, 1}, forward.changedSpecies());
        assertArrayEquals(new int[] {-2, 1}, forward.changes());
        assertEquals(0.001 / 2, forward.massAction().rateConstant(), 1e-18);
        assertArrayEquals(new int[] {2}, forward.massAction().orders());
        assertArrayEquals(new int[] {5}, find(DsmtsCase.named("004-01").network(), "Immigration").changes());
    }

    @Test
    void compartmentSymbolInLawAndConcentrationSpecies() {
        // 001-17: law Cell*Lambda*X with Cell = 1; 001-10: X has hasOnlySubstanceUnits=false, Cell = 1
        assertEquals(0.1, find(DsmtsCase.named("001-17").network(), "Birth").massAction().rateConstant(),
                1e-15);
        assertEquals(0.11, find(DsmtsCase.named("001-10").network(), "Death").massAction().rateConstant(),
                1e-15);
    }

    @Test
    void concentrationsAreDividedByCompartmentSize() {
        // V = 2, X given as concentration 3 (6 molecules), law k*X reads the concentration: k * amount / 2
        String xml = model(compartments(compartment("V", "2"))
                + speciesList(species("X", "V", "initialConcentration=\"3\"", false, false, false))
                + parameters(parameter("k", 0.5, true))
                + reactions(reaction("decay", "X:1", "", apply("times", ci("k"), ci("X")))));
        ReactionNetwork network = SbmlImporter.parse(xml, "test");
        assertEquals(6.0, network.initialState()[0]);
        Reaction decay = network.reactions().get(0);
        assertEquals(0.5 * 6 / 2, decay.propensity().evaluate(network.initialState(), 0), 1e-15);
        assertEquals(0.25, decay.massAction().rateConstant(), 1e-15);
    }

    @Test
    void assignmentRuleOnSpecies() {
        // 001-19: y = 2 * X
        ReactionNetwork network = DsmtsCase.named("001-19").network();
        assertEquals(1, network.rules().size());
        AssignmentRule rule = network.rules().get(0);
        assertEquals("y", rule.variableId());
        assertEquals(1, rule.target());
        assertArrayEquals(new int[] {0}, rule.readsState());
        assertEquals(2 * 37.0, rule.value().evaluate(new double[] {37, 0}, 0));
        assertEquals(200.0, network.initialState()[1]);
        assertFalse(network.isPlainMassAction());
    }

    @Test
    void rulesOnParametersBecomeStateSlotsEvaluatedInDependencyOrder() {
        // a = b + 1 is listed before b = 2 * X; the law reads a
        String xml = model(compartments(compartment("C", "1"))
                + speciesList(species("X", "C", 4))
                + parameters(parameter("a", 0, false), parameter("b", 0, false))
                + "<listOfRules>"
                + "<assignmentRule variable=\"a\">" + math(apply("plus", ci("b"), cn(1))) + "</assignmentRule>"
                + "<assignmentRule variable=\"b\">" + math(apply("times", cn(2), ci("X"))) + "</assignmentRule>"
                + "</listOfRules>"
                + reactions(reaction("r", "X:1", "", apply("times", ci("a"), ci("X")))));
        ReactionNetwork network = SbmlImporter.parse(xml, "test");
        assertEquals(3, network.stateSize());
        assertEquals(List.of("b", "a"), network.rules().stream().map(AssignmentRule::variableId).toList());
        assertArrayEquals(new double[] {4, 9, 8}, network.initialState(), "X, a = b + 1, b = 2X");
        Reaction r = network.reactions().get(0);
        assertNull(r.massAction(), "a law reading a rule variable is not mass action");
        assertArrayEquals(new int[] {0, 1}, r.readsState());
        assertEquals(36.0, r.propensity().evaluate(network.initialState(), 0));
    }

    @Test
    void timeTriggeredEvent() {
        // 002-09: reset at t >= 25 sets X = 50
        ReactionNetwork network = DsmtsCase.named("002-09").network();
        NetworkEvent reset = network.events().get(0);
        assertTrue(reset.isTimeTriggered());
        assertEquals(25.0, reset.fireTimeSec());
        assertFalse(reset.triggerInitialValue());
        assertArrayEquals(new int[] {0}, reset.targets());
        assertEquals(50.0, reset.values()[0].evaluate(new double[] {3}, 25));
        NetworkEvent dimerReset = DsmtsCase.named("003-03").network().events().get(0);
        assertArrayEquals(new int[] {0, 1}, dimerReset.targets());
    }

    @Test
    void stateTriggeredEventAssigningAParameter() {
        String event = "<listOfEvents><event id=\"low\" useValuesFromTriggerTime=\"true\">"
                + "<trigger initialValue=\"true\" persistent=\"true\">" + math(apply("lt", ci("X"), cn(5)))
                + "</trigger><listOfEventAssignments>"
                + "<eventAssignment variable=\"k\">" + math(apply("times", ci("k"), cn(2))) + "</eventAssignment>"
                + "<eventAssignment variable=\"X\">" + math(apply("plus", ci("X"), cn(10))) + "</eventAssignment>"
                + "</listOfEventAssignments></event></listOfEvents>";
        String xml = model(compartments(compartment("C", null))
                + speciesList(species("X", "C", 20))
                + parameters(parameter("k", 0.5, false))
                + reactions(reaction("r", "X:1", "", apply("times", ci("k"), ci("X"))))
                + event);
        ReactionNetwork network = SbmlImporter.parse(xml, "test");
        NetworkEvent low = network.events().get(0);
        assertFalse(low.isTimeTriggered());
        assertTrue(low.triggerInitialValue());
        assertEquals(0.0, low.stateTrigger().evaluate(new double[] {5, 0.5}, 0));
        assertEquals(1.0, low.stateTrigger().evaluate(new double[] {4, 0.5}, 0));
        assertArrayEquals(new int[] {1, 0}, low.targets(), "k is the slot after the species");
        assertEquals(1.0, low.values()[0].evaluate(new double[] {4, 0.5}, 0));
        assertEquals(14.0, low.values()[1].evaluate(new double[] {4, 0.5}, 0));
        assertArrayEquals(new double[] {20, 0.5}, network.initialState());
        assertNull(network.reactions().get(0).massAction());
    }

    @Test
    void functionDefinitionsAndInitialAssignments() {
        String xml = model("<listOfFunctionDefinitions><functionDefinition id=\"mm\">"
                + math("<lambda><bvar><ci>v</ci></bvar><bvar><ci>s</ci></bvar>"
                        + apply("divide", apply("times", ci("v"), ci("s")), apply("plus", cn(10), ci("s")))
                        + "</lambda>")
                + "</functionDefinition></listOfFunctionDefinitions>"
                + compartments(compartment("C", "1"))
                + speciesList(species("S", "C", 0))
                + parameters(parameter("v0", 3, true), parameter("vmax", 0, true))
                + "<listOfInitialAssignments>"
                + "<initialAssignment symbol=\"vmax\">" + math(apply("times", cn(2), ci("v0"))) + "</initialAssignment>"
                + "<initialAssignment symbol=\"S\">" + math(apply("plus", ci("vmax"), cn(4))) + "</initialAssignment>"
                + "</listOfInitialAssignments>"
                + reactions(reaction("r", "S:1", "", "<apply><ci>mm</ci><ci>vmax</ci><ci>S</ci></apply>")));
        ReactionNetwork network = SbmlImporter.parse(xml, "test");
        assertEquals(10.0, network.initialState()[0], "S = vmax + 4 with vmax = 2 * v0");
        assertEquals(6.0 * 10 / 20, network.reactions().get(0).propensity().evaluate(network.initialState(), 0),
                1e-15);
    }

    @Test
    void levelTwoModelWithDefaultStoichiometryAndLocalParameters() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level2/version4" level="2" version="4">
                  <model id="l2">
                    <listOfCompartments><compartment id="C" size="1"/></listOfCompartments>
                    <listOfSpecies>
                      <species id="A" compartment="C" initialAmount="50" hasOnlySubstanceUnits="true"/>
                      <species id="B" compartment="C" initialAmount="0" hasOnlySubstanceUnits="true"/>
                    </listOfSpecies>
                    <listOfParameters><parameter id="k" value="1"/></listOfParameters>
                    <listOfReactions>
                      <reaction id="conv" reversible="false">
                        <listOfReactants><speciesReference species="A"/></listOfReactants>
                        <listOfProducts><speciesReference species="B" stoichiometry="2"/></listOfProducts>
                        <kineticLaw>
                          <math xmlns="http://www.w3.org/1998/Math/MathML">
                            <apply><times/><ci>k</ci><ci>A</ci></apply>
                          </math>
                          <listOfParameters><parameter id="k" value="0.25"/></listOfParameters>
                        </kineticLaw>
                      </reaction>
                    </listOfReactions>
                  </model>
                </sbml>
                """;
        ReactionNetwork network = SbmlImporter.parse(xml, "l2.xml");
        Reaction conv = network.reactions().get(0);
        assertArrayEquals(new int[] {0, 1}, conv.changedSpecies());
        assertArrayEquals(new int[] {-1, 2}, conv.changes(), "Level 2 stoichiometry defaults to 1");
        assertEquals(0.25, conv.massAction().rateConstant(), "the local k wins");
    }

    @Test
    void documentWithoutModelIsRefused() {
        SbmlImportException error = org.junit.jupiter.api.Assertions.assertThrows(SbmlImportException.class,
                () -> SbmlImporter.parse("<?xml version=\"1.0\"?><sbml xmlns=\"http://www.sbml.org/sbml/level3/"
                        + "version1/core\" level=\"3\" version=\"1\"></sbml>", "empty.xml"));
        assertTrue(error.getMessage().contains("empty.xml"), error.getMessage());
    }
}
