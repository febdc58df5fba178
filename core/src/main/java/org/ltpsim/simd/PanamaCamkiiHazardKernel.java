package org.ltpsim.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API twin of {@code ScalarCamkiiHazardKernel}: one spine per lane, the same IEEE operations in the same
 * order as {@link CamkiiStepRates}' scalar reference (multiplications for the Hill powers, division, square root;
 * no fused multiply-add, no vector transcendental), and the spines that need the event loop listed in ascending
 * order, so the result equals the scalar kernel's bit for bit at 4 and at 8 lanes
 * ({@link PanamaVectorConstants#DOUBLES}). Stores are unmasked (the residual is blended), and the pending spines
 * come from one {@code VectorMask.toLong} per vector.
 */
final class PanamaCamkiiHazardKernel implements CamkiiHazardKernel {
    private static final VectorSpecies<Double> SPECIES = PanamaVectorConstants.DOUBLES;
    static final PanamaCamkiiHazardKernel EAGER = new PanamaCamkiiHazardKernel(null);
    static final PanamaCamkiiHazardKernel WARMING =
            new PanamaCamkiiHazardKernel(new BodyWarmUp("PanamaCamkiiHazardKernel.step"));

    private final BodyWarmUp warmUp; // null: the body from the first call

    PanamaCamkiiHazardKernel(BodyWarmUp warmUp) {
        this.warmUp = warmUp;
    }

    /** Whether the vector bodies run (always for {@link #EAGER}; once compiled for {@link #WARMING}). */
    boolean compiled() {
        return warmUp == null || warmUp.compiled();
    }

    @Override
    public int step(CamkiiStepRates rates, double dtSec, double[] caMicroMolar, CamkiiStepState state, int count,
            int[] pending) {
        assert rates.fitsOneStep(dtSec) : dtSec;
        assert count <= caMicroMolar.length && count <= state.residual.length && count <= pending.length;
        int limit = SPECIES.loopBound(count);
        if (warmUp != null && !warmUp.compiled()) {
            if (warmUp.wantsStart()) {
                warmUp.startOnce(() -> warmUpCall(rates, dtSec, caMicroMolar, state, count));
            }
            limit = 0;
        }
        int n = limit > 0 ? stepBody(rates, dtSec, caMicroMolar, state, limit, pending) : 0;
        // the tail (all of the block while warming up): the reference arithmetic
        return ScalarCamkiiHazardKernel.stepRange(rates, dtSec, caMicroMolar, state, limit, count, pending, n);
    }

    /**
     * The warm-up's own two vectors of spines, their state copied from the caller's first {@code count}: the first at
     * the caller's calcium, the second at 5 uM with half its residuals spent, so that both the event-free and the
     * listed path are compiled. Nanoseconds per vector.
     */
    private static BodyWarmUp.TimedCall warmUpCall(CamkiiStepRates rates, double dtSec, double[] caMicroMolar,
            CamkiiStepState callerState, int count) {
        final int lanes = SPECIES.length();
        final int size = 2 * lanes;
        CamkiiStepState start = new CamkiiStepState(size);
        double[] ca = new double[size];
        for (int s = 0; s < size; s++) {
            int from = s % count;
            start.konWeight[s] = callerState.konWeight[from];
            start.constantHz[s] = callerState.constantHz[from];
            start.phosphorylated[s] = callerState.phosphorylated[from];
            start.i1Phospho[s] = callerState.i1Phospho[from];
            boolean second = s >= lanes;
            start.residual[s] = second && s % 2 == 0 ? 0 : callerState.residual[from];
            ca[s] = second ? 5.0 : caMicroMolar[from];
        }
        CamkiiStepState state = new CamkiiStepState(size);
        int[] pending = new int[size];
        return () -> {
            System.arraycopy(start.konWeight, 0, state.konWeight, 0, size);
            System.arraycopy(start.constantHz, 0, state.constantHz, 0, size);
            System.arraycopy(start.phosphorylated, 0, state.phosphorylated, 0, size);
            System.arraycopy(start.i1Phospho, 0, state.i1Phospho, 0, size);
            System.arraycopy(start.residual, 0, state.residual, 0, size);
            long t0 = System.nanoTime();
            stepBody(rates, dtSec, ca, state, size, pending);
            return (System.nanoTime() - t0) / 2;
        };
    }

    private static int stepBody(CamkiiStepRates rates, double dtSec, double[] caMicroMolar, CamkiiStepState state,
            int limit, int[] pending) {
        final double[] konWeight = state.konWeight;
        final double[] constantHz = state.constantHz;
        final double[] phosphorylated = state.phosphorylated;
        final double[] i1 = state.i1Phospho;
        final double[] residual = state.residual;
        final double[] konOut = state.konHz;
        final double[] vmaxOut = state.vmaxHz;
        final double onMax = rates.onMaxHz;
        final double inverseHalf = rates.inverseHalfActivation;
        final int hill = rates.hill;
        final boolean control = rates.pp1Control;
        final boolean freeAlways = rates.freeAlways;
        final int canHill = rates.canHill;
        final double inverseCanHalf = rates.inverseCanHalf;
        final double pka = rates.i1PkaHz;
        final double canMax = rates.i1CanMaxHz;
        final double e = rates.pp1OverI1;
        final double ki = rates.ki;
        final double fourKe = rates.fourKe;
        final double twoKe = rates.twoKe;
        final double vmaxPerFree = rates.vmaxPerFreeHz;
        final double vmaxConst = rates.vmaxHz;
        final double km = rates.kmSubunits;
        final int lanes = SPECIES.length();
        final DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        int n = 0;
        for (int s = 0; s < limit; s += lanes) {
            DoubleVector ca = DoubleVector.fromArray(SPECIES, caMicroMolar, s);
            // kon = onMax x / (1 + x), x = (ca / K)^hill
            DoubleVector ratio = ca.mul(inverseHalf);
            // x and xc below are carried round a loop: only ever arguments, never receivers (PanamaSsaLanes says
            // why); multiplication and addition commute exactly, so the bits are the scalar twin's
            DoubleVector x = ratio;
            for (int k = 1; k < hill; k++) {
                x = ratio.mul(x);
            }
            DoubleVector kon = DoubleVector.broadcast(SPECIES, onMax).mul(x).div(one.add(x));
            DoubleVector vmax;
            if (!control) {
                vmax = DoubleVector.broadcast(SPECIES, vmaxConst);
            } else {
                DoubleVector p = DoubleVector.fromArray(SPECIES, i1, s);
                if (freeAlways) {
                    vmax = DoubleVector.broadcast(SPECIES, vmaxPerFree);
                } else {
                    DoubleVector b = p.neg().add(e).sub(ki); // (e - p) - k
                    DoubleVector root = b.mul(b).add(fourKe).lanewise(VectorOperators.SQRT);
                    DoubleVector freeHigh = b.add(root).mul(0.5);
                    DoubleVector freeLow = DoubleVector.broadcast(SPECIES, twoKe).div(root.sub(b));
                    DoubleVector free = freeLow.blend(freeHigh, b.compare(VectorOperators.GE, 0.0));
                    vmax = free.div(e).mul(vmaxPerFree);
                }
                // phospho-I1 relaxes over the step at this calcium: s + (p - s) exp(-k dt)
                DoubleVector rc = ca.mul(inverseCanHalf);
                DoubleVector xc = rc;
                for (int k = 1; k < canHill; k++) {
                    xc = rc.mul(xc);
                }
                DoubleVector h = one.mul(xc).div(one.add(xc)); // 1 xc is xc exactly, and not a loop phi
                DoubleVector rate = h.mul(canMax).add(pka);
                DoubleVector steady = DoubleVector.broadcast(SPECIES, pka).div(rate);
                DoubleVector z = rate.mul(dtSec);
                DoubleVector poly = z.mul(CamkiiStepRates.TWENTY_FOURTH).add(CamkiiStepRates.MINUS_SIXTH);
                poly = z.mul(poly).add(0.5);
                poly = z.mul(poly).add(-1.0);
                poly = z.mul(poly).add(1.0);
                p.sub(steady).mul(poly).add(steady).intoArray(i1, s);
            }
            kon.intoArray(konOut, s);
            vmax.intoArray(vmaxOut, s);
            DoubleVector phos = DoubleVector.fromArray(SPECIES, phosphorylated, s);
            DoubleVector a0 = DoubleVector.fromArray(SPECIES, konWeight, s).mul(kon)
                    .add(DoubleVector.fromArray(SPECIES, constantHz, s))
                    .add(phos.mul(vmax).div(phos.add(km)));
            DoubleVector hazard = a0.mul(dtSec);
            DoubleVector resid = DoubleVector.fromArray(SPECIES, residual, s);
            // GE and LE are false for NaN, as >= and <= are in the scalar reference
            VectorMask<Double> quiet = ca.compare(VectorOperators.GE, 0.0)
                    .and(hazard.compare(VectorOperators.LE, resid));
            resid.blend(resid.sub(hazard), quiet).intoArray(residual, s);
            long busy = quiet.not().toLong();
            while (busy != 0) {
                pending[n++] = s + Long.numberOfTrailingZeros(busy);
                busy &= busy - 1;
            }
        }
        return n;
    }
}
