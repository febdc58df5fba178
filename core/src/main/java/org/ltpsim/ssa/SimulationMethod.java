package org.ltpsim.ssa;

/** How an ensemble is simulated: exact stochastic simulation, or adaptive explicit tau-leaping. */
public enum SimulationMethod {
    /** Exact SSA; the engine picks the algorithm (SIMD lanes, direct, next-reaction) from the network. */
    SSA,
    /** Adaptive explicit tau-leaping (Cao, Gillespie &amp; Petzold 2006), exact steps where a leap does not pay. */
    TAU
}
