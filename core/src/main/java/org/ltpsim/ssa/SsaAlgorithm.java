package org.ltpsim.ssa;

/**
 * The concrete algorithms the engine can run; {@link EnsembleSimulator#choose} picks one from the network and the
 * {@link SimulationMethod}. The names are what {@link EnsembleResult#algorithm()} reports. See docs/engine.md.
 */
public enum SsaAlgorithm {
    /** Direct method, one realisation per SIMD lane: small plain mass-action networks, Vector API present. */
    DIRECT_SIMD_LANES("ssa-direct-simd-lanes"),
    /** Scalar direct method over flattened mass-action arrays: the lanes' reference twin. */
    DIRECT_MASS_ACTION("ssa-direct-mass-action"),
    /** Direct method with compiled laws, rules and events: the semantic reference. */
    DIRECT("ssa-direct"),
    /** Gibson &amp; Bruck's next-reaction method (indexed priority queue, dependency graph): large networks. */
    NEXT_REACTION("ssa-next-reaction"),
    /** Adaptive explicit tau-leaping (Cao, Gillespie &amp; Petzold 2006). */
    TAU_LEAPING("tau-leaping");

    private final String reportName;

    SsaAlgorithm(String reportName) {
        this.reportName = reportName;
    }

    public String reportName() {
        return reportName;
    }
}
