package org.ltpsim.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
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
    void runInOrderDeliversInBlockOrderOnTheCallerWithinTheWindow() {
        for (int threads : new int[] {1, 2, 4}) {
            try (BlockExecutor executor = new BlockExecutor(threads)) {
                AtomicInteger running = new AtomicInteger();
                AtomicInteger mostAhead = new AtomicInteger();
                AtomicInteger delivered = new AtomicInteger(10);
                List<Integer> order = new ArrayList<>();
                Thread caller = Thread.currentThread();
                executor.runInOrder(new BlockRange(10, 200), block -> {
                    running.incrementAndGet();
                    mostAhead.accumulateAndGet(block - delivered.get(), Math::max);
                    // later blocks finish first now and then: the sink must still see them in order
                    if (block % 7 == 0) {
                        Thread.onSpinWait();
                        LockSupport.parkNanos(200_000);
                    }
                    running.decrementAndGet();
                    return block;
                }, (block, result) -> {
                    assertSame(caller, Thread.currentThread(), "the sink runs on the caller's thread");
                    assertEquals(block, result);
                    order.add(block);
                    delivered.set(block + 1);
                });
                assertEquals(IntStream.range(10, 200).boxed().toList(), order, threads + " threads");
                assertTrue(mostAhead.get() < executor.window(), "blocks start at most a window ahead: "
                        + mostAhead.get() + " of " + executor.window());
            }
        }
    }

    @Test
    void finishedBlocksAreDeliveredNotRunAgainAndHeartbeatsSeeTheBlocksAhead() {
        try (BlockExecutor executor = new BlockExecutor(3)) {
            Map<Integer, Integer> finished = Map.of(5, -5, 6, -6, 40, -40);
            List<Integer> ran = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Integer> got = new ArrayList<>();
            List<Integer> beats = new ArrayList<>();
            executor.runInOrder(new BlockRange(5, 50), block -> {
                ran.add(block);
                LockSupport.parkNanos(300_000);
                return block;
            }, finished, (block, result) -> got.add(result), 100_000, (delivered, ahead) -> {
                beats.add(delivered);
                ahead.forEach((block, result) -> {
                    assertTrue(block >= delivered, "ahead means after the delivered blocks");
                    assertEquals(finished.containsKey(block) ? -block : block, result);
                });
            });
            assertFalse(ran.contains(5) || ran.contains(6) || ran.contains(40), "saved blocks are not run: " + ran);
            assertEquals(45 - 3, ran.size());
            assertEquals(-5, got.get(0));
            assertEquals(-40, got.get(35));
            assertEquals(7, got.get(2));
            assertFalse(beats.isEmpty(), "heartbeats while blocks run");
        }
    }

    /** Without a heartbeat the caller computes blocks beside the pool: never more threads than asked for. */
    @Test
    void runsWithoutHeartbeatComputeOnTheCallerAndThreadsMinusOneWorkers() {
        for (int threads : new int[] {2, 3}) {
            try (BlockExecutor executor = new BlockExecutor(threads)) {
                java.util.Set<Thread> computing = java.util.concurrent.ConcurrentHashMap.newKeySet();
                AtomicInteger concurrent = new AtomicInteger();
                AtomicInteger mostConcurrent = new AtomicInteger();
                List<Integer> got = executor.map(120, block -> {
                    computing.add(Thread.currentThread());
                    mostConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                    LockSupport.parkNanos(200_000);
                    concurrent.decrementAndGet();
                    return block;
                });
                assertEquals(IntStream.range(0, 120).boxed().toList(), got);
                assertTrue(mostConcurrent.get() <= threads, "at most " + threads + " blocks at once: "
                        + mostConcurrent.get());
                assertTrue(computing.size() <= threads, "threads that computed: " + computing);
            }
        }
    }

    /** Whichever thread runs them, the first failing block in block order is the failure reported. */
    @Test
    void theFirstFailingBlockInBlockOrderIsReported() {
        for (int threads : new int[] {2, 4}) {
            try (BlockExecutor executor = new BlockExecutor(threads)) {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> executor.map(40, block -> {
                    if (block == 3) {
                        LockSupport.parkNanos(20_000_000); // fails last in time, first in order
                        throw new IllegalStateException("block 3 failed");
                    }
                    if (block == 6 || block == 30) {
                        throw new IllegalStateException("block " + block + " failed");
                    }
                    return block;
                }));
                assertEquals("block 3 failed", e.getMessage(), threads + " threads");
                assertEquals(List.of(0, 1, 2), executor.map(3, block -> block), "the executor still works after");
            }
        }
    }

    /** Saved results are delivered in their turn and not run again, with or without a heartbeat. */
    @Test
    void finishedBlocksAreNotRunAgainWithoutAHeartbeat() {
        try (BlockExecutor executor = new BlockExecutor(2)) {
            Map<Integer, Integer> finished = Map.of(0, -0, 5, -5, 6, -6, 49, -49);
            List<Integer> ran = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Integer> got = new ArrayList<>();
            executor.runInOrder(new BlockRange(0, 50), block -> {
                ran.add(block);
                return block;
            }, finished, (block, result) -> got.add(result), Long.MAX_VALUE, (delivered, ahead) -> {});
            assertEquals(50 - 4, ran.size());
            assertFalse(ran.contains(5) || ran.contains(6) || ran.contains(49) || ran.contains(0), "ran " + ran);
            assertEquals(IntStream.range(0, 50).map(b -> finished.containsKey(b) ? -b : b).boxed().toList(), got);
        }
    }

    @Test
    void sharedExecutorsAreReusedAndSurviveClose() {
        BlockExecutor shared = BlockExecutor.shared(2);
        shared.close();
        assertSame(shared, BlockExecutor.shared(2));
        assertEquals(List.of(0, 1, 2), shared.map(3, block -> block));
    }

    @Test
    void zeroThreadsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BlockExecutor(0));
    }
}
