package org.ltpsim.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.junit.jupiter.api.Test;

class ScalarXoShiRo256PlusPlusTest {
    @Test
    void reproducesCommonsXoShiRo256PlusPlusAcrossLoadsAndStores() {
        for (long block = 0; block < 5; block++) {
            long[] state = RandomStreams.xoshiroState(11, "scalar-test", block);
            XoShiRo256PlusPlus commons = new XoShiRo256PlusPlus(state);
            // the state as one of three generators interleaved word by word (offset 1, stride 3)
            long[] words = new long[1 + 4 * 3];
            for (int w = 0; w < 4; w++) {
                words[1 + 3 * w] = state[w];
            }
            for (int chunk = 0; chunk < 500; chunk++) {
                ScalarXoShiRo256PlusPlus random = ScalarXoShiRo256PlusPlus.load(words, 1, 3);
                for (int i = 0; i < 1 + chunk % 4; i++) {
                    assertEquals(commons.nextLong(), random.next(), "block " + block + " chunk " + chunk);
                }
                random.store(words, 1, 3);
            }
        }
    }

    @Test
    void loadAndStoreTouchOnlyTheirWords() {
        long[] words = {9, 1, 9, 2, 9, 3, 9, 4, 9};
        ScalarXoShiRo256PlusPlus.load(words, 1, 2).store(words, 1, 2);
        assertArrayEquals(new long[] {9, 1, 9, 2, 9, 3, 9, 4, 9}, words);
    }
}
