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
 * Direct method against Gibson &amp; Bruck's next-reaction method as the network grows: random closed networks of
 * {@code reactions} uni- and bimolecular reactions over reactions/5 species of 25 molecules each, on one core.
 * The crossover sets {@code EnsembleSimulator.NEXT_REACTION_THRESHOLD}. Read the "events" rate.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.VECTOR_MODULE, BenchJvm.QUIET, BenchJvm.PANAMA_THRESHOLD,
        BenchJvm.INLINE_LANES_LOG, BenchJvm.INLINE_LANES_PROPENSITY, BenchJvm.INLINE_LANE_GENERATOR,
        BenchJvm.DONTINLINE_LANES_REFILL, BenchJvm.INLINE_FIXED_COLUMN, BenchJvm.INLINE_FIXED_PICK})
@State(Scope.Benchmark)
public class LargeNetworkBenchmark {
    @Param({"DIRECT_SIMD_LANES", "DIRECT_MASS_ACTION", "DIRECT", "NEXT_REACTION"})
    public SsaAlgorithm algorithm;

    @Param({"10", "20", "40", "300", "2000"})
    public int reactions;

    private ReactionNetwork network;
    private double tEndSec;
    private long seed;

    @Setup
    public void setUp() {
        network = StandardNetworks.randomClosed(Math.max(4, reactions / 5), reactions, 25, 11);
        // about 2e5 events per invocation whatever the size
        double eventRate = 0;
        double[] state = network.initialState();
        for (var reaction : network.reactions()) {
            eventRate += reaction.propensity().evaluate(state, 0);
        }
        tEndSec = 2e4 / eventRate;
    }

    @Benchmark
    public EnsembleResult engine(EventCounter counter) {
        EnsembleSpec spec = new EnsembleSpec(10, tEndSec, tEndSec / 10, seed++, 1, SimulationMethod.SSA);
        EnsembleResult result = EnsembleSimulator.run(network, spec, algorithm, done -> {});
        counter.events += result.events();
        return result;
    }
}
