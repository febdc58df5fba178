package org.ltpsim.bench.channels;

import java.util.concurrent.TimeUnit;
import org.ltpsim.bench.BenchJvm;
import org.ltpsim.channels.KineticScheme;
import org.ltpsim.channels.TransitionMatrix;
import org.ltpsim.simd.FixedStepKernel;
import org.ltpsim.simd.LaneRandom;
import org.ltpsim.simd.TransitionTable;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The fixed-step kernel, scalar against its Vector API twin: one step of {@code slots} AMPA channel slots with the
 * table for glutamate {@code glutamateMilliMolar} over 0.05 ms (0: only bound channels move; 1 mM: closed channels
 * bind too), from the {@code start} states. {@code baselineLaneRandom} only draws the eight lanes' numbers (scalar), the floor of the
 * scalar kernel. Every operation first restores the same initial states (an 8-byte-per-8-slots copy, in all three). Time per operation = one step over all slots.
 * Run: {@code java --add-modules=jdk.incubator.vector -jar bench/target/benchmarks.jar ChannelKernelBenchmark}; the
 * SIMD twin is the machine's ({@code VectorizationProvider.getInstance()}): add
 * {@code -jvmArgsAppend -Dltpsim.vectorization.lanes=4} (or {@code -XX:UseAVX=2}) for the 4-lane kernel.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.VECTOR_MODULE, BenchJvm.QUIET, BenchJvm.PANAMA_THRESHOLD,
        BenchJvm.INLINE_LANES_LOG, BenchJvm.INLINE_LANES_PROPENSITY, BenchJvm.INLINE_LANE_GENERATOR,
        BenchJvm.DONTINLINE_LANES_REFILL, BenchJvm.INLINE_FIXED_COLUMN, BenchJvm.INLINE_FIXED_PICK})
public class ChannelKernelBenchmark {
    @Param({"1024", "8192", "65536"})
    public int slots;

    @Param({"0", "1"})
    public double glutamateMilliMolar;

    /**
     * The slots' states at the start of every step: {@code spread} over the whole scheme (slot i in state i * 7 mod
     * 6: five sixths bound, open or desensitised, so about 17% of slots move even at 0 mM), or all {@code closed}
     * (C0, unbound, as between pulses in a run: nobody moves at 0 mM; about half bind at 1 mM: Rb g dt = 0.65).
     */
    @Param({"spread", "closed"})
    public String start;

    private byte[] initial;
    private byte[] states;
    private long[] lanes;
    private int[] counts;
    private TransitionTable table;
    private final FixedStepKernel scalar = VectorizationProvider.scalar().fixedStepKernel();
    private final FixedStepKernel simd = VectorizationProvider.getInstance().fixedStepKernel();

    @Setup
    public void setUp() {
        KineticScheme ampa = KineticScheme.ampaDestexhe1998();
        // states spread over the scheme as after a pulse (deterministic pattern)
        states = new byte[slots];
        counts = new int[ampa.stateCount() + 1];
        for (int i = 0; i < slots; i++) {
            states[i] = switch (start) {
                case "spread" -> (byte) (i * 7 % ampa.stateCount());
                case "closed" -> (byte) ampa.state("C0");
                default -> throw new IllegalArgumentException("start must be spread or closed: " + start);
            };
            counts[states[i]]++;
        }
        initial = states.clone();
        lanes = LaneRandom.seed(1, "bench", 0);
        table = TransitionTable.of(TransitionMatrix.exp(ampa.generator(glutamateMilliMolar), 0.05));
    }

    @Benchmark
    public int scalarStep() {
        System.arraycopy(initial, 0, states, 0, slots); // same start every time: steady mix of movers
        return scalar.step(states, 0, slots, table, lanes, counts, 0);
    }

    @Benchmark
    public int simdStep() {
        System.arraycopy(initial, 0, states, 0, slots);
        return simd.step(states, 0, slots, table, lanes, counts, 0);
    }

    @Benchmark
    public void baselineLaneRandom(Blackhole bh) {
        System.arraycopy(initial, 0, states, 0, slots);
        long acc = 0;
        for (int b = 0; b < slots; b += LaneRandom.LANES) {
            for (int lane = 0; lane < LaneRandom.LANES; lane++) {
                acc += LaneRandom.next(lanes, lane);
            }
        }
        bh.consume(acc);
    }
}
