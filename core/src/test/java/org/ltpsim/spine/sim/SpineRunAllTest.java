package org.ltpsim.spine.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.spine.SpineModel;
import org.ltpsim.spine.TestKernels;
import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.input.Protocols;

class SpineRunAllTest {
    /** Experiments of 1, 2 and 1 branches run as one pool give, each, bitwise what a run of its own gives. */
    @Test
    void runAllEqualsRunningEachAlone() {
        ParameterSet p = ParameterSet.defaults("spine").with("protocol.hfs_pulses", "5")
                .with("branch.spines_per_branch", "4");
        SpineModel model = SpineModel.from(p, false);
        List<SpineExperiment> experiments = List.of(
                new SpineExperiment(model, List.of(new Pathway("A", Protocols.named("hfs", p), 3)), 9, 50, 0),
                new SpineExperiment(model, List.of(new Pathway("A", Protocols.named("hfs", p), 6)), 9, 50, 0),
                new SpineExperiment(model, List.of(new Pathway("A", Protocols.named("tbs", p), 2)), 4, 50, 0));
        SpineSimulator simulator = new SpineSimulator(TestKernels.channels());
        List<SpineRunResult> pooled;
        try (BlockExecutor executor = new BlockExecutor(3)) {
            pooled = simulator.runAll(experiments, executor, done -> {});
        }
        assertEquals(3, pooled.size());
        for (int e = 0; e < experiments.size(); e++) {
            SpineRunResult alone;
            try (BlockExecutor executor = new BlockExecutor(1)) {
                alone = simulator.run(experiments.get(e), executor);
            }
            assertArrayEquals(alone.qMaxMicroMolarSec, pooled.get(e).qMaxMicroMolarSec, "experiment " + e);
            assertArrayEquals(alone.peakCaMicroMolar, pooled.get(e).peakCaMicroMolar, "experiment " + e);
            assertArrayEquals(alone.traceMeanMicroMolar(0), pooled.get(e).traceMeanMicroMolar(0), "experiment " + e);
        }
    }
}
