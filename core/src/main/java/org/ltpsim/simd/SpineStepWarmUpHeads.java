package org.ltpsim.simd;

import java.util.Arrays;

/**
 * The heads {@link BodyWarmUp} sends through {@link PanamaSpineStepKernel}'s bodies: three vectors of them, one with
 * every head closed, one AMPA-open and one NMDA-open, so that C2 compiles every path a simulation takes (a path it
 * never saw would be compiled as a trap, and the first pulse would send the simulation back to the interpreted
 * body). Voltage, calcium and Q are copied from the caller's heads; each call starts from that copy, and every other
 * call forgets the remembered Mg2+ block, so both its hit and its miss are seen.
 */
final class SpineStepWarmUpHeads {
    @FunctionalInterface
    interface VoltageRowsBody {
        void run(SpineCircuit circuit, SpineStepArrays spines, int limit);
    }

    @FunctionalInterface
    interface CalciumBody {
        void run(SpineCircuit circuit, double branchMv, SpineStepArrays spines, int limit);
    }

    private static final int VECTORS = 3;
    private static final double OPEN_AMPA = 4;
    private static final double OPEN_NMDA = 1;
    private static final double[] BRANCH_MV = {-65, -20};

    private final int lanes;
    private final int size;
    private final double[] vStartMv;
    private final double[] caStartMicroMolar;
    private final double[] qStartMicroMolarSec;
    private final SpineStepArrays heads;
    private long calls;

    /** Copies the state of {@code caller}'s first {@code count} heads (count >= 1), repeated to fill the vectors. */
    SpineStepWarmUpHeads(SpineStepArrays caller, int count, int lanes) {
        this.lanes = lanes;
        size = VECTORS * lanes;
        vStartMv = repeated(caller.vSpineMv, count, size);
        caStartMicroMolar = repeated(caller.caMicroMolar, count, size);
        qStartMicroMolarSec = repeated(caller.qMicroMolarSec, count, size);
        heads = new SpineStepArrays(size, vStartMv.clone(), caStartMicroMolar.clone(), qStartMicroMolarSec.clone(),
                new double[size], new double[size], new double[size], new double[size], new double[size],
                new double[size], caStartMicroMolar.clone(), caStartMicroMolar.clone(),
                caller.caStepMeanMicroMolar == null ? null : new double[size]);
    }

    /** The voltage-rows body over the heads; nanoseconds per vector. */
    long timedVoltageRows(SpineCircuit circuit, VoltageRowsBody body) {
        reset();
        long start = System.nanoTime();
        body.run(circuit, heads, size);
        return (System.nanoTime() - start) / VECTORS;
    }

    /** The calcium body over the heads, their rows from the scalar kernel first (untimed); ns per vector. */
    long timedCalcium(SpineCircuit circuit, CalciumBody body) {
        reset();
        ScalarSpineStepKernel.voltageRowsRange(circuit, heads, 0, size);
        double branchMv = BRANCH_MV[(int) (calls % BRANCH_MV.length)];
        long start = System.nanoTime();
        body.run(circuit, branchMv, heads, size);
        return (System.nanoTime() - start) / VECTORS;
    }

    private void reset() {
        calls++;
        System.arraycopy(vStartMv, 0, heads.vSpineMv, 0, size);
        System.arraycopy(caStartMicroMolar, 0, heads.caMicroMolar, 0, size);
        System.arraycopy(qStartMicroMolarSec, 0, heads.qMicroMolarSec, 0, size);
        for (int i = 0; i < size; i++) {
            int vector = i / lanes; // 0: closed, 1: AMPA open, 2: AMPA and NMDA open
            heads.openAmpa[i] = vector == 0 ? 0 : OPEN_AMPA;
            heads.openNmda[i] = vector == 2 ? OPEN_NMDA : 0;
        }
        if (calls % 2 == 0) {
            Arrays.fill(heads.mgVoltageMv, Double.NaN);
        }
    }

    private static double[] repeated(double[] values, int count, int size) {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = values[i % count];
        }
        return out;
    }
}
