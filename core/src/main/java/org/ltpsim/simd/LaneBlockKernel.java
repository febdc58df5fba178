package org.ltpsim.simd;

/**
 * Simulates a block of realisations of a plain mass-action network together, one realisation per SIMD lane
 * ({@link VectorizationProvider#ssaLanes}). Realisation r uses the stream
 * {@code RandomStreams.forBlock(seed, streamPurpose, r)} exactly as the scalar mass-action direct method
 * ({@code org.ltpsim.ssa.MassActionDirectMethod}) does, and gives bit for bit the same trajectory. A realisation's
 * trajectory depends on its stream alone, never on the lane or the lane count that runs it.
 */
public interface LaneBlockKernel {
    /**
     * @param seed               master seed
     * @param firstRealisation   index of the block's first realisation
     * @param count              realisations in the block
     * @param rows               receives realisation {@code firstRealisation + i}, species s, output time k at
     *                           {@code rows[(i * timeCount + k) * speciesCount + s]}
     * @return reaction events fired in the block
     */
    long simulate(long seed, long firstRealisation, int count, double[] rows);
}
