package org.ltpsim.sbml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ltpsim.network.math.Expr;
import org.ltpsim.network.math.Exprs;
import org.sbml.jsbml.ASTNode;

/**
 * Every MathML operator and function the importer accepts, compiled from MathML text and evaluated on a grid of
 * states; expected values come from plain Java arithmetic written out independently in each case.
 */
class SbmlMathCompilerTest {
    private static final String MATHML = "http://www.w3.org/1998/Math/MathML";
    private static final SbmlMathCompiler COMPILER = new SbmlMathCompiler(Map.of());
    /** x is state slot 0, y is slot 1, k is the constant 2.5. */
    private static final SbmlMathCompiler.Symbols SYMBOLS = id -> switch (id) {
        case "x" -> Exprs.load(0);
        case "y" -> Exprs.load(1);
        case "k" -> Exprs.constant(2.5);
        default -> null;
    };
    private static final double[][] STATES = {{0, 1}, {1, 2}, {3, 3}, {7, 2}, {0.5, 0.25}, {12, 5}, {2, 0.75}};

    static Expr compile(String body) {
        ASTNode node = ASTNode.readMathMLFromString("<math xmlns=\"" + MATHML + "\">" + body + "</math>");
        return COMPILER.compile(node, SYMBOLS, "test");
    }

    private static String apply(String op, String... args) {
        return "<apply><" + op + "/>" + String.join("", args) + "</apply>";
    }

    private static final String X = "<ci>x</ci>";
    private static final String Y = "<ci>y</ci>";
    private static final String K = "<ci>k</ci>";

    static Stream<Arguments> cases() {
        return Stream.of(
                c("plus", apply("plus", X, Y, K), (x, y) -> x + y + 2.5),
                c("plus unary", apply("plus", X), (x, y) -> x),
                c("minus", apply("minus", X, Y), (x, y) -> x - y),
                c("unary minus", apply("minus", X), (x, y) -> -x),
                c("times", apply("times", X, Y, K), (x, y) -> x * y * 2.5),
                c("divide", apply("divide", X, Y), (x, y) -> x / y),
                c("power", apply("power", X, Y), Math::pow),
                c("power 2", apply("power", X, "<cn>2</cn>"), (x, y) -> x * x),
                c("exp", apply("exp", X), (x, y) -> Math.exp(x)),
                c("ln", apply("ln", Y), (x, y) -> Math.log(y)),
                c("log10", apply("log", Y), (x, y) -> Math.log10(y)),
                c("log base 2", "<apply><log/><logbase><cn>2</cn></logbase><ci>y</ci></apply>",
                        (x, y) -> Math.log(y) / Math.log(2)),
                c("sqrt", apply("root", X), (x, y) -> Math.sqrt(x)),
                c("cube root", "<apply><root/><degree><cn>3</cn></degree><ci>x</ci></apply>",
                        (x, y) -> Math.pow(x, 1.0 / 3)),
                c("abs", apply("abs", apply("minus", X, Y)), (x, y) -> Math.abs(x - y)),
                c("floor", apply("floor", apply("divide", X, Y)), (x, y) -> Math.floor(x / y)),
                c("ceiling", apply("ceiling", apply("divide", X, Y)), (x, y) -> Math.ceil(x / y)),
                c("factorial", apply("factorial", "<cn>5</cn>"), (x, y) -> 120),
                c("sin", apply("sin", X), (x, y) -> Math.sin(x)),
                c("cos", apply("cos", X), (x, y) -> Math.cos(x)),
                c("tan", apply("tan", X), (x, y) -> Math.tan(x)),
                c("tanh", apply("tanh", X), (x, y) -> Math.tanh(x)),
                c("arctan", apply("arctan", X), (x, y) -> Math.atan(x)),
                c("eq", apply("eq", X, Y), (x, y) -> x == y ? 1 : 0),
                c("neq", apply("neq", X, Y), (x, y) -> x != y ? 1 : 0),
                c("gt", apply("gt", X, Y), (x, y) -> x > y ? 1 : 0),
                c("geq", apply("geq", X, Y), (x, y) -> x >= y ? 1 : 0),
                c("lt", apply("lt", X, Y), (x, y) -> x < y ? 1 : 0),
                c("leq", apply("leq", X, Y), (x, y) -> x <= y ? 1 : 0),
                c("lt n-ary", apply("lt", "<cn>0</cn>", X, Y), (x, y) -> 0 < x && x < y ? 1 : 0),
                c("and", apply("and", apply("gt", X, "<cn>1</cn>"), apply("gt", Y, "<cn>1</cn>")),
                        (x, y) -> x > 1 && y > 1 ? 1 : 0),
                c("or", apply("or", apply("gt", X, "<cn>5</cn>"), apply("lt", Y, "<cn>1</cn>")),
                        (x, y) -> x > 5 || y < 1 ? 1 : 0),
                c("xor", apply("xor", apply("gt", X, "<cn>1</cn>"), apply("gt", Y, "<cn>1</cn>")),
                        (x, y) -> x > 1 ^ y > 1 ? 1 : 0),
                c("not", apply("not", apply("gt", X, Y)), (x, y) -> x > y ? 0 : 1),
                c("piecewise", "<piecewise><piece>" + X + apply("gt", X, Y) + "</piece><piece>" + Y
                        + apply("lt", X, "<cn>1</cn>") + "</piece><otherwise><cn>-1</cn></otherwise></piecewise>",
                        (x, y) -> x > y ? x : x < 1 ? y : -1),
                c("pi", "<pi/>", (x, y) -> Math.PI),
                c("exponentiale", "<exponentiale/>", (x, y) -> Math.E),
                c("true", "<true/>", (x, y) -> 1),
                c("false", "<false/>", (x, y) -> 0),
                c("e-notation", "<cn type=\"e-notation\"> 1.5 <sep/> 3 </cn>", (x, y) -> 1500),
                c("rational", "<cn type=\"rational\"> 1 <sep/> 4 </cn>", (x, y) -> 0.25),
                c("falling factorial law", apply("divide", apply("times", K, X, apply("minus", X, "<cn>1</cn>")),
                        "<cn>2</cn>"), (x, y) -> 2.5 * x * (x - 1) / 2));
    }

