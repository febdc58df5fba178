package org.ltpsim.sbml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ltpsim.network.math.Expr;
import org.ltpsim.network.math.Expr.Connective;
import org.ltpsim.network.math.Expr.Function1;
import org.ltpsim.network.math.Expr.Function2;
import org.ltpsim.network.math.Expr.Relation;
import org.ltpsim.network.math.Exprs;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.FunctionDefinition;

/**
 * Compiles JSBML math (an {@link ASTNode} tree) once into an {@link Expr} tree, folding constants on the way.
 * Identifiers are resolved through a {@link Symbols} table supplied by the importer (species, parameters,
 * compartments, local parameters); user function definitions are inlined with their arguments substituted.
 * Anything outside the supported MathML subset (delay, rateOf, csymbols other than time and avogadro, unknown
 * identifiers) throws {@link SbmlImportException} naming the construct and the element it appears in.
 */
public final class SbmlMathCompiler {
    /** SBML L3V1's value of the avogadro csymbol. */
    public static final double AVOGADRO = 6.02214179e23;
    private static final int MAX_INLINE_DEPTH = 64;

    /** Resolves an identifier to its compiled value, or returns null when it is not known. */
    @FunctionalInterface
    public interface Symbols {
        Expr resolve(String id);
    }

    private final Map<String, FunctionDefinition> functions;

    /** @param functions the model's function definitions by id (may be empty) */
    public SbmlMathCompiler(Map<String, FunctionDefinition> functions) {
        this.functions = Map.copyOf(functions);
    }

    /**
     * @param math     the math to compile
     * @param symbols  identifier resolution for this context
     * @param where    what the math belongs to, for messages (e.g. "kinetic law of reaction R1")
     */
    public Expr compile(ASTNode math, Symbols symbols, String where) {
        if (math == null) {
            throw new SbmlImportException(where + " has no math");
        }
        return compile(math, symbols, where, 0);
    }

