package org.ltpsim.ssa;

import java.util.List;
import org.ltpsim.network.Reaction;
import org.ltpsim.network.ReactionNetwork;
import org.ltpsim.network.StateFunction;

/**
 * The reactions of a network as the scalar simulators read them: each reaction's compiled law (its propensity) and
 * what its firing changes, both as nested arrays ({@code changedSpecies[j][i]} by {@code changes[j][i]}) and
 * flattened for the direct-method loop ({@link DirectMethodLoop}).
 *
 * <p>A law is the user's math: its value is checked (finite, {@code >= 0}) every time it is evaluated, since no check
 * at the boundary can rule out a negative or infinite value later in a run.
 */
final class ReactionLaws {
    private final List<Reaction> reactions;
    private final StateFunction[] laws;
    final int[][] changedSpecies;
    final int[][] changes;
    /** Reaction j changes {@code changeSpecies[i]} by {@code changeDelta[i]}, i in {@code [changeStart[j], changeStart[j+1])}. */
    final int[] changeStart;
    final int[] changeSpecies;
    final int[] changeDelta;

    ReactionLaws(ReactionNetwork network) {
        reactions = network.reactions();
        int reactionCount = reactions.size();
        laws = new StateFunction[reactionCount];
        changedSpecies = new int[reactionCount][];
        changes = new int[reactionCount][];
        changeStart = new int[reactionCount + 1];
        for (int j = 0; j < reactionCount; j++) {
            laws[j] = reactions.get(j).propensity();
            changedSpecies[j] = reactions.get(j).changedSpecies();
            changes[j] = reactions.get(j).changes();
            changeStart[j + 1] = changeStart[j] + changes[j].length;
        }
        changeSpecies = new int[changeStart[reactionCount]];
        changeDelta = new int[changeStart[reactionCount]];
        for (int j = 0; j < reactionCount; j++) {
            System.arraycopy(changedSpecies[j], 0, changeSpecies, changeStart[j], changes[j].length);
            System.arraycopy(changes[j], 0, changeDelta, changeStart[j], changes[j].length);
        }
    }

    int reactionCount() {
        return laws.length;
    }

    /** The propensity of reaction j in {@code state} at {@code tSec}. */
    double evaluate(int j, double[] state, double tSec) {
        return checked(j, laws[j].evaluate(state, tSec), tSec);
    }

    /**
     * {@code value}, reaction j's propensity at {@code tSec}, if it is finite and {@code >= 0}.
     *
     * @throws IllegalStateException naming the reaction, otherwise
     */
    double checked(int j, double value, double tSec) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalStateException("reaction " + reactions.get(j).id() + ": propensity " + value + " at t = "
                    + tSec + " (must be finite and >= 0)");
        }
        return value;
    }

    /** Every propensity into {@code a}; returns their sum, in index order. */
    double evaluateAll(double[] state, double tSec, double[] a) {
        double a0 = 0.0;
        for (int j = 0; j < laws.length; j++) {
            double value = evaluate(j, state, tSec);
            a[j] = value;
            a0 += value;
        }
        return a0;
    }
}
