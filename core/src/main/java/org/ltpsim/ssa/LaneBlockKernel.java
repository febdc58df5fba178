package org.ltpsim.ssa;

/**
 * Simulates a block of realisations of a plain mass-action network together, one realisation per SIMD lane
 * ({@code org.ltpsim.simd.PanamaSsaLanes}). Realisation r uses the stream {@code RandomStreams.forBlock(seed,
 * EnsembleSimulator.STREAM_PURPOSE, r)} exactly as {@link MassActionDirectMethod} does, and gives bit for bit the
 * same trajectory.
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
