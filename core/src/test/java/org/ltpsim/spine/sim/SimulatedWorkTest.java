package org.ltpsim.spine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.spine.SpineModel;
import org.ltpsim.spine.TestKernels;
import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.input.Protocols;

/** Progress arrives during a branch, not once at its end, and adds up to the announced total. */
class SimulatedWorkTest {
    @Test
    void aSingleBranchReportsItsProgressManyTimesAndReachesTheTotal() {
        ParameterSet p = ParameterSet.defaults("spine").with("protocol.hfs_pulses", "20");
        SpineExperiment experiment = new SpineExperiment(SpineModel.from(p, false),
                List.of(new Pathway("A", Protocols.named("hfs", p), 5)), 3, 300, 0);
        SpineSimulator simulator = new SpineSimulator(TestKernels.channels());
        assertEquals(1, simulator.branchCount(experiment));
        List<Long> reports = new CopyOnWriteArrayList<>();
        try (BlockExecutor executor = new BlockExecutor(1)) {
            simulator.run(experiment, executor, reports::add);
        }
        // the train (20 pulses, 200 ms) is stepped: at least one report per 1/500 of it, i.e. dozens
        assertTrue(reports.size() > 50, "reports: " + reports.size());
        for (int i = 1; i < reports.size(); i++) {
            assertTrue(reports.get(i) > reports.get(i - 1), "rising");
        }
        assertEquals(simulator.work(experiment), reports.get(reports.size() - 1));
    }

    @Test
    void severalBranchesOnTwoThreadsAddUpToTheTotal() {
        ParameterSet p = ParameterSet.defaults("spine").with("protocol.hfs_pulses", "5")
                .with("branch.spines_per_branch", "4");
        SpineExperiment experiment = new SpineExperiment(SpineModel.from(p, false),
                List.of(new Pathway("A", Protocols.named("hfs", p), 12)), 3, 50, 0);
        SpineSimulator simulator = new SpineSimulator(TestKernels.channels());
        List<Long> reports = new CopyOnWriteArrayList<>();
        try (BlockExecutor executor = new BlockExecutor(2)) {
            simulator.run(experiment, executor, reports::add);
        }
        assertEquals(3 * Math.round(experiment.endMs() / experiment.model().fastStepMs()), simulator.work(experiment));
        assertEquals(simulator.work(experiment), reports.stream().mapToLong(Long::longValue).max().orElseThrow());
    }
}