    private Expr compile(ASTNode node, Symbols symbols, String where, int depth) {
        ASTNode.Type type = node.getType();
        int n = node.getChildCount();
        switch (type) {
            case INTEGER:
                return Exprs.constant(node.getInteger());
            case REAL:
            case REAL_E:
                return Exprs.constant(node.getReal());
            case RATIONAL:
                return Exprs.constant((double) node.getNumerator() / node.getDenominator());
            case CONSTANT_E:
                return Exprs.constant(Math.E);
            case CONSTANT_PI:
                return Exprs.constant(Math.PI);
            case CONSTANT_TRUE:
                return Exprs.constant(1);
            case CONSTANT_FALSE:
                return Exprs.constant(0);
            case NAME_TIME:
                return Exprs.time();
            case NAME_AVOGADRO:
                return Exprs.constant(AVOGADRO);
            case NAME: {
                String id = node.getName();
                Expr value = symbols.resolve(id);
                if (value == null) {
                    throw new SbmlImportException("unknown symbol '" + id + "' in " + where);
                }
                return value;
            }
            case PLUS:
            case SUM:
                return Exprs.sum(children(node, symbols, where, depth));
            case TIMES:
            case PRODUCT:
                return Exprs.product(children(node, symbols, where, depth));
            case MINUS:
                if (n == 1) {
                    return Exprs.negate(child(node, 0, symbols, where, depth));
                }
                arity(node, 2, where);
                return Exprs.difference(child(node, 0, symbols, where, depth), child(node, 1, symbols, where, depth));
            case DIVIDE:
                arity(node, 2, where);
                return Exprs.quotient(child(node, 0, symbols, where, depth), child(node, 1, symbols, where, depth));
            case POWER:
            case FUNCTION_POWER:
                arity(node, 2, where);
                return Exprs.power(child(node, 0, symbols, where, depth), child(node, 1, symbols, where, depth));
            case FUNCTION_ROOT:
                if (n == 1) {
                    return Exprs.call(Function1.SQRT, child(node, 0, symbols, where, depth));
                }
                arity(node, 2, where);
                // JSBML keeps MathML's order: the degree, then the radicand
                Expr degree = child(node, 0, symbols, where, depth);
                Expr radicand = child(node, 1, symbols, where, depth);
                if (degree instanceof Expr.Const c && c.value() == 2) {
                    return Exprs.call(Function1.SQRT, radicand);
                }
                return Exprs.call(Function2.ROOT_DEGREE, degree, radicand);
            case FUNCTION_LOG:
                if (n == 1) {
                    return Exprs.call(Function1.LOG10, child(node, 0, symbols, where, depth));
                }
                arity(node, 2, where);
                Expr base = child(node, 0, symbols, where, depth);
                Expr argument = child(node, 1, symbols, where, depth);
                if (base instanceof Expr.Const c && c.value() == 10) {
                    return Exprs.call(Function1.LOG10, argument);
                }
                return Exprs.call(Function2.LOG_BASE, base, argument);
            case FUNCTION_MIN:
            case FUNCTION_MAX:
                return minMax(type == ASTNode.Type.FUNCTION_MIN ? Function2.MIN : Function2.MAX,
                        children(node, symbols, where, depth), node, where);
            case FUNCTION_QUOTIENT:
                arity(node, 2, where);
                return Exprs.call(Function2.QUOTIENT, child(node, 0, symbols, where, depth),
                        child(node, 1, symbols, where, depth));
            case FUNCTION_REM:
                arity(node, 2, where);
                return Exprs.call(Function2.REM, child(node, 0, symbols, where, depth),
                        child(node, 1, symbols, where, depth));
            case RELATIONAL_EQ:
                return relation(Relation.EQ, node, symbols, where, depth);
            case RELATIONAL_NEQ:
                arity(node, 2, where);
                return relation(Relation.NEQ, node, symbols, where, depth);
            case RELATIONAL_GT:
                return relation(Relation.GT, node, symbols, where, depth);
            case RELATIONAL_GEQ:
                return relation(Relation.GEQ, node, symbols, where, depth);
            case RELATIONAL_LT:
                return relation(Relation.LT, node, symbols, where, depth);
            case RELATIONAL_LEQ:
                return relation(Relation.LEQ, node, symbols, where, depth);
            case LOGICAL_AND:
                return Exprs.logic(Connective.AND, children(node, symbols, where, depth));
            case LOGICAL_OR:
                return Exprs.logic(Connective.OR, children(node, symbols, where, depth));
            case LOGICAL_XOR:
                return Exprs.logic(Connective.XOR, children(node, symbols, where, depth));
            case LOGICAL_NOT:
                arity(node, 1, where);
                return Exprs.not(child(node, 0, symbols, where, depth));
            case LOGICAL_IMPLIES:
                arity(node, 2, where);
                return Exprs.logic(Connective.OR, List.of(Exprs.not(child(node, 0, symbols, where, depth)),
                        child(node, 1, symbols, where, depth)));
            case FUNCTION_PIECEWISE: {
                // JSBML flattens <piece>s: value, condition, value, condition, ..., [otherwise]
                List<Expr> values = new ArrayList<>();
                List<Expr> conditions = new ArrayList<>();
                for (int i = 0; i + 1 < n; i += 2) {
                    values.add(child(node, i, symbols, where, depth));
                    conditions.add(child(node, i + 1, symbols, where, depth));
                }
                Expr otherwise = n % 2 == 1 ? child(node, n - 1, symbols, where, depth) : null;
                return Exprs.piecewise(values, conditions, otherwise);
            }
            case FUNCTION:
                return inline(node, symbols, where, depth);
            case FUNCTION_DELAY:
                throw new SbmlImportException("delay() in " + where + " is not supported (delay differential "
                        + "semantics have no exact stochastic simulation here)");
            case FUNCTION_RATE_OF:
                throw new SbmlImportException("rateOf() in " + where + " is not supported");
            default:
                Function1 function = FUNCTIONS_1.get(type);
                if (function != null) {
                    arity(node, 1, where);
                    return Exprs.call(function, child(node, 0, symbols, where, depth));
                }
                throw new SbmlImportException("MathML construct '" + type + "' in " + where + " is not supported");
        }
    }

    private static final Map<ASTNode.Type, Function1> FUNCTIONS_1 = new HashMap<>();

