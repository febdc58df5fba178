package org.ltpsim.ssa;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.ltpsim.network.ReactionNetwork;
import org.ltpsim.parallel.BlockCodec;
import org.ltpsim.parallel.BlockFold;
import org.ltpsim.parallel.BlockRange;
import org.ltpsim.parallel.Partial;
import org.ltpsim.rng.RandomStreams;
import org.ltpsim.simd.CompiledMassAction;
import org.ltpsim.simd.LaneBlockKernel;
import org.ltpsim.simd.VectorizationProvider;

/**
 * An ensemble as a list of independent blocks: block b is realisations {@code [64 b, 64 b + 64)} (fewer in the
 * last), realisation r drawing only from {@code RandomStreams.forBlock(seed, "ssa-realisation", r)}; each block
 * accumulates its moments in realisation order, and blocks fold in block order (Chan et al.'s merge). Running the
 * blocks whole, in shards, or resumed from a checkpoint therefore gives the same bits.
 */
public final class EnsembleBlocks {
    /** The most (output time, species) cells a run can record: the largest Java array of doubles, with margin. */
    static final long MAX_CELLS = Integer.MAX_VALUE - 8;

    private final ReactionNetwork network;
    private final EnsembleSpec spec;
    private final SsaAlgorithm algorithm;
    private final VectorizationProvider vectors;
    private final double[] timesSec;
    private final CompiledMassAction compiled;
    private final AtomicLong realisationsDone = new AtomicLong();
    private LongConsumer progress = done -> {};

    /** The blocks of {@code spec} run with {@code algorithm}, which must suit the network. */
    public EnsembleBlocks(ReactionNetwork network, EnsembleSpec spec, SsaAlgorithm algorithm) {
        this(network, spec, algorithm, VectorizationProvider.getInstance());
    }

    EnsembleBlocks(ReactionNetwork network, EnsembleSpec spec, SsaAlgorithm algorithm, VectorizationProvider vectors) {
        if (!EnsembleSimulator.supports(network, spec, algorithm, vectors)) {
            throw new IllegalArgumentException("algorithm " + algorithm.reportName() + " cannot run network "
                    + network.id());
        }
        // a realisation's row and a block's moments hold timeCount x speciesCount doubles: one Java array
        long cells = (long) spec.timeCount() * network.speciesCount();
        if (cells > MAX_CELLS) {
            throw new IllegalArgumentException("output times x species = " + spec.timeCount() + " x "
                    + network.speciesCount() + " = " + cells + " exceeds " + MAX_CELLS + "; raise dtOutSec");
        }
        this.network = network;
        this.spec = spec;
        this.algorithm = algorithm;
        this.vectors = vectors;
        this.timesSec = spec.outputTimesSec();
        this.compiled = network.isPlainMassAction() ? MassActionCompiler.compile(network) : null;
    }

    /**
     * Reports the realisations finished so far to {@code listener} after each block (from any worker thread),
     * counting from {@code alreadyDone} (those of a resumed run's saved blocks).
     */
    public EnsembleBlocks reportingTo(LongConsumer listener, long alreadyDone) {
        this.progress = listener;
        realisationsDone.set(alreadyDone);
        return this;
    }

    public int blockCount() {
        return (int) ((spec.replicates() + (long) EnsembleSimulator.BLOCK_SIZE - 1) / EnsembleSimulator.BLOCK_SIZE);
    }

    /** Realisations in the blocks of {@code range}. */
    public long realisations(BlockRange range) {
        long first = (long) range.first() * EnsembleSimulator.BLOCK_SIZE;
        long end = Math.min((long) range.end() * EnsembleSimulator.BLOCK_SIZE, spec.replicates());
        return Math.max(0, end - first);
    }

    public SsaAlgorithm algorithm() {
        return algorithm;
    }

