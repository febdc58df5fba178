package org.ltpsim.ssa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ltpsim.network.StandardNetworks;
import org.ltpsim.parallel.BlockRange;

/** Sizes whose int arithmetic used to overflow; nothing here is simulated. */
class EnsembleSizesTest {
    @Test
    void theLargestReplicateCountSplitsIntoWholeBlocks() {
        // replicates + 63 overflowed to a negative block count
        EnsembleBlocks blocks = new EnsembleBlocks(StandardNetworks.birthDeath(),
                new EnsembleSpec(Integer.MAX_VALUE, 50, 1, 1, 1, SimulationMethod.SSA), SsaAlgorithm.DIRECT);
        int expectedBlocks = 33_554_432; // ceil((2^31 - 1) / 64)
        assertEquals(expectedBlocks, blocks.blockCount());
        assertEquals(63, blocks.realisations(new BlockRange(expectedBlocks - 1, expectedBlocks)));
        assertEquals(Integer.MAX_VALUE, blocks.realisations(BlockRange.all(expectedBlocks)));
    }

    @Test
    void tooManyOutputCellsAreRefusedBeforeAnythingIsAllocated() {
        // 1e9 + 1 output times x 5 species: the int product 5,000,000,005 wrapped to 705,032,709, a wrong size
        EnsembleSpec spec = new EnsembleSpec(1, 1e9, 1, 1, 1, SimulationMethod.SSA);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EnsembleBlocks(StandardNetworks.randomClosed(5, 4, 10, 1), spec, SsaAlgorithm.DIRECT));
        assertTrue(e.getMessage().contains("1000000001 x 5 = 5000000005"), e.getMessage());
    }
}
