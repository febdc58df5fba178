package org.ltpsim.cli.experiment;

import java.util.ArrayList;
import java.util.List;
import org.ltpsim.cli.io.ProgressBar;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.spine.sim.SpineExperiment;
import org.ltpsim.spine.sim.SpineRunResult;
import org.ltpsim.spine.sim.SpineSimulator;

/**
 * Runs a list of spine experiments on one executor in batches of a few branches per worker (so memory stays
 * bounded), with a progress bar, and hands each result to a consumer in order. Each result equals the
 * experiment's own run, bitwise, whatever the thread count ({@link SpineSimulator#runAll}).
 */
public final class SpineBatches {
    private static final int BRANCHES_PER_WORKER_PER_BATCH = 4;

    private SpineBatches() {}

    /** Turns the result of experiment {@code index} into what the caller keeps. */
    public interface ResultConsumer<T> {
        T take(int index, SpineRunResult result);
    }

    public static <T> List<T> run(SpineSimulator simulator, BlockExecutor executor, List<SpineExperiment> experiments,
            String label, ResultConsumer<T> consumer) {
        long total = 0;
        for (SpineExperiment experiment : experiments) {
            total += simulator.work(experiment);
        }
        List<T> kept = new ArrayList<>();
        try (ProgressBar progress = new ProgressBar(System.err, label, total)) {
            long done = 0;
            int next = 0;
            while (next < experiments.size()) {
                int end = next;
                int branches = 0;
                long batchWork = 0;
                while (end < experiments.size()
                        && (end == next || branches < BRANCHES_PER_WORKER_PER_BATCH * executor.threads())) {
                    branches += simulator.branchCount(experiments.get(end));
                    batchWork += simulator.work(experiments.get(end));
                    end++;
                }
                final long before = done;
                List<SpineRunResult> results = simulator.runAll(experiments.subList(next, end), executor,
                        finished -> progress.update(before + finished));
                for (int i = 0; i < results.size(); i++) {
                    kept.add(consumer.take(next + i, results.get(i)));
                }
                done += batchWork;
                next = end;
            }
        }
        return kept;
    }
}
