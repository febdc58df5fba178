package org.ltpsim.ssa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ltpsim.network.ReactionNetwork;
import org.ltpsim.network.StandardNetworks;
import org.ltpsim.simd.VectorizationProvider;

/** Same seed, 1, 2 or 3 threads: the same result to the last bit, for every algorithm. */
class ThreadIndependenceTest {
    @ParameterizedTest
    @EnumSource(SsaAlgorithm.class)
    void resultDoesNotDependOnTheThreadCount(SsaAlgorithm algorithm) {
        assumeTrue(algorithm != SsaAlgorithm.DIRECT_SIMD_LANES || VectorizationProvider.getInstance().hasSsaLanes(),
                "no SIMD lanes here (" + VectorizationProvider.getInstance().name() + ")");
        ReactionNetwork network = StandardNetworks.dimerisation();
        // 5 blocks of 64 with a partial last one
        EnsembleResult one = run(network, algorithm, 1);
        EnsembleResultsAssert.assertBitwiseEqual(one, run(network, algorithm, 2));
        EnsembleResultsAssert.assertBitwiseEqual(one, run(network, algorithm, 3));
    }

    /** Many blocks, so that the runs go in several waves of different sizes (32 blocks per thread). */
    @Test
    void manyBlocksInWavesGiveTheSameResult() {
        ReactionNetwork network = StandardNetworks.birthDeath();
        EnsembleSpec one = new EnsembleSpec(64 * 70 + 5, 1, 0.5, 99, 1, SimulationMethod.SSA);
        EnsembleSpec three = new EnsembleSpec(64 * 70 + 5, 1, 0.5, 99, 3, SimulationMethod.SSA);
        EnsembleResultsAssert.assertBitwiseEqual(EnsembleSimulator.run(network, one),
                EnsembleSimulator.run(network, three));
    }

    /**
     * Every run with the same thread count uses one long-lived pool: its blocks run on workers of one ForkJoin pool
     * (and on the calling thread, which computes blocks too), run after run (a pool started per run was a fixed cost
     * of ~15 ms that capped 2-thread scaling).
     */
    @Test
    void runsShareOneLongLivedPool() {
        Set<ForkJoinPool> pools = ConcurrentHashMap.newKeySet();
        Set<Thread> others = ConcurrentHashMap.newKeySet();
        Thread caller = Thread.currentThread(); // computes blocks too (BlockExecutor's claimed runs)
        for (int run = 0; run < 3; run++) {
            EnsembleSimulator.run(StandardNetworks.birthDeath(), new EnsembleSpec(64 * 8, 2, 1, run, 2,
                    SimulationMethod.SSA), done -> {
                        if (Thread.currentThread() instanceof ForkJoinWorkerThread worker) {
                            pools.add(worker.getPool());
                        } else if (Thread.currentThread() != caller) {
                            others.add(Thread.currentThread());
                        }
                    });
        }
        assertTrue(pools.size() <= 1, "pools: " + pools);
        assertTrue(others.isEmpty(), "blocks ran outside the pool and the caller: " + others);
    }

    /** Progress reaches the replicate count, never beyond, from any thread; the chosen algorithm is reported. */
    @Test
    void progressCountsRealisationsAndTheAlgorithmIsReported() {
        AtomicLong last = new AtomicLong();
        AtomicLong calls = new AtomicLong();
        EnsembleSpec spec = new EnsembleSpec(200, 5, 1, 3, 2, SimulationMethod.SSA);
        EnsembleResult result = EnsembleSimulator.run(StandardNetworks.birthDeath(), spec, done -> {
            assertTrue(done >= 1 && done <= 200, "progress " + done);
            last.accumulateAndGet(done, Math::max);
            calls.incrementAndGet();
        });
        assertEquals(200, last.get());
        assertEquals(4, calls.get()); // blocks of 64: 64, 64, 64, 8
        assertEquals(EnsembleSimulator.choose(StandardNetworks.birthDeath(), spec).reportName(), result.algorithm());
        assertEquals(VectorizationProvider.getInstance().hasSsaLanes() ? "ssa-direct-simd-lanes" : "ssa-direct-mass-action",
                result.algorithm());
    }

    private static EnsembleResult run(ReactionNetwork network, SsaAlgorithm algorithm, int threads) {
        SimulationMethod method = algorithm == SsaAlgorithm.TAU_LEAPING ? SimulationMethod.TAU : SimulationMethod.SSA;
        EnsembleSpec spec = new EnsembleSpec(300, 20, 1, 31337, threads, method);
        return EnsembleSimulator.run(network, spec, algorithm, d -> {});
    }
}
