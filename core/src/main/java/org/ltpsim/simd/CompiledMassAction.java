package org.ltpsim.simd;

import java.util.Arrays;

/**
 * A plain mass-action network flattened into primitive arrays: what the scalar mass-action direct method and the
 * SIMD-lane kernel both read, so that they evaluate the same propensities with the same floating-point operations.
 *
 * <p>Reaction j reads the (species, order) pairs {@code readSpecies/readOrder[readStart[j] .. readStart[j+1])} and
 * changes {@code changeSpecies/changeDelta[changeStart[j] .. changeStart[j+1])}. Its propensity is
 * {@code rateConstant[j]}, multiplied in that order by {@code x - m} for each read species x and m = 0 .. order-1
 * (the operation order of {@code org.ltpsim.network.MassAction#propensity}). The arrays are shared, never
 * modified: treat them as read-only. Built by {@code org.ltpsim.ssa.MassActionCompiler} from a network (this
 * package knows nothing of networks).
 */
public final class CompiledMassAction {
    public final int stateSize;
    public final int speciesCount;
    public final int reactionCount;
    public final double[] initialState;
    public final double[] rateConstant;
    public final int[] readStart;
    public final int[] readSpecies;
    public final int[] readOrder;
    public final int[] changeStart;
    public final int[] changeSpecies;
    public final int[] changeDelta;

    private CompiledMassAction(Builder b) {
        stateSize = b.stateSize;
        speciesCount = b.speciesCount;
        reactionCount = b.reactionCount;
        initialState = b.initialState;
        rateConstant = Arrays.copyOf(b.rateConstant, reactionCount);
        readStart = Arrays.copyOf(b.readStart, reactionCount + 1);
        readSpecies = Arrays.copyOf(b.readSpecies, b.reads);
        readOrder = Arrays.copyOf(b.readOrder, b.reads);
        changeStart = Arrays.copyOf(b.changeStart, reactionCount + 1);
        changeSpecies = Arrays.copyOf(b.changeSpecies, b.changes);
        changeDelta = Arrays.copyOf(b.changeDelta, b.changes);
    }

    /**
     * A builder for a network whose state has {@code stateSize} entries, the first {@code speciesCount} of them
     * species (the ones recorded), starting from {@code initialState} (copied).
     */
    public static Builder builder(int stateSize, int speciesCount, double[] initialState) {
        return new Builder(stateSize, speciesCount, initialState);
    }

    /** Adds reactions in index order; {@code org.ltpsim.ssa.MassActionCompiler} fills one from a network. */
    public static final class Builder {
        private final int stateSize;
        private final int speciesCount;
        private final double[] initialState;
        private int reactionCount;
        private int reads;
        private int changes;
        private double[] rateConstant = new double[8];
        private int[] readStart = new int[9];
        private int[] readSpecies = new int[8];
        private int[] readOrder = new int[8];
        private int[] changeStart = new int[9];
        private int[] changeSpecies = new int[8];
        private int[] changeDelta = new int[8];

        private Builder(int stateSize, int speciesCount, double[] initialState) {
            if (speciesCount < 0 || speciesCount > stateSize || initialState.length != stateSize) {
                throw new IllegalArgumentException("need 0 <= speciesCount <= stateSize = initialState.length: "
                        + speciesCount + ", " + stateSize + ", " + initialState.length);
            }
            this.stateSize = stateSize;
            this.speciesCount = speciesCount;
            this.initialState = initialState.clone();
        }

        /**
         * Reaction {@code reactionCount}: propensity {@code rateConstant} times, for each i, the falling factorial
         * of state entry {@code species[i]} of order {@code orders[i]}; it adds {@code deltas[i]} to state entry
         * {@code changed[i]}.
         */
        public Builder reaction(double rateConstant, int[] species, int[] orders, int[] changed, int[] deltas) {
            if (!(rateConstant >= 0) || species.length != orders.length || changed.length != deltas.length) {
                throw new IllegalArgumentException("bad reaction " + reactionCount + ": rate " + rateConstant);
            }
            for (int i = 0; i < species.length; i++) {
                checkIndex(species[i]);
                if (orders[i] < 1) {
                    throw new IllegalArgumentException("order must be >= 1: " + orders[i]);
                }
            }
            for (int c : changed) {
                checkIndex(c);
            }
            int j = reactionCount++;
            this.rateConstant = grow(this.rateConstant, j + 1);
            this.rateConstant[j] = rateConstant;
            readStart = grow(readStart, j + 2);
            changeStart = grow(changeStart, j + 2);
            readSpecies = grow(readSpecies, reads + species.length);
            readOrder = grow(readOrder, reads + species.length);
            changeSpecies = grow(changeSpecies, changes + changed.length);
            changeDelta = grow(changeDelta, changes + changed.length);
            readStart[j] = reads;
            for (int i = 0; i < species.length; i++) {
                readSpecies[reads] = species[i];
                readOrder[reads] = orders[i];
                reads++;
            }
            changeStart[j] = changes;
            for (int i = 0; i < changed.length; i++) {
                changeSpecies[changes] = changed[i];
                changeDelta[changes] = deltas[i];
                changes++;
            }
            readStart[j + 1] = reads;
            changeStart[j + 1] = changes;
            return this;
        }

        public CompiledMassAction build() {
            return new CompiledMassAction(this);
        }

        private void checkIndex(int s) {
            if (s < 0 || s >= stateSize) {
                throw new IllegalArgumentException("state index out of range: " + s);
            }
        }

        private static double[] grow(double[] a, int n) {
            return n <= a.length ? a : Arrays.copyOf(a, Math.max(n, 2 * a.length));
        }

        private static int[] grow(int[] a, int n) {
            return n <= a.length ? a : Arrays.copyOf(a, Math.max(n, 2 * a.length));
        }
    }

    /** Propensity of reaction j in {@code state}, with the operation order documented above. */
    public double propensity(int j, double[] state) {
        double value = rateConstant[j];
        for (int i = readStart[j]; i < readStart[j + 1]; i++) {
            double x = state[readSpecies[i]];
            for (int m = 0; m < readOrder[i]; m++) {
                value *= x - m;
            }
        }
        return value;
    }
}
