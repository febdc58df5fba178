package org.ltpsim.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.ltpsim.rng.RandomStreams;
import org.junit.jupiter.api.Test;

class BlockExecutorTest {
    private static double blockSum(int block) {
        var rng = RandomStreams.forBlock(99, "test", block);
        double sum = 0;
        for (int i = 0; i < 10_000; i++) {
            sum += rng.nextDouble();
        }
        return sum;
    }

    @Test
    void resultsComeBackInBlockOrderForAnyThreadCount() {
        List<Double> reference;
        try (BlockExecutor one = new BlockExecutor(1)) {
            reference = one.map(64, BlockExecutorTest::blockSum);
        }
        for (int threads : new int[] {2, 3, 8}) {
            try (BlockExecutor executor = new BlockExecutor(threads)) {
                assertEquals(reference, executor.map(64, BlockExecutorTest::blockSum), threads + " threads");
            }
        }
        assertEquals(blockSum(5), reference.get(5));
    }

    @Test
    void workerExceptionReachesTheCaller() {
        try (BlockExecutor executor = new BlockExecutor(2)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> executor.map(8, block -> {
                if (block == 5) {
                    throw new IllegalArgumentException("block 5 failed");
                }
                return block;
            }));
            assertEquals("block 5 failed", e.getMessage());
        }
    }

    @Test
    void zeroThreadsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BlockExecutor(0));
    }
}
