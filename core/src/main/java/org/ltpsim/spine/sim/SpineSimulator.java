package org.ltpsim.spine.sim;

import java.util.List;
import java.util.function.LongConsumer;
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
        SpineLayout layout = new SpineLayout(experiment.pathways(), experiment.model().spinesPerBranch());
        if (traces != null) {
            traces.checkIds(layout.spineCount());
            traces.sampleTicks(experiment.model().fastStepMs());
        }
        double endMs = experiment.endMs();
        double binMs = experiment.effectiveTraceBinMs();
        SimulatedWork work = new SimulatedWork(workDone);
        List<BranchResult> branches = executor.map(layout.branchCount(), branch ->
                new BranchSimulation(experiment.model(), channels, experiment.pathways(), layout, branch,
                        experiment.seed(), endMs, binMs, experiment.camkii(), experiment.holoenzymesPerSpine(), traces)
                        .run(work));
        return new SpineRunResult(experiment, layout, branches);
    }

    /**
     * Runs several experiments (the points of a parameter sweep) as one pool of (experiment, branch) tasks, so that
     * small experiments still keep every worker busy; reports the simulated work done over all of them (out of the
     * sum of {@link #work(SpineExperiment)}). Each result equals what {@link #run(SpineExperiment, BlockExecutor)}
     * gives for its experiment, bitwise.
     */
    public List<SpineRunResult> runAll(List<SpineExperiment> experiments, BlockExecutor executor,
            LongConsumer workDone) {
        int count = experiments.size();
        if (experiments.stream().anyMatch(x -> x.expression() != null)) {
            // expression runs synchronise their neurons' branches: one experiment at a time
            SimulatedWork shared = new SimulatedWork(workDone);
            List<SpineRunResult> results = new java.util.ArrayList<>(count);
            for (SpineExperiment experiment : experiments) {
                results.add(experiment.expression() != null
                        ? NeuronRunner.run(experiment, channels, executor, shared, null)
                        : run(experiment, executor, workDone, null));
            }
            return results;
        }
        SpineLayout[] layouts = new SpineLayout[count];
        int[] firstTask = new int[count + 1];
        for (int e = 0; e < count; e++) {
            SpineExperiment experiment = experiments.get(e);
            layouts[e] = new SpineLayout(experiment.pathways(), experiment.model().spinesPerBranch());
            firstTask[e + 1] = firstTask[e] + layouts[e].branchCount();
        }
        SimulatedWork work = new SimulatedWork(workDone);
        List<BranchResult> branches = executor.map(firstTask[count], task -> {
            // firstTask is strictly rising (every experiment has a branch): the experiment holding this task
            int found = java.util.Arrays.binarySearch(firstTask, task);
            int e = found >= 0 ? found : -found - 2;
            SpineExperiment experiment = experiments.get(e);
            return new BranchSimulation(experiment.model(), channels, experiment.pathways(), layouts[e],
                    task - firstTask[e], experiment.seed(), experiment.endMs(), experiment.effectiveTraceBinMs(),
                    experiment.camkii(), experiment.holoenzymesPerSpine(), null).run(work);
        });
        List<SpineRunResult> results = new java.util.ArrayList<>(count);
        for (int e = 0; e < count; e++) {
            results.add(new SpineRunResult(experiments.get(e), layouts[e],
                    branches.subList(firstTask[e], firstTask[e + 1])));
        }
        return results;
    }

    /** The total simulated work of a run, in the units the progress listeners receive (branch fast steps). */
    public long work(SpineExperiment experiment) {
        return branchCount(experiment) * Math.round(experiment.endMs() / experiment.model().fastStepMs());
    }

    public int branchCount(SpineExperiment experiment) {
        return new SpineLayout(experiment.pathways(), experiment.model().spinesPerBranch(), experiment.neurons())
                .branchCount();
    }
}
