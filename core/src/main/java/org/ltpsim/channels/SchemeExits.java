package org.ltpsim.channels;

import java.util.Arrays;

/**
 * A kinetic scheme's transitions grouped by source state, flat for the event kernels: the exits of state s are
 * {@code start[s] .. start[s + 1] - 1}, each with its destination and its rate {@code constPerMs + gluPerMs g} at
 * glutamate g; per state the totals of both parts. Exits with zero constant rate are kept only when
 * {@code withZeroConstant} (a glutamate-gated exit has one), else dropped (per-channel clocks never draw them).
 */
final class SchemeExits {
    final int[] start;
    final int[] to;
    final double[] constPerMs;
    final double[] gluPerMs;
    final double[] totalConstPerMs;
    final double[] totalGluPerMs;

    SchemeExits(KineticScheme scheme, boolean withZeroConstant) {
        int s = scheme.stateCount();
        int nt = scheme.transitionCount();
        start = new int[s + 1];
        int[] dest = new int[nt];
        double[] c = new double[nt];
        double[] glu = new double[nt];
        totalConstPerMs = new double[s];
        totalGluPerMs = new double[s];
        int k = 0;
        for (int i = 0; i < s; i++) {
            start[i] = k;
            for (int t = 0; t < nt; t++) {
                if (scheme.from(t) == i && (withZeroConstant || scheme.constantRatePerMs(t) > 0)) {
                    dest[k] = scheme.to(t);
                    c[k] = scheme.constantRatePerMs(t);
                    glu[k] = scheme.ratePerMilliMolarPerMs(t);
                    totalConstPerMs[i] += c[k];
                    totalGluPerMs[i] += glu[k];
                    k++;
                }
            }
        }
        start[s] = k;
        to = Arrays.copyOf(dest, k);
        constPerMs = Arrays.copyOf(c, k);
        gluPerMs = Arrays.copyOf(glu, k);
    }
}
