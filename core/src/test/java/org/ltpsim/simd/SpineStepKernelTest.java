package org.ltpsim.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ltpsim.spine.SpineModel;

/**
 * The Vector API spine step at 4 and 8 lanes against its scalar twin: every output array bitwise equal on sizes that
 * hit every tail (each width in the JVM of that width; the other skips), on heads closed, AMPA-only, NMDA-open, with
 * a voltage whose Mg2+ exponent leaves ReducedExp's range (the scalar path inside a vector), several steps in a row
 * so that the state (and the remembered Mg2+ block) carries over.
 */
@Tag("simd-kernels")
class SpineStepKernelTest {
    private static final SpineStepKernel SCALAR = VectorizationProvider.scalar().spineStepKernel();
    private static final SpineModel M = SpineModel.defaults();
    // the spine model's defaults, as BranchSimulation builds them
    private static final SpineCircuit.Model MODEL = M.circuit(0.1);

    @ParameterizedTest(name = "{0} lanes")
    @ValueSource(ints = {4, 8})
    void panamaEqualsScalarOnEveryTailLength(int lanes) {
        SpineStepKernel panama = PanamaWidth.assume(lanes).spineStepKernel();
        int[] sizes = {1, 4, 6, 8, lanes - 1, lanes + 1, 2 * lanes + 3, 13, 100, 1000, 4098};
        for (int size : sizes) {
            for (boolean withStepMean : new boolean[] {false, true}) {
                SplittableRandom random = new SplittableRandom(size * 31L + (withStepMean ? 1 : 0));
                State a = new State(size, withStepMean, random);
                State b = a.copy();
                int outsideTable = 0;
                for (int stepIndex = 0; stepIndex < 6; stepIndex++) { // the first calls warm up, later ones the body
                    SpineCircuit circuit = new SpineCircuit(MODEL, stepIndex % 2 == 0 ? 0.05 : 0.25);
                    a.openChannels(random);
                    b.copyOpenChannelsFrom(a);
                    if (stepIndex == 3 && size > 2) { // beyond the range (|V| > 258 mV): StrictMath.exp in a lane
                        a.arrays.vSpineMv[size / 2] = -300;
                        b.arrays.vSpineMv[size / 2] = -300;
                        a.arrays.openNmda[size / 2] = 1;
                        b.arrays.openNmda[size / 2] = 1;
                        outsideTable++;
                    }
                    SCALAR.voltageRows(circuit, a.arrays, size);
                    panama.voltageRows(circuit, b.arrays, size);
                    assertEquals(bits(a.arrays.couplingSum), bits(b.arrays.couplingSum), "coupling sum, size " + size);
                    assertEquals(bits(a.arrays.driveSum), bits(b.arrays.driveSum), "drive sum, size " + size);
                    double branchMv = -70 + 80 * random.nextDouble();
                    SCALAR.calcium(circuit, branchMv, a.arrays, size);
                    panama.calcium(circuit, branchMv, b.arrays, size);
                    a.assertBitwiseEqual(b, "size " + size + " step " + stepIndex);
                }
                assertTrue(size <= 2 || outsideTable == 1);
                assertTrue(a.arrays.caInfluxMicroMolar[size - 1] >= 0);
            }
        }
    }

    /**
     * The simulation's kernel ({@link PanamaSpineStepKernel#WARMING}'s kind) runs the scalar twin until its warm-up
     * reports the bodies compiled, then the bodies: the scalar kernel's bits on either side of the switch. Here the
     * warm-up reports "compiled" on its first timed pass, which the test waits for after the first step.
     */
    @ParameterizedTest(name = "{0} lanes")
    @ValueSource(ints = {4, 8})
    void warmingKernelEqualsScalarAcrossItsSwitch(int lanes) throws InterruptedException {
        PanamaWidth.assume(lanes);
        PanamaSpineStepKernel warming = new PanamaSpineStepKernel(WarmUps.firstPassCompiles("rows"),
                WarmUps.firstPassCompiles("calcium"));
        int size = 4 * lanes + 3;
        SplittableRandom random = new SplittableRandom(11);
        State a = new State(size, true, random);
        State b = a.copy();
        for (int stepIndex = 0; stepIndex < 4; stepIndex++) {
            if (stepIndex == 1) {
                WarmUps.await(warming::compiled);
            } else {
                assertEquals(stepIndex > 1, warming.compiled());
            }
            SpineCircuit circuit = new SpineCircuit(MODEL, 0.05);
            a.openChannels(random);
            b.copyOpenChannelsFrom(a);
            SCALAR.voltageRows(circuit, a.arrays, size);
            warming.voltageRows(circuit, b.arrays, size);
            double branchMv = -70 + 80 * random.nextDouble();
            SCALAR.calcium(circuit, branchMv, a.arrays, size);
            warming.calcium(circuit, branchMv, b.arrays, size);
            assertEquals(bits(a.arrays.driveSum), bits(b.arrays.driveSum), "drive sum, step " + stepIndex);
            a.assertBitwiseEqual(b, "step " + stepIndex);
        }
    }

