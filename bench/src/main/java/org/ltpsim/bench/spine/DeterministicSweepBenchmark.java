package org.ltpsim.bench.spine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ltpsim.bench.BenchJvm;
import org.ltpsim.camkii.CamkiiParameters;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.spine.ChannelFactory;
import org.ltpsim.spine.MeanFieldSources;
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
 * The same sweep stochastic and in the deterministic limit ({@code ltpsim sweep --deterministic}): {@code points}
 * grid points of HFS pulse count (5 to 100 pulses at 100 Hz, 1 s after), {@code spines} spines per point in branches
 * of 100, CaMKII on (16 holoenzymes per spine), 2 threads. Stochastic: every branch, every channel, subunit and
 * release site. Deterministic: every source mean-field, one reduced branch (one spine) per grid point, expanded to
 * all spines. The ratio of the two scores is the speed-up of --deterministic.
 *
 * <pre>
 * java --add-modules=jdk.incubator.vector -jar bench/target/benchmarks.jar DeterministicSweepBenchmark -bm ss -wi 1 -i 3 -f 1
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
public class DeterministicSweepBenchmark {
    @Param({"20"})
    public int points;

    @Param({"1000"})
    public int spines;

    @Param({"stochastic", "deterministic"})
    public String noise;

    private List<SpineExperiment> experiments;
    private SpineSimulator simulator;
    private BlockExecutor executor;

    @Setup(Level.Trial)
    public void setUp() {
        ParameterSet c = ParameterSet.defaults("camkii");
        experiments = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            int pulses = 5 + (int) Math.round(95.0 * i / Math.max(1, points - 1));
            ParameterSet p = ParameterSet.defaults("spine").with("protocol.hfs_pulses", Integer.toString(pulses));
            SpineModel model = SpineModel.from(p, false);
            experiments.add(new SpineExperiment(model, List.of(new Pathway("A", Protocols.named("hfs", p), spines)), 1,
                    1000, 0).withCamkii(CamkiiParameters.from(c), c.getInt("holoenzyme.per_spine")));
        }
        ChannelFactory channels = noise.equals("deterministic") ? MeanFieldSources.allMeanField()
                : new ReceptorChannels();
        simulator = new SpineSimulator(channels);
        executor = new BlockExecutor(2);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        executor.close();
    }

    @Benchmark
    public void sweep(Blackhole bh) {
        bh.consume(simulator.runAll(experiments, executor, done -> {}));
    }
}
