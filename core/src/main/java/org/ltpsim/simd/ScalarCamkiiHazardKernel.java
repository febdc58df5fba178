package org.ltpsim.simd;

/** The plain reference implementation of {@link CamkiiHazardKernel}. */
final class ScalarCamkiiHazardKernel implements CamkiiHazardKernel {
    static final ScalarCamkiiHazardKernel INSTANCE = new ScalarCamkiiHazardKernel();

    private ScalarCamkiiHazardKernel() {}

    @Override
    public int step(CamkiiStepRates rates, double dtSec, double[] caMicroMolar, CamkiiStepState state, int count,
            int[] pending) {
        assert rates.fitsOneStep(dtSec) : dtSec;
        return stepRange(rates, dtSec, caMicroMolar, state, 0, count, pending, 0);
    }

    /** The reference arithmetic on spines {@code from .. to-1}, appending to {@code pending} from {@code n}. */
    static int stepRange(CamkiiStepRates rates, double dtSec, double[] caMicroMolar, CamkiiStepState state, int from,
            int to, int[] pending, int n) {
        final double[] konWeight = state.konWeight;
        final double[] constantHz = state.constantHz;
        final double[] phosphorylated = state.phosphorylated;
        final double[] i1 = state.i1Phospho;
        final double[] residual = state.residual;
        final double[] konOut = state.konHz;
        final double[] vmaxOut = state.vmaxHz;
        final boolean control = rates.pp1Control;
        for (int s = from; s < to; s++) {
            double ca = caMicroMolar[s];
            double kon = rates.konHz(ca);
            double vmax = rates.vmaxHz(i1[s]);
            if (control) {
                i1[s] = rates.relaxation(i1[s], rates.calcineurinActivity(ca), dtSec);
            }
            konOut[s] = kon;
            vmaxOut[s] = vmax;
            double hazard = rates.totalHz(konWeight[s], constantHz[s], phosphorylated[s], kon, vmax) * dtSec;
            if (ca >= 0 && hazard <= residual[s]) {
                residual[s] -= hazard;
            } else {
                pending[n++] = s;
            }
        }
        return n;
    }
}
