package org.ltpsim.ssa;

import org.ltpsim.network.MassAction;
import org.ltpsim.network.Reaction;
import org.ltpsim.network.ReactionNetwork;
import org.ltpsim.simd.CompiledMassAction;

/** Flattens a plain mass-action {@link ReactionNetwork} into the arrays the direct-method kernels read. */
public final class MassActionCompiler {
    private MassActionCompiler() {}

    /** @throws IllegalArgumentException when the network has rules, events or a law without mass-action form */
    public static CompiledMassAction compile(ReactionNetwork network) {
        if (!network.isPlainMassAction()) {
            throw new IllegalArgumentException("network " + network.id() + " is not plain mass action");
        }
        CompiledMassAction.Builder builder = CompiledMassAction.builder(network.stateSize(), network.speciesCount(),
                network.initialState());
        for (Reaction reaction : network.reactions()) {
            MassAction law = reaction.massAction();
            builder.reaction(law.rateConstant(), law.species(), law.orders(), reaction.changedSpecies(),
                    reaction.changes());
        }
        return builder.build();
    }
}
