package org.ltpsim.bench.ssa;

import java.util.concurrent.TimeUnit;
import org.ltpsim.bench.BenchJvm;
import org.ltpsim.network.ReactionNetwork;
import org.ltpsim.network.StandardNetworks;
import org.ltpsim.ssa.EnsembleResult;
import org.ltpsim.ssa.EnsembleSimulator;
import org.ltpsim.ssa.EnsembleSpec;
import org.ltpsim.ssa.SimulationMethod;
import org.ltpsim.ssa.SsaAlgorithm;
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
 * A large-count case where leaping pays: immigration-death 0 -> X at 1e5 /s, X -> 0 at 1 /s per X (X near 1e5,
 * 2e5 events per second of biology), 16 realisations of 5 s on one core, tau-leaping against the exact SIMD-lane
 * direct method. The "events" rate counts every reaction firing a leap stands for, so it is the rate of simulated
 * biology in exact-SSA units.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.VECTOR_MODULE, BenchJvm.QUIET, BenchJvm.PANAMA_THRESHOLD,
        BenchJvm.INLINE_LANES_LOG, BenchJvm.INLINE_LANES_PROPENSITY, BenchJvm.INLINE_LANE_GENERATOR,
        BenchJvm.DONTINLINE_LANES_REFILL, BenchJvm.INLINE_FIXED_COLUMN, BenchJvm.INLINE_FIXED_PICK})
@State(Scope.Benchmark)
public class TauLeapingBenchmark {
    @Param({"TAU_LEAPING", "DIRECT_SIMD_LANES"})
    public SsaAlgorithm algorithm;

    private ReactionNetwork network;
    private long seed;

    @Setup
    public void setUp() {
        network = StandardNetworks.immigrationDeath(1e5, 1.0);
    }

    @Benchmark
    public EnsembleResult engine(EventCounter counter) {
        SimulationMethod method = algorithm == SsaAlgorithm.TAU_LEAPING ? SimulationMethod.TAU : SimulationMethod.SSA;
        EnsembleSpec spec = new EnsembleSpec(16, 5, 0.5, seed++, 1, method);
        EnsembleResult result = EnsembleSimulator.run(network, spec, algorithm, done -> {});
        counter.events += result.events();
        return result;
    }
}
