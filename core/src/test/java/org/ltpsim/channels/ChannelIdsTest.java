package org.ltpsim.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link ChannelIds} against a plain map model of ids, and the run form's locators before any change. */
class ChannelIdsTest {
    @Test
    void idsAreHandedOutInOrderAndFreedIdsAreReusedLastFirst() {
        ChannelIds ids = new ChannelIds(2);
        assertEquals(0, ids.add(7));
        assertEquals(1, ids.add(8));
        assertEquals(2, ids.add(9)); // grows past the expected 2 (capacity at least 8)
        assertEquals(8, ids.remove(1));
        assertEquals(7, ids.remove(0));
        assertFalse(ids.isLive(0));
        assertFalse(ids.isLive(1));
        assertEquals(0, ids.add(3), "last removed, first reused");
        assertEquals(1, ids.add(4));
        assertEquals(3, ids.add(5), "then a new id");
        assertEquals(4, ids.issued());
        assertEquals(4, ids.locator(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ids.locator(4));
        assertEquals("no live channel with id 4", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ids.remove(-1));
        assertThrows(IllegalArgumentException.class, () -> ids.add(-1));
    }

    @Test
    void runsGiveEachIdTheIndexOfItsRunIncludingAroundEmptyRuns() {
        int[] lengths = {0, 3, 0, 0, 2, 1, 0};
        ChannelIds ids = ChannelIds.ofRuns(lengths);
        int[] expected = {1, 1, 1, 4, 4, 5};
        assertEquals(6, ids.issued());
        for (int id = 0; id < expected.length; id++) {
            assertTrue(ids.isLive(id));
            assertEquals(expected[id], ids.locator(id), "id " + id);
        }
        assertFalse(ids.isLive(6));
        // the first change materialises the same locators
        assertEquals(6, ids.add(2));
        for (int id = 0; id < expected.length; id++) {
            assertEquals(expected[id], ids.locator(id), "id " + id + " after the first add");
        }
        assertEquals(2, ids.locator(6));
    }

    @Test
    void randomAddsRemovesAndRelocationsMatchAMapModel() {
        // 20,000 random operations from a fixed seed against a HashMap of live ids, from runs and from empty
        for (boolean runs : new boolean[] {true, false}) {
            SplittableRandom rng = new SplittableRandom(42);
            int[] lengths = {5, 0, 7, 1};
            ChannelIds ids = runs ? ChannelIds.ofRuns(lengths) : new ChannelIds(0);
            Map<Integer, Integer> model = new HashMap<>();
            List<Integer> freed = new ArrayList<>();
            int issued = 0;
            if (runs) {
                for (int r = 0; r < lengths.length; r++) {
                    for (int k = 0; k < lengths[r]; k++) {
                        model.put(issued++, r);
                    }
                }
            }
            for (int op = 0; op < 20_000; op++) {
                int kind = rng.nextInt(3);
                List<Integer> live = new ArrayList<>(model.keySet());
                if (kind == 0 || live.isEmpty()) {
                    int locator = rng.nextInt(1000);
                    int id = ids.add(locator);
                    int expectedId = freed.isEmpty() ? issued++ : freed.remove(freed.size() - 1);
                    assertEquals(expectedId, id);
                    model.put(id, locator);
                } else if (kind == 1) {
                    int id = live.get(rng.nextInt(live.size()));
                    assertEquals((int) model.remove(id), ids.remove(id));
                    freed.add(id);
                } else {
                    int id = live.get(rng.nextInt(live.size()));
                    int locator = rng.nextInt(1000);
                    ids.relocate(id, locator);
                    model.put(id, locator);
                }
            }
            assertEquals(issued, ids.issued());
            for (int id = -1; id <= issued; id++) {
                assertEquals(model.containsKey(id), ids.isLive(id), "id " + id);
                if (model.containsKey(id)) {
                    assertEquals((int) model.get(id), ids.locator(id));
                }
            }
        }
    }
}
