package org.ltpsim.bench.spine;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ltpsim.bench.BenchJvm;
import org.ltpsim.camkii.CamkiiParameters;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.spine.ReceptorChannels;
import org.ltpsim.spine.SpineModel;
import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.input.Protocols;
import org.ltpsim.spine.sim.SpineExperiment;
import org.ltpsim.spine.sim.SpineSimulator;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Time to solution of the spine model: HFS (100 Hz for 1 s) plus 1 s after, on {@code spines} spines in branches of
 * 100, every AMPA and NMDA channel stochastic (defaults: 100 AMPA + 2 NMDA per spine), on 1 or 2 threads, with or
 * without CaMKII (16 holoenzymes per spine, every subunit; {@code ltpsim run} has it on by default).
 *
 * <p>The NEURON 8.2 reference for 10,000 spines (100 branches of 100, deterministic AMPA and NMDA synapses) on
 * this machine kind: 59 s fixed step (0.025 ms), 19 s variable step, one core; 36 s fixed step on two threads
 * (issue 3). {@code silentBaseline} is the same network with no input: the cost of setting up the blocks and
 * jumping over 2 s of silence.
 *
 * <pre>
 * java --add-modules=jdk.incubator.vector -jar bench/target/benchmarks.jar SpineHfsBenchmark -bm ss -wi 1 -i 3 -f 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.VECTOR_MODULE, BenchJvm.QUIET, BenchJvm.PANAMA_THRESHOLD,
        BenchJvm.INLINE_LANES_LOG, BenchJvm.INLINE_LANES_PROPENSITY, BenchJvm.INLINE_LANE_GENERATOR,
        BenchJvm.DONTINLINE_LANES_REFILL, BenchJvm.INLINE_FIXED_COLUMN, BenchJvm.INLINE_FIXED_PICK, "-Xmx4g"})
public class SpineHfsBenchmark {
    @Param({"10000"})
    public int spines;

    @Param({"1", "2"})
    public int threads;

    /** CaMKII holoenzymes in every spine (16 per spine, data/camkii.toml): on by default in {@code ltpsim run}. */
    @Param({"false", "true"})
    public boolean camkii;

    private SpineExperiment hfs;
    private SpineExperiment silent;
    private SpineSimulator simulator;
    private BlockExecutor executor;

    @Setup(Level.Trial)
    public void setUp() {
        ParameterSet p = ParameterSet.defaults("spine");
        SpineModel model = SpineModel.from(p, false);
        // HFS from t = 0 (start_ms 10) to the 100th pulse at 1000 ms, then 1 s after: 2 s of biology
        hfs = new SpineExperiment(model, List.of(new Pathway("hfs", Protocols.named("hfs", p), spines)), 1,
                1000, 0);
        if (camkii) {
            ParameterSet c = ParameterSet.defaults("camkii");
            hfs = hfs.withCamkii(CamkiiParameters.from(c), c.getInt("holoenzyme.per_spine"));
        }
        silent = new SpineExperiment(model, List.of(new Pathway("none", Protocols.named("none", p), spines)), 1,
                2000, 0);
        simulator = new SpineSimulator(new ReceptorChannels());
        executor = new BlockExecutor(threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        executor.close();
    }

    @Benchmark
    public void silentBaseline(Blackhole bh) {
        bh.consume(simulator.run(silent, executor));
    }

    @Benchmark
    public void hfs(Blackhole bh) {
        bh.consume(simulator.run(hfs, executor));
    }
}
