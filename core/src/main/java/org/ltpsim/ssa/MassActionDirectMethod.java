package org.ltpsim.ssa;

import org.apache.commons.rng.UniformRandomProvider;
import org.ltpsim.rng.SsaVariates;
import org.ltpsim.simd.CompiledMassAction;

/**
 * Gillespie's (1977) direct method for a plain mass-action network: the scalar reference twin of the SIMD-lane
 * kernel ({@code org.ltpsim.simd.PanamaSsaLanes}).
 *
 * <p>Each step draws two 64-bit words: the first gives the waiting time {@code -log(u1) / a0}
 * ({@link SsaVariates#exponential}), the second the reaction, the first j whose running sum
 * {@code a_0 + ... + a_j} (summed in index order) exceeds {@code u2 * a0} ({@link SsaVariates#uniform}). All
 * propensities are recomputed each step from {@link CompiledMassAction}: this is the small-network method, and the
 * SIMD kernel does the same operations lane by lane. Output time k records the state just before the first
 * firing at a time &gt;= t_k.
 */
final class MassActionDirectMethod implements RealisationSimulator {
    private final CompiledMassAction net;
    private final double[] timesSec;
    private final double[] state;
    private final double[] propensity;

    MassActionDirectMethod(CompiledMassAction net, double[] timesSec) {
        this.net = net;
        this.timesSec = timesSec;
        this.state = new double[net.stateSize];
        this.propensity = new double[net.reactionCount];
    }

    @Override
    public long run(UniformRandomProvider rng, double[] row) {
        final CompiledMassAction n = net;
        final double[] x = state;
        final double[] a = propensity;
        final double[] times = timesSec;
        final int timeCount = times.length;
        final int speciesCount = n.speciesCount;
        final int reactionCount = n.reactionCount;
        final double[] k = n.rateConstant;
        final int[] readStart = n.readStart;
        final int[] readSpecies = n.readSpecies;
        final int[] readOrder = n.readOrder;
        final int[] changeStart = n.changeStart;
        final int[] changeSpecies = n.changeSpecies;
        final int[] changeDelta = n.changeDelta;
        System.arraycopy(n.initialState, 0, x, 0, x.length);
        double t = 0.0;
        int next = 0;
        long events = 0;
        while (true) {
            // propensities and their running sum, in index order
            double a0 = 0.0;
            for (int j = 0; j < reactionCount; j++) {
                double value = k[j];
                for (int i = readStart[j]; i < readStart[j + 1]; i++) {
                    double xi = x[readSpecies[i]];
                    for (int m = 0; m < readOrder[i]; m++) {
                        value *= xi - m;
                    }
                }
                a[j] = value;
                a0 += value;
            }
            long bitsTime = rng.nextLong();
            long bitsPick = rng.nextLong();
            double tau = a0 > 0 ? SsaVariates.exponential(bitsTime) / a0 : Double.POSITIVE_INFINITY;
            double tNext = t + tau;
            // outputs due before this firing
            while (next < timeCount && times[next] <= tNext) {
                System.arraycopy(x, 0, row, next * speciesCount, speciesCount);
                next++;
            }
            if (next == timeCount) {
                return events;
            }
            double target = SsaVariates.uniform(bitsPick) * a0;
            int j = 0;
            double cumulative = a[0];
            while (!(target < cumulative)) {
                j++;
                cumulative += a[j];
            }
            assert j < reactionCount && a[j] > 0 : "selected reaction " + j;
            for (int i = changeStart[j]; i < changeStart[j + 1]; i++) {
                x[changeSpecies[i]] += changeDelta[i];
            }
            events++;
            t = tNext;
        }
    }
}