    /** Simulates block {@code block}: a pure function of the network, the spec's seed and the block id. */
    public EnsembleBlock run(int block) {
        int timeCount = timesSec.length;
        int speciesCount = network.speciesCount();
        long first = (long) block * EnsembleSimulator.BLOCK_SIZE;
        int count = (int) Math.min(EnsembleSimulator.BLOCK_SIZE, spec.replicates() - first);
        MomentGrid grid = new MomentGrid(timeCount, speciesCount);
        long events;
        if (algorithm == SsaAlgorithm.DIRECT_SIMD_LANES && vectors.ssaLanesCompiled(compiled, timesSec)) {
            LaneBlockKernel kernel = vectors.ssaLanes(compiled, timesSec, EnsembleSimulator.STREAM_PURPOSE);
            // at most BLOCK_SIZE rows (supports() bounds the buffer to SIMD_MAX_BUFFER_DOUBLES)
            double[] rows = new double[count * timeCount * speciesCount];
            events = kernel.simulate(spec.seed(), first, count, rows);
            for (int i = 0; i < count; i++) {
                grid.add(rows, i * timeCount * speciesCount);
            }
        } else {
            // the lanes' scalar twin while C2 compiles them (the same trajectories and events), or the algorithm
            SsaAlgorithm scalar = algorithm == SsaAlgorithm.DIRECT_SIMD_LANES ? SsaAlgorithm.DIRECT_MASS_ACTION
                    : algorithm;
            RealisationSimulator simulator = EnsembleSimulator.scalarSimulator(scalar, network, compiled, timesSec);
            double[] row = new double[timeCount * speciesCount];
            events = 0;
            for (int i = 0; i < count; i++) {
                UniformRandomProvider rng = RandomStreams.forBlock(spec.seed(), EnsembleSimulator.STREAM_PURPOSE,
                        first + i);
                events += simulator.run(rng, row);
                grid.add(row, 0);
            }
        }
        progress.accept(realisationsDone.addAndGet(count));
        return new EnsembleBlock(grid, events);
    }

    /** Blocks fold into one accumulator by Chan et al.'s merge, in block order. */
    public BlockFold<EnsembleBlock, EnsembleBlock> fold() {
        final int timeCount = timesSec.length;
        final int speciesCount = network.speciesCount();
        return new BlockFold<>() {
            @Override
            public EnsembleBlock start() {
                return new EnsembleBlock(new MomentGrid(timeCount, speciesCount), 0);
            }

            @Override
            public EnsembleBlock add(EnsembleBlock state, EnsembleBlock result) {
                state.grid.merge(result.grid);
                state.events += result.events;
                return state;
            }
        };
    }

    /** Blocks and states as count, events, then every cell's mean and sum of squared deviations (IEEE bits). */
    public BlockCodec<EnsembleBlock, EnsembleBlock> codec() {
        final int timeCount = timesSec.length;
        final int speciesCount = network.speciesCount();
        return new BlockCodec<>() {
            @Override
            public String format() {
                return "ssa-moments/1";
            }

            @Override
            public void writeBlock(DataOutput out, EnsembleBlock block) throws IOException {
                out.writeLong(block.grid.count());
                out.writeLong(block.events);
                out.writeInt(block.grid.timeCount());
                out.writeInt(block.grid.speciesCount());
                for (double value : block.grid.means()) {
                    out.writeDouble(value);
                }
                for (double value : block.grid.sumsOfSquaredDeviations()) {
                    out.writeDouble(value);
                }
            }

            @Override
            public EnsembleBlock readBlock(DataInput in) throws IOException {
                long count = in.readLong();
                long events = in.readLong();
                int times = in.readInt();
                int species = in.readInt();
                if (times != timeCount || species != speciesCount || count < 0 || events < 0) {
                    throw new IOException("a block of " + times + " times x " + species + " species (count " + count
                            + "), expected " + timeCount + " x " + speciesCount);
                }
                double[] mean = new double[timeCount * speciesCount];
                double[] ss = new double[mean.length];
                for (int i = 0; i < mean.length; i++) {
                    mean[i] = in.readDouble();
                }
                for (int i = 0; i < ss.length; i++) {
                    ss[i] = in.readDouble();
                }
                return new EnsembleBlock(MomentGrid.of(timeCount, speciesCount, count, mean, ss), events);
            }

            @Override
            public void writeState(DataOutput out, EnsembleBlock state) throws IOException {
                writeBlock(out, state);
            }

            @Override
            public EnsembleBlock readState(DataInput in) throws IOException {
                return readBlock(in);
            }
        };
    }

    /** The ensemble's result from the partial of every block. */
    public EnsembleResult result(Partial<EnsembleBlock, EnsembleBlock> all) {
        if (!all.range().equals(BlockRange.all(blockCount()))) {
            throw new IllegalArgumentException("the result needs blocks 0-" + (blockCount() - 1) + ", not "
                    + all.range().describe());
        }
        EnsembleBlock total = all.state();
        return new EnsembleResult(timesSec, total.grid, algorithm.reportName(), total.events);
    }
}
