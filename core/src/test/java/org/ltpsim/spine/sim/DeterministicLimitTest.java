package org.ltpsim.spine.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ltpsim.camkii.CamkiiParameters;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.spine.MeanFieldSources;
import org.ltpsim.spine.SpineModel;
import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.input.Protocols;

/** The deterministic limit: no randomness, and the one reduced branch stands exactly for every branch. */
class DeterministicLimitTest {
    private static final ParameterSet P = ParameterSet.defaults("spine").with("protocol.hfs_pulses", "20")
            .with("branch.spines_per_branch", "40");

    private static SpineExperiment experiment(long seed) {
        SpineModel model = SpineModel.from(P, false);
        // 60 stimulated + 20 silent spines on 2 branches: 30 + 10 per branch, reduced to 3 + 1 spines (g = 10)
        return new SpineExperiment(model, List.of(new Pathway("A", Protocols.named("hfs", P), 60),
                new Pathway("B", Protocols.named("none", P), 20)), seed, 200, 0)
                .withCamkii(CamkiiParameters.from(ParameterSet.defaults("camkii")), 16);
    }

    private static SpineRunResult run(SpineExperiment e, int threads) {
        try (BlockExecutor executor = new BlockExecutor(threads)) {
            return new SpineSimulator(MeanFieldSources.allMeanField()).run(e, executor);
        }
    }

    @Test
    void sameBitsForAnySeedAndThreadCount() {
        SpineRunResult a = run(experiment(1), 1);
        SpineRunResult b = run(experiment(2), 2);
        assertArrayEquals(a.qMaxMicroMolarSec, b.qMaxMicroMolarSec);
        assertArrayEquals(a.peakCaMicroMolar, b.peakCaMicroMolar);
        assertArrayEquals(a.traceMeanMicroMolar(0), b.traceMeanMicroMolar(0));
        assertArrayEquals(a.camkiiOn, b.camkiiOn);
        // every spine of a pathway identical: outcomes 0 or 1 per pathway
        for (int i = 1; i < a.spineCount(); i++) {
            if (a.layout().pathwayOf(i) == a.layout().pathwayOf(0)) {
                assertEquals(a.qMaxMicroMolarSec(0), a.qMaxMicroMolarSec(i));
            }
        }
    }

    /**
     * The reduced branch (4 spines, branch capacitance, leak and clamp / 10) against the full branch of 40 spines
     * simulated as it is (the same mean-field kernels): equal to rounding.
     */
    @Test
    void reducedBranchEqualsTheFullBranch() {
        SpineExperiment e = experiment(1);
        SpineRunResult reduced = run(e, 1);
        SpineLayout layout = new SpineLayout(e.pathways(), e.model().spinesPerBranch());
        assertEquals(2, layout.branchCount());
        BranchResult full = new BranchSimulation(e.model(), MeanFieldSources.allMeanField(), e.pathways(), layout, 0,
                e.seed(), e.endMs(), e.effectiveTraceBinMs(), e.camkii(), e.holoenzymesPerSpine(), null).run(null);
        for (int k = 0; k < layout.spinesOn(0); k++) {
            assertEquals(full.qMaxMicroMolarSec[k], reduced.qMaxMicroMolarSec(k),
                    1e-9 * Math.abs(full.qMaxMicroMolarSec[k]), "spine " + k);
            assertEquals(full.peakDepolarisationMv[k], reduced.peakDepolarisationMv(k),
                    1e-9 * Math.abs(full.peakDepolarisationMv[k]), "spine " + k);
            assertEquals(full.camkiiOn[k], reduced.camkiiOn(k), "spine " + k);
        }
        assertTrue(reduced.qMaxMicroMolarSec(0) > reduced.qMaxMicroMolarSec(reduced.spineCount() - 1),
                "stimulated spines above silent ones");
    }
}
