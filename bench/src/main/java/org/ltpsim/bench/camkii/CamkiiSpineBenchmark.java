package org.ltpsim.bench.camkii;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.ltpsim.bench.BenchJvm;
import org.ltpsim.camkii.CamkiiParameters;
import org.ltpsim.camkii.CamkiiPopulation;
import org.ltpsim.camkii.CamkiiPopulations;
import org.ltpsim.rng.RandomStreams;
import org.ltpsim.simd.CamkiiHazardKernel;
import org.ltpsim.simd.CamkiiStepRates;
import org.ltpsim.simd.CamkiiStepState;
import org.ltpsim.simd.VectorizationProvider;
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
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The four-state holoenzyme kernel as the spine model drives it: a block of spines advanced by one fast step
 * (0.1 ms) at resting calcium (almost no events: the O(1) hazard integration per spine) or during a 1 uM
 * pulse (many CaM binding and autophosphorylation events), and a quiescent minute in one call (event to event).
 * Per-operation time divided by {@code spines} is the cost per spine and step.
 *
 * <pre>java --add-modules=jdk.incubator.vector -jar bench/target/benchmarks.jar CamkiiSpineBenchmark</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.VECTOR_MODULE, BenchJvm.QUIET, BenchJvm.PANAMA_THRESHOLD,
        BenchJvm.INLINE_LANES_LOG, BenchJvm.INLINE_LANES_PROPENSITY, BenchJvm.INLINE_LANE_GENERATOR,
        BenchJvm.DONTINLINE_LANES_REFILL, BenchJvm.INLINE_FIXED_COLUMN, BenchJvm.INLINE_FIXED_PICK})
@State(Scope.Thread)
public class CamkiiSpineBenchmark {
    @Param({"100", "1024", "10000"})
    int spines;

    @Param({"16", "80"})
    int holoenzymes;

    private CamkiiPopulation rest;
    private CamkiiPopulation pulsed;
    private double[] restCa;
    private double[] pulseCa;
    private CamkiiPopulation active;
    private double[][] changingCa;
    private int flip;
    private double[] kernelCa;
    private CamkiiStepRates kernelRates;
    private CamkiiStepState kernelState;
    private int[] kernelPending;

    @Setup(Level.Trial)
    public void setUp(ThreadParams thread) {
        CamkiiParameters parameters = CamkiiParameters.defaults();
        rest = CamkiiPopulations.create(parameters, spines, holoenzymes,
                RandomStreams.forBlock(2026, "bench-camkii-rest", thread.getThreadIndex()));
        pulsed = CamkiiPopulations.create(parameters, spines, holoenzymes,
                RandomStreams.forBlock(2026, "bench-camkii-pulse", thread.getThreadIndex()));
        restCa = new double[spines];
        pulseCa = new double[spines];
        Arrays.fill(restCa, 0.1);
        Arrays.fill(pulseCa, 1.0);
        rest.advanceUniform(10, 0.1);
        pulsed.advanceUniform(10, 0.1);
        active = CamkiiPopulations.create(parameters, spines, holoenzymes,
                RandomStreams.forBlock(2026, "bench-camkii-active", thread.getThreadIndex()));
        active.advanceUniform(10, 0.1);
        kernelCa = restCa.clone();
        for (int i = 0; i < spines; i += 10) {
            kernelCa[i] = 0.2;
        }
        kernelRates = CamkiiPopulations.stepRates(parameters, holoenzymes);
        kernelState = new CamkiiStepState(spines);
        Arrays.fill(kernelState.konWeight, 12.0 * holoenzymes);
        Arrays.fill(kernelState.i1Phospho, 0.77);
        Arrays.fill(kernelState.residual, 1.0);
        for (int i = 0; i < spines; i += 10) {
            kernelState.residual[i] = 0; // an event due: 10% of spines go to the event loop
        }
        kernelPending = new int[spines];
        changingCa = new double[2][spines];
        for (int i = 0; i < spines; i++) {
            changingCa[0][i] = 0.3 + 0.001 * (i % 7); // a moderate, spine-specific, ever-changing calcium
            changingCa[1][i] = changingCa[0][i] + 1e-6;
        }
    }

    /**
     * The kernel pass alone (scalar twin): kon, Vmax, phospho-I1 and hazard of every spine; 90% of spines quiet, 10%
     * with an event due.
     */
    @Benchmark
    public int hazardPassScalar() {
        return hazardPass(VectorizationProvider.scalar().camkiiHazardKernel());
    }

    /** The event-free pass alone (Vector API twin at the machine's width), same data. */
    @Benchmark
    public int hazardPassPanama() {
        return hazardPass(VectorizationProvider.getInstance().camkiiHazardKernel());
    }

    private int hazardPass(CamkiiHazardKernel kernel) {
        // dt = 1e-12 s: residuals shrink negligibly, so every invocation sees the same quiet/busy pattern
        return kernel.step(kernelRates, 1e-12, kernelCa, kernelState, spines, kernelPending);
    }

    /** One fast step with calcium different from the previous step in every spine (an active spine model). */
    @Benchmark
    public CamkiiPopulation fastStepChangingCalcium() {
        flip ^= 1;
        active.advance(1e-4, changingCa[flip]);
        return active;
    }

    /** Baseline of the spine model's loop: one fast step with no event in most spines. */
    @Benchmark
    public CamkiiPopulation fastStepAtRest() {
        rest.advance(1e-4, restCa);
        return rest;
    }

    /** One fast step during a 1 uM pulse (stays in the pulse: the saturated, event-rich regime). */
    @Benchmark
    public CamkiiPopulation fastStepInPulse() {
        pulsed.advance(1e-4, pulseCa);
        return pulsed;
    }

    /** A quiescent minute in one call: event-to-event at resting calcium. */
    @Benchmark
    public CamkiiPopulation quiescentMinute() {
        rest.advanceUniform(60, 0.1);
        return rest;
    }
}
