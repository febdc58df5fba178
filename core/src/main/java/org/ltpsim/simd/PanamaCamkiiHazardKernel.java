package org.ltpsim.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API twin of {@code ScalarCamkiiHazardKernel}: the event-free part of a CaMKII fast step over a block of
 * spines, one spine per lane. The same IEEE operations (one multiply, one subtract) in every lane, and the spines
 * that need the event loop listed in ascending order, so the result equals the scalar kernel's bit for bit at 4
 * and at 8 lanes ({@link PanamaVectorConstants#DOUBLES}; no random numbers are drawn here, the event loop draws
 * them per spine).
 */
final class PanamaCamkiiHazardKernel implements CamkiiHazardKernel {
    private static final VectorSpecies<Double> SPECIES = PanamaVectorConstants.DOUBLES;
    static final PanamaCamkiiHazardKernel INSTANCE = new PanamaCamkiiHazardKernel();

    private PanamaCamkiiHazardKernel() {}

    @Override
    public int integrate(double dtSec, double[] caMicroMolar, double[] cachedCa, double[] a0Hz, double[] residual,
            int count, int[] pending) {
        assert count <= caMicroMolar.length && count <= cachedCa.length && count <= a0Hz.length
                && count <= residual.length && count <= pending.length;
        final int limit = SPECIES.loopBound(count);
        int n = integrateBody(dtSec, caMicroMolar, cachedCa, a0Hz, residual, limit, pending);
        // scalar tail
        for (int s = limit; s < count; s++) {
            double hazard = a0Hz[s] * dtSec;
            if (caMicroMolar[s] == cachedCa[s] && hazard <= residual[s]) {
                residual[s] -= hazard;
            } else {
                pending[n++] = s;
            }
        }
        return n;
    }

    private static int integrateBody(double dtSec, double[] caMicroMolar, double[] cachedCa, double[] a0Hz,
            double[] residual, int limit, int[] pending) {
        final int lanes = SPECIES.length();
        int n = 0;
        for (int s = 0; s < limit; s += lanes) {
            DoubleVector ca = DoubleVector.fromArray(SPECIES, caMicroMolar, s);
            DoubleVector cached = DoubleVector.fromArray(SPECIES, cachedCa, s);
            DoubleVector hazard = DoubleVector.fromArray(SPECIES, a0Hz, s).mul(dtSec);
            DoubleVector resid = DoubleVector.fromArray(SPECIES, residual, s);
            // EQ and LE are false for NaN, as == and <= are in the scalar kernel
            VectorMask<Double> quiet = ca.compare(VectorOperators.EQ, cached)
                    .and(hazard.compare(VectorOperators.LE, resid));
            resid.sub(hazard).intoArray(residual, s, quiet);
            long busy = quiet.not().toLong();
            while (busy != 0) {
                pending[n++] = s + Long.numberOfTrailingZeros(busy);
                busy &= busy - 1;
            }
        }
        return n;
    }
}
