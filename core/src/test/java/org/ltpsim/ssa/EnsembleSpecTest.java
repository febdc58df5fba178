package org.ltpsim.ssa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EnsembleSpecTest {
    @Test
    void outputTimesRunFromZeroToTheEnd() {
        EnsembleSpec spec = new EnsembleSpec(1, 50, 1, 0, 1, SimulationMethod.SSA);
        assertEquals(51, spec.timeCount());
        assertEquals(0.0, spec.timeSec(0));
        assertEquals(25.0, spec.timeSec(25));
        assertEquals(50.0, spec.timeSec(50));
        EnsembleSpec uneven = new EnsembleSpec(1, 1.0, 0.3, 0, 1, SimulationMethod.SSA);
        assertEquals(4, uneven.timeCount());
        assertEquals(1.0, uneven.timeSec(3));
    }

    @Test
    void rejectsBadValuesNamingTheField() {
        assertMessage("replicates", () -> new EnsembleSpec(0, 50, 1, 0, 1, SimulationMethod.SSA));
        assertMessage("dtOutSec", () -> new EnsembleSpec(1, 50, 0, 0, 1, SimulationMethod.SSA));
        assertMessage("dtOutSec", () -> new EnsembleSpec(1, 50, 51, 0, 1, SimulationMethod.SSA));
        assertMessage("dtOutSec", () -> new EnsembleSpec(1, 50, Double.NaN, 0, 1, SimulationMethod.SSA));
        assertMessage("tEndSec", () -> new EnsembleSpec(1, Double.NaN, 1, 0, 1, SimulationMethod.SSA));
        assertMessage("threads", () -> new EnsembleSpec(1, 50, 1, 0, 0, SimulationMethod.SSA));
    }

    private static void assertMessage(String field, Runnable construct) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construct::run);
        assertTrue(e.getMessage().startsWith(field), e.getMessage());
    }
}
