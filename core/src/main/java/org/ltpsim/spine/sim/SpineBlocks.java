package org.ltpsim.spine.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.ltpsim.parallel.BlockCodec;
import org.ltpsim.parallel.BlockFold;
import org.ltpsim.parallel.BlockRange;
import org.ltpsim.simd.VectorizationProvider;
import org.ltpsim.spine.ChannelFactory;

/**
 * Spine experiments as a list of independent blocks: block ids run over the branches of the first experiment, then
 * those of the second, and so on (the points of a sweep). A block is one branch, a pure function of its
 * experiment and branch index; a run's state is its branches folded in block order ({@link #fold()}, one
 * {@link SpineAggregate} per experiment), from which {@link #result} makes each experiment's {@link SpineRunResult},
 * so a run done whole, in shards or resumed gives the same bits.
 */
public final class SpineBlocks {
    private final ChannelFactory channels;
    private final List<SpineExperiment> experiments;
    private final SpineLayout[] layouts;
    private final int[] firstBlock; // per experiment, plus the total at the end
    private final TraceRequest traces;
    private boolean traceSums = true;
    private SimulatedWork work = new SimulatedWork(done -> {});
    private final DeterministicBranches deterministic = new DeterministicBranches();

    /**
     * @param traces spines to record (null: none); only with a single experiment
     */
    public SpineBlocks(ChannelFactory channels, List<SpineExperiment> experiments, TraceRequest traces) {
        this.channels = Objects.requireNonNull(channels, "channels");
        this.experiments = List.copyOf(experiments);
        if (this.experiments.isEmpty()) {
            throw new IllegalArgumentException("at least one experiment is needed");
        }
        if (this.experiments.stream().anyMatch(e -> e.expression() != null)) {
            // their branches synchronise at the neuron's protein-pool updates: their blocks are neurons (NeuronBlocks)
            throw new IllegalArgumentException("runs with the expression layers (--duration) split into neurons, not "
                    + "branches: NeuronBlocks");
        }
        if (traces != null && this.experiments.size() != 1) {
            throw new IllegalArgumentException("spines can be recorded in a single experiment only");
        }
        int count = this.experiments.size();
        layouts = new SpineLayout[count];
        firstBlock = new int[count + 1];
        for (int e = 0; e < count; e++) {
            SpineExperiment experiment = this.experiments.get(e);
            layouts[e] = new SpineLayout(experiment.pathways(), experiment.model().spinesPerBranch());
            long end = (long) firstBlock[e] + layouts[e].branchCount();
            if (end > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("more than " + Integer.MAX_VALUE + " branches in all");
            }
            firstBlock[e + 1] = (int) end;
        }
        if (traces != null) {
            traces.checkIds(layouts[0].spineCount());
            traces.sampleTicks(this.experiments.get(0).model().fastStepMs());
        }
        this.traces = traces;
        announceRunLength(work(BlockRange.all(blockCount())));
    }

    /**
     * A process whose runs, this one included, hold less simulated work than this (branch fast steps) is too short
     * for the SIMD kernels to repay the JIT's ~1 s of CPU on them: its kernels stay on the scalar twins. Measured on a
     * 2-core machine (docs/performance.md, "The fifth session"): the 1,000-spine HFS (400,000) is faster scalar, the
     * 10,000-spine HFS (4,000,000) faster with SIMD. Counted over the process, so that a sweep run in many small
     * batches switches once its batches add up.
     */
    static final long SHORT_RUN_WORK = 1_000_000;

    private static final AtomicLong ANNOUNCED_WORK = new AtomicLong();

    /** Tells the kernels whether the process is short with the run about to start ({@code work}); speed only. */
    static void announceRunLength(long work) {
        VectorizationProvider.expectShortRun(ANNOUNCED_WORK.addAndGet(work) < SHORT_RUN_WORK);
    }

    /**
     * Reports the simulated work done so far (branch fast steps, out of {@link #work(BlockRange)}) several times
     * per branch, from any worker thread, counting from {@code alreadyDone} (a resumed run's saved blocks).
     */
    public SpineBlocks reportingTo(LongConsumer listener, long alreadyDone) {
        Objects.requireNonNull(listener, "listener");
        this.work = new SimulatedWork(done -> listener.accept(alreadyDone + done));
        return this;
    }

    /**
     * Leaves the per-pathway calcium trace sums out of the branches (a sweep reads per-spine readouts only): less
     * memory and smaller files; the results' mean traces are then empty.
     */
    public SpineBlocks withoutTraceSums() {
        this.traceSums = false;
        return this;
    }

    public List<SpineExperiment> experiments() {
        return experiments;
    }

    public int blockCount() {
        return firstBlock[experiments.size()];
    }

    /** The experiment that block {@code block} belongs to. */
    public int experimentOf(int block) {
        if (block < 0 || block >= blockCount()) {
            throw new IndexOutOfBoundsException("block " + block + " outside [0, " + blockCount() + ")");
        }
        // firstBlock is strictly rising (every experiment has a branch)
        int found = Arrays.binarySearch(firstBlock, block);
        return found >= 0 ? found : -found - 2;
    }

