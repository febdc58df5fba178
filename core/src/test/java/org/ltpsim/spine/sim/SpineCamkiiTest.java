package org.ltpsim.spine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ltpsim.spine.TestKernels.lowerBound;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ltpsim.camkii.CamkiiParameters;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.spine.SpineModel;
import org.ltpsim.spine.TestKernels;
import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.input.Protocols;

/** CaMKII holoenzymes driven by each spine's own calcium (defaults of data/spine.toml and data/camkii.toml). */
class SpineCamkiiTest {
    private static final ParameterSet SPINE = ParameterSet.defaults("spine");
    private static final ParameterSet CAMKII = ParameterSet.defaults("camkii");

    private static SpineRunResult run(boolean ap5, long seed) {
        SpineExperiment e = new SpineExperiment(SpineModel.from(SPINE, ap5),
                List.of(new Pathway("hfs", Protocols.named("hfs", SPINE), 100)), seed, 5000, 0)
                .withCamkii(CamkiiParameters.from(CAMKII), CAMKII.getInt("holoenzyme.per_spine"));
        try (BlockExecutor executor = new BlockExecutor(2)) {
            return new SpineSimulator(TestKernels.channels()).run(e, executor);
        }
    }

    @Test
    void hfsCalciumSwitchesCamkiiOnAndAp5DoesNot() {
        // n = 100 spines (one branch), seed 21; 5 s after the tetanus.
        SpineRunResult hfs = run(false, 21);
        int on = (int) Math.round(hfs.fractionCamkiiOn(0) * 100);
        System.out.println("CaMKII ON after HFS: " + on + " of 100; LTP by the Q rule: " + hfs.count(0,
                SpineRunResult.Outcome.LTP));
        assertTrue(lowerBound(on, 100, 1e-3) > 0.5, "CaMKII ON in " + on + " of 100 spines 5 s after HFS");
        SpineRunResult ap5 = run(true, 21);
        assertEquals(0.0, ap5.fractionCamkiiOn(0), "with AP5 calcium stays at rest and no switch turns ON");
    }
}
