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
    static final PanamaCamkiiHazardKernel INSTANCE = new PanamaCamkiiHazardKernel();
    /** One vector of the body in less than this means C2 has compiled it (its Java fallback takes ~100 us). */
    private static final long COMPILED_NANOS = 2_000;
    /**
     * Until C2 has compiled {@link #stepBody}, the Vector API runs its Java fallback, measured ~5,000 times slower
     * than the compiled body (1.7 ms per 100-spine call against 0.3 us) and ~1,000 times slower than the scalar
     * twin. So until then each call sends only its first vector through the body (which counts the invocations that
     * get it compiled) and the rest through the scalar reference; the results are the same bits either way.
     */
    private static volatile boolean compiled;

    private PanamaCamkiiHazardKernel() {}

    @Override
    public int step(CamkiiStepRates rates, double dtSec, double[] caMicroMolar, CamkiiStepState state, int count,
            int[] pending) {
        assert rates.fitsOneStep(dtSec) : dtSec;
        assert count <= caMicroMolar.length && count <= state.residual.length && count <= pending.length;
        int limit = SPECIES.loopBound(count);
        int n;
        if (compiled || limit == 0) {
            n = stepBody(rates, dtSec, caMicroMolar, state, limit, pending);
        } else { // warming up: one vector through the body, timed
            limit = SPECIES.length();
            long start = System.nanoTime();
            n = stepBody(rates, dtSec, caMicroMolar, state, limit, pending);
            if (System.nanoTime() - start < COMPILED_NANOS) {
                compiled = true;
            }
        }
        // scalar tail (and the rest of the block while warming up): the reference arithmetic
        final boolean control = rates.pp1Control;
        for (int s = limit; s < count; s++) {
            double ca = caMicroMolar[s];
            double kon = rates.konHz(ca);
            double vmax = rates.vmaxHz(state.i1Phospho[s]);
            if (control) {
                state.i1Phospho[s] = rates.relaxation(state.i1Phospho[s], rates.calcineurinActivity(ca), dtSec);
            }
            state.konHz[s] = kon;
            state.vmaxHz[s] = vmax;
            double hazard = rates.totalHz(state.konWeight[s], state.constantHz[s], state.phosphorylated[s], kon, vmax)
                    * dtSec;
            if (ca >= 0 && hazard <= state.residual[s]) {
                state.residual[s] -= hazard;
            } else {
                pending[n++] = s;
            }
        }
        return n;
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
            DoubleVector x = ratio;
            for (int k = 1; k < hill; k++) {
                x = x.mul(ratio);
            }
            DoubleVector kon = x.mul(onMax).div(x.add(one));
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
                    xc = xc.mul(rc);
                }
                DoubleVector h = xc.div(xc.add(one));
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
