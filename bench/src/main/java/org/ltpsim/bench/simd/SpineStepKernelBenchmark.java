package org.ltpsim.bench.simd;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ltpsim.bench.BenchJvm;
import org.ltpsim.simd.SpineCircuit;
import org.ltpsim.simd.SpineStepArrays;
import org.ltpsim.simd.SpineStepKernel;
import org.ltpsim.simd.VectorizationProvider;
import org.ltpsim.spine.SpineModel;
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
 * The per-spine arithmetic of one branch step ({@link SpineStepKernel}: the heads' rows of the voltage system, then
 * each head's voltage, NMDA calcium influx and calcium update), scalar against its Vector API twin, over
 * {@code spines} heads. Time per operation = one step of the branch's heads (both passes); divided by
 * {@code spines}, the cost per spine and step. The branch voltage between the passes is held at -40 mV (the caller's
 * one-equation solve is not part of the kernel).
 *
 * <p>Two regimes, head kinds drawn at random (seeded, so both twins see the same data and the scalar branches are as
 * unpredictable as in a run): {@code train}, during HFS: a quarter of the heads with an open NMDA channel, a quarter
 * with open AMPA channels only, half closed; {@code quiet}, between LFS pulses: 8% of the heads open (the lfs
 * branch's count at a quiet step), none with NMDA.
 *
 * <pre>java --add-modules=jdk.incubator.vector -jar bench/target/benchmarks.jar SpineStepKernelBenchmark</pre>
 * {@code -jvmArgsAppend "--add-modules=jdk.incubator.vector -XX:UseAVX=2"} gives the 4-lane kernels on an AVX-512
 * machine ({@code bench/run-simd-widths.sh} runs both).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.VECTOR_MODULE, BenchJvm.QUIET, BenchJvm.PANAMA_THRESHOLD,
        BenchJvm.INLINE_LANES_LOG, BenchJvm.INLINE_LANES_PROPENSITY, BenchJvm.INLINE_LANE_GENERATOR,
        BenchJvm.DONTINLINE_LANES_REFILL, BenchJvm.INLINE_FIXED_COLUMN, BenchJvm.INLINE_FIXED_PICK})
public class SpineStepKernelBenchmark {
    private static final double BRANCH_MV = -40;

    @Param({"100", "1000", "10000"})
    public int spines;

    @Param({"train", "quiet"})
    public String regime;

    private final SpineStepKernel scalar = VectorizationProvider.scalar().spineStepKernel();
    private final SpineStepKernel simd = VectorizationProvider.getInstance().spineStepKernel();
    private SpineCircuit circuit;
    private SpineStepArrays arrays;

    @Setup
    public void setUp() {
        boolean train = switch (regime) {
            case "train" -> true;
            case "quiet" -> false;
            default -> throw new IllegalArgumentException("regime must be train or quiet: " + regime);
        };
        SpineModel m = SpineModel.defaults();
        SpineCircuit.Model model = m.circuit(0.1);
        circuit = new SpineCircuit(model, train ? 0.05 : 2.0);
        double[][] a = new double[12][spines];
        arrays = new SpineStepArrays(spines, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10],
                a[11]);
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < spines; i++) {
            arrays.vSpineMv[i] = -70 + 40 * random.nextDouble();
            arrays.caMicroMolar[i] = 0.1 + random.nextDouble();
            arrays.binMinCaMicroMolar[i] = 0.1;
            arrays.binMaxCaMicroMolar[i] = 2;
            int kind = random.nextInt(train ? 4 : 25);
            arrays.openAmpa[i] = kind < 2 ? 1 + random.nextInt(15) : 0;
            arrays.openNmda[i] = train && kind == 0 ? 1 + random.nextInt(2) : 0;
        }
    }

    @Benchmark
    public double scalarStep() {
        scalar.voltageRows(circuit, arrays, spines);
        scalar.calcium(circuit, BRANCH_MV, arrays, spines);
        return arrays.driveSum;
    }

    @Benchmark
    public double simdStep() {
        simd.voltageRows(circuit, arrays, spines);
        simd.calcium(circuit, BRANCH_MV, arrays, spines);
        return arrays.driveSum;
    }
}
