package org.ltpsim.camkii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ltpsim.rng.RandomStreams;

class HoloenzymePopulationTest {
    private static final CamkiiParameters DEFAULTS = CamkiiParameters.defaults();

    @Test
    void classesStayConsistentThroughPulsesAndRest() {
        CamkiiParameters withTurnover = new CamkiiParameters(DEFAULTS.camOnMaxHz(), DEFAULTS.camHalfMicroMolar(),
                DEFAULTS.camHill(), DEFAULTS.camOffHz(), DEFAULTS.camOffTrappedHz(), DEFAULTS.autoHz(),
                DEFAULTS.pp1PerHoloenzyme(), DEFAULTS.pp1KcatHz(), DEFAULTS.pp1KmPerHoloenzyme(), 0, 100, false, 0,
                DEFAULTS.onFraction(), DEFAULTS.offFraction(), DEFAULTS.ltpMinOnSec());
        HoloenzymePopulation pop = (HoloenzymePopulation) CamkiiPopulations.create(withTurnover, 4, 3,
                RandomStreams.forBlock(7, "camkii-test", 0));
        double[] ca = {0.1, 0.5, 1.0, 3.0};
        for (int step = 0; step < 2_000; step++) {
            pop.advance(1e-3, ca);
            if (step % 100 == 0) {
                assertTrue(pop.classesConsistent(), "classes after step " + step);
            }
        }
        pop.advanceUniform(500, 0.1);
        assertTrue(pop.classesConsistent());
        assertTrue(pop.eventCount() > 1000, "events fired: " + pop.eventCount());
        for (int spine = 0; spine < 4; spine++) {
            int phosphorylated = 0;
            int active = 0;
            int autonomous = 0;
            for (int i = 0; i < pop.subunitCount(spine); i++) {
                int s = pop.subunitState(spine, i);
                phosphorylated += s >= HoloenzymePopulation.PHOSPHO_CAM ? 1 : 0;
                active += s != HoloenzymePopulation.INACTIVE ? 1 : 0;
                autonomous += s == HoloenzymePopulation.AUTONOMOUS ? 1 : 0;
            }
            assertEquals(phosphorylated, pop.phosphorylatedSubunits(spine));
            assertEquals(active, pop.activeSubunits(spine));
            assertEquals(autonomous, pop.autonomousSubunits(spine));
        }
    }

    @Test
    void sameSeedSameTrajectoryWhateverTheStepping() {
        CamkiiPopulation a = CamkiiPopulations.create(DEFAULTS, 3, 5, RandomStreams.forBlock(3, "camkii", 1));
        CamkiiPopulation b = CamkiiPopulations.create(DEFAULTS, 3, 5, RandomStreams.forBlock(3, "camkii", 1));
        for (int i = 0; i < 100; i++) {
            a.advanceUniform(0.01, 1.0);
            b.advance(0.01, new double[] {1.0, 1.0, 1.0});
        }
        for (int spine = 0; spine < 3; spine++) {
            for (int i = 0; i < a.subunitCount(spine); i++) {
                assertEquals(a.subunitState(spine, i), b.subunitState(spine, i));
            }
        }
    }

    @Test
    void refusesBadArguments() {
        assertThrows(IllegalArgumentException.class,
                () -> CamkiiPopulations.create(DEFAULTS, 1, -1, RandomStreams.forBlock(1, "camkii", 0)));
        CamkiiPopulation pop = CamkiiPopulations.create(DEFAULTS, 2, 1, RandomStreams.forBlock(1, "camkii", 0));
        assertThrows(IllegalArgumentException.class, () -> pop.advanceUniform(Double.NaN, 0.1));
        assertThrows(IllegalArgumentException.class, () -> pop.advanceUniform(1, -0.1));
        assertThrows(IllegalArgumentException.class, () -> pop.advance(1, new double[1]));
    }
}
