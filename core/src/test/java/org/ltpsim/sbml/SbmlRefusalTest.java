package org.ltpsim.sbml;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ltpsim.sbml.SbmlText.TIME;
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

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every unsupported construct is refused with one message naming the construct and the element id. */
class SbmlRefusalTest {
    private static final String BASE = compartments(compartment("C", "1"))
            + speciesList(species("X", "C", 10))
            + parameters(parameter("k", 0.1, true), parameter("p", 1, false));
    private static final String DECAY = reaction("decay", "X:1", "", apply("times", ci("k"), ci("X")));

    private static String event(String attributes, String trigger, String inside) {
        return "<listOfEvents><event id=\"ev\" useValuesFromTriggerTime=\"true\" " + attributes + ">"
                + "<trigger initialValue=\"false\" persistent=\"true\">" + math(trigger) + "</trigger>" + inside
                + "<listOfEventAssignments><eventAssignment variable=\"X\">" + math(cn(1))
                + "</eventAssignment></listOfEventAssignments></event></listOfEvents>";
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("rate rule", model(BASE + "<listOfRules><rateRule variable=\"p\">" + math(cn(1))
                        + "</rateRule></listOfRules>" + reactions(DECAY)), new String[] {"rate rule", "'p'"}),
                Arguments.of("algebraic rule", model(BASE + "<listOfRules><algebraicRule metaid=\"alg\">"
                        + math(apply("minus", ci("p"), cn(1))) + "</algebraicRule></listOfRules>"
                        + reactions(DECAY)), new String[] {"algebraic rule", "'alg'"}),
                Arguments.of("fast reaction", model(BASE + reactions(reaction("quick", "X:1", "",
                        ci("k"), "", "reversible=\"false\" fast=\"true\""))), new String[] {"fast", "'quick'"}),
                Arguments.of("reversible reaction", model(BASE + reactions(reaction("both", "X:1", "",
                        ci("k"), "", "reversible=\"true\" fast=\"false\""))), new String[] {"reversible", "'both'"}),
                Arguments.of("non-constant compartment", model("<listOfCompartments><compartment id=\"Grow\" "
                        + "spatialDimensions=\"3\" size=\"1\" constant=\"false\"/></listOfCompartments>"
                        + speciesList(species("X", "Grow", 10)) + reactions(reaction("r", "X:1", "", cn(1)))),
                        new String[] {"non-constant compartment", "'Grow'"}),
                Arguments.of("event delay", model(BASE + reactions(DECAY) + event("",
                        apply("geq", TIME, cn(5)), "<delay>" + math(cn(1)) + "</delay>")),
                        new String[] {"delay", "'ev'"}),
                Arguments.of("event priority", model(BASE + reactions(DECAY) + event("",
                        apply("geq", TIME, cn(5)), "<priority>" + math(cn(1)) + "</priority>")),
                        new String[] {"priorit", "'ev'"}),
                Arguments.of("trigger mixing time and state", model(BASE + reactions(DECAY) + event("",
                        apply("and", apply("geq", TIME, cn(5)), apply("lt", ci("X"), cn(3))), "")),
                        new String[] {"mixes time and state", "'ev'"}),
                Arguments.of("time trigger of another form", model(BASE + reactions(DECAY) + event("",
                        apply("lt", TIME, cn(5)), "")), new String[] {"time >= c", "'ev'"}),
                Arguments.of("unknown symbol", model(BASE + reactions(reaction("r", "X:1", "",
                        apply("times", ci("nope"), ci("X"))))), new String[] {"unknown symbol 'nope'", "'r'"}),
                Arguments.of("time in a law", model(BASE + reactions(reaction("r", "X:1", "",
                        apply("times", ci("k"), TIME)))), new String[] {"depends on time", "'r'"}),
                Arguments.of("non-integer stoichiometry", model(BASE + reactions(reaction("half", "X:0.5", "",
                        ci("k")))), new String[] {"stoichiometry 0.5", "'half'"}),
                Arguments.of("concentration in a compartment without size", model(
                        compartments(compartment("C", null)) + speciesList(species("X", "C", "initialAmount=\"5\"",
                        false, false, false)) + reactions(reaction("r", "X:1", "", ci("X")))),
                        new String[] {"compartment 'C'", "size"}),
                Arguments.of("non-integer initial count", model(compartments(compartment("C", "1"))
                        + speciesList(species("X", "C", 2.5)) + reactions(reaction("r", "X:1", "", ci("X")))),
                        new String[] {"'X'", "2.5"}),
                Arguments.of("delay function", model(BASE + reactions(reaction("r", "X:1", "",
                        "<apply><csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/delay\">"
                        + "delay</csymbol><ci>X</ci><cn>1</cn></apply>"))), new String[] {"delay()", "'r'"}),
                Arguments.of("rule changing a reacting species", model(BASE + "<listOfRules><assignmentRule "
                        + "variable=\"X\">" + math(cn(3)) + "</assignmentRule></listOfRules>" + reactions(DECAY)),
                        new String[] {"'decay'", "'X'", "assignment rule"}),
                Arguments.of("reaction rate as symbol", model(BASE + reactions(DECAY,
                        reaction("r2", "", "X:1", ci("decay")))), new String[] {"reaction 'decay'", "'r2'"}),
                Arguments.of("not SBML at all", "<sbml><model id=\"broken\"", new String[] {"not well-formed"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesWithAMessageNamingConstructAndElement(String construct, String xml, String[] mustMention) {
        SbmlImportException error = assertThrows(SbmlImportException.class, () -> SbmlImporter.parse(xml, "m.xml"));
        String message = error.getMessage();
        assertTrue(!message.contains("\n"), "one line: " + message);
        for (String part : mustMention) {
            assertTrue(message.contains(part), construct + ": '" + message + "' should mention " + part);
        }
    }
}
