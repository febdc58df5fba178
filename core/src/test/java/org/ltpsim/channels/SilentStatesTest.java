package org.ltpsim.channels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The silent set of each scheme and its closed-form transition probabilities against the matrix exponential. */
class SilentStatesTest {
    @Test
    void ampaAndNmdaSilentSetsAreTheUnboundAndSinglyBoundStates() {
        KineticScheme ampa = KineticScheme.ampaDestexhe1998();
        SilentStates a = new SilentStates(ampa);
        assertArrayEquals(new int[] {ampa.state("C0"), ampa.state("C1"), ampa.state("D1")},
                sorted(a.states()));
        assertArrayEquals(new int[] {ampa.state("C1"), ampa.state("D1")}, sorted(a.transientStates()));
        KineticScheme nmda = KineticScheme.nmdaLesterJahr1992();
        SilentStates n = new SilentStates(nmda);
        assertArrayEquals(new int[] {nmda.state("C0"), nmda.state("C1")}, sorted(n.states()));
        assertArrayEquals(new int[] {nmda.state("C1")}, n.transientStates());
        // W3 has constant rates into O from everywhere: nothing is silent
        assertFalse(new SilentStates(KineticScheme.w3()).useful());
    }

    @Test
    void closedFormEqualsTheMatrixExponentialOfTheSilentBlock() {
        for (KineticScheme scheme : new KineticScheme[] {KineticScheme.ampaDestexhe1998(),
                KineticScheme.nmdaLesterJahr1992(), threeTransient()}) {
            SilentStates ss = new SilentStates(scheme);
            int[] states = ss.states();
            int[] tr = ss.transientStates();
            double[][] q = scheme.generator(0);
            double[] rows = new double[tr.length * states.length];
            for (double dt : new double[] {0, 1e-6, 0.05, 0.25, 1, 7.3, 100, 1000, 1e5}) {
                ss.cumulative(dt, rows);
                double[][] p = TransitionMatrix.exp(q, dt);
                for (int r = 0; r < tr.length; r++) {
                    double c = 0;
                    for (int j = 0; j < states.length; j++) {
                        c += p[tr[r]][states[j]];
                        // TransitionMatrix squares the full generator (max rate 86 /ms) up to 18 times: its
                        // error reaches ~1e-11 at 1e5 ms; the closed form is checked to 1e-15 below
                        assertEquals(c, rows[r * states.length + j], 1e-10,
                                scheme.name() + " dt=" + dt + " row " + tr[r] + " col " + states[j]);
                    }
                    assertEquals(1.0, rows[r * states.length + states.length - 1]);
                    // nothing leaves the silent set at zero glutamate
                    double outside = 1 - Arrays.stream(states).mapToDouble(s -> p[tr[0]][s]).sum();
                    assertTrue(Math.abs(outside) < 1e-13);
                }
            }
        }
    }

    @Test
    void ampaClosedFormMatchesHighPrecisionValues() {
        // exp(M t) of the AMPA C1/D1 block at t = 1000 ms, computed with 40 digits (mpmath.expm):
        // M = [[-(0.0059 + 0.9), 0.9], [0.064, -0.064]]
        KineticScheme ampa = KineticScheme.ampaDestexhe1998();
        SilentStates ss = new SilentStates(ampa);
        double[] rows = new double[6];
        ss.cumulative(1000, rows); // destinations C0, C1, D1 (ascending ids); rows C1, D1
        assertEquals(ampa.state("C0"), ss.states()[0]);
        assertEquals(0.32643933857734433, rows[0], 1e-15); // C1 -> C0
        assertEquals(0.32643933857734433 + 0.04446355270451965, rows[1], 1e-15); // C1 -> C1
        assertEquals(0.32231525753130322, rows[3], 1e-15); // D1 -> C0
        assertEquals(0.32231525753130322 + 0.04473579439773412, rows[4], 1e-15); // D1 -> C1
    }

    /** A scheme with three transient silent states (the general path: matrix exponential of the block). */
    private static KineticScheme threeTransient() {
        return KineticScheme.builder("three").state("C0", false).state("A", false).state("B", false)
                .state("C", false).state("X", false).state("O", true).resting("C0")
                .glutamate("C0", "A", 5).constant("A", "C0", 0.3).constant("A", "B", 2).constant("B", "A", 0.5)
                .constant("B", "C", 1).constant("C", "B", 0.1).glutamate("C", "X", 3).constant("X", "C", 4)
                .constant("X", "O", 1).constant("O", "X", 1).build();
    }

    private static int[] sorted(int[] a) {
        int[] b = a.clone();
        Arrays.sort(b);
        return b;
    }
}
