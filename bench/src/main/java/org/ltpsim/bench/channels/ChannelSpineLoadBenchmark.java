package org.ltpsim.bench.channels;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.ltpsim.bench.BenchJvm;
import org.ltpsim.channels.ChannelPopulation;
import org.ltpsim.channels.ChannelPopulations;
import org.ltpsim.channels.KineticScheme;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * The spine-like load: 100 spines x (80 AMPA + 20 NMDA) channels, a 1 mM x 1 ms glutamate pulse at every spine
 * every 10 ms (or per-spine amplitudes, which defeat the fixed-step table cache), 100 ms of biology per operation at
 * a fixed step dtMs (the spine model's fast step). All methods are
 * exact for piecewise-constant glutamate, so this is time to solution at equal accuracy. The open counts are read
 * every step, as the spine model does.
 *
 * <p>{@code baselineReadCounts} only reads the open counts each step (the floor of any method).
 * Run: {@code java --add-modules=jdk.incubator.vector -jar bench/target/benchmarks.jar ChannelSpineLoadBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.VECTOR_MODULE, BenchJvm.QUIET, BenchJvm.PANAMA_THRESHOLD,
        BenchJvm.INLINE_LANES_LOG, BenchJvm.INLINE_LANES_PROPENSITY, BenchJvm.INLINE_LANE_GENERATOR,
        BenchJvm.DONTINLINE_LANES_REFILL, BenchJvm.INLINE_FIXED_COLUMN, BenchJvm.INLINE_FIXED_PICK})
public class ChannelSpineLoadBenchmark {
    private static final int SPINES = 100;

    @Param({"EVENT_DRIVEN", "HYBRID", "FIXED_STEP_SCALAR", "FIXED_STEP_SIMD"})
    public String method;

    @Param({"0.025", "0.1"})
    public double dtMs;

    /** "shared": every spine sees 1 mM; "perSpine": spine i sees 0.5 + i/100 mM (100 distinct values per step). */
    @Param({"shared", "perSpine"})
    public String glutamateShape;

    private ChannelPopulation ampa;
    private ChannelPopulation nmda;
    private double[] glutamate;
    private double[] zero;
    private long block;

    @Setup
    public void setUp() {
        glutamate = new double[SPINES];
        for (int sp = 0; sp < SPINES; sp++) {
            glutamate[sp] = "shared".equals(glutamateShape) ? 1.0 : 0.5 + sp / 100.0;
        }
        zero = new double[SPINES];
        fresh();
    }

    private void fresh() {
        int[] a = new int[SPINES];
        int[] n = new int[SPINES];
        Arrays.fill(a, 80);
        Arrays.fill(n, 20);
        ChannelPopulations.Method m = ChannelPopulations.Method.valueOf(method);
        ampa = ChannelPopulations.create(KineticScheme.ampaDestexhe1998(), a, 1, "ampa", block, m);
        nmda = ChannelPopulations.create(KineticScheme.nmdaLesterJahr1992(), n, 1, "nmda", block, m);
        block++;
    }

    @Benchmark
    public void hundredMs(Blackhole bh) {
        run(bh, true);
    }

    @Benchmark
    public void baselineReadCounts(Blackhole bh) {
        run(bh, false);
    }

    private void run(Blackhole bh, boolean advance) {
        int steps = (int) Math.round(100 / dtMs);
        int pulseSteps = (int) Math.round(1 / dtMs);
        int period = (int) Math.round(10 / dtMs);
        for (int k = 0; k < steps; k++) {
            double[] g = k % period < pulseSteps ? glutamate : zero;
            if (advance) {
                ampa.advance(dtMs, g);
                nmda.advance(dtMs, g);
            }
            int open = 0;
            for (int sp = 0; sp < SPINES; sp++) {
                open += ampa.openCount(sp) + nmda.openCount(sp);
            }
            bh.consume(open);
        }
    }
}
