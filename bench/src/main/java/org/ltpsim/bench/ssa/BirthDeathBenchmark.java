package org.ltpsim.bench.ssa;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ltpsim.bench.BenchJvm;
import org.ltpsim.network.ReactionNetwork;
import org.ltpsim.network.StandardNetworks;
import org.ltpsim.rng.RandomStreams;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * W1 birth-death (DSMTS 001-01, ~830 events per realisation over t in [0, 50]) on one core: an ensemble of
 * {@code replicates} realisations per invocation, run by each exact algorithm, beside a hand-written direct-method
 * loop for this one model (Commons RNG XoShiRo256++, ziggurat exponential: the baseline of the workloads' README).
 * Read the "events" secondary score: reaction events per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.VECTOR_MODULE, BenchJvm.QUIET, BenchJvm.PANAMA_THRESHOLD,
        BenchJvm.INLINE_LANES_LOG, BenchJvm.INLINE_LANES_PROPENSITY, BenchJvm.INLINE_LANE_GENERATOR,
        BenchJvm.DONTINLINE_LANES_REFILL, BenchJvm.INLINE_FIXED_COLUMN, BenchJvm.INLINE_FIXED_PICK})
@State(Scope.Benchmark)
public class BirthDeathBenchmark {
    @Param({"DIRECT_SIMD_LANES", "DIRECT_MASS_ACTION", "DIRECT", "NEXT_REACTION"})
    public SsaAlgorithm algorithm;

    @Param({"64", "1024", "10240"})
    public int replicates;

    private ReactionNetwork network;
    private long seed;

    @Setup
    public void setUp() {
        network = StandardNetworks.birthDeath();
    }

    @Benchmark
    public EnsembleResult engine(EventCounter counter) {
        EnsembleSpec run = new EnsembleSpec(replicates, 50, 1, seed++, 1, SimulationMethod.SSA);
        EnsembleResult result = EnsembleSimulator.run(network, run, algorithm, done -> {});
        counter.events += result.events();
        return result;
    }

    /**
     * The baseline: the direct method written out for this model only, recording X at t = 0, 1, ..., 50 and
     * summing the values (so the loop cannot be removed).
     */
    @Benchmark
    public void handWrittenLoop(EventCounter counter, Blackhole blackhole) {
        long events = 0;
        double checksum = 0;
        long base = seed++ * replicates;
        for (int r = 0; r < replicates; r++) {
            UniformRandomProvider rng = RandomStreams.forBlock(17, "hand-loop", base + r);
            ZigguratSampler.Exponential exponential = ZigguratSampler.Exponential.of(rng);
            double x = 100;
            double t = 0;
            int next = 0;
            while (true) {
                double birth = 0.1 * x;
                double a0 = birth + 0.11 * x;
                double tNext = a0 > 0 ? t + exponential.sample() / a0 : Double.POSITIVE_INFINITY;
                while (next <= 50 && next <= tNext) {
                    checksum += x;
                    next++;
                }
                if (next > 50) {
                    break;
                }
                x += rng.nextDouble() * a0 < birth ? 1 : -1;
                events++;
                t = tNext;
            }
        }
        counter.events += events;
        blackhole.consume(checksum);
    }
}
