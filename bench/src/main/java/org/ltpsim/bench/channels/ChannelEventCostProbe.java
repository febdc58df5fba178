package org.ltpsim.bench.channels;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.ltpsim.channels.ChannelPopulation;
import org.ltpsim.channels.ChannelPopulations;
import org.ltpsim.channels.KineticScheme;

/**
 * What one exact channel event costs on the spine model's HFS load, the channels alone: per round 10 branches of 100
 * spines (2 NMDA and {@code AMPA} AMPA channels each, the default method), 100 pulses at 100 Hz from 10 ms, each
 * spine releasing 1 mM (decay 1.2 ms, cleared below 1e-4 mM) with probability 0.5 per pulse, stepped as the model
 * steps while glutamate is present (the largest n <= 5 fast steps of 0.05 ms with g_max n^2 <= 1 mM), 1,010 ms in
 * all. Prints the thread CPU time, the transitions and their ratio per round; the slope between two AMPA counts is
 * the cost of an event at the margin (docs/performance.md, "What one channel event costs").
 *
 * <pre>
 * java --add-modules=jdk.incubator.vector -cp bench/target/benchmarks.jar \
 *     org.ltpsim.bench.channels.ChannelEventCostProbe ROUNDS AMPA
 * </pre>
 * JMH does not fit the question: it is the CPU per event on a shared machine (thread CPU time), not a wall rate.
 */
public final class ChannelEventCostProbe {
    private static final int SPINES = 100;
    private static final int BRANCHES_PER_ROUND = 10;
    private static final double FAST_MS = 0.05;

    private ChannelEventCostProbe() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ROUNDS AMPA_PER_SPINE");
        }
        int rounds = Integer.parseInt(args[0]);
        int ampa = Integer.parseInt(args[1]);
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            long cpu0 = bean.getCurrentThreadCpuTime();
            long transitions = 0;
            long open = 0;
            for (int b = 0; b < BRANCHES_PER_ROUND; b++) {
                long[] r = branch(round * BRANCHES_PER_ROUND + b, ampa);
                transitions += r[0];
                open += r[1];
            }
            long cpuNs = bean.getCurrentThreadCpuTime() - cpu0;
            System.out.printf("round %d: %.1f ms CPU, %d transitions, %.2f ns/transition (open-count sum %d)%n",
                    round, cpuNs / 1e6, transitions, (double) cpuNs / transitions, open);
        }
    }

    /** One branch's HFS: {transitions, sum of open counts over steps and spines}. */
    private static long[] branch(long block, int ampaPerSpine) {
        int[] a = new int[SPINES];
        int[] n = new int[SPINES];
        Arrays.fill(a, ampaPerSpine);
        Arrays.fill(n, 2);
        ChannelPopulation ampa = ChannelPopulations.create(KineticScheme.ampaDestexhe1998(), a, 1, "ampa", block);
        ChannelPopulation nmda = ChannelPopulations.create(KineticScheme.nmdaLesterJahr1992(), n, 1, "nmda", block);
        SplittableRandom release = new SplittableRandom(block);
        double[] glutamate = new double[SPINES];
        double[] average = new double[SPINES];
        final long end = Math.round(1010 / FAST_MS);
        final long first = Math.round(10 / FAST_MS);
        final long period = Math.round(10 / FAST_MS);
        final long last = first + 99 * period;
        long open = 0;
        long tick = 0;
        while (tick < end) {
            if (tick >= first && tick <= last && (tick - first) % period == 0) {
                for (int sp = 0; sp < SPINES; sp++) {
                    if (release.nextDouble() < 0.5) {
                        glutamate[sp] += 1.0;
                    }
                }
            }
            double highest = 0;
            for (double g : glutamate) {
                highest = Math.max(highest, g);
            }
            long step = highest == 0 ? 5 : Math.max(1, Math.min(5, (long) Math.floor(Math.sqrt(1.0 / highest))));
            if (tick < last) { // never past the next pulse
                step = Math.max(1, Math.min(step, first + ((Math.max(tick - first, -1) / period) + 1) * period - tick));
            }
            double dtMs = step * FAST_MS;
            double decay = Math.exp(-dtMs / 1.2);
            double factor = 1.2 / dtMs * (1 - decay);
            for (int sp = 0; sp < SPINES; sp++) {
                average[sp] = glutamate[sp] * factor;
                double next = glutamate[sp] * decay;
                glutamate[sp] = next < 1e-4 ? 0 : next;
            }
            ampa.advance(dtMs, average);
            nmda.advance(dtMs, average);
            for (int sp = 0; sp < SPINES; sp++) {
                open += ampa.openCount(sp) + nmda.openCount(sp);
            }
            tick += step;
        }
        return new long[] {ampa.transitionCount() + nmda.transitionCount(), open};
    }
}
