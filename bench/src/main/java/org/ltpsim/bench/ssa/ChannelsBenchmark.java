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
 * W3 channels as a plain network (100,000 five-state channels as five species counts, eight unimolecular
 * reactions, ~2.1e6 events per second of biology) on one core: 16 realisations of 0.2 s each per invocation
 * (~5e6 events, the early part of the relaxation from all-closed). Compare the "events" rate with BioNetGen
 * run_network's 1.8e7 events/s and NFsim's 6.3e5 on this machine kind (bench-models README).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.VECTOR_MODULE, BenchJvm.QUIET, BenchJvm.PANAMA_THRESHOLD,
        BenchJvm.INLINE_LANES_LOG, BenchJvm.INLINE_LANES_PROPENSITY, BenchJvm.INLINE_LANE_GENERATOR,
        BenchJvm.DONTINLINE_LANES_REFILL, BenchJvm.INLINE_FIXED_COLUMN, BenchJvm.INLINE_FIXED_PICK})
@State(Scope.Benchmark)
public class ChannelsBenchmark {
    @Param({"DIRECT_SIMD_LANES", "DIRECT_MASS_ACTION", "NEXT_REACTION"})
    public SsaAlgorithm algorithm;

    @Param({"100000"})
    public int channels;

    private ReactionNetwork network;
    private long seed;

    @Setup
    public void setUp() {
        network = StandardNetworks.channels(channels);
    }

    @Benchmark
    public EnsembleResult engine(EventCounter counter) {
        EnsembleSpec spec = new EnsembleSpec(16, 0.2, 0.01, seed++, 1, SimulationMethod.SSA);
        EnsembleResult result = EnsembleSimulator.run(network, spec, algorithm, done -> {});
        counter.events += result.events();
        return result;
    }
}
