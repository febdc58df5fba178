package org.ltpsim.simd;

/** The plain reference implementation of {@link CamkiiHazardKernel}. */
final class ScalarCamkiiHazardKernel implements CamkiiHazardKernel {
    static final ScalarCamkiiHazardKernel INSTANCE = new ScalarCamkiiHazardKernel();

    private ScalarCamkiiHazardKernel() {}

    @Override
    public int integrate(double dtSec, double[] caMicroMolar, double[] cachedCa, double[] a0Hz, double[] residual,
            int count, int[] pending) {
        int n = 0;
        for (int s = 0; s < count; s++) {
            double hazard = a0Hz[s] * dtSec;
            if (caMicroMolar[s] == cachedCa[s] && hazard <= residual[s]) {
                residual[s] -= hazard;
            } else {
                pending[n++] = s;
            }
        }
        return n;
    }
}
