package org.ltpsim.simd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Test helper: warm-ups that switch a kernel at a moment the test controls. */
final class WarmUps {
    private WarmUps() {}

    /** A warm-up that starts on the first call and reports its body compiled on its first timed pass. */
    static BodyWarmUp firstPassCompiles(String name) {
        return new BodyWarmUp(name, Long.MAX_VALUE, TimeUnit.SECONDS.toNanos(60));
    }

    /** Waits up to 30 s for {@code condition}, and fails if it does not come. */
    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(condition.getAsBoolean(), "not within 30 s");
    }
}
