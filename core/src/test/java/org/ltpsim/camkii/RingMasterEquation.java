package org.ltpsim.camkii;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact transient solution of a small continuous-time Markov chain by uniformisation (Jensen 1953; Stewart 1994):
 * p(t) = sum_k Poisson(k; L t) p0 P^k with P = I + Q / L, L >= the largest exit rate. Independent of the kernel:
 * the tests build the chain of one ring straight from the reaction scheme, state by state.
 */
final class RingMasterEquation {
    private final int states;
    private final int[] from;
    private final int[] to;
    private final double[] rateHz;
    private final double uniformHz;

    /** Receives the transitions of one state. */
    interface Transitions {
        void add(int toState, double rateHz);
    }

    /** Enumerates the transitions out of {@code state}. */
    interface Generator {
        void transitions(int state, Transitions out);
    }

    RingMasterEquation(int states, Generator generator) {
        this.states = states;
        List<int[]> pairs = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        double[] exit = new double[states];
        for (int s = 0; s < states; s++) {
            final int source = s;
            generator.transitions(s, (target, rate) -> {
                if (rate > 0 && target != source) {
                    pairs.add(new int[] {source, target});
                    rates.add(rate);
                    exit[source] += rate;
                }
            });
        }
        from = new int[pairs.size()];
        to = new int[pairs.size()];
        rateHz = new double[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            from[i] = pairs.get(i)[0];
            to[i] = pairs.get(i)[1];
            rateHz[i] = rates.get(i);
        }
        double max = 0;
        for (double e : exit) {
            max = Math.max(max, e);
        }
        uniformHz = max * 1.02 + 1e-12;
    }

    /** The distribution after {@code tSec} from {@code p0}. */
    double[] propagate(double[] p0, double tSec) {
        double[] p = p0.clone();
        // chunks with L dt <= 40 keep exp(-L dt) far from underflow
        int chunks = Math.max(1, (int) Math.ceil(uniformHz * tSec / 40));
        for (int c = 0; c < chunks; c++) {
            p = chunk(p, tSec / chunks);
        }
        return p;
    }

    private double[] chunk(double[] p0, double dtSec) {
        double lt = uniformHz * dtSec;
        double[] v = p0.clone();
        double[] result = new double[states];
        double weight = Math.exp(-lt);
        double cumulative = 0;
        for (int k = 0; cumulative < 1 - 1e-15 && k < 10_000; k++) {
            for (int s = 0; s < states; s++) {
                result[s] += weight * v[s];
            }
            cumulative += weight;
            v = step(v);
            weight *= lt / (k + 1);
        }
        return result;
    }

    /** v P with P = I + Q / L. */
    private double[] step(double[] v) {
        double[] next = v.clone();
        for (int i = 0; i < from.length; i++) {
            double flow = v[from[i]] * rateHz[i] / uniformHz;
            next[from[i]] -= flow;
            next[to[i]] += flow;
        }
        return next;
    }
}
