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
        return run(experiment, executor, branchesDone, null);
    }

    /**
     * As {@link #run(SpineExperiment, BlockExecutor, IntConsumer)}, also recording the state of the spines that
     * {@code traces} names (null: none). Recording changes no result.
     */
    public SpineRunResult run(SpineExperiment experiment, BlockExecutor executor, IntConsumer branchesDone,
            TraceRequest traces) {
        SpineLayout layout = new SpineLayout(experiment.pathways(), experiment.model().spinesPerBranch());
        if (traces != null) {
            traces.checkIds(layout.spineCount());
            traces.sampleTicks(experiment.model().fastStepMs());
        }
        double endMs = experiment.endMs();
        double binMs = experiment.effectiveTraceBinMs();
        List<BranchResult> branches = executor.map(layout.branchCount(), branch ->
                new BranchSimulation(experiment.model(), channels, experiment.pathways(), layout, branch,
                        experiment.seed(), endMs, binMs, experiment.camkii(), experiment.holoenzymesPerSpine(), traces).run(),
                branchesDone);
        return new SpineRunResult(experiment, layout, branches);
    }

    public int branchCount(SpineExperiment experiment) {
        return new SpineLayout(experiment.pathways(), experiment.model().spinesPerBranch()).branchCount();
    }
}
