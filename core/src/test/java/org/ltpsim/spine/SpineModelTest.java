package org.ltpsim.spine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.ltpsim.params.ParameterSet;

class SpineModelTest {
    private final SpineModel m = SpineModel.defaults();

    @Test
    void mgBlockIsJahrStevens1990() {
        // reference file section 1: B at -70/-20/0 mV, 1 mM Mg = 0.0445 / 0.508 / 0.781 (3 digits there)
        assertEquals(0.0445, m.mgUnblocked(-70), 5e-4);
        assertEquals(0.508, m.mgUnblocked(-20), 5e-4);
        assertEquals(0.781, m.mgUnblocked(0), 5e-4);
        // closed form, relative error 1e-9
        double v = -37.5;
        double exact = 1 / (1 + Math.exp(-0.062 * v) * 1.0 / 3.57);
        assertEquals(exact, m.mgUnblocked(v), 1e-9 * exact);
        SpineModel mgFree = SpineModel.from(ParameterSet.defaults("spine").with("nmda.mg_mm", "0"), false);
        assertEquals(1.0, mgFree.mgUnblocked(-70));
    }

    @Test
    void calciumPerPicoAmpIsChargeOverTwoFaradayVolumeAndBuffer() {
        // 1 pA into 0.05 um3 with kappa 20: 1e-12 / (2 * 96485.33212) mol/s / 5e-17 L = 0.103643 M/s
        // = 103.643 uM/ms, / 21 = 4.9354 uM/ms
        assertEquals(1e-12 / (2 * 96485.33212) / 5e-17 * 1e3 / 21, m.calciumPerPicoAmp(), 1e-12);
        assertEquals(4.9354, m.calciumPerPicoAmp(), 1e-4);
    }

    @Test
    void defaultsCarrySourcesAndRefuseBadValues() {
        ParameterSet p = ParameterSet.defaults("spine");
        p.all().values().forEach(parameter -> {
            if (parameter.source().isBlank()) {
                throw new AssertionError(parameter.key() + " has no source");
            }
        });
        assertThrows(IllegalArgumentException.class, () -> p.with("rule.q_ltp_um_s", "-1"));
        assertThrows(IllegalArgumentException.class, () -> p.with("nmda.bogus", "1"));
        assertThrows(IllegalArgumentException.class,
                () -> SpineModel.from(p.with("rule.q_ltd_um_s", "2").with("rule.q_ltp_um_s", "1"), false));
    }
}
