package org.ltpsim.ssa;

import org.apache.commons.rng.UniformRandomProvider;
import org.ltpsim.simd.CompiledMassAction;

/**
 * Gillespie's (1977) direct method for a plain mass-action network: the scalar reference twin of the SIMD-lane
 * kernel ({@code org.ltpsim.simd.PanamaSsaLanes}).
 *
 * <p>The steps are {@link DirectMethodLoop}'s, without rules or events: each draws two 64-bit words at its start,
 * the first for the waiting time, the second for the reaction. All propensities are recomputed each step from
 * {@link CompiledMassAction}, in its operation order: this is the small-network method, and the SIMD kernel does
 * the same operations lane by lane.
 */
final class MassActionDirectMethod implements RealisationSimulator {
    private final CompiledMassAction net;
    private final double[] state;
    private final DirectMethodLoop loop;

    MassActionDirectMethod(CompiledMassAction net, double[] timesSec) {
        this.net = net;
        this.state = new double[net.stateSize];
        this.loop = new DirectMethodLoop(new Propensities(net), net.changeStart, net.changeSpecies, net.changeDelta,
                null, true, timesSec, net.speciesCount, state, new double[net.reactionCount]);
    }

    @Override
    public long run(UniformRandomProvider rng, double[] row) {
        System.arraycopy(net.initialState, 0, state, 0, state.length);
        loop.resumeAt(0.0, 0);
        return loop.advance(rng, row, Long.MAX_VALUE, false);
    }

    /** {@link CompiledMassAction#propensity} of every reaction, written out over the flattened arrays. */
    private record Propensities(CompiledMassAction net) implements DirectMethodLoop.Propensities {
        @Override
        public double evaluate(double[] x, double tSec, double[] a) {
            final double[] k = net.rateConstant;
            final int[] readStart = net.readStart;
            final int[] readSpecies = net.readSpecies;
            final int[] readOrder = net.readOrder;
            final int reactionCount = net.reactionCount;
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
            return a0;
        }
    }
}
