package org.ltpsim.ssa;

import static org.junit.jupiter.api.Assertions.assertEquals;

final class EnsembleResultsAssert {
    private EnsembleResultsAssert() {}

    /** Same shape, same events, and every mean and sd the same to the last bit. */
    static void assertBitwiseEqual(EnsembleResult expected, EnsembleResult actual) {
        assertEquals(expected.timeCount(), actual.timeCount());
        assertEquals(expected.speciesCount(), actual.speciesCount());
        assertEquals(expected.replicates(), actual.replicates());
        assertEquals(expected.events(), actual.events(), "events");
        for (int k = 0; k < expected.timeCount(); k++) {
            assertEquals(expected.timeSec(k), actual.timeSec(k));
            for (int s = 0; s < expected.speciesCount(); s++) {
                assertEquals(Double.doubleToRawLongBits(expected.mean(k, s)),
                        Double.doubleToRawLongBits(actual.mean(k, s)), "mean at " + k + ", species " + s);
                assertEquals(Double.doubleToRawLongBits(expected.sd(k, s)),
                        Double.doubleToRawLongBits(actual.sd(k, s)), "sd at " + k + ", species " + s);
            }
        }
    }
}
