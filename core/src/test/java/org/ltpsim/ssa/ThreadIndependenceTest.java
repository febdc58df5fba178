package org.ltpsim.ssa;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ltpsim.network.ReactionNetwork;
import org.ltpsim.network.StandardNetworks;
import org.ltpsim.simd.VectorSupport;

/** Same seed, 1, 2 or 3 threads: the same result to the last bit, for every algorithm. */
class ThreadIndependenceTest {
    @ParameterizedTest
    @EnumSource(SsaAlgorithm.class)
    void resultDoesNotDependOnTheThreadCount(SsaAlgorithm algorithm) {
        if (algorithm == SsaAlgorithm.DIRECT_SIMD_LANES && !VectorSupport.available()) {
            return;
        }
        ReactionNetwork network = StandardNetworks.dimerisation();
        // 5 blocks of 64 with a partial last one
        EnsembleResult one = run(network, algorithm, 1);
        EnsembleResultsAssert.assertBitwiseEqual(one, run(network, algorithm, 2));
        EnsembleResultsAssert.assertBitwiseEqual(one, run(network, algorithm, 3));
    }

    private static EnsembleResult run(ReactionNetwork network, SsaAlgorithm algorithm, int threads) {
        SimulationMethod method = algorithm == SsaAlgorithm.TAU_LEAPING ? SimulationMethod.TAU : SimulationMethod.SSA;
        EnsembleSpec spec = new EnsembleSpec(300, 20, 1, 31337, threads, method);
        return EnsembleSimulator.run(network, spec, algorithm, d -> {});
    }
}
