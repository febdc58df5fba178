package org.ltpsim.network.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.ltpsim.network.MassAction;

/** Mass-action recognition: which law shapes are recognised, and that the form always equals the law. */
class ExprsTest {
    /** Slots 0..2 are species; slot 3 is a rule-assigned variable. */
    private static final IntPredicate SPECIES = i -> i < 3;
    private static final Expr A = Exprs.load(0);
    private static final Expr B = Exprs.load(1);

    private static Expr c(double v) {
        return Exprs.constant(v);
    }

    private static Expr times(Expr... factors) {
        return Exprs.product(List.of(factors));
    }

    private static MassAction recognised(Expr law) {
        MassAction form = Exprs.massAction(law, SPECIES);
        assertNotNull(form, "should be mass action: " + law);
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 1000; trial++) {
            double[] state = {random.nextInt(0, 500), random.nextInt(0, 500), random.nextInt(0, 500), 1};
            double value = law.evaluate(state, 0);
            assertEquals(value, form.propensity(state), 1e-12 * Math.abs(value), law.toString());
        }
        return form;
    }

    @Test
    void recognisesConstantTimesFallingFactorials() {
        MassAction constant = recognised(c(4));
        assertEquals(4, constant.rateConstant());
        assertEquals(0, constant.species().length);

        MassAction first = recognised(times(c(0.3), A));
        assertArrayEquals(new int[] {0}, first.species());
        assertArrayEquals(new int[] {1}, first.orders());

        // k * A * B / 2
        MassAction bimolecular = recognised(Exprs.quotient(times(c(0.3), A, B), c(2)));
        assertEquals(0.15, bimolecular.rateConstant(), 1e-15);
        assertArrayEquals(new int[] {0, 1}, bimolecular.species());
        assertArrayEquals(new int[] {1, 1}, bimolecular.orders());

        // k * A * (A - 1) * (A - 2) / 6 written out of order, and A + (-1) as a sum
        Expr cubic = Exprs.quotient(times(Exprs.difference(A, c(2)), c(0.6), A,
                Exprs.sum(List.of(A, c(-1)))), c(6));
        MassAction third = recognised(cubic);
        assertArrayEquals(new int[] {3}, third.orders());
        assertEquals(0.1, third.rateConstant(), 1e-15);
    }

    @Test
    void rejectsEverythingElse() {
        assertNull(Exprs.massAction(Exprs.power(A, c(2)), SPECIES), "A^2 is not a falling factorial");
        assertNull(Exprs.massAction(times(A, Exprs.difference(A, c(2))), SPECIES), "A (A - 2)");
        assertNull(Exprs.massAction(Exprs.sum(List.of(A, B)), SPECIES), "a sum");
        assertNull(Exprs.massAction(times(c(2), Exprs.load(3)), SPECIES), "reads a rule variable");
        assertNull(Exprs.massAction(times(c(-1), A), SPECIES), "negative rate constant");
        assertNull(Exprs.massAction(Exprs.quotient(A, B), SPECIES), "a quotient of species");
        assertNull(Exprs.massAction(times(A, Exprs.time()), SPECIES), "reads time");
        assertNull(Exprs.massAction(Exprs.difference(A, c(0.5)), SPECIES), "non-integer offset");
    }

    @Test
    void foldingKeepsValues() {
        Expr folded = Exprs.product(List.of(c(2), Exprs.sum(List.of(c(1), c(2))), A));
        assertEquals(new Expr.ScaledLoad(6, 0), folded);
        assertEquals(c(8), Exprs.power(c(2), c(3)));
        assertEquals(A, Exprs.power(A, c(1)));
        assertEquals(new Expr.Square(A), Exprs.power(A, c(2)));
        assertArrayEquals(new int[] {0, 1}, Exprs.readsState(Exprs.sum(List.of(B, A, times(A, B)))));
    }
}
