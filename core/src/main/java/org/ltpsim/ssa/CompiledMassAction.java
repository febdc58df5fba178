package org.ltpsim.ssa;

import java.util.List;
import org.ltpsim.network.MassAction;
import org.ltpsim.network.Reaction;
import org.ltpsim.network.ReactionNetwork;

/**
 * A plain mass-action network flattened into primitive arrays: what the scalar mass-action direct method and the
 * SIMD-lane kernel both read, so that they evaluate the same propensities with the same floating-point operations.
 *
 * <p>Reaction j reads the (species, order) pairs {@code readSpecies/readOrder[readStart[j] .. readStart[j+1])} and
 * changes {@code changeSpecies/changeDelta[changeStart[j] .. changeStart[j+1])}. Its propensity is
 * {@code rateConstant[j]}, multiplied in that order by {@code x - m} for each read species x and m = 0 .. order-1
 * (the operation order of {@link MassAction#propensity}). The arrays are shared, never modified: treat them as
 * read-only.
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

    /** @throws IllegalArgumentException when the network has rules, events or a law without mass-action form */
    public CompiledMassAction(ReactionNetwork network) {
        if (!network.isPlainMassAction()) {
            throw new IllegalArgumentException("network " + network.id() + " is not plain mass action");
        }
        List<Reaction> reactions = network.reactions();
        stateSize = network.stateSize();
        speciesCount = network.speciesCount();
        reactionCount = reactions.size();
        initialState = network.initialState();
        rateConstant = new double[reactionCount];
        readStart = new int[reactionCount + 1];
        changeStart = new int[reactionCount + 1];
        int reads = 0;
        int changes = 0;
        for (int j = 0; j < reactionCount; j++) {
            reads += reactions.get(j).massAction().species().length;
            changes += reactions.get(j).changedSpecies().length;
        }
        readSpecies = new int[reads];
        readOrder = new int[reads];
        changeSpecies = new int[changes];
        changeDelta = new int[changes];
        reads = 0;
        changes = 0;
        for (int j = 0; j < reactionCount; j++) {
            Reaction reaction = reactions.get(j);
            MassAction law = reaction.massAction();
            rateConstant[j] = law.rateConstant();
            readStart[j] = reads;
            for (int i = 0; i < law.species().length; i++) {
                readSpecies[reads] = law.species()[i];
                readOrder[reads] = law.orders()[i];
                reads++;
            }
            changeStart[j] = changes;
            for (int i = 0; i < reaction.changedSpecies().length; i++) {
                changeSpecies[changes] = reaction.changedSpecies()[i];
                changeDelta[changes] = reaction.changes()[i];
                changes++;
            }
        }
        readStart[reactionCount] = reads;
        changeStart[reactionCount] = changes;
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
