package org.ltpsim.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ltpsim.camkii.CamkiiParameters;
import org.ltpsim.camkii.CamkiiPopulations;

/**
 * The CaMKII hazard and channel clock kernels of the simulation's kind ({@code WARMING}) run their scalar twins until
 * the warm-up reports the body compiled, then the body: the scalar kernel's bits on either side of the switch, step
 * after step on the same state. Here the warm-up reports "compiled" on its first timed pass, which the test waits for
 * after the first step. (The spine step's switch: SpineStepKernelTest.)
 */
@Tag("simd-kernels")
class WarmingKernelSwitchTest {
    private static final int STEPS = 4;

    @ParameterizedTest(name = "{0} lanes")
    @ValueSource(ints = {4, 8})
    void camkiiHazardKernelEqualsScalarAcrossItsSwitch(int lanes) throws InterruptedException {
        PanamaWidth.assume(lanes);
        PanamaCamkiiHazardKernel warming = new PanamaCamkiiHazardKernel(WarmUps.firstPassCompiles("camkii"));
        CamkiiHazardKernel scalar = VectorizationProvider.scalar().camkiiHazardKernel();
        CamkiiStepRates rates = CamkiiPopulations.stepRates(CamkiiParameters.defaults(), 16);
        int size = 5 * lanes + 1;
        SplittableRandom random = new SplittableRandom(3);
        CamkiiStepState a = new CamkiiStepState(size);
        CamkiiStepState b = new CamkiiStepState(size);
        for (int s = 0; s < size; s++) {
            a.konWeight[s] = b.konWeight[s] = random.nextInt(193);
            a.constantHz[s] = b.constantHz[s] = random.nextDouble() * 200;
            a.phosphorylated[s] = b.phosphorylated[s] = random.nextInt(193);
            a.i1Phospho[s] = b.i1Phospho[s] = random.nextDouble();
            a.residual[s] = b.residual[s] = random.nextDouble() * 0.2;
        }
        for (int step = 0; step < STEPS; step++) {
            awaitSwitchAfterFirstStep(step, warming::compiled);
            double[] ca = new double[size];
            for (int s = 0; s < size; s++) {
                ca[s] = random.nextInt(3) == 0 ? 0.1 : random.nextDouble() * 10;
            }
            int[] p1 = new int[size];
            int[] p2 = new int[size];
            int n1 = scalar.step(rates, 1e-4, ca, a, size, p1);
            int n2 = warming.step(rates, 1e-4, ca, b, size, p2);
            assertArrayEquals(Arrays.copyOf(p1, n1), Arrays.copyOf(p2, n2), "pending, step " + step);
            for (double[][] pair : new double[][][] {{a.i1Phospho, b.i1Phospho}, {a.residual, b.residual},
                    {a.konHz, b.konHz}, {a.vmaxHz, b.vmaxHz}}) {
                assertArrayEquals(bits(pair[0]), bits(pair[1]), "step " + step);
            }
            for (int k = 0; k < n1; k++) { // the event loop's part: a fresh residual for every listed spine
                a.residual[p1[k]] = b.residual[p1[k]] = random.nextDouble() * 0.2;
            }
        }
    }

    @ParameterizedTest(name = "{0} lanes")
    @ValueSource(ints = {4, 8})
    void channelClockKernelEqualsScalarAcrossItsSwitch(int lanes) throws InterruptedException {
        PanamaWidth.assume(lanes);
        PanamaChannelClockKernel warming = new PanamaChannelClockKernel(WarmUps.firstPassCompiles("clock"));
        ChannelClockKernel scalar = VectorizationProvider.scalar().channelClockKernel();
        int size = 5 * lanes + 1;
        SplittableRandom random = new SplittableRandom(4);
        double[] constSum = new double[size];
        double[] gluSum = new double[size];
        double[] liveSum = new double[size];
        double[] since = new double[size];
        double[] clockA = new double[size];
        for (int s = 0; s < size; s++) {
            constSum[s] = random.nextDouble() * 0.2;
            gluSum[s] = random.nextDouble() * 5;
            liveSum[s] = random.nextDouble() * 0.1;
            since[s] = random.nextBoolean() ? Double.NaN : 0.0;
            clockA[s] = random.nextDouble();
        }
        double[] clockB = clockA.clone();
        for (int step = 0; step < STEPS; step++) {
            awaitSwitchAfterFirstStep(step, warming::compiled);
            double[] glutamate = new double[size];
            for (int s = 0; s < size; s++) {
                glutamate[s] = random.nextInt(3) == 0 ? 0.0 : random.nextDouble();
            }
            boolean pooling = step % 2 == 0;
            int[] p1 = new int[size];
            int[] p2 = new int[size];
            int n1 = scalar.integrate(0.05, glutamate, constSum, gluSum, liveSum, since, pooling, clockA, size, p1);
            int n2 = warming.integrate(0.05, glutamate, constSum, gluSum, liveSum, since, pooling, clockB, size, p2);
            assertArrayEquals(Arrays.copyOf(p1, n1), Arrays.copyOf(p2, n2), "pending, step " + step);
            assertArrayEquals(bits(clockA), bits(clockB), "clocks, step " + step);
            for (int k = 0; k < n1; k++) { // the event loop's part: a fresh clock for every listed spine
                clockA[p1[k]] = clockB[p1[k]] = random.nextDouble();
            }
        }
    }

    /** Step 0 runs the scalar twin (and starts the warm-up); before step 1 the body is compiled, and stays. */
    private static void awaitSwitchAfterFirstStep(int step, java.util.function.BooleanSupplier compiled)
            throws InterruptedException {
        if (step == 1) {
            WarmUps.await(compiled);
        } else {
            assertEquals(step > 1, compiled.getAsBoolean(), "compiled at step " + step);
        }
    }

    private static long[] bits(double[] values) {
        return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
