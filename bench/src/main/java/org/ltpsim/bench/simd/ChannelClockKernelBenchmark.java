package org.ltpsim.bench.simd;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ltpsim.bench.BenchJvm;
import org.ltpsim.simd.ChannelClockKernel;
import org.ltpsim.simd.VectorizationProvider;
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

/**
 * The event-free pass of the event-driven channel populations ({@link ChannelClockKernel#integrate}), scalar against
 * its Vector API twin, over a block of {@code spines} spines in one 0.025 ms step (the default fast step). Time per
 * operation = one pass; divided by {@code spines}, the cost per spine and step.
 *
 * <p>Two regimes, spine kinds drawn at random (seeded, so both twins see the same data and the scalar branches are
 * as unpredictable as in a run): {@code rest}, between pulses: every spine pooled at zero glutamate, 2% with an
 * event due; {@code pulse}, during a release: every spine at 0.1-1 mM, not pooled, 10% with an event due. The quiet
 * spines' clocks start at 1e12, so a measurement (under 1e9 passes of a0 dt &lt;= 25) never runs them out: every
 * invocation sees the same quiet/listed pattern, with no copy to restore it.
 *
 * <pre>java --add-modules=jdk.incubator.vector -jar bench/target/benchmarks.jar ChannelClockKernelBenchmark</pre>
 * The Vector API twin runs at the machine's width; {@code -jvmArgsAppend "--add-modules=jdk.incubator.vector
 * -XX:UseAVX=2"} gives the 4-lane kernels on an AVX-512 machine ({@code bench/run-simd-widths.sh} runs both).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.VECTOR_MODULE, BenchJvm.QUIET, BenchJvm.PANAMA_THRESHOLD,
        BenchJvm.INLINE_LANES_LOG, BenchJvm.INLINE_LANES_PROPENSITY, BenchJvm.INLINE_LANE_GENERATOR,
        BenchJvm.DONTINLINE_LANES_REFILL, BenchJvm.INLINE_FIXED_COLUMN, BenchJvm.INLINE_FIXED_PICK})
public class ChannelClockKernelBenchmark {
    private static final double DT_MS = 0.025;

    @Param({"100", "1000", "10000"})
    public int spines;

    @Param({"rest", "pulse"})
    public String regime;

    private final ChannelClockKernel scalar = VectorizationProvider.scalar().channelClockKernel();
    private final ChannelClockKernel simd = VectorizationProvider.getInstance().channelClockKernel();
    private double[] glutamateMilliMolar;
    private double[] constSum;
    private double[] gluSum;
    private double[] liveSum;
    private double[] poolSinceMs;
    private double[] clock;
    private int[] pending;
    private boolean pooling;

    @Setup
    public void setUp() {
        boolean rest = switch (regime) {
            case "rest" -> true;
            case "pulse" -> false;
            default -> throw new IllegalArgumentException("regime must be rest or pulse: " + regime);
        };
        SplittableRandom random = new SplittableRandom(11);
        glutamateMilliMolar = new double[spines];
        constSum = new double[spines];
        gluSum = new double[spines];
        liveSum = new double[spines];
        poolSinceMs = new double[spines];
        clock = new double[spines];
        pending = new int[spines];
        pooling = true;
        double due = rest ? 0.02 : 0.10;
        for (int s = 0; s < spines; s++) {
            // per-ms propensities of ~100 AMPA + 2 NMDA channels: closing and unbinding, binding ~ 10/ms/mM per channel
            constSum[s] = 5 + 20 * random.nextDouble();
            gluSum[s] = 500 + 500 * random.nextDouble();
            liveSum[s] = random.nextInt(4) == 0 ? 0.0 : 10 * random.nextDouble();
            glutamateMilliMolar[s] = rest ? 0.0 : 0.1 + 0.9 * random.nextDouble();
            poolSinceMs[s] = rest ? 100 * random.nextDouble() : Double.NaN;
            clock[s] = random.nextDouble() < due ? 0.0 : 1e12;
        }
    }

    @Benchmark
    public int scalarPass() {
        return scalar.integrate(DT_MS, glutamateMilliMolar, constSum, gluSum, liveSum, poolSinceMs, pooling, clock,
                spines, pending);
    }

    @Benchmark
    public int simdPass() {
        return simd.integrate(DT_MS, glutamateMilliMolar, constSum, gluSum, liveSum, poolSinceMs, pooling, clock,
                spines, pending);
    }
}
