package org.ltpsim.simd;

/**
 * The spine step, spine by spine: the reference {@link PanamaSpineStepKernel} equals bit for bit, and the fallback.
 * The operations and their order are those of the branch step before the kernels existed, but for the Mg2+ block's
 * exponential ({@link ReducedExp}, within an ulp of the table it replaced): spines.csv and calcium.csv kept their
 * bytes.
 */
final class ScalarSpineStepKernel implements SpineStepKernel {
    static final ScalarSpineStepKernel INSTANCE = new ScalarSpineStepKernel();

    private ScalarSpineStepKernel() {}

    @Override
    public void voltageRows(SpineCircuit circuit, SpineStepArrays spines, int count) {
        voltageRowsRange(circuit, spines, 0, count);
        sumInSpineOrder(spines, count);
    }

    @Override
    public void calcium(SpineCircuit circuit, double branchMv, SpineStepArrays spines, int count) {
        calciumRange(circuit, branchMv, spines, 0, count);
    }

    /** The sums of couplings and drives, spine 0 first: one order for both kernels and every width. */
    static void sumInSpineOrder(SpineStepArrays spines, int count) {
        final double[] coupling = spines.coupling;
        final double[] drive = spines.drive;
        double couplingSum = 0;
        double driveSum = 0;
        for (int i = 0; i < count; i++) {
            couplingSum += coupling[i];
            driveSum += drive[i];
        }
        spines.couplingSum = couplingSum;
        spines.driveSum = driveSum;
    }

    static void voltageRowsRange(SpineCircuit c, SpineStepArrays spines, int from, int to) {
        final SpineCircuit.Model m = c.model;
        final double cs = c.cs;
        final double gNeck = m.neckNs();
        final double gA1 = m.ampaChannelNs();
        final double eA = m.ampaReversalMv();
        final double gN1 = m.nmdaChannelNs();
        final double eN = m.nmdaReversalMv();
        final double dtMs = c.dtMs;
        final double[] openAmpa = spines.openAmpa;
        final double[] openNmda = spines.openNmda;
        final double[] vSpine = spines.vSpineMv;
        final double[] aCoefficient = spines.aCoefficient;
        final double[] inverseDiagonal = spines.inverseDiagonal;
        final double[] nmdaConductance = spines.nmdaConductanceNs;
        final double[] nmdaOpenMs = spines.nmdaOpenChannelMs;
        final double[] coupling = spines.coupling;
        final double[] drive = spines.drive;
        for (int i = from; i < to; i++) {
            double openA = openAmpa[i];
            double openN = openNmda[i];
            double v = vSpine[i];
            double a;
            double inverse;
            if (openA == 0 && openN == 0) { // a closed head: the same diagonal, inverse and coupling for all
                nmdaConductance[i] = 0.0;
                a = cs * v + c.leakDrive;
                inverse = c.closedInverse;
                coupling[i] = c.closedCoupling;
            } else {
                double gA = openA * gA1;
                double gOpenN = openN * gN1;
                double gN = openN == 0 ? 0.0 : gOpenN * c.mgUnblocked(v);
                nmdaConductance[i] = gOpenN;
                nmdaOpenMs[i] += openN * dtMs;
                a = cs * v + c.leakDrive + gA * eA + gN * eN;
                inverse = 1.0 / (c.closedDiagonal + gA + gN);
                coupling[i] = gNeck * (1 - gNeck * inverse);
            }
            aCoefficient[i] = a;
            inverseDiagonal[i] = inverse;
            drive[i] = gNeck * a * inverse;
        }
    }

    static void calciumRange(SpineCircuit c, double branchMv, SpineStepArrays spines, int from, int to) {
        final SpineCircuit.Model m = c.model;
        final CalciumStep step = c.calcium;
        final double neckDrive = m.neckNs() * branchMv;
        final double rest = m.restMv();
        final double f = m.caFraction();
        final double eCa = m.caReversalMv();
        final double perPa = m.caMicroMolarPerPicoAmpMs();
        final double caRest = m.caRestMicroMolar();
        final double tau = step.tauMs;
        final double dtMs = c.dtMs;
        final double elevated = m.elevatedMicroMolar();
        final double[] aCoefficient = spines.aCoefficient;
        final double[] inverseDiagonal = spines.inverseDiagonal;
        final double[] nmdaConductance = spines.nmdaConductanceNs;
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
        for (int i = from; i < to; i++) {
            double v = (aCoefficient[i] + neckDrive) * inverseDiagonal[i];
            vSpine[i] = v;
            double depolarisation = v - rest;
            if (depolarisation > peakDepolarisation[i]) { // as Math.max for every number but NaN
                peakDepolarisation[i] = depolarisation;
            }
            double influx = 0.0; // uM/ms
            if (!(nmdaConductance[i] <= 0)) {
                double caCurrentPa = f * nmdaConductance[i] * c.mgUnblocked(v) * (v - eCa); // inward < 0
                influx = caCurrentPa < 0 ? -caCurrentPa * perPa : 0.0;
            }
            double uInf = influx * tau;
            double u0 = ca[i] - caRest;
            double u1 = step.excessAfter(u0, uInf);
            double qNew = step.qAfter(q[i], u0, uInf);
            if (caStepMean != null) {
                caStepMean[i] = caRest + step.averageExcess(u0, uInf);
            }
            q[i] = qNew;
            double caNew = caRest + u1;
            ca[i] = caNew;
            if (caNew > binMax[i]) {
                binMax[i] = caNew;
            } else if (caNew < binMin[i]) {
                binMin[i] = caNew;
            }
            influxIntegral[i] += influx * dtMs;
            if (qNew > qMax[i]) {
                qMax[i] = qNew;
            }
            if (caNew > peakCa[i]) {
                peakCa[i] = caNew;
            }
            if (u1 > elevated) {
                elevatedMs[i] += dtMs;
            }
        }
    }
}
