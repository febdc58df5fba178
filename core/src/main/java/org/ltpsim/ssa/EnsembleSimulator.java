package org.ltpsim.ssa;

import java.util.function.LongConsumer;
import org.ltpsim.network.ReactionNetwork;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.parallel.BlockRange;
import org.ltpsim.parallel.BlockRun;
import org.ltpsim.parallel.Partial;
import org.ltpsim.simd.CompiledMassAction;
import org.ltpsim.simd.VectorizationProvider;

/**
 * Runs an ensemble of independent realisations of a {@link ReactionNetwork} and returns the mean and standard
 * deviation of every species at every output time.
 *
 * <p>Realisations are grouped in blocks of {@link #BLOCK_SIZE} (a constant: never a function of the thread count)
 * that run in parallel on a {@link BlockExecutor} ({@link EnsembleBlocks}). Realisation r draws only from its own
 * stream {@code RandomStreams.forBlock(seed, STREAM_PURPOSE, r)}; each block accumulates its statistics in
 * realisation order and the blocks are merged in block order as they finish (a sliding window of blocks, so memory
 * stays bounded).
 * The result is therefore bitwise the same for any thread count,
 * and the scalar and SIMD-lane direct methods, which consume the same streams identically, give the same bits.
 * No trajectory is stored beyond the block being simulated.
 *
 * <p>The algorithm is chosen by {@link #choose} (see docs/engine.md).
 */
public final class EnsembleSimulator {
    /** Realisations per block: the unit of parallel work. */
    public static final int BLOCK_SIZE = 64;
    /** The purpose of every realisation's random stream. */
    public static final String STREAM_PURPOSE = "ssa-realisation";
    /**
     * Scalar exact runs of networks with at least this many reactions use the next-reaction method: on random
     * uni/bimolecular networks it overtakes the direct method between 20 and 40 reactions (LargeNetworkBenchmark,
     * docs/engine.md).
     */
    public static final int NEXT_REACTION_THRESHOLD = 30;
    /**
     * The SIMD lanes recompute every propensity each step, which pays up to about a hundred reactions: measured
     * 3.4e6 vs 1.9e6 events/s (lanes vs next-reaction) at 80 reactions, 1.3e6 vs 1.8e6 at 160.
     */
    public static final int SIMD_MAX_REACTIONS = 100;
    /** Lane kernels buffer a block's trajectories; above this many doubles the scalar twin runs instead. */
    static final long SIMD_MAX_BUFFER_DOUBLES = 4L << 20;

    private EnsembleSimulator() {}

    public static EnsembleResult run(ReactionNetwork network, EnsembleSpec spec) {
        return run(network, spec, done -> {});
    }

    /**
     * @param realisationsDone  called with the number of realisations finished so far, after each block; it may be
     *                          called from worker threads, so it must be thread safe
     */
    public static EnsembleResult run(ReactionNetwork network, EnsembleSpec spec, LongConsumer realisationsDone) {
        return run(network, spec, choose(network, spec), realisationsDone);
    }

    /** Runs with a given algorithm (for tests and benchmarks); it must suit the network ({@link #supports}). */
    public static EnsembleResult run(ReactionNetwork network, EnsembleSpec spec, SsaAlgorithm algorithm,
                                     LongConsumer realisationsDone) {
        return run(network, spec, algorithm, VectorizationProvider.getInstance(), realisationsDone);
    }

    /**
     * Runs with a given algorithm and the SIMD kernels of {@code vectors} (tests: the result must not depend on the
     * lane count).
     */
    static EnsembleResult run(ReactionNetwork network, EnsembleSpec spec, SsaAlgorithm algorithm,
                              VectorizationProvider vectors, LongConsumer realisationsDone) {
        EnsembleBlocks blocks = new EnsembleBlocks(network, spec, algorithm, vectors).reportingTo(realisationsDone, 0);
        return run(blocks, BlockExecutor.shared(spec.threads()));
    }

    /** Runs every block of {@code blocks} on {@code executor} and folds them in block order. */
    public static EnsembleResult run(EnsembleBlocks blocks, BlockExecutor executor) {
        Partial<EnsembleBlock, EnsembleBlock> all = new BlockRun<>(blocks.fold(), blocks.codec(), true)
                .run(executor, BlockRange.all(blocks.blockCount()), blocks::run);
        return blocks.result(all);
    }

    /**
     * The algorithm the engine runs: tau-leaping when asked for; otherwise, for networks with rules or events, the
     * direct method; for plain mass-action networks of at most {@link #SIMD_MAX_REACTIONS} reactions the SIMD
     * lanes when {@link VectorizationProvider#getInstance()} has them (and the block buffer is small enough);
     * else, from {@link #NEXT_REACTION_THRESHOLD} reactions, the next-reaction method; else the scalar direct
     * method (its mass-action twin for plain networks).
     */
    public static SsaAlgorithm choose(ReactionNetwork network, EnsembleSpec spec) {
        if (spec.method() == SimulationMethod.TAU) {
            return SsaAlgorithm.TAU_LEAPING;
        }
        boolean hasRulesOrEvents = !network.rules().isEmpty() || !network.events().isEmpty();
        if (hasRulesOrEvents) {
            return SsaAlgorithm.DIRECT;
        }
        if (network.isPlainMassAction() && network.reactionCount() <= SIMD_MAX_REACTIONS
                && supports(network, spec, SsaAlgorithm.DIRECT_SIMD_LANES)) {
            return SsaAlgorithm.DIRECT_SIMD_LANES;
        }
        if (network.reactionCount() >= NEXT_REACTION_THRESHOLD) {
            return SsaAlgorithm.NEXT_REACTION;
        }
        return network.isPlainMassAction() ? SsaAlgorithm.DIRECT_MASS_ACTION : SsaAlgorithm.DIRECT;
    }

    /** Whether {@code algorithm} can run this network with this spec. */
    public static boolean supports(ReactionNetwork network, EnsembleSpec spec, SsaAlgorithm algorithm) {
        return supports(network, spec, algorithm, VectorizationProvider.getInstance());
    }

    static boolean supports(ReactionNetwork network, EnsembleSpec spec, SsaAlgorithm algorithm,
                            VectorizationProvider vectors) {
        boolean hasRulesOrEvents = !network.rules().isEmpty() || !network.events().isEmpty();
        return switch (algorithm) {
            case DIRECT, TAU_LEAPING -> true;
            case NEXT_REACTION -> !hasRulesOrEvents;
            case DIRECT_MASS_ACTION -> network.isPlainMassAction();
            case DIRECT_SIMD_LANES -> network.isPlainMassAction() && vectors.hasSsaLanes()
                    && network.reactionCount() >= 1
                    && (long) BLOCK_SIZE * spec.timeCount() * network.speciesCount() <= SIMD_MAX_BUFFER_DOUBLES;
        };
    }

    static RealisationSimulator scalarSimulator(SsaAlgorithm algorithm, ReactionNetwork network,
                                                        CompiledMassAction compiled, double[] timesSec) {
        return switch (algorithm) {
            case DIRECT_MASS_ACTION -> new MassActionDirectMethod(compiled, timesSec);
            case DIRECT -> new DirectMethod(network, timesSec);
            case NEXT_REACTION -> new NextReactionMethod(network, timesSec);
            case TAU_LEAPING -> new TauLeaping(network, timesSec);
            case DIRECT_SIMD_LANES -> throw new AssertionError("lanes are not a scalar method");
        };
    }

}
