package org.ltpsim.simd;

/** The plain reference implementation of {@link ChannelClockKernel}. */
final class ScalarChannelClockKernel implements ChannelClockKernel {
    static final ScalarChannelClockKernel INSTANCE = new ScalarChannelClockKernel();

    private ScalarChannelClockKernel() {}

    @Override
    public int integrate(double dtMs, double[] glutamateMilliMolar, double[] constSum, double[] gluSum,
            double[] liveSum, double[] poolSinceMs, boolean pooling, double[] clock, int count, int[] pending) {
        return integrateRange(dtMs, glutamateMilliMolar, constSum, gluSum, liveSum, poolSinceMs, pooling, clock, 0,
                count, pending, 0);
    }

    /** The reference arithmetic on spines {@code from .. to-1}, appending to {@code pending} from {@code n}. */
    static int integrateRange(double dtMs, double[] glutamateMilliMolar, double[] constSum, double[] gluSum,
            double[] liveSum, double[] poolSinceMs, boolean pooling, double[] clock, int from, int to, int[] pending,
            int n) {
        for (int s = from; s < to; s++) {
            double g = glutamateMilliMolar[s];
            boolean pooled = poolSinceMs[s] == poolSinceMs[s];
            boolean zero = pooling && g == 0;
            if (!(g >= 0 && g < Double.POSITIVE_INFINITY) || pooled != zero) {
                pending[n++] = s; // invalid glutamate, or the spine enters or leaves pool mode
                continue;
            }
            double a0 = pooled ? liveSum[s] : constSum[s] + gluSum[s] * g;
            if (!(a0 > 0)) {
                continue; // nothing can happen: the clock does not run
            }
            double hazard = a0 * dtMs;
            double c = clock[s];
            if (c > hazard) {
                clock[s] = c - hazard;
            } else {
                pending[n++] = s;
            }
        }
        return n;
    }
}
