package org.ltpsim.channels;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Exact event-driven simulation for constant-rate schemes, one clock per channel: every channel keeps the absolute
 * time of its next transition, drawn as Exp(k_s) on entering state s (k_s its total exit rate), and jumps to an
 * exit chosen with probability k/k_s. Channels are independent, so this is the exact joint law (the superposition
 * of independent Markov chains), with no class bookkeeping: per event one exponential (ziggurat) and, for states
 * with more than one exit, one uniform. Each spine keeps the earliest next time of its channels, so a step in which
 * nothing happens at a spine costs O(1) there; a spine with an event is rescanned (O(channels at the spine)).
 *
 * <p>Only for schemes whose rates do not depend on glutamate ({@link KineticScheme#isConstantRate()}); glutamate
 * schemes use {@link EventDrivenChannelPopulation}. Measured about four times faster than the class method on W3
 * (docs/channels.md). Layout: {@link ChannelSlots}, each channel's next event time its slot time.
 */
public final class PerChannelEventPopulation extends SlottedChannelPopulation {
    private final KineticScheme scheme;
    private final int stateCount;
    private final UniformRandomProvider rng;
    private final ZigguratSampler.Exponential exponential;
    private final int[] exitStart;
    private final byte[] exitTo;
    private final double[] exitCumPerMs; // cumulative exit rate within the state's exits
    private final double[] totalPerMs;
    private final double[] meanDwellMs; // 1 / total exit rate; +inf for absorbing states
    private final int initialState;

    private final int spineCount;
    private final double[] spineNextMs; // earliest next event at the spine
    private double nowMs;
    private long transitions;

    PerChannelEventPopulation(KineticScheme scheme, int[] channelsPerSpine, UniformRandomProvider rng) {
        if (!scheme.isConstantRate()) {
            throw new IllegalArgumentException("per-channel clocks need a constant-rate scheme: " + scheme.name());
        }
        // slot times: each channel's next event
        super(new ChannelSlots(scheme, channelsPerSpine, (byte) scheme.stateCount(), false, n -> Math.max(4, n), true),
                scheme.initialState());
        this.scheme = scheme;
        this.stateCount = scheme.stateCount();
        this.rng = rng;
        this.exponential = ZigguratSampler.Exponential.of(rng);
        int s = stateCount;
        SchemeExits exits = new SchemeExits(scheme, false); // constant rates only, each > 0
        exitStart = exits.start;
        exitTo = new byte[exits.to.length];
        exitCumPerMs = new double[exits.to.length];
        totalPerMs = exits.totalConstPerMs;
        meanDwellMs = new double[s];
        for (int i = 0; i < s; i++) {
            double cum = 0;
            for (int e = exitStart[i]; e < exitStart[i + 1]; e++) {
                cum += exits.constPerMs[e];
                exitTo[e] = (byte) exits.to[e];
                exitCumPerMs[e] = cum;
            }
            meanDwellMs[i] = totalPerMs[i] > 0 ? 1 / totalPerMs[i] : Double.POSITIVE_INFINITY;
        }
        initialState = scheme.initialState();
        spineCount = channelsPerSpine.length;
        spineNextMs = new double[spineCount];
        Arrays.fill(spineNextMs, Double.POSITIVE_INFINITY);
        placeAll(channelsPerSpine);
    }

    /** A new channel's first event time (it starts in the initial state). */
    @Override
    void inserted(int sp, int slot) {
        double next = nowMs + exponential.sample() * meanDwellMs[initialState];
        slots.slotTimeMs[slot] = next;
        spineNextMs[sp] = Math.min(spineNextMs[sp], next);
    }

    @Override
    public KineticScheme scheme() {
        return scheme;
    }

    @Override
    public ChannelPopulations.Method method() {
        return ChannelPopulations.Method.EVENT_DRIVEN_PER_CHANNEL;
    }

    @Override
    public void advance(double dtMs, double[] glutamateMilliMolar) {
        StepArguments.check(dtMs, glutamateMilliMolar, spineCount);
        for (int sp = 0; sp < spineCount; sp++) {
            StepArguments.checkGlutamate(glutamateMilliMolar, sp);
        }
        final double endMs = nowMs + dtMs;
        final byte[] state = slots.state;
        final double[] nextMs = slots.slotTimeMs;
        final int[] slotStart = slots.slotStart;
        final int[] channelCount = slots.channelCount;
        final int[] counts = slots.counts;
        final int[] exitStart = this.exitStart;
        final byte[] exitTo = this.exitTo;
        final double[] exitCum = this.exitCumPerMs;
        final double[] total = this.totalPerMs;
        final double[] dwell = this.meanDwellMs;
        final int s = stateCount;
        long fired = 0;
        for (int sp = 0; sp < spineCount; sp++) {
            if (!(spineNextMs[sp] < endMs)) {
                continue; // nothing happens at this spine in the step
            }
            int from = slotStart[sp];
            int to = from + channelCount[sp];
            int countBase = sp * s;
            double earliest = Double.POSITIVE_INFINITY;
            for (int slot = from; slot < to; slot++) {
                double t = nextMs[slot];
                if (t < endMs) {
                    int st = state[slot];
                    counts[countBase + st]--;
                    do {
                        int e = exitStart[st];
                        int last = exitStart[st + 1] - 1;
                        if (e < last) {
                            double u = rng.nextDouble() * total[st];
                            while (e < last && !(u < exitCum[e])) {
                                e++;
                            }
                        }
                        st = exitTo[e];
                        t += exponential.sample() * dwell[st];
                        fired++;
                    } while (t < endMs);
                    state[slot] = (byte) st;
                    nextMs[slot] = t;
                    counts[countBase + st]++;
                }
                earliest = Math.min(earliest, t);
            }
            spineNextMs[sp] = earliest;
        }
        transitions += fired;
        nowMs = endMs;
    }

    /** The spine's earliest next channel event from now (constant rates: glutamate plays no part). */
    @Override
    public double quietAtZeroGlutamateMs(int spine) {
        double next = spineNextMs[spine];
        double t = Math.max(0.0, next - nowMs);
        while (t > 0 && nowMs + t > next) { // the step's end must not pass the event
            t = Math.nextDown(t);
        }
        return t;
    }

    @Override
    public long transitionCount() {
        return transitions;
    }
}