    static {
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_EXP, Function1.EXP);
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_LN, Function1.LN);
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_ABS, Function1.ABS);
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_FLOOR, Function1.FLOOR);
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_CEILING, Function1.CEILING);
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_FACTORIAL, Function1.FACTORIAL);
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_SIN, Function1.SIN);
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_COS, Function1.COS);
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_TAN, Function1.TAN);
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_SEC, Function1.SEC);
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_CSC, Function1.CSC);
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_COT, Function1.COT);
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_SINH, Function1.SINH);
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_COSH, Function1.COSH);
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_TANH, Function1.TANH);
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_SECH, Function1.SECH);
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_CSCH, Function1.CSCH);
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_COTH, Function1.COTH);
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_ARCSIN, Function1.ARCSIN);
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_ARCCOS, Function1.ARCCOS);
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_ARCTAN, Function1.ARCTAN);
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_ARCSEC, Function1.ARCSEC);
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_ARCCSC, Function1.ARCCSC);
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_ARCCOT, Function1.ARCCOT);
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_ARCSINH, Function1.ARCSINH);
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_ARCCOSH, Function1.ARCCOSH);
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_ARCTANH, Function1.ARCTANH);
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_ARCSECH, Function1.ARCSECH);
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_ARCCSCH, Function1.ARCCSCH);
        FUNCTIONS_1.put(ASTNode.Type.FUNCTION_ARCCOTH, Function1.ARCCOTH);
    }

    private Expr inline(ASTNode node, Symbols symbols, String where, int depth) {
        String name = node.getName();
        FunctionDefinition definition = functions.get(name);
        if (definition == null) {
            throw new SbmlImportException("call of unknown function '" + name + "' in " + where);
        }
        if (depth >= MAX_INLINE_DEPTH) {
            throw new SbmlImportException("function definition '" + name + "' calls itself (in " + where + ")");
        }
        int arguments = definition.getArgumentCount();
        if (node.getChildCount() != arguments || definition.getBody() == null) {
            throw new SbmlImportException("function '" + name + "' takes " + arguments + " arguments but is called"
                    + " with " + node.getChildCount() + " in " + where);
        }
        // Arguments are compiled in the caller's scope; the body sees only its bound variables (SBML rule).
        Map<String, Expr> bound = new HashMap<>();
        for (int i = 0; i < arguments; i++) {
            bound.put(definition.getArgument(i).getName(), child(node, i, symbols, where, depth));
        }
        return compile(definition.getBody(), bound::get, "function definition '" + name + "' (called from "
                + where + ")", depth + 1);
    }

    private Expr relation(Relation relation, ASTNode node, Symbols symbols, String where, int depth) {
        List<Expr> operands = children(node, symbols, where, depth);
        if (operands.size() < 2) {
            throw new SbmlImportException("relational operator " + node.getType() + " with "
                    + operands.size() + " operands in " + where);
        }
        // MathML relations are n-ary: a < b < c means a < b and b < c
        List<Expr> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < operands.size(); i++) {
            pairs.add(Exprs.compare(relation, operands.get(i), operands.get(i + 1)));
        }
        return pairs.size() == 1 ? pairs.get(0) : Exprs.logic(Connective.AND, pairs);
    }

    private static Expr minMax(Function2 function, List<Expr> operands, ASTNode node, String where) {
        if (operands.isEmpty()) {
            throw new SbmlImportException(node.getType() + " without operands in " + where);
        }
        Expr value = operands.get(0);
        for (int i = 1; i < operands.size(); i++) {
            value = Exprs.call(function, value, operands.get(i));
        }
        return value;
    }

    private List<Expr> children(ASTNode node, Symbols symbols, String where, int depth) {
        List<Expr> out = new ArrayList<>(node.getChildCount());
        for (int i = 0; i < node.getChildCount(); i++) {
            out.add(compile(node.getChild(i), symbols, where, depth));
        }
        return out;
    }

    private Expr child(ASTNode node, int index, Symbols symbols, String where, int depth) {
        return compile(node.getChild(index), symbols, where, depth);
    }

    private static void arity(ASTNode node, int expected, String where) {
        if (node.getChildCount() != expected) {
            throw new SbmlImportException(node.getType() + " with " + node.getChildCount() + " operands (expected "
                    + expected + ") in " + where);
        }
    }
}
