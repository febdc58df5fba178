package org.ltpsim.simd;

/** Plain-Java reference of {@link FixedStepKernel}: one slot at a time. */
final class ScalarFixedStepKernel implements FixedStepKernel {
    static final ScalarFixedStepKernel INSTANCE = new ScalarFixedStepKernel();

    private ScalarFixedStepKernel() {}

    @Override
    public int step(byte[] states, int from, int to, TransitionTable table, long[] laneState, int[] counts,
            int countBase) {
        final double[] cum = table.cum();
        final byte[] dest = table.dest();
        final int stride = table.stride();
        assert (to - from) % LaneRandom.LANES == 0 : "unpadded region";
        int changed = 0;
        for (int b = from; b < to; b += LaneRandom.LANES) {
            for (int lane = 0; lane < LaneRandom.LANES; lane++) {
                int slot = b + lane;
                int old = states[slot];
                int row = old * stride;
                double u = (LaneRandom.next(laneState, lane) >>> 11) * 0x1.0p-53;
                if (u < cum[row]) {
                    continue; // stays
                }
                int j = row + 1;
                while (!(u < cum[j])) {
                    j++;
                }
                int next = dest[j];
                states[slot] = (byte) next;
                counts[countBase + old]--;
                counts[countBase + next]++;
                changed++;
            }
        }
        return changed;
    }

    @Override
    public String name() {
        return "scalar";
    }
}
