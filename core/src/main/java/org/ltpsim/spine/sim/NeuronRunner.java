package org.ltpsim.spine.sim;

import java.util.List;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.spine.ChannelFactory;
import org.ltpsim.spine.cell.NeuronCell;
import org.ltpsim.spine.expression.ExpressionModel;
import org.ltpsim.spine.expression.SynapseExpression;

/**
 * Runs an expression experiment: every branch of every neuron advances to the next synchronisation point (one task
 * per branch, in parallel), then each neuron's nucleus and protein pool are updated from its branches' inductions
 * and captures, read in branch order, and the branches are handed the protein level for the next interval. Neurons
 * share nothing, so they are independent blocks; within a neuron only the synchronisation points couple the
 * branches. The same seed gives bitwise the same result for any thread count.
 */
final class NeuronRunner {
    private NeuronRunner() {}

    static SpineRunResult run(SpineExperiment e, ChannelFactory channels, BlockExecutor executor, SimulatedWork work,
            TraceRequest traces) {
        return run(e, channels, executor, work, traces, false);
    }

    /** As above; {@code stepThroughSilence} (tests) makes every branch step through silence instead of jumping. */
    static SpineRunResult run(SpineExperiment e, ChannelFactory channels, BlockExecutor executor, SimulatedWork work,
            TraceRequest traces, boolean stepThroughSilence) {
        SpineLayout layout = new SpineLayout(e.pathways(), e.model().spinesPerBranch(), e.neurons());
        Neurons all = runNeurons(e, channels, executor::map, work, traces, stepThroughSilence, 0, layout.neurons());
        return new SpineRunResult(e, layout, all.branches(), all.cells());
    }

    /** Maps a function over block indices 0 .. count - 1, results in index order (in parallel or not). */
    @FunctionalInterface
    interface Mapper {
        <R> List<R> map(int count, java.util.function.IntFunction<R> work);
    }

    /** Neurons first .. end - 1 of a run: their branches' results in branch order, and their cells' records. */
    record Neurons(List<BranchResult> branches, CellRecords cells) {}

    /**
     * Runs neurons {@code first} .. {@code end - 1} of the experiment: the same bits for them as a run of all the
     * neurons (each branch keeps its index in the whole layout, so its random streams; neurons share nothing).
     */
    static Neurons runNeurons(SpineExperiment e, ChannelFactory channels, Mapper executor, SimulatedWork work,
            TraceRequest traces, boolean stepThroughSilence, int first, int end) {
        ExpressionModel model = e.expression().model();
        SpineLayout layout = new SpineLayout(e.pathways(), e.model().spinesPerBranch(), e.neurons());
        if (first < 0 || end > layout.neurons() || first >= end) {
            throw new IllegalArgumentException("neurons " + first + " .. " + end + " outside [0, " + layout.neurons()
                    + ")");
        }
        if (traces != null) {
            traces.checkIds(layout.spineCount());
            traces.sampleTicks(e.model().fastStepMs());
        }
        double endMs = e.endMs();
        double binMs = e.effectiveTraceBinMs();
        int perNeuron = layout.branchesPerNeuron();
        int firstBranch = first * perNeuron;
        int branches = (end - first) * perNeuron;
        List<BranchSimulation> sims = executor.map(branches, b -> new BranchSimulation(e.model(), channels,
                e.pathways(), layout, firstBranch + b, e.seed(), endMs, binMs, e.camkii(), e.holoenzymesPerSpine(),
                traces, e.expression()));
        if (stepThroughSilence) {
            sims.forEach(BranchSimulation::stepThroughSilence);
        }
        long endTick = sims.get(0).endTick();
        double fastMs = e.model().fastStepMs();
        long syncTicks = Math.max(1, Math.round(model.syncIntervalSec() * 1000 / fastMs));
        long recordTicks = Math.max(1, Math.round(e.expression().recordEveryMs() / fastMs));
        int records = (int) (endTick / recordTicks) + 1;
        int neurons = end - first;
        NeuronCell[] cells = new NeuronCell[neurons];
        CellRecords out = new CellRecords(neurons, records);
        for (int k = 0; k < neurons; k++) {
            cells[k] = new NeuronCell(model);
            double level = cells[k].predictedMeanProteins(Math.min(syncTicks, endTick) * fastMs / 1000);
            for (int b = 0; b < perNeuron; b++) {
                sims.get(k * perNeuron + b).expression().setProteinLevel(level);
            }
        }
        long tick = 0;
        int nextRecord = 0;
        double[][] previous = new double[neurons][];
        nextRecord = recordCells(cells, out, nextRecord, 0, recordTicks, records, previous);
        while (tick < endTick) {
            long stop = Math.min(endTick, tick + syncTicks);
            executor.map(branches, b -> {
                sims.get(b).advanceExpressionTo(stop, work);
                return Boolean.TRUE;
            });
            double dtSec = (stop - tick) * fastMs / 1000;
            double nextSec = Math.min(syncTicks, endTick - stop) * fastMs / 1000;
            for (int k = 0; k < neurons; k++) { // fixed order: neurons, then their branches
                int inductions = 0;
                int captures = 0;
                for (int b = 0; b < perNeuron; b++) {
                    SynapseExpression x = sims.get(k * perNeuron + b).expression();
                    inductions += x.drainInductions();
                    captures += x.drainCaptures();
                }
                cells[k].update(dtSec, inductions, captures);
                double level = cells[k].predictedMeanProteins(nextSec);
                for (int b = 0; b < perNeuron; b++) {
                    sims.get(k * perNeuron + b).expression().setProteinLevel(level);
                }
            }
            tick = stop;
            nextRecord = recordCells(cells, out, nextRecord, tick, recordTicks, records, previous);
        }
        for (int k = 0; k < neurons; k++) {
            out.overdraftUnits[k] = cells[k].overdraftUnits();
            out.capturedUnits[k] = cells[k].capturedUnits();
            out.inductions[k] = cells[k].inductions();
        }
        List<BranchResult> results = executor.map(branches, b -> sims.get(b).finish());
        return new Neurons(results, out);
    }

    /**
     * Fills the cell records of every record time up to {@code tick}: a record exactly at {@code tick} gets the cells'
     * state now, one before it (between two synchronisation points) the state of the previous point, {@code previous}
     * ([neuron] = {signal, transcripts, proteins}; null at the start). Updates {@code previous} to now.
     */
    private static int recordCells(NeuronCell[] cells, CellRecords out, int nextRecord, long tick, long recordTicks,
            int records, double[][] previous) {
        while (nextRecord < records && (long) nextRecord * recordTicks <= tick) {
            boolean exact = (long) nextRecord * recordTicks == tick;
            for (int k = 0; k < cells.length; k++) {
                boolean now = exact || previous[k] == null;
                out.signal[k][nextRecord] = now ? cells[k].signal() : previous[k][0];
                out.transcripts[k][nextRecord] = now ? cells[k].transcripts() : previous[k][1];
                out.proteins[k][nextRecord] = now ? cells[k].proteins() : previous[k][2];
            }
            nextRecord++;
        }
        for (int k = 0; k < cells.length; k++) {
            previous[k] = new double[] {cells[k].signal(), cells[k].transcripts(), cells[k].proteins()};
        }
        return nextRecord;
    }
}
