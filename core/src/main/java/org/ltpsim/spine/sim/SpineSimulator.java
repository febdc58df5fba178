package org.ltpsim.spine.sim;

import java.util.List;
import java.util.function.IntConsumer;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.spine.ChannelFactory;

/**
 * Runs a {@link SpineExperiment}: one task per dendritic branch on a {@link BlockExecutor}, results merged in
 * branch order, so the same seed gives bitwise the same result for any thread count.
 */
public final class SpineSimulator {
    private final ChannelFactory channels;

    public SpineSimulator(ChannelFactory channels) {
        this.channels = java.util.Objects.requireNonNull(channels, "channels");
    }

    public SpineRunResult run(SpineExperiment experiment, BlockExecutor executor) {
        return run(experiment, executor, done -> {});
    }

    /** As {@link #run(SpineExperiment, BlockExecutor)}, reporting the number of branches finished. */
    public SpineRunResult run(SpineExperiment experiment, BlockExecutor executor, IntConsumer branchesDone) {
        SpineLayout layout = new SpineLayout(experiment.pathways(), experiment.model().spinesPerBranch());
        double endMs = experiment.endMs();
        double binMs = experiment.effectiveTraceBinMs();
        List<BranchResult> branches = executor.map(layout.branchCount(), branch ->
                new BranchSimulation(experiment.model(), channels, experiment.pathways(), layout, branch,
                        experiment.seed(), endMs, binMs).run(), branchesDone);
        return new SpineRunResult(experiment, layout, branches);
    }

    public int branchCount(SpineExperiment experiment) {
        return new SpineLayout(experiment.pathways(), experiment.model().spinesPerBranch()).branchCount();
    }
}
