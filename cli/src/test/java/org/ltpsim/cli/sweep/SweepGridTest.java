package org.ltpsim.cli.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.stats.BinomialGroups;
import org.ltpsim.stats.LogisticFit;
import org.ltpsim.stats.SigmoidFit;

class SweepGridTest {
    private static final ParameterSet SPINE = ParameterSet.defaults("spine");
    private static final ParameterSet CAMKII = ParameterSet.defaults("camkii");

    @Test
    void rangesAreEvenlySpacedAndPrintShort() {
        SweepAxis axis = SweepAxis.parse("release.probability=0.1:0.9:9", SPINE, CAMKII);
        assertEquals(List.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9), axis.values());
        assertEquals(List.of(60.0, 5.0, 20.0), SweepAxis.parse("protocol.hfs_pulses=60, 5,20", SPINE, CAMKII)
                .values(), "lists keep their order");
        SweepAxis camkii = SweepAxis.parse("camkii.pp1.per_holoenzyme=0.25,0.5", SPINE, CAMKII);
        assertTrue(camkii.camkii());
        assertEquals("pp1.per_holoenzyme", camkii.setKey(), "a count key with a fractional default takes fractions");
    }

    @Test
    void theGridRunsTheFirstAxisSlowestAndSplitsTheSets() {
        SweepGrid grid = new SweepGrid(List.of(SweepAxis.parse("protocol.hfs_pulses=5,10", SPINE, CAMKII),
                SweepAxis.parse("camkii.holoenzyme.per_spine=2,4,8", SPINE, CAMKII)));
        List<SweepGrid.Point> points = grid.points();
        assertEquals(6, points.size());
        assertEquals(new SweepGrid.Point(new double[] {5, 2}), points.get(0));
        assertEquals(new SweepGrid.Point(new double[] {5, 4}), points.get(1));
        assertEquals(new SweepGrid.Point(new double[] {10, 8}), points.get(5));
        assertEquals(Map.of("protocol.hfs_pulses", "10"), grid.spineValues(points.get(5)));
        assertEquals(Map.of("holoenzyme.per_spine", "8"), grid.camkiiValues(points.get(5)));
    }

    @Test
    void independentSeedsDependOnTheValuesOnly() {
        SweepGrid.Point a = new SweepGrid.Point(new double[] {5});
        SweepGrid.Point same = new SweepGrid.Point(new double[] {5});
        SweepGrid.Point other = new SweepGrid.Point(new double[] {6});
        assertEquals(SweepGrid.independentSeed(1, a), SweepGrid.independentSeed(1, same));
        assertNotEquals(SweepGrid.independentSeed(1, a), SweepGrid.independentSeed(1, other));
        assertNotEquals(SweepGrid.independentSeed(1, a), SweepGrid.independentSeed(2, a));
    }

    @Test
    void refinementAddsTheEstimateAndItsIntervalEndsOnce() {
        SweepAxis axis = SweepAxis.parse("protocol.hfs_pulses=10,40,70", SPINE, CAMKII);
        SigmoidFit fit = LogisticFit.fit(BinomialGroups.of(new double[] {10, 40, 70}, new int[] {50, 50, 50},
                new int[] {5, 22, 46}));
        GridRefinement.Step step = GridRefinement.next(fit, axis, List.of(10.0, 40.0, 70.0), 2);
        assertNull(step.reason());
        assertEquals(3, step.values().size());
        for (double value : step.values()) {
            assertEquals(Math.rint(value), value, "whole pulses");
            assertTrue(value >= fit.thresholdCi().lower() - 1 && value <= fit.thresholdCi().upper() + 1);
        }
        GridRefinement.Step none = GridRefinement.next(fit, axis, step.values().stream().toList(), 2);
        assertTrue(none.values().size() < 3, "values already on the grid are not added again");
        assertEquals(0.23, GridRefinement.snap(0.2345, 0.01));
    }
}
