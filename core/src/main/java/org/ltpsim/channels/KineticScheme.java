package org.ltpsim.channels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A receptor channel's gating scheme as data: named states, which of them conduct, and transitions whose rate
 * (per ms) is either constant or proportional to the cleft glutamate concentration (mM).
 *
 * <p>The rate of transition {@code t} at glutamate {@code g} is {@code constantPerMs[t] + perMilliMolarPerMs[t] * g};
 * exactly one of the two parts is non-zero. Voltage does not enter gating: the NMDA Mg2+ block (Jahr &amp; Stevens
 * 1990) scales the open conductance and is applied by the caller. One state is the resting state (unbound,
 * closed): a channel in it cannot move while glutamate is zero.
 *
 * <p>Built-in schemes (see docs/channels.md for rates, sources and the direction of each rate):
 * {@link #ampaDestexhe1998()}, {@link #nmdaLesterJahr1992()} and the constant-rate benchmark {@link #w3()}.
 */
public final class KineticScheme {
    /** Byte states leave room for one padding value; more states than this would not fit in a byte. */
    public static final int MAX_STATES = 64;

    private final String name;
    private final String[] stateNames;
    private final boolean[] conducting;
    private final int restingState;
    private final int initialState;
    private final int[] from;
    private final int[] to;
    private final double[] constantPerMs;
    private final double[] perMilliMolarPerMs;

    private KineticScheme(Builder b) {
        this.name = b.name;
        this.stateNames = b.stateNames.toArray(new String[0]);
        this.conducting = new boolean[stateNames.length];
        for (int i = 0; i < conducting.length; i++) {
            conducting[i] = b.conducting.get(i);
        }
        this.restingState = b.restingState;
        this.initialState = b.restingState >= 0 ? b.restingState : b.initialState;
        int n = b.from.size();
        this.from = new int[n];
        this.to = new int[n];
        this.constantPerMs = new double[n];
        this.perMilliMolarPerMs = new double[n];
        for (int t = 0; t < n; t++) {
            from[t] = b.from.get(t);
            to[t] = b.to.get(t);
            constantPerMs[t] = b.constant.get(t);
            perMilliMolarPerMs[t] = b.glutamate.get(t);
        }
    }

    public String name() {
        return name;
    }

    public int stateCount() {
        return stateNames.length;
    }

    public String stateName(int state) {
        return stateNames[state];
    }

    /** Index of the named state; throws if there is none. */
    public int state(String stateName) {
        for (int i = 0; i < stateNames.length; i++) {
            if (stateNames[i].equals(stateName)) {
                return i;
            }
        }
        throw new IllegalArgumentException("scheme " + name + " has no state " + stateName);
    }

    public boolean isConducting(int state) {
        return conducting[state];
    }

    /**
     * The unbound closed state (no constant-rate exit), or -1 for a scheme without one (e.g. constant-rate
     * schemes, where every state can move at any time).
     */
    public int restingState() {
        return restingState;
    }

    /** The state new channels start in: the resting state if there is one, else the declared initial state. */
    public int initialState() {
        return initialState;
    }

    public int transitionCount() {
        return from.length;
    }

    public int from(int transition) {
        return from[transition];
    }

    public int to(int transition) {
        return to[transition];
    }

    public double constantRatePerMs(int transition) {
        return constantPerMs[transition];
    }

    public double ratePerMilliMolarPerMs(int transition) {
        return perMilliMolarPerMs[transition];
    }

    /** Rate of one transition (per ms) at the given glutamate concentration (mM). */
    public double ratePerMs(int transition, double glutamateMilliMolar) {
        return constantPerMs[transition] + perMilliMolarPerMs[transition] * glutamateMilliMolar;
    }

    /** True when no rate depends on glutamate (e.g. the W3 benchmark scheme). */
    public boolean isConstantRate() {
        for (double k : perMilliMolarPerMs) {
            if (k != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The single-channel generator at a glutamate concentration: {@code q[i][j]} is the rate i -> j per ms for
     * i != j, and {@code q[i][i]} minus the total exit rate of i. The master equation is dp/dt = p q.
     */
    public double[][] generator(double glutamateMilliMolar) {
        checkGlutamate(glutamateMilliMolar);
        int s = stateCount();
        double[][] q = new double[s][s];
        for (int t = 0; t < from.length; t++) {
            double k = ratePerMs(t, glutamateMilliMolar);
            q[from[t]][to[t]] += k;
            q[from[t]][from[t]] -= k;
        }
        return q;
    }

    static void checkGlutamate(double glutamateMilliMolar) {
        if (!(glutamateMilliMolar >= 0) || glutamateMilliMolar == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("glutamate must be finite and >= 0 mM: " + glutamateMilliMolar);
        }
    }

    @Override
    public String toString() {
        return name + Arrays.toString(stateNames);
    }

    /**
     * AMPA receptor, 6-state scheme of Destexhe, Mainen &amp; Sejnowski (1998, after Patneau &amp; Mayer 1991),
     * fitted to hippocampal AMPA currents (Xiang et al. 1994); rates as in their ampa5.mod:
     * C0 -(Rb g)-> C1 -(Rb g)-> C2 -(Ro)-> O, back C1 -(Ru1)-> C0, C2 -(Ru2)-> C1, O -(Rc)-> C2;
     * desensitisation C1 -(Rd)-> D1, C2 -(Rd)-> D2 and recovery D1 -(Rr)-> C1, D2 -(Rr)-> C2.
     * Rb 13 /mM/ms, Ru1 0.0059, Ru2 86, Rd 0.9, Rr 0.064, Ro 2.7, Rc 0.2 /ms. O conducts.
     */
    public static KineticScheme ampaDestexhe1998() {
        double rb = 13;
        double ru1 = 0.0059;
        double ru2 = 86;
        double rd = 0.9;
        double rr = 0.064;
        double ro = 2.7;
        double rc = 0.2;
        return builder("AMPA-Destexhe1998")
                .state("C0", false).state("C1", false).state("C2", false)
                .state("D1", false).state("D2", false).state("O", true)
                .resting("C0")
                .glutamate("C0", "C1", rb).constant("C1", "C0", ru1)
                .glutamate("C1", "C2", rb).constant("C2", "C1", ru2)
                .constant("C1", "D1", rd).constant("D1", "C1", rr)
                .constant("C2", "D2", rd).constant("D2", "C2", rr)
                .constant("C2", "O", ro).constant("O", "C2", rc)
                .build();
    }

    /**
     * NMDA receptor gating, 5-state scheme of Destexhe, Mainen &amp; Sejnowski (1998; nmda5.mod) with the rates of
     * Lester &amp; Jahr (1992): two glutamate binding steps C0 -(2 Rb g)-> C1 -(Rb g)-> C2 with unbinding
     * C1 -(Ru)-> C0 and C2 -(2 Ru)-> C1; C2 -(Ro)-> O, O -(Rc)-> C2; C2 -(Rd)-> D, D -(Rr)-> C2.
     * Rb 5 /uM/s = 5 /mM/ms; Ru 6.7, Rd 15.2, Rr 9.4, Ro 83.8, Rc 83.8 /s. O conducts; the Mg2+ block is not
     * part of gating.
     */
    public static KineticScheme nmdaLesterJahr1992() {
        double rb = 5;
        double ru = 6.7e-3;
        double rd = 15.2e-3;
        double rr = 9.4e-3;
        double ro = 83.8e-3;
        double rc = 83.8e-3;
        return builder("NMDA-LesterJahr1992")
                .state("C0", false).state("C1", false).state("C2", false)
                .state("D", false).state("O", true)
                .resting("C0")
                .glutamate("C0", "C1", 2 * rb).constant("C1", "C0", ru)
                .glutamate("C1", "C2", rb).constant("C2", "C1", 2 * ru)
                .constant("C2", "D", rd).constant("D", "C2", rr)
                .constant("C2", "O", ro).constant("O", "C2", rc)
                .build();
    }

    /**
     * The W3 benchmark scheme (shared/bench-models channels.bngl): C0 &lt;-&gt; C1 &lt;-&gt; C2 &lt;-&gt; O,
     * C2 &lt;-&gt; D with constant rates per second C0->C1 10, C1->C0 5, C1->C2 10, C2->C1 10, C2->O 50,
     * O->C2 100, C2->D 8, D->C2 2 (here per ms). Stationary fractions 1/14, 2/14, 2/14, 1/14, 8/14.
     */
    public static KineticScheme w3() {
        return builder("W3-channels")
                .state("C0", false).state("C1", false).state("C2", false)
                .state("O", true).state("D", false)
                .initial("C0")
                .constant("C0", "C1", 10e-3).constant("C1", "C0", 5e-3)
                .constant("C1", "C2", 10e-3).constant("C2", "C1", 10e-3)
                .constant("C2", "O", 50e-3).constant("O", "C2", 100e-3)
                .constant("C2", "D", 8e-3).constant("D", "C2", 2e-3)
                .build();
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Collects states and transitions; {@link #build()} checks them. */
    public static final class Builder {
        private final String name;
        private final List<String> stateNames = new ArrayList<>();
        private final List<Boolean> conducting = new ArrayList<>();
        private int restingState = -1;
        private int initialState;
        private final List<Integer> from = new ArrayList<>();
        private final List<Integer> to = new ArrayList<>();
        private final List<Double> constant = new ArrayList<>();
        private final List<Double> glutamate = new ArrayList<>();

        private Builder(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("scheme name must not be blank");
            }
            this.name = name;
        }

        public Builder state(String stateName, boolean conducts) {
            if (stateName == null || stateName.isBlank()) {
                throw new IllegalArgumentException("state name must not be blank");
            }
            if (stateNames.contains(stateName)) {
                throw new IllegalArgumentException("duplicate state " + stateName + " in scheme " + name);
            }
            if (stateNames.size() == MAX_STATES) {
                throw new IllegalArgumentException("a scheme has at most " + MAX_STATES + " states");
            }
            stateNames.add(stateName);
            conducting.add(conducts);
            return this;
        }

        /** The unbound closed state channels start in; it must have no constant-rate exit. */
        public Builder resting(String stateName) {
            restingState = index(stateName);
            return this;
        }

        /** The start state of a scheme without a resting state (default: the first state). */
        public Builder initial(String stateName) {
            initialState = index(stateName);
            return this;
        }

        /** A transition at a constant rate (per ms). */
        public Builder constant(String fromState, String toState, double ratePerMs) {
            return add(fromState, toState, ratePerMs, 0, "ratePerMs");
        }

        /** A transition at a rate proportional to glutamate (per mM per ms). */
        public Builder glutamate(String fromState, String toState, double ratePerMilliMolarPerMs) {
            return add(fromState, toState, 0, ratePerMilliMolarPerMs, "ratePerMilliMolarPerMs");
        }

        private Builder add(String fromState, String toState, double k0, double kGlu, String what) {
            double k = k0 + kGlu;
            if (!(k >= 0) || k == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(what + " of " + fromState + "->" + toState
                        + " must be finite and >= 0: " + k);
            }
            int i = index(fromState);
            int j = index(toState);
            if (i == j) {
                throw new IllegalArgumentException("self transition " + fromState + "->" + toState);
            }
            for (int t = 0; t < from.size(); t++) {
                if (from.get(t) == i && to.get(t) == j) {
                    throw new IllegalArgumentException("duplicate transition " + fromState + "->" + toState);
                }
            }
            from.add(i);
            to.add(j);
            constant.add(k0);
            glutamate.add(kGlu);
            return this;
        }

        private int index(String stateName) {
            int i = stateNames.indexOf(stateName);
            if (i < 0) {
                throw new IllegalArgumentException("unknown state " + stateName + " in scheme " + name);
            }
            return i;
        }

        public KineticScheme build() {
            if (stateNames.isEmpty()) {
                throw new IllegalArgumentException("scheme " + name + " has no states");
            }
            for (int t = 0; t < from.size(); t++) {
                if (from.get(t) == restingState && constant.get(t) != 0) {
                    throw new IllegalArgumentException("resting state " + stateNames.get(restingState)
                            + " of " + name + " must have no constant-rate exit (it would never rest)");
                }
            }
            return new KineticScheme(this);
        }
    }
}
