package org.ltpsim.bench.channels;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ltpsim.bench.BenchJvm;
import org.ltpsim.channels.ChannelPopulation;
import org.ltpsim.channels.ChannelPopulations;
import org.ltpsim.channels.KineticScheme;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The channel kernels on one branch of the spine model's HFS run, without the rest of the model: 100 spines, AMPA
 * and NMDA populations, 100 pulses at 100 Hz from 10 ms, each spine releasing one vesicle (1 mM, decaying with
 * 1.2 ms, cleared below 1e-4 mM) with probability 0.5 per pulse, then 1 s after the last pulse: fast steps of 0.05 ms
 * while any glutamate is present, 0.25 ms otherwise, as the spine model steps. One operation = one branch run
 * (2 s of biology); the open counts are read every step. {@code transitions} counts what the kernel reports (the
 * silent pool counts its resolved channels' net moves).
 *
 * <p>{@code method}: the plain class SSA (every transition fired) against the silent pool (the default);
 * {@code ampaPerSpine}: how cost grows with channels per spine (the model's default is 100).
 *
 * <pre>java --add-modules=jdk.incubator.vector -jar bench/target/benchmarks.jar ChannelHfsBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {BenchJvm.VECTOR_MODULE, BenchJvm.QUIET, BenchJvm.PANAMA_THRESHOLD,
        BenchJvm.INLINE_LANES_LOG, BenchJvm.INLINE_LANES_PROPENSITY, BenchJvm.INLINE_LANE_GENERATOR,
        BenchJvm.DONTINLINE_LANES_REFILL, BenchJvm.INLINE_FIXED_COLUMN, BenchJvm.INLINE_FIXED_PICK})
public class ChannelHfsBenchmark {
    private static final int SPINES = 100;

    @Param({"EVENT_DRIVEN", "EVENT_DRIVEN_SILENT_POOL"})
    public String method;

    @Param({"20", "100", "300"})
    public int ampaPerSpine;

    private long block;

    /** Transitions (JMH secondary result, a rate: transitions per ms of benchmark time). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Transitions {
        public long transitions;

        @Setup(Level.Iteration)
        public void reset() {
            transitions = 0;
        }
    }

    @Benchmark
    public int branchHfs(Transitions counter, Blackhole bh) {
        ChannelPopulations.Method m = ChannelPopulations.Method.valueOf(method);
        int[] a = new int[SPINES];
        int[] n = new int[SPINES];
        Arrays.fill(a, ampaPerSpine);
        Arrays.fill(n, 2);
        ChannelPopulation ampa = ChannelPopulations.create(KineticScheme.ampaDestexhe1998(), a, 1, "ampa", block, m);
        ChannelPopulation nmda = ChannelPopulations.create(KineticScheme.nmdaLesterJahr1992(), n, 1, "nmda", block, m);
        SplittableRandom release = new SplittableRandom(block++);
        double[] glu = new double[SPINES];
        double[] average = new double[SPINES];
        final double fast = 0.05;
        long tick = 0;
        final long end = Math.round(2010 / fast);
        final long first = Math.round(10 / fast);
        final long period = Math.round(10 / fast);
        final long last = first + 99 * period;
        int open = 0;
        while (tick < end) {
            if (tick >= first && tick <= last && (tick - first) % period == 0) {
                for (int sp = 0; sp < SPINES; sp++) {
                    if (release.nextDouble() < 0.5) {
                        glu[sp] += 1.0;
                    }
                }
            }
            boolean present = false;
            for (double g : glu) {
                present |= g > 0;
            }
            long step = present ? 1 : 5;
            if (tick < last) {
                step = Math.min(step, first + ((Math.max(tick - first, -1) / period) + 1) * period - tick);
                step = Math.max(1, step);
            }
            double dt = step * fast;
            double decay = Math.exp(-dt / 1.2);
            double factor = 1.2 / dt * (1 - decay);
            for (int sp = 0; sp < SPINES; sp++) {
                average[sp] = glu[sp] * factor;
                double next = glu[sp] * decay;
                glu[sp] = next < 1e-4 ? 0.0 : next;
            }
            ampa.advance(dt, average);
            nmda.advance(dt, average);
            for (int sp = 0; sp < SPINES; sp++) {
                open += ampa.openCount(sp) + nmda.openCount(sp);
            }
            tick += step;
        }
        counter.transitions += ampa.transitionCount() + nmda.transitionCount();
        bh.consume(open);
        return open;
    }
}