    /** The first block of experiment {@code experiment}, and {@code blockCount()} for {@code experiments().size()}. */
    public int firstBlock(int experiment) {
        return firstBlock[experiment];
    }

    /** Simulated work (branch fast steps) of the blocks of {@code range}. */
    public long work(BlockRange range) {
        long total = 0;
        for (int e = 0; e < experiments.size(); e++) {
            int overlap = Math.min(range.end(), firstBlock[e + 1]) - Math.max(range.first(), firstBlock[e]);
            if (overlap > 0) {
                total += overlap * ticks(experiments.get(e));
            }
        }
        return total;
    }

    static long ticks(SpineExperiment experiment) {
        return Math.round(experiment.endMs() / experiment.model().fastStepMs());
    }

    /** Simulates block {@code block}: one branch of one experiment. */
    public BranchResult run(int block) {
        int e = experimentOf(block);
        SpineExperiment experiment = experiments.get(e);
        if (DeterministicBranches.reducible(channels, experiment, layouts[e], traces)) {
            BranchResult result = deterministic.branch(e, experiment, layouts[e], block - firstBlock[e], channels,
                    work);
            return traceSums ? result : BranchResultCodec.withoutTraceSums(result);
        }
        BranchResult result = new BranchSimulation(experiment.model(), channels, experiment.pathways(), layouts[e],
                block - firstBlock[e], experiment.seed(), experiment.endMs(), experiment.effectiveTraceBinMs(),
                experiment.camkii(), experiment.holoenzymesPerSpine(), traces).run(work);
        return traceSums ? result : BranchResultCodec.withoutTraceSums(result);
    }

    /**
     * A run's branches folded in block order into one {@link SpineAggregate} per experiment, each branch dropped
     * once folded: the run holds its per-spine readouts and one set of trace sums per experiment.
     */
    public BlockFold<BranchResult, FoldedBranches> fold() {
        return new BlockFold<>() {
            @Override
            public FoldedBranches start() {
                return new FoldedBranches();
            }

            @Override
            public FoldedBranches add(FoldedBranches state, BranchResult result) {
                List<SpineAggregate> reached = state.experiments;
                if (reached.isEmpty() || reached.get(reached.size() - 1).complete()) {
                    int e = reached.size();
                    if (e == experiments.size()) {
                        throw new IllegalArgumentException("the run has " + blockCount() + " branches, got more");
                    }
                    reached.add(new SpineAggregate(experiments.get(e), layouts[e]));
                }
                reached.get(reached.size() - 1).add(result);
                return state;
            }
        };
    }

    /** Branches and folded states exactly, with their trace sums unless {@link #withoutTraceSums()}. */
    public BlockCodec<BranchResult, FoldedBranches> codec() {
        return new FoldedBranchesCodec(new BranchResultCodec(traceSums), experiments, layouts);
    }

    /** Branches exactly, with their trace sums unless {@link #withoutTraceSums()}; a state is a list of branches. */
    public BlockCodec<BranchResult, List<BranchResult>> branchListCodec() {
        return new BranchResultCodec(traceSums);
    }

    /**
     * Experiment {@code experiment}'s result from its branches, in branch order.
     *
     * @throws IllegalArgumentException when the branches do not fit the experiment's layout
     */
    public SpineRunResult result(int experiment, List<BranchResult> branches) {
        SpineLayout layout = layouts[experiment];
        if (branches.size() != layout.branchCount()) {
            throw new IllegalArgumentException("experiment " + experiment + " has " + layout.branchCount()
                    + " branches, got " + branches.size());
        }
        return new SpineRunResult(SpineAggregate.of(experiments.get(experiment), layout, branches), null);
    }

    /**
     * Experiment {@code experiment}'s result from a run's folded branches (its per-spine arrays are taken over: use
     * each experiment's result once).
     *
     * @throws IllegalArgumentException when the experiment's branches are not all folded in
     */
    public SpineRunResult result(int experiment, FoldedBranches folded) {
        if (experiment >= folded.experiments.size()) {
            throw new IllegalArgumentException("experiment " + experiment + " has no branch folded in");
        }
        SpineAggregate run = folded.experiments.get(experiment);
        if (run.experiment != experiments.get(experiment)) {
            throw new IllegalArgumentException("experiment " + experiment + " was folded for another run");
        }
        return new SpineRunResult(run, null);
    }

    /** Every experiment's result from all the run's folded branches, in block order. */
    public List<SpineRunResult> results(FoldedBranches folded) {
        if (folded.blockCount() != blockCount()) {
            throw new IllegalArgumentException("the run has " + blockCount() + " branches, got " + folded.blockCount());
        }
        List<SpineRunResult> results = new ArrayList<>(experiments.size());
        for (int e = 0; e < experiments.size(); e++) {
            results.add(result(e, folded));
        }
        return results;
    }
}
