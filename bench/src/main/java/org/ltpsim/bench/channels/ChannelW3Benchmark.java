package org.ltpsim.bench.channels;

import java.util.concurrent.TimeUnit;
import org.ltpsim.bench.BenchJvm;
import org.ltpsim.channels.ChannelPopulations;
import org.ltpsim.channels.W3Channels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W3 time to solution (shared/bench-models/README.md): 100,000 channels of the constant-rate 5-state scheme, 10 s
 * of biology, fractions sampled at every second and transitions counted. BioNetGen's run_network needs 1.2 s on
 * one core (counts only); the target is a third of that.
 *
 * <p>Event-driven methods are exact (transitions included). {@code FIXED_STEP_*} at 1 ms get the fractions exactly
 * but undercount transitions (net changes per step): shown for the cost of channels x steps, not as equal accuracy.
 * Run: {@code java --add-modules=jdk.incubator.vector -jar bench/target/benchmarks.jar ChannelW3Benchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.VECTOR_MODULE, BenchJvm.QUIET, BenchJvm.PANAMA_THRESHOLD,
        BenchJvm.INLINE_LANES_LOG, BenchJvm.INLINE_LANES_PROPENSITY, BenchJvm.INLINE_LANE_GENERATOR,
        BenchJvm.DONTINLINE_LANES_REFILL, BenchJvm.INLINE_FIXED_COLUMN, BenchJvm.INLINE_FIXED_PICK, "-Xmx2g"})
public class ChannelW3Benchmark {
    @Param({"EVENT_DRIVEN_PER_CHANNEL", "EVENT_DRIVEN"})
    public String method;

    @Param({"100000"})
    public int channels;

    private long seed;

    @Benchmark
    public W3Channels.Result w3TenSeconds() {
        double[] times = new double[10];
        for (int i = 0; i < times.length; i++) {
            times[i] = 1000.0 * (i + 1);
        }
        return W3Channels.run(seed++, channels, W3Channels.DEFAULT_GROUP, times,
                ChannelPopulations.Method.valueOf(method), 1.0);
    }
}
