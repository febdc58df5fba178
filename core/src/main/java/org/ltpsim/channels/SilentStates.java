package org.ltpsim.channels;

import java.util.Arrays;

/**
 * The states of a scheme that are silent while glutamate is zero, and their exact transition probabilities over an
 * interval of zero glutamate.
 *
 * <p>A state is <em>silent</em> when it does not conduct and no conducting state can be reached from it through
 * constant-rate (glutamate-independent) transitions: for AMPA5 C0, C1 and D1 (C1 -> C2 needs glutamate), for NMDA
 * C0 and C1. The silent set is closed at zero glutamate (a constant-rate exit from a silent state leads to a state
 * that cannot reach a conducting one either), so over an interval of zero glutamate a silent channel stays silent
 * and moves by {@code P(dt) = exp(Q_S dt)}, {@code Q_S} the generator restricted to the silent states. Channels are
 * independent, so a population may stop simulating its silent channels one event at a time while glutamate is zero
 * and draw each one's state from its row of {@code P} when it is next needed (the exact law: Markov property).
 * For AMPA this removes the C1 &lt;-&gt; D1 cycling (0.9 /ms and 0.064 /ms) that makes most of the events after a
 * train, none of which changes the conductance.
 *
 * <p>Silent states are <em>transient</em> (a positive constant exit rate, e.g. C1, D1) or <em>absorbing</em> at zero
 * glutamate (no constant exit, e.g. C0). {@link #cumulative} fills, for each transient state, cumulative
 * probabilities over the silent states. With at most two transient states and one absorbing state (AMPA5, NMDA5)
 * the matrix exponential is in closed form (Sylvester's formula for the 2 x 2 transient block, the absorbed mass as
 * one minus the row sum: two {@code Math.exp}, no cancellation in the eigenvalues); otherwise
 * {@link TransitionMatrix#exp} of the silent block.
 */
final class SilentStates {
    private final boolean[] silent;
    /** Silent state ids, ascending: the destinations of a row of {@link #cumulative}. */
    private final int[] states;
    /** Transient silent state ids, ascending: the rows of {@link #cumulative}. */
    private final int[] transient_;
    // closed form (closedForm): transient block M = [[-x, p], [q, -y]] (one row when one transient state)
    private final boolean closedForm;
    private final int absorbing; // the single absorbing silent state (closed form), else -1
    private final double x;
    private final double y;
    private final double p;
    private final double q;
    private final double det; // det M = x y - p q, formed without cancellation
    private final double[][] block; // generator restricted to the silent states (general case)