    /** The exercised paths really occur: closed heads, open NMDA heads with influx, calcium above the bin maximum. */
    @Test
    void theRandomHeadsCoverEveryBranchOfTheStep() {
        SplittableRandom random = new SplittableRandom(5);
        State s = new State(1000, true, random);
        s.openChannels(random);
        SpineCircuit circuit = new SpineCircuit(MODEL, 0.05);
        SCALAR.voltageRows(circuit, s.arrays, 1000);
        SCALAR.calcium(circuit, 0.0, s.arrays, 1000);
        int closed = 0;
        int influx = 0;
        for (int i = 0; i < 1000; i++) {
            closed += s.arrays.openAmpa[i] == 0 && s.arrays.openNmda[i] == 0 ? 1 : 0;
            influx += s.arrays.caInfluxMicroMolar[i] > 0 ? 1 : 0;
        }
        assertTrue(closed > 100 && closed < 900, "closed heads: " + closed);
        assertTrue(influx > 50, "heads with influx: " + influx);
    }

    private static long bits(double x) {
        return Double.doubleToRawLongBits(x);
    }

    /** A branch's state and readouts with random values around the model's range. */
    private static final class State {
        final SpineStepArrays arrays;

        State(int size, boolean withStepMean, SplittableRandom random) {
            this(size, withStepMean);
            for (int i = 0; i < size; i++) {
                arrays.vSpineMv[i] = -80 + 100 * random.nextDouble();
                arrays.caMicroMolar[i] = 0.1 + 2 * random.nextDouble() * random.nextDouble();
                arrays.qMicroMolarSec[i] = random.nextDouble();
                arrays.nmdaOpenChannelMs[i] = random.nextDouble();
                arrays.peakDepolarisationMv[i] = 30 * random.nextDouble();
                arrays.caInfluxMicroMolar[i] = random.nextDouble();
                arrays.qMaxMicroMolarSec[i] = random.nextDouble();
                arrays.peakCaMicroMolar[i] = 2 * random.nextDouble();
                arrays.caElevatedMs[i] = random.nextDouble();
                double c = arrays.caMicroMolar[i];
                arrays.binMinCaMicroMolar[i] = c - 0.5 * random.nextDouble();
                arrays.binMaxCaMicroMolar[i] = c + 0.5 * random.nextDouble();
            }
        }

        private State(int size, boolean withStepMean) {
            Function<Integer, double[]> array = double[]::new;
            arrays = new SpineStepArrays(size, array.apply(size), array.apply(size), array.apply(size),
                    array.apply(size), array.apply(size), array.apply(size), array.apply(size), array.apply(size),
                    array.apply(size), array.apply(size), array.apply(size), withStepMean ? new double[size] : null);
        }

        State copy() {
            int size = arrays.vSpineMv.length;
            State c = new State(size, arrays.caStepMeanMicroMolar != null);
            for (int k = 0; k < 11; k++) {
                System.arraycopy(stateArray(k), 0, c.stateArray(k), 0, size);
            }
            return c;
        }

        /** Heads closed (about half), AMPA only, or with one or two open NMDA channels. */
        void openChannels(SplittableRandom random) {
            for (int i = 0; i < arrays.openAmpa.length; i++) {
                int kind = random.nextInt(4);
                arrays.openAmpa[i] = kind < 2 ? 0 : random.nextInt(20);
                arrays.openNmda[i] = kind < 3 ? 0 : 1 + random.nextInt(2);
            }
        }

        void copyOpenChannelsFrom(State other) {
            System.arraycopy(other.arrays.openAmpa, 0, arrays.openAmpa, 0, arrays.openAmpa.length);
            System.arraycopy(other.arrays.openNmda, 0, arrays.openNmda, 0, arrays.openNmda.length);
        }

        double[] stateArray(int k) {
            SpineStepArrays s = arrays;
            return new double[][] {s.vSpineMv, s.caMicroMolar, s.qMicroMolarSec, s.nmdaOpenChannelMs,
                    s.peakDepolarisationMv, s.caInfluxMicroMolar, s.qMaxMicroMolarSec, s.peakCaMicroMolar,
                    s.caElevatedMs, s.binMinCaMicroMolar, s.binMaxCaMicroMolar}[k];
        }

        void assertBitwiseEqual(State other, String where) {
            SpineStepArrays s = arrays;
            SpineStepArrays o = other.arrays;
            double[][] mine = {s.aCoefficient, s.inverseDiagonal, s.nmdaConductanceNs, s.coupling, s.drive,
                    s.caStepMeanMicroMolar == null ? new double[0] : s.caStepMeanMicroMolar};
            double[][] theirs = {o.aCoefficient, o.inverseDiagonal, o.nmdaConductanceNs, o.coupling, o.drive,
                    o.caStepMeanMicroMolar == null ? new double[0] : o.caStepMeanMicroMolar};
            for (int k = 0; k < 11 + mine.length; k++) {
                double[] x = k < 11 ? stateArray(k) : mine[k - 11];
                double[] y = k < 11 ? other.stateArray(k) : theirs[k - 11];
                for (int i = 0; i < x.length; i++) {
                    assertEquals(bits(x[i]), bits(y[i]), where + ", array " + k + ", spine " + i + ": " + x[i]
                            + " vs " + y[i]);
                }
            }
        }
    }
}
