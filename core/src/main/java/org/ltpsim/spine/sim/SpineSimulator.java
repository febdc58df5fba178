package org.ltpsim.spine.sim;

import java.util.List;
import java.util.function.LongConsumer;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.parallel.BlockRange;
import org.ltpsim.parallel.BlockRun;
import org.ltpsim.spine.ChannelFactory;

/**
 * Runs a {@link SpineExperiment}: one block per dendritic branch ({@link SpineBlocks}) on a {@link BlockExecutor},
 * results merged in branch order, so the same seed gives bitwise the same result for any thread count.
 */
public final class SpineSimulator {
    private final ChannelFactory channels;

    public SpineSimulator(ChannelFactory channels) {
        this.channels = java.util.Objects.requireNonNull(channels, "channels");
    }

    public SpineRunResult run(SpineExperiment experiment, BlockExecutor executor) {
        return run(experiment, executor, done -> {});
    }

    /**
     * As {@link #run(SpineExperiment, BlockExecutor)}, reporting the simulated work done so far, out of
     * {@link #work(SpineExperiment)}, several times per branch (from any worker thread).
     */
    public SpineRunResult run(SpineExperiment experiment, BlockExecutor executor, LongConsumer workDone) {
        return run(experiment, executor, workDone, null);
    }

    /**
     * As {@link #run(SpineExperiment, BlockExecutor, LongConsumer)}, also recording the state of the spines that
     * {@code traces} names (null: none). Recording changes no result.
     */
    public SpineRunResult run(SpineExperiment experiment, BlockExecutor executor, LongConsumer workDone,
            TraceRequest traces) {
        if (experiment.expression() != null) {
            return NeuronRunner.run(experiment, channels, executor, new SimulatedWork(workDone), traces);
        }
        SpineBlocks blocks = new SpineBlocks(channels, List.of(experiment), traces).reportingTo(workDone, 0);
        return blocks.result(0, runBlocks(blocks, executor));
    }

    /**
     * Runs several experiments (the points of a parameter sweep) as one list of (experiment, branch) blocks, so that
     * small experiments still keep every worker busy; reports the simulated work done over all of them (out of the
     * sum of {@link #work(SpineExperiment)}). Each result equals what {@link #run(SpineExperiment, BlockExecutor)}
     * gives for its experiment, bitwise.
     */
    public List<SpineRunResult> runAll(List<SpineExperiment> experiments, BlockExecutor executor,
            LongConsumer workDone) {
        if (experiments.stream().anyMatch(x -> x.expression() != null)) {
            // expression runs synchronise their neurons' branches: one experiment at a time
            SimulatedWork shared = new SimulatedWork(workDone);
            List<SpineRunResult> results = new java.util.ArrayList<>(experiments.size());
            for (SpineExperiment experiment : experiments) {
                results.add(experiment.expression() != null
                        ? NeuronRunner.run(experiment, channels, executor, shared, null)
                        : run(experiment, executor, workDone, null));
            }
            return results;
        }
        SpineBlocks blocks = new SpineBlocks(channels, experiments, null).reportingTo(workDone, 0);
        return blocks.results(runBlocks(blocks, executor));
    }

    private static FoldedBranches runBlocks(SpineBlocks blocks, BlockExecutor executor) {
        return new BlockRun<>(blocks.fold(), blocks.codec(), true)
                .run(executor, BlockRange.all(blocks.blockCount()), blocks::run).state();
    }

    /** The total simulated work of a run, in the units the progress listeners receive (branch fast steps). */
    public long work(SpineExperiment experiment) {
        return branchCount(experiment) * SpineBlocks.ticks(experiment);
    }

    public int branchCount(SpineExperiment experiment) {
        return new SpineLayout(experiment.pathways(), experiment.model().spinesPerBranch(), experiment.neurons())
                .branchCount();
    }
}
