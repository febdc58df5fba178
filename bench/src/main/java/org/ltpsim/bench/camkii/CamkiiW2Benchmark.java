package org.ltpsim.bench.camkii;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ltpsim.bench.BenchJvm;
import org.ltpsim.camkii.CamkiiPopulations;
import org.ltpsim.camkii.RingW2Parameters;
import org.ltpsim.camkii.RingW2Population;
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
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * W2 (bench-models/README.md): H CaMKII holoenzymes as 2H closed 6-rings of subunits at fixed calcium, every
 * subunit tracked (a 6-bit mask per ring, one bit per subunit; each event flips one specific subunit), exact SSA by
 * thinning (see {@code RingW2Population}). Each thread runs its own realisation (its own block stream), so
 * {@code -t 2} measures scaling over independent blocks, as the ensemble runs use it. The "events" counter is
 * subunit events per second (per thread summed; rejected thinning candidates are not counted); compare NFsim
 * 2.6e5-7.5e5 and BioNetGen run_network 1.25e7. {@code randomNumbersOnly} is the previous kernel's random-number
 * floor (one uniform and one Exp(1) per event from Commons RNG); the thinning kernel draws instead about two
 * inlined XoShiRo256++ words per event (one per candidate) and one Poisson variate per call.
 *
 * <pre>java --add-modules=jdk.incubator.vector -jar bench/target/benchmarks.jar CamkiiW2Benchmark -t 1</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.VECTOR_MODULE, BenchJvm.QUIET, BenchJvm.PANAMA_THRESHOLD,
        BenchJvm.INLINE_LANES_LOG, BenchJvm.INLINE_LANES_PROPENSITY, BenchJvm.INLINE_LANE_GENERATOR,
        BenchJvm.DONTINLINE_LANES_REFILL, BenchJvm.INLINE_FIXED_COLUMN, BenchJvm.INLINE_FIXED_PICK})
@State(Scope.Thread)
public class CamkiiW2Benchmark {
    @Param({"1000", "10000"})
    int holoenzymes;

    private RingW2Population population;
    private double dtSec;
    private UniformRandomProvider rng;
    private ContinuousSampler exp;
    private int eventsPerOp;

    @Setup(Level.Trial)
    public void setUp(ThreadParams thread) {
        population = CamkiiPopulations.createW2(RingW2Parameters.benchmark(), 1, holoenzymes,
                RandomStreams.forBlock(2026, "bench-w2", thread.getThreadIndex()), 0.5, 0.2);
        population.advance(50); // stationary: 17.55 events per holoenzyme per second
        dtSec = 1_000.0 / holoenzymes; // about 17,500 events per operation
        eventsPerOp = 17_553;
        rng = RandomStreams.forBlock(2026, "bench-w2-baseline", thread.getThreadIndex());
        exp = ZigguratSampler.Exponential.of(rng);
    }

    @Benchmark
    public void subunitKernel(EventCounter counter) {
        long before = population.eventCount();
        population.advance(dtSec);
        counter.events += population.eventCount() - before;
    }

    @Benchmark
    public void randomNumbersOnly(EventCounter counter, Blackhole blackhole) {
        double sum = 0;
        for (int i = 0; i < eventsPerOp; i++) {
            sum += rng.nextDouble() + exp.sample();
        }
        blackhole.consume(sum);
        counter.events += eventsPerOp;
    }
}
