package org.ltpsim.network.math;

import org.ltpsim.network.StateFunction;

/**
 * A compiled expression: a small tree of final node classes built once from a model's math (see
 * {@link Exprs} for the constant-folding factories and the analyses) and evaluated directly on the state vector.
 *
 * <p>Truth values follow SBML: relational and logical nodes give 1.0 (true) or 0.0 (false), and any non-zero
 * value counts as true. Nothing here refers to a model object: evaluation is plain arithmetic over
 * {@code state[index]} and the time.
 *
 * <p>Functions are {@link StrictMath}'s (fdlibm), not {@link Math}'s: HotSpot replaces {@code Math.exp}, {@code log}
 * and the trigonometric functions by CPU-specific code that may differ in the last bit, so a model's table would
 * depend on the machine (docs/cluster.md, "The same bytes on another machine"). The exception is {@code power}:
 * {@code StrictMath.pow} costs about 90 ns against 13 ns for {@code Math.pow}, too much inside the SSA loop, so a
 * model that raises to a power in a rate law or rule is reproducible on machines with the same pow intrinsic.
 */
public sealed interface Expr extends StateFunction {

    /** A number (parameters and compartment sizes are folded into these at compile time). */
    record Const(double value) implements Expr {
        @Override
        public double evaluate(double[] state, double timeSec) {
            return value;
        }
    }

    /** {@code state[index]}: a species amount or a rule/event-assigned variable. */
    record Load(int index) implements Expr {
        public Load {
            if (index < 0) {
                throw new IllegalArgumentException("state index must be >= 0: " + index);
            }
        }

        @Override
        public double evaluate(double[] state, double timeSec) {
            return state[index];
        }
    }

    /** {@code scale * state[index]}: the common {@code k * X} shape, one multiply. */
    record ScaledLoad(double scale, int index) implements Expr {
        @Override
        public double evaluate(double[] state, double timeSec) {
            return scale * state[index];
        }
    }

    /** The simulation time in seconds (SBML csymbol time). */
    record Time() implements Expr {
        @Override
        public double evaluate(double[] state, double timeSec) {
            return timeSec;
        }
    }

    /** {@code terms[0] + terms[1] + ...}, left to right. */
    record Sum(Expr[] terms) implements Expr {
        public Sum {
            terms = terms.clone();
        }

        @Override
        public double evaluate(double[] state, double timeSec) {
            double value = terms[0].evaluate(state, timeSec);
            for (int i = 1; i < terms.length; i++) {
                value += terms[i].evaluate(state, timeSec);
            }
            return value;
        }
    }

    /** {@code factors[0] * factors[1] * ...}, left to right. */
    record Product(Expr[] factors) implements Expr {
        public Product {
            factors = factors.clone();
        }

        @Override
        public double evaluate(double[] state, double timeSec) {
            double value = factors[0].evaluate(state, timeSec);
            for (int i = 1; i < factors.length; i++) {
                value *= factors[i].evaluate(state, timeSec);
            }
            return value;
        }
    }

    record Difference(Expr left, Expr right) implements Expr {
        @Override
        public double evaluate(double[] state, double timeSec) {
            return left.evaluate(state, timeSec) - right.evaluate(state, timeSec);
        }
    }

    record Quotient(Expr numerator, Expr denominator) implements Expr {
        @Override
        public double evaluate(double[] state, double timeSec) {
            return numerator.evaluate(state, timeSec) / denominator.evaluate(state, timeSec);
        }
    }

    record Negation(Expr operand) implements Expr {
        @Override
        public double evaluate(double[] state, double timeSec) {
            return -operand.evaluate(state, timeSec);
        }
    }

    /** {@code base ^ exponent} ({@link Exprs#power} turns a constant exponent 2 into a {@link Square}). */
    record Power(Expr base, Expr exponent) implements Expr {
        @Override
        public double evaluate(double[] state, double timeSec) {
            return Math.pow(base.evaluate(state, timeSec), exponent.evaluate(state, timeSec));
        }
    }

    /** {@code x * x}: the square, without {@code Math.pow}. */
    record Square(Expr operand) implements Expr {
        @Override
        public double evaluate(double[] state, double timeSec) {
            double x = operand.evaluate(state, timeSec);
            return x * x;
        }
    }

    /** A function of one argument. */
    record Call(Function1 function, Expr operand) implements Expr {
        @Override
        public double evaluate(double[] state, double timeSec) {
            return function.apply(operand.evaluate(state, timeSec));
        }
    }

    /** A function of two arguments. */
    record Call2(Function2 function, Expr first, Expr second) implements Expr {
        @Override
        public double evaluate(double[] state, double timeSec) {
            return function.apply(first.evaluate(state, timeSec), second.evaluate(state, timeSec));
        }
    }

    /** A relation between two values: 1.0 when it holds, else 0.0 (false for NaN operands, except NEQ). */
    record Compare(Relation relation, Expr left, Expr right) implements Expr {
        @Override
        public double evaluate(double[] state, double timeSec) {
            return relation.test(left.evaluate(state, timeSec), right.evaluate(state, timeSec)) ? 1.0 : 0.0;
        }
    }

    /** Logical and / or / xor of its operands (non-zero is true); and/or stop at the first deciding operand. */
    record Logic(Connective connective, Expr[] operands) implements Expr {
        public Logic {
            operands = operands.clone();
        }

        @Override
        public double evaluate(double[] state, double timeSec) {
            switch (connective) {
                case AND -> {
                    for (Expr operand : operands) {
                        if (operand.evaluate(state, timeSec) == 0.0) {
                            return 0.0;
                        }
                    }
                    return 1.0;
                }
                case OR -> {
                    for (Expr operand : operands) {
                        if (operand.evaluate(state, timeSec) != 0.0) {
                            return 1.0;
                        }
                    }
                    return 0.0;
                }
                default -> {
                    boolean odd = false;
                    for (Expr operand : operands) {
                        odd ^= operand.evaluate(state, timeSec) != 0.0;
                    }
                    return odd ? 1.0 : 0.0;
                }
            }
        }
    }

