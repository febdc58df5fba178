package org.ltpsim.network.math;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import org.ltpsim.network.MassAction;
import org.ltpsim.network.math.Expr.Call;
import org.ltpsim.network.math.Expr.Call2;
import org.ltpsim.network.math.Expr.Compare;
import org.ltpsim.network.math.Expr.Const;
import org.ltpsim.network.math.Expr.Difference;
import org.ltpsim.network.math.Expr.Load;
import org.ltpsim.network.math.Expr.Logic;
import org.ltpsim.network.math.Expr.Negation;
import org.ltpsim.network.math.Expr.Not;
import org.ltpsim.network.math.Expr.Piecewise;
import org.ltpsim.network.math.Expr.Power;
import org.ltpsim.network.math.Expr.Product;
import org.ltpsim.network.math.Expr.Quotient;
import org.ltpsim.network.math.Expr.ScaledLoad;
import org.ltpsim.network.math.Expr.Square;
import org.ltpsim.network.math.Expr.Sum;
import org.ltpsim.network.math.Expr.Time;

/**
 * Factories for {@link Expr} nodes that fold constants as the tree is built (a subtree with no state and no time
 * becomes one {@link Const}), and the analyses a simulator needs: which state slots an expression reads, whether
 * it depends on time, and whether a kinetic law has the mass-action form.
 */
public final class Exprs {
    private static final double[] NO_STATE = new double[0];
    private static final Expr TIME = new Time();

    private Exprs() {}

    public static Expr constant(double value) {
        return new Const(value);
    }

    public static Expr load(int index) {
        return new Load(index);
    }

    public static Expr time() {
        return TIME;
    }

    /** n-ary sum; constant terms are added together first, then the others left to right. */
    public static Expr sum(List<Expr> terms) {
        if (terms.isEmpty()) {
            return new Const(0);
        }
        List<Expr> rest = new ArrayList<>();
        double constant = 0;
        boolean anyConstant = false;
        for (Expr term : terms) {
            if (term instanceof Const c) {
                constant += c.value();
                anyConstant = true;
            } else {
                rest.add(term);
            }
        }
        if (rest.isEmpty()) {
            return new Const(constant);
        }
        if (anyConstant && constant != 0) {
            rest.add(new Const(constant));
        }
        return rest.size() == 1 ? rest.get(0) : new Sum(rest.toArray(Expr[]::new));
    }

    /** n-ary product; constant factors are multiplied together first ({@code c * x[i]} becomes one node). */
    public static Expr product(List<Expr> factors) {
        if (factors.isEmpty()) {
            return new Const(1);
        }
        List<Expr> rest = new ArrayList<>();
        double constant = 1;
        boolean anyConstant = false;
        for (Expr factor : factors) {
            if (factor instanceof Const c) {
                constant *= c.value();
                anyConstant = true;
            } else {
                rest.add(factor);
            }
        }
        if (rest.isEmpty()) {
            return new Const(constant);
        }
        if (rest.size() == 1 && anyConstant && rest.get(0) instanceof Load load) {
            return new ScaledLoad(constant, load.index());
        }
        if (anyConstant && constant != 1) {
            rest.add(0, new Const(constant));
        }
        return rest.size() == 1 ? rest.get(0) : new Product(rest.toArray(Expr[]::new));
    }

    public static Expr difference(Expr left, Expr right) {
        return fold(new Difference(left, right));
    }

    public static Expr quotient(Expr numerator, Expr denominator) {
        return fold(new Quotient(numerator, denominator));
    }

    public static Expr negate(Expr operand) {
        return fold(new Negation(operand));
    }

    public static Expr power(Expr base, Expr exponent) {
        if (exponent instanceof Const c && c.value() == 1) {
            return base;
        }
        if (exponent instanceof Const c && c.value() == 2) {
            return fold(new Square(base));
        }
        return fold(new Power(base, exponent));
    }

    public static Expr call(Expr.Function1 function, Expr operand) {
        return fold(new Call(function, operand));
    }

    public static Expr call(Expr.Function2 function, Expr first, Expr second) {
        return fold(new Call2(function, first, second));
    }

    public static Expr compare(Expr.Relation relation, Expr left, Expr right) {
        return fold(new Compare(relation, left, right));
    }

    public static Expr logic(Expr.Connective connective, List<Expr> operands) {
        if (operands.isEmpty()) {
            // MathML: the empty and is true, the empty or and xor are false
            return new Const(connective == Expr.Connective.AND ? 1 : 0);
        }
        return fold(new Logic(connective, operands.toArray(Expr[]::new)));
    }

    public static Expr not(Expr operand) {
        return fold(new Not(operand));
    }

    public static Expr piecewise(List<Expr> values, List<Expr> conditions, Expr otherwise) {
        return fold(new Piecewise(values.toArray(Expr[]::new), conditions.toArray(Expr[]::new),
                otherwise == null ? new Const(Double.NaN) : otherwise));
    }

    /** The expression itself, or its value as a {@link Const} when it reads neither state nor time. */
    public static Expr fold(Expr expr) {
        if (expr instanceof Const || !isConstant(expr)) {
            return expr;
        }
        return new Const(expr.evaluate(NO_STATE, 0));
    }

