package org.ltpsim.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ltpsim.rng.RandomStreams;
import org.ltpsim.simd.FixedStepKernel;
import org.ltpsim.simd.LaneRandom;
import org.ltpsim.simd.TransitionTable;

@Tag("simd-kernels")
class LaneRandomTest {
    @Test
    void everyLaneIsTheCommonsProviderSeededFromRandomStreams() {
        long[] lanes = LaneRandom.seed(42, "channels", 5);
        for (int lane = 0; lane < LaneRandom.LANES; lane++) {
            UniformRandomProvider commons =
                    new XoShiRo256PlusPlus(RandomStreams.xoshiroState(42, "channels/lane" + lane, 5));
            for (int i = 0; i < 1000; i++) {
                assertEquals(commons.nextLong(), LaneRandom.next(lanes, lane), "lane " + lane + " draw " + i);
            }
        }
    }

    @Test
    void theVectorKernelAdvancesTheLanesLikeCommons() {
        // After a kernel call over k groups of 8 slots, each lane has produced exactly k numbers.
        var table = TransitionTable.of(TransitionMatrix.exp(KineticScheme.w3().generator(0), 1.0));
        for (FixedStepKernel kernel : FixedStepKernelEqualityTest.kernels()) {
            long[] lanes = LaneRandom.seed(7, "channels", 1);
            byte[] states = new byte[40];
            int[] counts = new int[6];
            counts[0] = 40;
            kernel.step(states, 0, 40, table, lanes, counts, 0);
            for (int lane = 0; lane < LaneRandom.LANES; lane++) {
                UniformRandomProvider commons =
                        new XoShiRo256PlusPlus(RandomStreams.xoshiroState(7, "channels/lane" + lane, 1));
                for (int i = 0; i < 5; i++) {
                    commons.nextLong();
                }
                assertEquals(commons.nextLong(), LaneRandom.next(lanes, lane), kernel.name() + " lane " + lane);
            }
        }
    }
}