    SilentStates(KineticScheme scheme) {
        int n = scheme.stateCount();
        // states that can reach a conducting state through constant-rate transitions
        boolean[] reaches = new boolean[n];
        for (int s = 0; s < n; s++) {
            reaches[s] = scheme.isConducting(s);
        }
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int t = 0; t < scheme.transitionCount(); t++) {
                if (scheme.constantRatePerMs(t) > 0 && reaches[scheme.to(t)] && !reaches[scheme.from(t)]) {
                    reaches[scheme.from(t)] = true;
                    changed = true;
                }
            }
        }
        silent = new boolean[n];
        double[] exit = new double[n];
        for (int s = 0; s < n; s++) {
            silent[s] = !reaches[s];
        }
        for (int t = 0; t < scheme.transitionCount(); t++) {
            exit[scheme.from(t)] += scheme.constantRatePerMs(t);
        }
        int[] st = new int[n];
        int[] tr = new int[n];
        int ns = 0;
        int nt = 0;
        int absorbingCount = 0;
        int lastAbsorbing = -1;
        for (int s = 0; s < n; s++) {
            if (silent[s]) {
                st[ns++] = s;
                if (exit[s] > 0) {
                    tr[nt++] = s;
                } else {
                    absorbingCount++;
                    lastAbsorbing = s;
                }
            }
        }
        states = Arrays.copyOf(st, ns);
        transient_ = Arrays.copyOf(tr, nt);
        block = new double[ns][ns];
        for (int t = 0; t < scheme.transitionCount(); t++) {
            int a = Arrays.binarySearch(states, scheme.from(t));
            if (a >= 0 && scheme.constantRatePerMs(t) > 0) {
                int b = Arrays.binarySearch(states, scheme.to(t));
                assert b >= 0 : "silent set not closed";
                block[a][b] += scheme.constantRatePerMs(t);
                block[a][a] -= scheme.constantRatePerMs(t);
            }
        }
        closedForm = (nt == 1 || nt == 2) && absorbingCount == 1;
        absorbing = closedForm ? lastAbsorbing : -1;
        if (closedForm) {
            int i = Arrays.binarySearch(states, transient_[0]);
            x = -block[i][i];
            if (nt == 2) {
                int j = Arrays.binarySearch(states, transient_[1]);
                y = -block[j][j];
                p = block[i][j];
                q = block[j][i];
                double k = Arrays.binarySearch(states, absorbing);
                double ax = block[i][(int) k]; // exits of the two transient states to the absorbing one
                double ay = block[j][(int) k];
                // x y - p q = (ax + p) y - p q = ax y + p (y - q) = ax y + p ay
                det = ax * y + p * ay;
            } else {
                y = 0;
                p = 0;
                q = 0;
                det = x;
            }
        } else {
            x = y = p = q = det = 0;
        }
    }

    boolean isSilent(int state) {
        return silent[state];
    }

    /** Whether pooling the silent states can save events: some silent state has a constant exit. */
    boolean useful() {
        return transient_.length > 0;
    }

    /** Silent states, ascending: destination j of a row of {@link #cumulative} is {@code states()[j]}. */
    int[] states() {
        return states.clone();
    }

    /** Transient silent states, ascending: row r of {@link #cumulative} is {@code transientStates()[r]}. */
    int[] transientStates() {
        return transient_.clone();
    }

    /**
     * Fills {@code out[r * states + j]} with {@code P(state transient[r] -> any of states[0..j])} over {@code dtMs} of
     * zero glutamate; the last entry of each row is exactly 1. {@code out} needs transient x silent entries.
     */
    void cumulative(double dtMs, double[] out) {
        assert dtMs >= 0;
        final int ns = states.length;
        if (closedForm) {
            double pxx;
            double pxy = 0;
            double pyx = 0;
            double pyy = 0;
            if (transient_.length == 1) {
                pxx = Math.exp(-x * dtMs);
            } else {
                // eigenvalues of M: l1 = (-(x+y) - sqrt(D)) / 2 (no cancellation), l2 = det / l1
                double d = (x - y) * (x - y) + 4 * p * q;
                double l1 = -0.5 * (x + y + Math.sqrt(d));
                double l2 = det / l1;
                double e1 = Math.exp(l1 * dtMs);
                if (l2 != l1) {
                    // Sylvester: exp(M t) = [(M - l1 I) e^{l2 t} - (M - l2 I) e^{l1 t}] / (l2 - l1)
                    double e2 = Math.exp(l2 * dtMs);
                    double inv = 1 / (l2 - l1);
                    pxx = ((-x - l1) * e2 - (-x - l2) * e1) * inv;
                    pyy = ((-y - l1) * e2 - (-y - l2) * e1) * inv;
                    pxy = p * (e2 - e1) * inv;
                    pyx = q * (e2 - e1) * inv;
                } else { // repeated eigenvalue: exp(M t) = e^{l t} (I + (M - l I) t)
                    pxx = e1 * (1 + (-x - l1) * dtMs);
                    pyy = e1 * (1 + (-y - l1) * dtMs);
                    pxy = e1 * p * dtMs;
                    pyx = e1 * q * dtMs;
                }
            }
            fillRow(out, 0, transient_[0], pxx, transient_.length == 2 ? transient_[1] : -1, pxy);
            if (transient_.length == 2) {
                fillRow(out, ns, transient_[1], pyy, transient_[0], pyx);
            }
            return;
        }
        double[][] pm = TransitionMatrix.exp(block, dtMs);
        for (int r = 0; r < transient_.length; r++) {
            int i = Arrays.binarySearch(states, transient_[r]);
            double c = 0;
            for (int j = 0; j < ns; j++) {
                c += pm[i][j];
                out[r * ns + j] = c;
            }
            out[r * ns + ns - 1] = 1.0;
        }
    }

    /** One row of the closed form: {@code self} stays with pSelf, moves to {@code other} with pOther, the rest absorbs. */
    private void fillRow(double[] out, int offset, int self, double pSelf, int other, double pOther) {
        pSelf = clamp(pSelf);
        pOther = clamp(pOther);
        double absorbed = Math.max(0.0, 1.0 - pSelf - pOther);
        double c = 0;
        for (int j = 0; j < states.length; j++) {
            int s = states[j];
            c += s == self ? pSelf : s == other ? pOther : s == absorbing ? absorbed : 0.0;
            out[offset + j] = c;
        }
        out[offset + states.length - 1] = 1.0;
    }

    private static double clamp(double v) {
        return v < 0 ? 0.0 : v > 1 ? 1.0 : v;
    }
}
