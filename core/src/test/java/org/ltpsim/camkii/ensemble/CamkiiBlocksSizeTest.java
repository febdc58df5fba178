package org.ltpsim.camkii.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.ltpsim.camkii.CamkiiPopulation;

class CamkiiBlocksSizeTest {
    @Test
    void theLargestSpineCountSplitsIntoWholeBlocks() {
        // spines + 31 overflowed to a negative block count; no block is built here
        CalciumCourse rest = new CalciumCourse() {
            @Override
            public double valueAt(double tSec) {
                return 0.1;
            }

            @Override
            public double nextChangeAfter(double tSec) {
                return Double.POSITIVE_INFINITY;
            }
        };
        CamkiiBlocks blocks = new CamkiiBlocks(Integer.MAX_VALUE, rest, new double[] {1.0},
                block -> (CamkiiPopulation) null);
        int expectedBlocks = 67_108_864; // ceil((2^31 - 1) / 32)
        assertEquals(expectedBlocks, blocks.blockCount());
        assertEquals(31, blocks.spinesIn(expectedBlocks - 1));
    }
}
