package org.ltpsim.cli.spine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NiceTicksTest {
    private static List<String> labels(NiceTicks t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.count(); i++) {
            out.add(t.label(i));
        }
        return out;
    }

    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(0.1, NiceTicks.niceStep(0.1));
        assertEquals(0.2, NiceTicks.niceStep(0.11));
        assertEquals(5, NiceTicks.niceStep(2.5));
        assertEquals(10, NiceTicks.niceStep(5.0001));
        assertEquals(2e-7, NiceTicks.niceStep(1.3e-7), 1e-22);
    }

    @Test
    void ticksCoverTheRangeAtRoundValuesWithTidyLabels() {
        // 900 s of LFS: 0, 200, ..., 1000 (the old axis had 0, 180, 360 ...)
        assertEquals(List.of("0", "200", "400", "600", "800", "1000"), labels(NiceTicks.covering(0, 900.01, 8)));
        // 2.34 uM of calcium: whole half-micromolar steps up to 2.5
        assertEquals(List.of("0.0", "0.5", "1.0", "1.5", "2.0", "2.5"), labels(NiceTicks.covering(0, 2.34, 6)));
        // no floating-point noise in the labels (0.1 * 3 is 0.30000000000000004)
        assertEquals(List.of("0.0", "0.1", "0.2", "0.3", "0.4"), labels(NiceTicks.covering(0, 0.4, 4)));
        // a voltage axis that does not start at 0
        NiceTicks v = NiceTicks.covering(-70, -33, 5);
        assertEquals(List.of("-70", "-60", "-50", "-40", "-30"), labels(v));
        assertTrue(v.last() >= -33 && v.first() <= -70);
    }

    @Test
    void countAxesUseWholeNumbers() {
        assertEquals(List.of("0", "1", "2"), labels(NiceTicks.coveringCounts(1.1, 4)));
        assertEquals(List.of("0", "5", "10", "15", "20"), labels(NiceTicks.coveringCounts(17.6, 4)));
    }
}
