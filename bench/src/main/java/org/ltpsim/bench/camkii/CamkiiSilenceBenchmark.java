package org.ltpsim.bench.camkii;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.ltpsim.bench.BenchJvm;
import org.ltpsim.camkii.CamkiiParameters;
import org.ltpsim.camkii.CamkiiPopulation;
import org.ltpsim.camkii.CamkiiPopulations;
import org.ltpsim.rng.RandomStreams;
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

/**
 * Silence after LTP: spines whose CaMKII switch is ON (latched by 0.4 s at 1 uM), advanced through one second at
 * resting calcium as an expression run's silent grid step does, exactly ({@code advanceUniform}: every event, ~11
 * per ON spine and second) and lumped ({@code advanceSilence}: the phosphorylated subunits' CaM binding drawn as
 * counts, docs/expression.md). Per-operation time divided by {@code spines} is the cost per spine and second of
 * silence. The populations keep running from one operation to the next (the ON state lives for years).
 *
 * <pre>java --add-modules=jdk.incubator.vector -jar bench/target/benchmarks.jar CamkiiSilenceBenchmark</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.VECTOR_MODULE, BenchJvm.QUIET, BenchJvm.PANAMA_THRESHOLD,
        BenchJvm.INLINE_LANES_LOG, BenchJvm.INLINE_LANES_PROPENSITY, BenchJvm.INLINE_LANE_GENERATOR,
        BenchJvm.DONTINLINE_LANES_REFILL, BenchJvm.INLINE_FIXED_COLUMN, BenchJvm.INLINE_FIXED_PICK})
@State(Scope.Thread)
public class CamkiiSilenceBenchmark {
    @Param({"100", "1000"})
    int spines;

    private CamkiiPopulation exact;
    private CamkiiPopulation lumped;

    @Setup(Level.Trial)
    public void setUp() {
        exact = latched(1);
        lumped = latched(2);
    }

    private CamkiiPopulation latched(long seed) {
        CamkiiPopulation pop = CamkiiPopulations.create(CamkiiParameters.defaults(), spines, 16,
                RandomStreams.forBlock(seed, "bench-camkii-silence", 0));
        pop.advanceUniform(5, 0.1);
        double[] ca = new double[spines];
        Arrays.fill(ca, 1.0);
        for (int step = 0; step < 4_000; step++) {
            pop.advance(1e-4, ca);
        }
        pop.advanceUniform(5, 0.1);
        return pop;
    }

    /** Baseline: one second of silence, every event simulated. */
    @Benchmark
    public int exactSecond() {
        exact.advanceUniform(1, 0.1);
        return exact.autonomousSubunits(0);
    }

    /** The same second lumped. */
    @Benchmark
    public int lumpedSecond() {
        lumped.advanceSilence(1, 0.1);
        return lumped.autonomousSubunits(0);
    }
}
