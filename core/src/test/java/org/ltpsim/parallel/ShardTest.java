package org.ltpsim.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShardTest {
    @Test
    void shardsCoverEveryBlockOnceInOrderWithSharesWithinOneBlock() {
        for (int blocks : new int[] {0, 1, 5, 64, 157, 1000}) {
            for (int count : new int[] {1, 2, 3, 7, 64, 200}) {
                int next = 0;
                int smallest = Integer.MAX_VALUE;
                int largest = 0;
                for (int index = 1; index <= count; index++) {
                    BlockRange range = new Shard(index, count).range(blocks);
                    assertEquals(next, range.first(), index + "/" + count + " of " + blocks);
                    next = range.end();
                    smallest = Math.min(smallest, range.size());
                    largest = Math.max(largest, range.size());
                }
                assertEquals(blocks, next);
                assertTrue(largest - smallest <= 1);
            }
        }
    }

    @Test
    void parsesIOverNAndRefusesTheRestNamingTheText() {
        assertEquals(new Shard(2, 8), Shard.parse("2/8"));
        assertEquals("2/8", Shard.parse("2/8").toString());
        for (String bad : new String[] {"", "2", "/8", "2/", "0/8", "9/8", "a/8", "2/b", "1/0", "-1/3", "1.5/3"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }
}
