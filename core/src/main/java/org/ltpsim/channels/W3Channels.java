package org.ltpsim.channels;

import java.util.Arrays;

/**
 * The W3 benchmark (shared/bench-models/README.md): N independent channels of {@link KineticScheme#w3()}, all
 * starting in C0, simulated for 10 s; the fraction per state at given times and the number of transitions.
 *
 * <p>The channels are split into groups ("spines" of the population) so that each group's class lists stay in
 * the first-level cache; groups are independent, so this changes nothing in distribution.
 */
public final class W3Channels {
    /** Channels per group for the event-driven method (fits L1; measured in ChannelW3Benchmark). */
    public static final int DEFAULT_GROUP = 128;

    private W3Channels() {}

    /** What a W3 run reports: fractions[t][state] at timesMs[t], and the transitions counted up to the last time. */
    public record Result(int channels, double[] timesMs, double[][] fractions, long transitions) {
        public double transitionsPerChannel() {
            return (double) transitions / channels;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("W3 " + channels + " channels, transitions/channel "
                    + transitionsPerChannel());
            for (int t = 0; t < timesMs.length; t++) {
                sb.append("\n t=").append(timesMs[t]).append(" ms ").append(Arrays.toString(fractions[t]));
            }
            return sb.toString();
        }
    }

    /**
     * Runs W3 with the given method. The event-driven method advances straight from one sampling time to the next
     * (exact); the fixed-step methods advance in steps of {@code fixedStepMs} (exact fractions; transitions are
     * then net state changes per step, an undercount that shrinks with the step).
     */
    public static Result run(long masterSeed, int channels, int groupSize, double[] timesMs,
            ChannelPopulations.Method method, double fixedStepMs) {
        if (!(channels > 0)) {
            throw new IllegalArgumentException("channels must be > 0: " + channels);
        }
        if (!(groupSize > 0)) {
            throw new IllegalArgumentException("groupSize must be > 0: " + groupSize);
        }
        int groups = (channels + groupSize - 1) / groupSize;
        int[] perGroup = new int[groups];
        for (int g = 0; g < groups; g++) {
            perGroup[g] = Math.min(groupSize, channels - g * groupSize);
        }
        KineticScheme scheme = KineticScheme.w3();
        ChannelPopulation pop = ChannelPopulations.create(scheme, perGroup, masterSeed, "w3-channels", 0, method);
        double[] glutamate = new double[groups];
        double[][] fractions = new double[timesMs.length][scheme.stateCount()];
        double now = 0;
        boolean eventDriven = method == ChannelPopulations.Method.EVENT_DRIVEN
                || method == ChannelPopulations.Method.EVENT_DRIVEN_PER_CHANNEL;
        for (int t = 0; t < timesMs.length; t++) {
            double target = timesMs[t];
            if (!(target >= now)) {
                throw new IllegalArgumentException("timesMs must be non-decreasing: " + target);
            }
            if (eventDriven) {
                pop.advance(target - now, glutamate);
                now = target;
            } else {
                long steps = Math.round((target - now) / fixedStepMs);
                for (long k = 0; k < steps; k++) {
                    pop.advance(fixedStepMs, glutamate);
                }
                now += steps * fixedStepMs;
            }
            for (int g = 0; g < groups; g++) {
                for (int s = 0; s < scheme.stateCount(); s++) {
                    fractions[t][s] += pop.stateCount(g, s);
                }
            }
            for (int s = 0; s < scheme.stateCount(); s++) {
                fractions[t][s] /= channels;
            }
        }
        return new Result(channels, timesMs.clone(), fractions, pop.transitionCount());
    }

    /** W3 as specified: sampling at 1, 2, ..., 10 s, the default (per-channel event-driven) method. */
    public static Result run(long masterSeed, int channels) {
        double[] times = new double[10];
        for (int i = 0; i < times.length; i++) {
            times[i] = 1000.0 * (i + 1);
        }
        return run(masterSeed, channels, DEFAULT_GROUP, times,
                ChannelPopulations.defaultMethod(KineticScheme.w3()), 0);
    }

    /**
     * Command-line entry: {@code java -cp core/target/classes:... org.ltpsim.channels.W3Channels [seed] [channels]
     * [method]} prints the fractions at 1..10 s, the transitions per channel and the wall time (one run, no
     * warm-up: the JMH benchmark ChannelW3Benchmark is the timing reference).
     */
    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
        int channels = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        ChannelPopulations.Method method = args.length > 2 ? ChannelPopulations.Method.valueOf(args[2])
                : ChannelPopulations.defaultMethod(KineticScheme.w3());
        double[] times = new double[10];
        for (int i = 0; i < times.length; i++) {
            times[i] = 1000.0 * (i + 1);
        }
        long t0 = System.nanoTime();
        Result r = run(seed, channels, DEFAULT_GROUP, times, method, 1.0);
        long t1 = System.nanoTime();
        System.out.println(r);
        System.out.printf("method %s, wall %.3f s (exact: t=1 s .081688 .156441 .148391 .074292 .539188; "
                + "stationary 1/14 2/14 2/14 1/14 8/14; 212.008 transitions per channel)%n", method, (t1 - t0) / 1e9);
    }
}