    record Not(Expr operand) implements Expr {
        @Override
        public double evaluate(double[] state, double timeSec) {
            return operand.evaluate(state, timeSec) == 0.0 ? 1.0 : 0.0;
        }
    }

    /**
     * The first {@code values[i]} whose {@code conditions[i]} is true, else {@code otherwise} (NaN when the
     * model gave none: SBML leaves that case undefined).
     */
    record Piecewise(Expr[] values, Expr[] conditions, Expr otherwise) implements Expr {
        public Piecewise {
            if (values.length != conditions.length) {
                throw new IllegalArgumentException("piecewise: values and conditions differ in length");
            }
            values = values.clone();
            conditions = conditions.clone();
        }

        @Override
        public double evaluate(double[] state, double timeSec) {
            for (int i = 0; i < conditions.length; i++) {
                if (conditions[i].evaluate(state, timeSec) != 0.0) {
                    return values[i].evaluate(state, timeSec);
                }
            }
            return otherwise.evaluate(state, timeSec);
        }
    }

    /** The relations of MathML: eq, neq, gt, geq, lt, leq. */
    enum Relation {
        EQ, NEQ, GT, GEQ, LT, LEQ;

        boolean test(double a, double b) {
            return switch (this) {
                case EQ -> a == b;
                case NEQ -> a != b;
                case GT -> a > b;
                case GEQ -> a >= b;
                case LT -> a < b;
                case LEQ -> a <= b;
            };
        }
    }

    enum Connective { AND, OR, XOR }

    /** The one-argument functions of MathML that SBML allows. */
    enum Function1 {
        EXP, LN, LOG10, SQRT, ABS, FLOOR, CEILING, FACTORIAL,
        SIN, COS, TAN, SEC, CSC, COT, SINH, COSH, TANH, SECH, CSCH, COTH,
        ARCSIN, ARCCOS, ARCTAN, ARCSEC, ARCCSC, ARCCOT, ARCSINH, ARCCOSH, ARCTANH, ARCSECH, ARCCSCH, ARCCOTH;

        public double apply(double x) {
            return switch (this) {
                case EXP -> StrictMath.exp(x);
                case LN -> StrictMath.log(x);
                case LOG10 -> StrictMath.log10(x);
                case SQRT -> Math.sqrt(x);
                case ABS -> Math.abs(x);
                case FLOOR -> Math.floor(x);
                case CEILING -> Math.ceil(x);
                case FACTORIAL -> factorial(x);
                case SIN -> StrictMath.sin(x);
                case COS -> StrictMath.cos(x);
                case TAN -> StrictMath.tan(x);
                case SEC -> 1 / StrictMath.cos(x);
                case CSC -> 1 / StrictMath.sin(x);
                case COT -> 1 / StrictMath.tan(x);
                case SINH -> StrictMath.sinh(x);
                case COSH -> StrictMath.cosh(x);
                case TANH -> StrictMath.tanh(x);
                case SECH -> 1 / StrictMath.cosh(x);
                case CSCH -> 1 / StrictMath.sinh(x);
                case COTH -> 1 / StrictMath.tanh(x);
                case ARCSIN -> StrictMath.asin(x);
                case ARCCOS -> StrictMath.acos(x);
                case ARCTAN -> StrictMath.atan(x);
                case ARCSEC -> StrictMath.acos(1 / x);
                case ARCCSC -> StrictMath.asin(1 / x);
                case ARCCOT -> StrictMath.atan(1 / x);
                case ARCSINH -> StrictMath.log(x + Math.sqrt(x * x + 1));
                case ARCCOSH -> StrictMath.log(x + Math.sqrt(x * x - 1));
                case ARCTANH -> 0.5 * StrictMath.log((1 + x) / (1 - x));
                case ARCSECH -> StrictMath.log((1 + Math.sqrt(1 - x * x)) / x);
                case ARCCSCH -> StrictMath.log(1 / x + Math.sqrt(1 / (x * x) + 1));
                case ARCCOTH -> 0.5 * StrictMath.log((x + 1) / (x - 1));
            };
        }

        /** n! for a whole number 0 <= n <= 170, NaN otherwise (MathML defines it for natural numbers only). */
        private static double factorial(double n) {
            if (!(n >= 0) || n > 170 || n != Math.rint(n)) {
                return Double.NaN;
            }
            double value = 1;
            for (int k = 2; k <= n; k++) {
                value *= k;
            }
            return value;
        }
    }

    /** The two-argument functions: log with a base, root with a degree, min/max, quotient and rem. */
    enum Function2 {
        /** log base {@code first} of {@code second}. */
        LOG_BASE,
        /** the {@code first}-th root of {@code second}. */
        ROOT_DEGREE,
        MIN, MAX,
        /** integer part of first / second, truncated toward zero (MathML quotient). */
        QUOTIENT,
        /** remainder with the sign of the dividend (MathML rem). */
        REM;

        public double apply(double a, double b) {
            return switch (this) {
                case LOG_BASE -> StrictMath.log(b) / StrictMath.log(a);
                case ROOT_DEGREE -> Math.pow(b, 1 / a);
                case MIN -> Math.min(a, b);
                case MAX -> Math.max(a, b);
                case QUOTIENT -> {
                    double q = a / b;
                    yield q < 0 ? Math.ceil(q) : Math.floor(q);
                }
                case REM -> a % b;
            };
        }
    }
}