    /** True when the expression reads neither the state nor the time. */
    public static boolean isConstant(Expr expr) {
        return !dependsOnTime(expr) && readsState(expr).length == 0;
    }

    public static boolean dependsOnTime(Expr expr) {
        return children(expr).stream().anyMatch(Exprs::dependsOnTime) || expr instanceof Time;
    }

    /** The state slots the expression reads, sorted, without repeats. */
    public static int[] readsState(Expr expr) {
        BitSet slots = new BitSet();
        collectLoads(expr, slots);
        return slots.stream().toArray();
    }

    private static void collectLoads(Expr expr, BitSet slots) {
        switch (expr) {
            case Load load -> slots.set(load.index());
            case ScaledLoad load -> slots.set(load.index());
            default -> {
                for (Expr child : children(expr)) {
                    collectLoads(child, slots);
                }
            }
        }
    }

    /** The direct operands of a node. */
    public static List<Expr> children(Expr expr) {
        return switch (expr) {
            case Const c -> List.of();
            case Load l -> List.of();
            case ScaledLoad l -> List.of();
            case Time t -> List.of();
            case Sum s -> List.of(s.terms());
            case Product p -> List.of(p.factors());
            case Difference d -> List.of(d.left(), d.right());
            case Quotient q -> List.of(q.numerator(), q.denominator());
            case Negation n -> List.of(n.operand());
            case Power p -> List.of(p.base(), p.exponent());
            case Square s -> List.of(s.operand());
            case Call c -> List.of(c.operand());
            case Call2 c -> List.of(c.first(), c.second());
            case Compare c -> List.of(c.left(), c.right());
            case Logic l -> List.of(l.operands());
            case Not n -> List.of(n.operand());
            case Piecewise p -> {
                List<Expr> all = new ArrayList<>(Arrays.asList(p.values()));
                all.addAll(Arrays.asList(p.conditions()));
                all.add(p.otherwise());
                yield all;
            }
        };
    }

    /**
     * The law's mass-action form, recognised symbolically: a product of a non-negative constant and factors
     * {@code x[i] - k} (k = 0, 1, ...) such that, for each species, the offsets are exactly 0, 1, ..., order-1 (a
     * falling factorial), possibly divided by constants. So {@code Lambda*X}, {@code Cell*Mu*X},
     * {@code k1*P*(P-1)/2} and a constant {@code Alpha} are recognised; {@code X^2}, {@code X*(X-2)}, a sum, or a
     * law reading anything but species is not. Returns null when the law is not of that form.
     *
     * @param law        the compiled kinetic law
     * @param isSpecies  which state slots are species amounts (not rule-assigned variables)
     */
    public static MassAction massAction(Expr law, IntPredicate isSpecies) {
        double[] coefficient = {1};
        TreeMap<Integer, List<Double>> offsets = new TreeMap<>();
        if (!collectFactors(law, isSpecies, coefficient, offsets)) {
            return null;
        }
        if (!(coefficient[0] >= 0) || Double.isInfinite(coefficient[0])) {
            return null;
        }
        int[] species = new int[offsets.size()];
        int[] orders = new int[offsets.size()];
        int j = 0;
        for (var entry : offsets.entrySet()) {
            List<Double> sorted = new ArrayList<>(entry.getValue());
            sorted.sort(null);
            for (int k = 0; k < sorted.size(); k++) {
                if (sorted.get(k) != k) {
                    return null; // e.g. X*(X-2): not a falling factorial
                }
            }
            species[j] = entry.getKey();
            orders[j] = sorted.size();
            j++;
        }
        return new MassAction(coefficient[0], species, orders);
    }

    private static boolean collectFactors(Expr expr, IntPredicate isSpecies, double[] coefficient,
                                          TreeMap<Integer, List<Double>> offsets) {
        switch (expr) {
            case Const c -> {
                coefficient[0] *= c.value();
                return true;
            }
            case Load load -> {
                return addFactor(load.index(), 0, isSpecies, offsets);
            }
            case ScaledLoad load -> {
                coefficient[0] *= load.scale();
                return addFactor(load.index(), 0, isSpecies, offsets);
            }
            case Product product -> {
                for (Expr factor : product.factors()) {
                    if (!collectFactors(factor, isSpecies, coefficient, offsets)) {
                        return false;
                    }
                }
                return true;
            }
            case Quotient q when q.denominator() instanceof Const c -> {
                if (!collectFactors(q.numerator(), isSpecies, coefficient, offsets)) {
                    return false;
                }
                coefficient[0] /= c.value();
                return true;
            }
            case Difference d when d.left() instanceof Load load && d.right() instanceof Const k -> {
                return addFactor(load.index(), k.value(), isSpecies, offsets);
            }
            case Sum s when s.terms().length == 2 -> {
                // fold puts the constant last: x[i] + (-k)
                if (s.terms()[0] instanceof Load load && s.terms()[1] instanceof Const k) {
                    return addFactor(load.index(), -k.value(), isSpecies, offsets);
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    private static boolean addFactor(int index, double offset, IntPredicate isSpecies,
                                     TreeMap<Integer, List<Double>> offsets) {
        if (!isSpecies.test(index) || !(offset >= 0) || offset != Math.rint(offset)) {
            return false;
        }
        offsets.computeIfAbsent(index, i -> new ArrayList<>()).add(offset);
        return true;
    }
}
