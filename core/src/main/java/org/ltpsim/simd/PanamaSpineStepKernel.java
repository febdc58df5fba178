package org.ltpsim.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API twin of {@link ScalarSpineStepKernel}: one spine per lane, every lane the scalar kernel's operations in
 * its order (no fused multiply-add; its branches as blends of both sides, which give the same bits because both
 * sides are computed exactly as the scalar code computes the one it takes), the Mg2+ block's exponential as
 * {@link ReducedExp} does it (no table, so no gather). The sums over spines run in spine order after the pass, as in
 * the scalar kernel: bitwise equal at 4 and 8 lanes.
 *
 * <p>Work skipped where the scalar kernel skips it: a vector of closed heads (most of them between pulses) takes the
 * closed rows only, and B is computed only for vectors with a conducting NMDA channel, in the calcium pass at the
 * step's end voltage, and remembered per head with that voltage: the next step's voltage rows start from it. A
 * vector with a needed lane whose exponent falls outside ReducedExp's range goes through the scalar kernel. B and the
 * remembered voltages pass through arrays, not through vector variables merged after a branch, which C2 would box.
 *
 * <p>{@link #WARMING} (the simulation's) runs the scalar twin until {@link BodyWarmUp} has each body compiled;
 * {@link #EAGER} (tests, benchmarks, {@code -Dltpsim.vectorization=panama}) runs the bodies from the first call.
 */
final class PanamaSpineStepKernel implements SpineStepKernel {
    private static final VectorSpecies<Double> SPECIES = PanamaVectorConstants.DOUBLES;
    static final PanamaSpineStepKernel EAGER = new PanamaSpineStepKernel(null, null);
    static final PanamaSpineStepKernel WARMING = new PanamaSpineStepKernel(
            new BodyWarmUp("PanamaSpineStepKernel.voltageRows"), new BodyWarmUp("PanamaSpineStepKernel.calcium"));

    private final BodyWarmUp voltageRowsWarmUp; // null: the body from the first call
    private final BodyWarmUp calciumWarmUp;

    PanamaSpineStepKernel(BodyWarmUp voltageRowsWarmUp, BodyWarmUp calciumWarmUp) {
        this.voltageRowsWarmUp = voltageRowsWarmUp;
        this.calciumWarmUp = calciumWarmUp;
    }

    /** Whether the vector bodies run (always for {@link #EAGER}; once compiled for {@link #WARMING}). */
    boolean compiled() {
        return (voltageRowsWarmUp == null || voltageRowsWarmUp.compiled())
                && (calciumWarmUp == null || calciumWarmUp.compiled());
    }

    @Override
    public void voltageRows(SpineCircuit circuit, SpineStepArrays spines, int count) {
        int limit = SPECIES.loopBound(count);
        if (voltageRowsWarmUp != null && !voltageRowsWarmUp.compiled()) {
            if (voltageRowsWarmUp.wantsStart()) {
                voltageRowsWarmUp.startOnce(() -> {
                    SpineStepWarmUpHeads heads = new SpineStepWarmUpHeads(spines, count, SPECIES.length());
                    return () -> heads.timedVoltageRows(circuit, PanamaSpineStepKernel::voltageRowsBody);
                });
            }
            limit = 0;
        }
        if (limit > 0) {
            voltageRowsBody(circuit, spines, limit);
        }
        ScalarSpineStepKernel.voltageRowsRange(circuit, spines, limit, count); // the tail (all while warming up)
        ScalarSpineStepKernel.sumInSpineOrder(spines, count);
    }

    @Override
    public void calcium(SpineCircuit circuit, double branchMv, SpineStepArrays spines, int count) {
        int limit = SPECIES.loopBound(count);
        if (calciumWarmUp != null && !calciumWarmUp.compiled()) {
            if (calciumWarmUp.wantsStart()) {
                calciumWarmUp.startOnce(() -> {
                    SpineStepWarmUpHeads heads = new SpineStepWarmUpHeads(spines, count, SPECIES.length());
                    return () -> heads.timedCalcium(circuit, PanamaSpineStepKernel::calciumBody);
                });
            }
            limit = 0;
        }
        if (limit > 0) {
            calciumBody(circuit, branchMv, spines, limit);
        }
        ScalarSpineStepKernel.calciumRange(circuit, branchMv, spines, limit, count); // the tail (all while warming up)
    }

    private static void voltageRowsBody(SpineCircuit c, SpineStepArrays spines, int limit) {
        final SpineCircuit.Model m = c.model;
        final int lanes = SPECIES.length();
        final double cs = c.cs;
        final double leakDrive = c.leakDrive;
        final double gNeck = m.neckNs();
        final double gA1 = m.ampaChannelNs();
        final double eA = m.ampaReversalMv();
        final double gN1 = m.nmdaChannelNs();
        final double eN = m.nmdaReversalMv();
        final double dtMs = c.dtMs;
        final DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        final DoubleVector closedInverse = DoubleVector.broadcast(SPECIES, c.closedInverse);
        final DoubleVector closedCoupling = DoubleVector.broadcast(SPECIES, c.closedCoupling);
        final DoubleVector zero = DoubleVector.zero(SPECIES);
        final double[] openAmpa = spines.openAmpa;
        final double[] openNmda = spines.openNmda;
        final double[] vSpine = spines.vSpineMv;
        final double[] nmdaOpenMs = spines.nmdaOpenChannelMs;
        final double[] mgVoltage = spines.mgVoltageMv;
        for (int i = 0; i < limit; i += lanes) {
            DoubleVector openA = DoubleVector.fromArray(SPECIES, openAmpa, i);
            DoubleVector openN = DoubleVector.fromArray(SPECIES, openNmda, i);
            DoubleVector v = DoubleVector.fromArray(SPECIES, vSpine, i);
            VectorMask<Double> nmdaOpen = openN.compare(VectorOperators.NE, 0.0);
            VectorMask<Double> closed = openA.compare(VectorOperators.EQ, 0.0).andNot(nmdaOpen);
            if (closed.allTrue()) { // every head closed (most of them between pulses): the closed rows only
                DoubleVector aClosed = v.mul(cs).add(leakDrive);
                aClosed.intoArray(spines.aCoefficient, i);
                closedInverse.intoArray(spines.inverseDiagonal, i);
                zero.intoArray(spines.nmdaConductanceNs, i);
                closedCoupling.intoArray(spines.coupling, i);
                aClosed.mul(gNeck).mul(closedInverse).intoArray(spines.drive, i);
                continue;
            }
            // B of an open NMDA head at this voltage, if the previous calcium pass left it (checks written out: a
            // helper with vector arguments that C2 does not inline boxes them)
            if (nmdaOpen.andNot(v.compare(VectorOperators.EQ, DoubleVector.fromArray(SPECIES, mgVoltage, i)))
                    .anyTrue()) {
                storeMgUnblocked(c, spines, i);
                if (nmdaOpen.andNot(v.compare(VectorOperators.EQ, DoubleVector.fromArray(SPECIES, mgVoltage, i)))
                        .anyTrue()) { // an exponent outside the range: this vector as the scalar kernel does it
                    ScalarSpineStepKernel.voltageRowsRange(c, spines, i, i + lanes);
                    continue;
                }
            }
            DoubleVector unblocked = DoubleVector.fromArray(SPECIES, spines.mgUnblocked, i);
            DoubleVector gA = openA.mul(gA1);
            DoubleVector gOpenN = openN.mul(gN1);
            DoubleVector gN = zero.blend(gOpenN.mul(unblocked), nmdaOpen);
            DoubleVector csV = v.mul(cs);
            DoubleVector aOpen = csV.add(leakDrive).add(gA.mul(eA)).add(gN.mul(eN));
            DoubleVector aClosed = csV.add(leakDrive);
            DoubleVector inverseOpen = one.div(gA.add(c.closedDiagonal).add(gN));
            DoubleVector couplingOpen = one.sub(inverseOpen.mul(gNeck)).mul(gNeck);
            DoubleVector a = aOpen.blend(aClosed, closed);
            DoubleVector inverse = inverseOpen.blend(closedInverse, closed);
            zero.blend(gOpenN, closed.not()).intoArray(spines.nmdaConductanceNs, i);
            DoubleVector openMs = DoubleVector.fromArray(SPECIES, nmdaOpenMs, i);
            openMs.blend(openMs.add(openN.mul(dtMs)), closed.not()).intoArray(nmdaOpenMs, i);
            a.intoArray(spines.aCoefficient, i);
            inverse.intoArray(spines.inverseDiagonal, i);
            couplingOpen.blend(closedCoupling, closed).intoArray(spines.coupling, i);
            a.mul(gNeck).mul(inverse).intoArray(spines.drive, i);
        }
    }

    private static void calciumBody(SpineCircuit c, double branchMv, SpineStepArrays spines, int limit) {
        final SpineCircuit.Model m = c.model;
        final CalciumStep step = c.calcium;
        final int lanes = SPECIES.length();
        final double neckDrive = m.neckNs() * branchMv;
        final double rest = m.restMv();
        final double f = m.caFraction();
        final double eCa = m.caReversalMv();
        final double perPa = m.caMicroMolarPerPicoAmpMs();
        final double caRest = m.caRestMicroMolar();
        final double tau = step.tauMs;
        final double dtMs = c.dtMs;
        final double elevated = m.elevatedMicroMolar();
        final DoubleVector zero = DoubleVector.zero(SPECIES);
        final double[] vSpine = spines.vSpineMv;
        final double[] peakDepolarisation = spines.peakDepolarisationMv;
        final double[] ca = spines.caMicroMolar;
        final double[] q = spines.qMicroMolarSec;
        final double[] caStepMean = spines.caStepMeanMicroMolar;
        final double[] binMin = spines.binMinCaMicroMolar;
        final double[] binMax = spines.binMaxCaMicroMolar;
        final double[] influxIntegral = spines.caInfluxMicroMolar;
        final double[] qMax = spines.qMaxMicroMolarSec;
        final double[] peakCa = spines.peakCaMicroMolar;
        final double[] elevatedMs = spines.caElevatedMs;
        final double[] mgVoltage = spines.mgVoltageMv;
        for (int i = 0; i < limit; i += lanes) {
            DoubleVector gNmda = DoubleVector.fromArray(SPECIES, spines.nmdaConductanceNs, i);
            VectorMask<Double> conducts = gNmda.compare(VectorOperators.LE, 0.0).not(); // as !(g <= 0)
            DoubleVector v = DoubleVector.fromArray(SPECIES, spines.aCoefficient, i).add(neckDrive)
                    .mul(DoubleVector.fromArray(SPECIES, spines.inverseDiagonal, i));
            if (conducts.anyTrue()) { // B at the step's end voltage, kept for the next step's voltage rows
                v.intoArray(vSpine, i);
                storeMgUnblocked(c, spines, i);
                if (conducts.andNot(v.compare(VectorOperators.EQ, DoubleVector.fromArray(SPECIES, mgVoltage, i)))
                        .anyTrue()) { // an exponent outside the range: this vector as the scalar kernel does it
                    ScalarSpineStepKernel.calciumRange(c, branchMv, spines, i, i + lanes);
                    continue;
                }
            }
            v.intoArray(vSpine, i);
            DoubleVector peak = DoubleVector.fromArray(SPECIES, peakDepolarisation, i);
            DoubleVector depolarisation = v.sub(rest); // a new peak where greater (no MAX: not a vector op on AVX2)
            peak.blend(depolarisation, depolarisation.compare(VectorOperators.GT, peak))
                    .intoArray(peakDepolarisation, i);
            // B where conducting; elsewhere a finite value from an earlier step, which g = 0 multiplies away
            DoubleVector unblocked = DoubleVector.fromArray(SPECIES, spines.mgUnblocked, i);
            DoubleVector current = gNmda.mul(f).mul(unblocked).mul(v.sub(eCa)); // pA, inward < 0
            DoubleVector influx = zero.blend(current.mul(-perPa), // -(c p) = (-c) p, bit for bit
                    conducts.and(current.compare(VectorOperators.LT, 0.0)));
            DoubleVector uInf = influx.mul(tau);
            DoubleVector u0 = DoubleVector.fromArray(SPECIES, ca, i).sub(caRest);
            DoubleVector relaxing = u0.sub(uInf);
            DoubleVector u1 = relaxing.mul(step.decayCa).add(uInf);
            DoubleVector qNew = DoubleVector.fromArray(SPECIES, q, i).mul(step.decayQ)
                    .add(uInf.mul(step.plateauMs).add(relaxing.mul(step.transientMs)).mul(1e-3));
            if (caStepMean != null) {
                relaxing.mul(step.meanFactor).add(uInf).add(caRest).intoArray(caStepMean, i);
            }
            qNew.intoArray(q, i);
            DoubleVector caNew = u1.add(caRest);
            caNew.intoArray(ca, i);
            DoubleVector max = DoubleVector.fromArray(SPECIES, binMax, i);
            DoubleVector min = DoubleVector.fromArray(SPECIES, binMin, i);
            VectorMask<Double> above = caNew.compare(VectorOperators.GT, max);
            max.blend(caNew, above).intoArray(binMax, i);
            min.blend(caNew, caNew.compare(VectorOperators.LT, min).andNot(above)).intoArray(binMin, i);
            DoubleVector integral = DoubleVector.fromArray(SPECIES, influxIntegral, i);
            integral.add(influx.mul(dtMs)).intoArray(influxIntegral, i);
            DoubleVector qPeak = DoubleVector.fromArray(SPECIES, qMax, i);
            qPeak.blend(qNew, qNew.compare(VectorOperators.GT, qPeak)).intoArray(qMax, i);
            DoubleVector caPeak = DoubleVector.fromArray(SPECIES, peakCa, i);
            caPeak.blend(caNew, caNew.compare(VectorOperators.GT, caPeak)).intoArray(peakCa, i);
            DoubleVector timeElevated = DoubleVector.fromArray(SPECIES, elevatedMs, i);
            timeElevated.blend(timeElevated.add(dtMs), u1.compare(VectorOperators.GT, elevated))
                    .intoArray(elevatedMs, i);
        }
    }

    /**
     * {@code B(v) = 1 / (1 + exp(-slope v) [Mg] / K)} lane by lane at the heads' voltages {@code v}
     * ({@link SpineStepArrays#vSpineMv}), {@link ReducedExp}'s operations, into {@link SpineStepArrays#mgUnblocked}
     * with {@code v} as the lane's remembered voltage; a lane whose exponent is outside the range (or NaN) gets NaN
     * as its remembered voltage instead (never equal to a voltage). No vector argument: not inlined, it still
     * computes in registers.
     */
    private static void storeMgUnblocked(SpineCircuit c, SpineStepArrays spines, int i) {
        DoubleVector v = DoubleVector.fromArray(SPECIES, spines.vSpineMv, i);
        DoubleVector y = v.mul(c.negativeMgSlope);
        // |y| <= 16 as two compares (false for NaN, as in the scalar test); no ABS, no D2L conversion: neither is a
        // vector instruction on AVX2, and the Vector API then runs its Java fallback
        VectorMask<Double> inRange = y.compare(VectorOperators.LE, ReducedExp.MAX_ARGUMENT)
                .and(y.compare(VectorOperators.GE, -ReducedExp.MAX_ARGUMENT));
        DoubleVector safe = DoubleVector.zero(SPECIES).blend(y, inRange);
        DoubleVector shifted = safe.mul(ReducedExp.LOG2_E).add(ReducedExp.ROUNDING);
        DoubleVector n = shifted.sub(ReducedExp.ROUNDING);
        DoubleVector r = safe.sub(n.mul(ReducedExp.LN2_HI)).sub(n.mul(ReducedExp.LN2_LO));
        double[] coefficients = ReducedExp.INVERSE_FACTORIALS;
        DoubleVector p = DoubleVector.broadcast(SPECIES, coefficients[13]);
        for (int k = 12; k >= 0; k--) {
            p = r.mul(p).add(coefficients[k]); // p is a loop phi: an argument only (PanamaSsaLanes says why)
        }
        // 2^n from its exponent bits; n is in the low bits of n + 1.5 * 2^52 ({@link ReducedExp#twoTo})
        DoubleVector twoToN = ((LongVector) shifted.reinterpretAsLongs())
                .add(1023L - Double.doubleToRawLongBits(ReducedExp.ROUNDING))
                .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        DoubleVector.broadcast(SPECIES, 1.0).div(twoToN.mul(p).mul(c.model.mgOverK()).add(1.0))
                .intoArray(spines.mgUnblocked, i);
        DoubleVector.broadcast(SPECIES, Double.NaN).blend(v, inRange).intoArray(spines.mgVoltageMv, i);
    }
}
