package org.ltpsim.bench.ssa;

import java.util.concurrent.TimeUnit;
import org.ltpsim.bench.BenchJvm;
import org.ltpsim.network.ReactionNetwork;
import org.ltpsim.network.StandardNetworks;
import org.ltpsim.ssa.EnsembleResult;
import org.ltpsim.ssa.EnsembleSimulator;
import org.ltpsim.ssa.EnsembleSpec;
import org.ltpsim.ssa.SimulationMethod;
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
 * Parallel scaling: an ensemble of 10,240 W1 birth-death realisations (~8.5e6 events, the algorithm the engine
 * picks) on 1 and 2 worker threads. The speed-up is the ratio of the two "events" rates; it is only meaningful
 * on an otherwise idle machine.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.VECTOR_MODULE, BenchJvm.QUIET, BenchJvm.PANAMA_THRESHOLD,
        BenchJvm.INLINE_LANES_LOG, BenchJvm.INLINE_LANES_PROPENSITY, BenchJvm.INLINE_LANE_GENERATOR,
        BenchJvm.DONTINLINE_LANES_REFILL, BenchJvm.INLINE_FIXED_COLUMN, BenchJvm.INLINE_FIXED_PICK})
@State(Scope.Benchmark)
public class EnsembleThreadsBenchmark {
    @Param({"1", "2"})
    public int threads;

    @Param({"10240", "102400"})
    public int replicates;

    private ReactionNetwork network;
    private long seed;

    @Setup
    public void setUp() {
        network = StandardNetworks.birthDeath();
    }

    @Benchmark
    public EnsembleResult ensemble(EventCounter counter) {
        EnsembleSpec spec = new EnsembleSpec(replicates, 50, 1, seed++, threads, SimulationMethod.SSA);
        EnsembleResult result = EnsembleSimulator.run(network, spec);
        counter.events += result.events();
        return result;
    }
}
