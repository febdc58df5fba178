package org.ltpsim.camkii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The mean-field CaMKII: exact where the model is linear, a switch where it is not. */
class MeanFieldCamkiiPopulationTest {
    /**
     * T286A: no autophosphorylation, so the CaM-bound fraction relaxes to kon / (kon + off), exponentially with rate
     * kon + off, and nothing is phosphorylated.
     */
    @Test
    void withoutAutophosphorylationCamBindingIsTwoStateKinetics() {
        CamkiiParameters p = CamkiiParameters.defaults().withT286a();
        CamkiiPopulation c = CamkiiPopulations.createMeanField(p, 1, 16);
        double ca = 2.0;
        double kon = p.camOnHz(ca);
        double off = p.camOffHz();
        double t = 0.7 / (kon + off);
        c.advanceUniform(t, ca);
        double expected = kon / (kon + off) * (1 - Math.exp(-(kon + off) * t));
        assertEquals(expected * c.subunitCount(0), c.activeSubunits(0), 0.5, "CaM-bound subunits (rounded)");
        assertEquals(0, c.phosphorylatedSubunits(0));
        assertFalse(c.isOn(0));
    }

    /** A strong calcium pulse turns the switch ON and it stays ON at rest for 100 s; resting calcium alone does not. */
    @Test
    void isBistable() {
        CamkiiParameters p = CamkiiParameters.defaults();
        CamkiiPopulation c = CamkiiPopulations.createMeanField(p, 2, 16);
        for (int k = 0; k < 1000; k++) {
            c.advance(0.001, new double[] {10.0, 0.1}); // 1 s: spine 0 high calcium, spine 1 at rest
        }
        assertTrue(c.isOn(0), "ON after 1 s at 10 uM");
        assertFalse(c.isOn(1), "OFF at rest");
        c.advanceUniform(100, 0.1);
        assertTrue(c.isOn(0), "stays ON at rest");
        assertTrue(c.hasLtp(0), "ON for >= switch.ltp_min_on_s");
        assertFalse(c.isOn(1));
    }
}
