package org.ltpsim.ssa;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.ltpsim.network.Reaction;
import org.ltpsim.network.ReactionNetwork;
import org.ltpsim.rng.SsaVariates;
import org.ltpsim.simd.CompiledMassAction;

/**
 * Gibson &amp; Bruck's (2000) next-reaction method: each reaction holds an absolute putative firing time in an
 * indexed binary min-heap; after a firing only the reactions whose laws read a changed species (the dependency
 * graph) get new propensities, and their times are rescaled, {@code T' = t + (a_old / a_new)(T - t)}, so one
 * exponential variate is drawn per event (a fresh one when a propensity rises from zero). Cost per event is
 * O(dependents x log R) instead of the direct method's O(R): the method for large networks. Networks without rules
 * or events only.
 */
final class NextReactionMethod implements RealisationSimulator {
    private final ReactionNetwork network;
    private final double[] timesSec;
    private final ReactionLaws laws;
    private final CompiledMassAction massAction;
    private final int[][] changedSpecies;
    private final int[][] changes;
    private final int[][] dependents;
    private final double[] state;
    private final double[] propensity;
    private final double[] putativeTimeSec;
    /** heap[i] = reaction at heap position i; position[j] = heap position of reaction j. */
    private final int[] heap;
    private final int[] position;

    NextReactionMethod(ReactionNetwork network, double[] timesSec) {
        if (!network.rules().isEmpty() || !network.events().isEmpty()) {
            throw new IllegalArgumentException("next-reaction method: network " + network.id()
                    + " has rules or events");
        }
        this.network = network;
        this.timesSec = timesSec;
        List<Reaction> reactions = network.reactions();
        int reactionCount = reactions.size();
        massAction = network.isPlainMassAction() ? MassActionCompiler.compile(network) : null;
        laws = new ReactionLaws(network);
        changedSpecies = laws.changedSpecies;
        changes = laws.changes;
        dependents = dependencyGraph(reactions, network.stateSize());
        state = new double[network.stateSize()];
        propensity = new double[reactionCount];
        putativeTimeSec = new double[reactionCount];
        heap = new int[reactionCount];
        position = new int[reactionCount];
    }

    /** For each reaction, the reactions whose law reads a species it changes, itself always included. */
    static int[][] dependencyGraph(List<Reaction> reactions, int stateSize) {
        int reactionCount = reactions.size();
        int[] readerCount = new int[stateSize];
        for (Reaction reaction : reactions) {
            for (int s : reaction.readsState()) {
                readerCount[s]++;
            }
        }
        int[][] readers = new int[stateSize][];
        for (int s = 0; s < stateSize; s++) {
            readers[s] = new int[readerCount[s]];
            readerCount[s] = 0;
        }
        for (int j = 0; j < reactionCount; j++) {
            for (int s : reactions.get(j).readsState()) {
                readers[s][readerCount[s]++] = j;
            }
        }
        int[][] graph = new int[reactionCount][];
        boolean[] mark = new boolean[reactionCount];
        int[] list = new int[reactionCount];
        for (int j = 0; j < reactionCount; j++) {
            int n = 0;
            list[n++] = j;
            mark[j] = true;
            for (int s : reactions.get(j).changedSpecies()) {
                for (int d : readers[s]) {
                    if (!mark[d]) {
                        mark[d] = true;
                        list[n++] = d;
                    }
                }
            }
            graph[j] = Arrays.copyOf(list, n);
            for (int i = 0; i < n; i++) {
                mark[list[i]] = false;
            }
        }
        return graph;
    }

    @Override
    public long run(UniformRandomProvider rng, double[] row) {
        final double[] x = state;
        final double[] a = propensity;
        final double[] tPut = putativeTimeSec;
        final double[] times = timesSec;
        final int timeCount = times.length;
        final int speciesCount = network.speciesCount();
        final int reactionCount = laws.reactionCount();
        System.arraycopy(network.initialState(), 0, x, 0, x.length);
        double t = 0.0;
        for (int j = 0; j < reactionCount; j++) {
            a[j] = evaluate(j, t);
            tPut[j] = a[j] > 0 ? SsaVariates.exponential(rng.nextLong()) / a[j] : Double.POSITIVE_INFINITY;
            heap[j] = j;
            position[j] = j;
        }
        for (int i = reactionCount / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
        int next = 0;
        long events = 0;
        while (true) {
            int j = reactionCount > 0 ? heap[0] : -1;
            double tNext = j >= 0 ? tPut[j] : Double.POSITIVE_INFINITY;
            next = DirectMethodLoop.record(times, speciesCount, x, row, next, tNext, true);
            if (next == timeCount) {
                return events;
            }
            t = tNext;
            int[] species = changedSpecies[j];
            int[] delta = changes[j];
            for (int i = 0; i < species.length; i++) {
                x[species[i]] += delta[i];
            }
            events++;
            for (int d : dependents[j]) {
                double aOld = a[d];
                double aNew = evaluate(d, t);
                a[d] = aNew;
                double tNew;
                if (!(aNew > 0)) {
                    tNew = Double.POSITIVE_INFINITY;
                } else if (d != j && aOld > 0) {
                    tNew = t + (aOld / aNew) * (tPut[d] - t);
                } else {
                    tNew = t + SsaVariates.exponential(rng.nextLong()) / aNew;
                }
                update(d, tNew);
            }
        }
    }

    private double evaluate(int j, double t) {
        return massAction != null ? laws.checked(j, massAction.propensity(j, state), t) : laws.evaluate(j, state, t);
    }

    private void update(int j, double tNew) {
        double old = putativeTimeSec[j];
        putativeTimeSec[j] = tNew;
        if (tNew < old) {
            siftUp(position[j]);
        } else if (tNew > old) {
            siftDown(position[j]);
        }
    }

    private void siftUp(int i) {
        final int[] h = heap;
        final double[] key = putativeTimeSec;
        int item = h[i];
        double itemKey = key[item];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            int p = h[parent];
            if (!(itemKey < key[p])) {
                break;
            }
            h[i] = p;
            position[p] = i;
            i = parent;
        }
        h[i] = item;
        position[item] = i;
    }

    private void siftDown(int i) {
        final int[] h = heap;
        final double[] key = putativeTimeSec;
        final int n = h.length;
        int item = h[i];
        double itemKey = key[item];
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && key[h[child + 1]] < key[h[child]]) {
                child++;
            }
            if (!(key[h[child]] < itemKey)) {
                break;
            }
            h[i] = h[child];
            position[h[i]] = i;
            i = child;
        }
        h[i] = item;
        position[item] = i;
    }
}
