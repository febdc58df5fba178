package org.ltpsim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QuantilesTest {
    /** R: quantile(c(3, 1, 4, 1, 5, 9, 2, 6), c(0, .1, .5, .9, 1)) gives 1, 1, 3.5, 6.9, 9 (type 7). */
    @Test
    void matchesRsDefault() {
        Quantiles q = Quantiles.of(new double[] {3, 1, 4, 1, 5, 9, 2, 6});
        assertEquals(1, q.at(0), 1e-12);
        assertEquals(1, q.at(0.1), 1e-12);
        assertEquals(3.5, q.at(0.5), 1e-12);
        assertEquals(6.9, q.at(0.9), 1e-12);
        assertEquals(9, q.at(1), 1e-12);
        assertEquals(4.2, Quantiles.of(new double[] {4.2}).at(0.9));
    }

    @Test
    void refusesEmptyNanAndBadProbabilities() {
        assertThrows(IllegalArgumentException.class, () -> Quantiles.of(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.of(new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.of(new double[] {1}).at(1.5));
    }
}