    private static Arguments c(String name, String mathml, DoubleBinaryOperator expected) {
        return Arguments.of(name, mathml, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluatesLikeJava(String name, String mathml, DoubleBinaryOperator expected) {
        Expr expr = compile(mathml);
        for (double[] state : STATES) {
            double want = expected.applyAsDouble(state[0], state[1]);
            assertEquals(want, expr.evaluate(state, 0), 1e-12 * Math.max(1, Math.abs(want)),
                    name + " at x=" + state[0] + ", y=" + state[1]);
        }
    }

    @Test
    void timeIsTheSimulationTime() {
        Expr expr = compile(apply("times", K,
                "<csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/time\">t</csymbol>"));
        assertEquals(2.5 * 7.0, expr.evaluate(new double[2], 7.0));
        assertTrue(Exprs.dependsOnTime(expr));
    }

    @Test
    void constantSubtreesAreFolded() {
        Expr expr = compile(apply("times", apply("plus", K, "<cn>1</cn>"), X));
        // (k + 1) * x is folded into one scaled load: 3.5 * state[0]
        assertEquals(new Expr.ScaledLoad(3.5, 0), expr);
        assertInstanceOf(Expr.Const.class, compile(apply("exp", apply("divide", K, "<cn>5</cn>"))));
    }

    @Test
    void readsStateListsEachSlotOnce() {
        Expr expr = compile(apply("plus", apply("times", X, X), Y, X));
        assertEquals(2, Exprs.readsState(expr).length);
        assertEquals(0, Exprs.readsState(expr)[0]);
        assertEquals(1, Exprs.readsState(expr)[1]);
    }

    @Test
    void unknownSymbolsAndDelayAreRefusedByName() {
        SbmlImportException unknown = assertThrows(SbmlImportException.class,
                () -> compile(apply("times", K, "<ci>zz</ci>")));
        assertTrue(unknown.getMessage().contains("'zz'"), unknown.getMessage());
        SbmlImportException delay = assertThrows(SbmlImportException.class, () -> compile(
                "<apply><csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/delay\">delay"
                        + "</csymbol><ci>x</ci><cn>1</cn></apply>"));
        assertTrue(delay.getMessage().contains("delay"), delay.getMessage());
    }
}
