package org.ltpsim.channels;

import java.util.Arrays;
import org.ltpsim.simd.TransitionTable;

/**
 * The last few step transition tables of one scheme, keyed by (dtMs, glutamate), round-robin replacement. A miss
 * costs one matrix exponential ({@link TransitionMatrix}, a few microseconds for 6 states); a spine model whose
 * spines share the glutamate time course hits every time after the first spine.
 */
final class TransitionTableCache {
    private static final int SIZE = 16;

    private final KineticScheme scheme;
    private final double[] dt = new double[SIZE];
    private final double[] glutamate = new double[SIZE];
    private final TransitionTable[] table = new TransitionTable[SIZE];
    private int next;

    TransitionTableCache(KineticScheme scheme) {
        this.scheme = scheme;
        Arrays.fill(dt, Double.NaN);
    }

    TransitionTable get(double dtMs, double glutamateMilliMolar) {
        for (int i = 0; i < SIZE; i++) {
            if (dt[i] == dtMs && glutamate[i] == glutamateMilliMolar) {
                return table[i];
            }
        }
        int i = next;
        next = (next + 1) % SIZE;
        table[i] = TransitionTable.of(TransitionMatrix.exp(scheme.generator(glutamateMilliMolar), dtMs));
        dt[i] = dtMs;
        glutamate[i] = glutamateMilliMolar;
        return table[i];
    }
}
