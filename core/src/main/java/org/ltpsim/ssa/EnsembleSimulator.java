package org.ltpsim.ssa;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.LongConsumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.ltpsim.network.ReactionNetwork;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.rng.RandomStreams;
import org.ltpsim.simd.CompiledMassAction;
import org.ltpsim.simd.LaneBlockKernel;
import org.ltpsim.simd.VectorizationProvider;

/**
 * Runs an ensemble of independent realisations of a {@link ReactionNetwork} and returns the mean and standard
 * deviation of every species at every output time.
 *
 * <p>Realisations are grouped in blocks of {@link #BLOCK_SIZE} (a constant: never a function of the thread count)
 * that run in parallel on a {@link BlockExecutor}. Realisation r draws only from its own stream
 * {@code RandomStreams.forBlock(seed, STREAM_PURPOSE, r)}; each block accumulates its statistics in realisation
 * order and the blocks are merged in block order (in waves of a few blocks per thread, so memory stays bounded).
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
    /** Blocks per worker thread in one wave of parallel work (bounds the block statistics held at once). */
    static final int WAVE_BLOCKS_PER_THREAD = 32;
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
        if (!supports(network, spec, algorithm, vectors)) {
            throw new IllegalArgumentException("algorithm " + algorithm.reportName() + " cannot run network "
                    + network.id());
        }
        final double[] timesSec = spec.outputTimesSec();
        final int timeCount = timesSec.length;
        final int speciesCount = network.speciesCount();
        final int replicates = spec.replicates();
        final long seed = spec.seed();
        final int blockCount = (replicates + BLOCK_SIZE - 1) / BLOCK_SIZE;
        final CompiledMassAction compiled = network.isPlainMassAction() ? MassActionCompiler.compile(network) : null;
        AtomicLong done = new AtomicLong();
        IntFunction<BlockOutcome> work = block -> {
            long first = (long) block * BLOCK_SIZE;
            int count = (int) Math.min(BLOCK_SIZE, replicates - first);
            MomentGrid grid = new MomentGrid(timeCount, speciesCount);
            long events;
            if (algorithm == SsaAlgorithm.DIRECT_SIMD_LANES) {
                LaneBlockKernel kernel = vectors.ssaLanes(compiled, timesSec, STREAM_PURPOSE);
                double[] rows = new double[count * timeCount * speciesCount];
                events = kernel.simulate(seed, first, count, rows);
                for (int i = 0; i < count; i++) {
                    grid.add(rows, i * timeCount * speciesCount);
                }
            } else {
                RealisationSimulator simulator = scalarSimulator(algorithm, network, compiled, timesSec);
                double[] row = new double[timeCount * speciesCount];
                events = 0;
                for (int i = 0; i < count; i++) {
                    UniformRandomProvider rng = RandomStreams.forBlock(seed, STREAM_PURPOSE, first + i);
                    events += simulator.run(rng, row);
                    grid.add(row, 0);
                }
            }
            realisationsDone.accept(done.addAndGet(count));
            return new BlockOutcome(grid, events);
        };
        // Blocks run in waves so that only a wave's block statistics are held at once; each wave is merged in
        // block order, so the wave size (which may follow the thread count) cannot change the result.
        final int waveSize = WAVE_BLOCKS_PER_THREAD * spec.threads();
        MomentGrid total = new MomentGrid(timeCount, speciesCount);
        long events = 0;
        try (BlockExecutor executor = new BlockExecutor(spec.threads())) {
            for (int firstBlock = 0; firstBlock < blockCount; firstBlock += waveSize) {
                final int offset = firstBlock;
                int blocks = Math.min(waveSize, blockCount - firstBlock);
                List<BlockOutcome> outcomes = executor.map(blocks, block -> work.apply(offset + block));
                for (BlockOutcome outcome : outcomes) {
                    total.merge(outcome.grid());
                    events += outcome.events();
                }
            }
        }
        return new EnsembleResult(timesSec, total, algorithm.reportName(), events);
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

    private static boolean supports(ReactionNetwork network, EnsembleSpec spec, SsaAlgorithm algorithm,
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

    private static RealisationSimulator scalarSimulator(SsaAlgorithm algorithm, ReactionNetwork network,
                                                        CompiledMassAction compiled, double[] timesSec) {
        return switch (algorithm) {
            case DIRECT_MASS_ACTION -> new MassActionDirectMethod(compiled, timesSec);
            case DIRECT -> new DirectMethod(network, timesSec);
            case NEXT_REACTION -> new NextReactionMethod(network, timesSec);
            case TAU_LEAPING -> new TauLeaping(network, timesSec);
            case DIRECT_SIMD_LANES -> throw new AssertionError("lanes are not a scalar method");
        };
    }

    private record BlockOutcome(MomentGrid grid, long events) {}
}
