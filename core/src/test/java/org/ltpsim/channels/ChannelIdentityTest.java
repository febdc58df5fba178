package org.ltpsim.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Channel ids survive inserts, removals, growth and simulation; counts always match the per-id states. */
class ChannelIdentityTest {
    @ParameterizedTest
    @EnumSource(value = ChannelPopulations.Method.class, mode = EnumSource.Mode.EXCLUDE, names = "MEAN_FIELD")
    void idsAreStableThroughInsertRemoveAndAdvance(ChannelPopulations.Method method) {
        KineticScheme scheme = method == ChannelPopulations.Method.EVENT_DRIVEN_PER_CHANNEL
                ? KineticScheme.w3() : KineticScheme.ampaDestexhe1998();
        int[] perSpine = {3, 0, 10, 1};
        ChannelPopulation pop = ChannelPopulations.create(scheme, perSpine, 5, "identity", 0, method);
        Map<Integer, Integer> spineOfId = new HashMap<>();
        int id = 0;
        for (int sp = 0; sp < perSpine.length; sp++) {
            for (int i = 0; i < perSpine[sp]; i++) {
                spineOfId.put(id++, sp);
            }
        }
        SplittableRandom ops = new SplittableRandom(3);
        double[] glu = new double[perSpine.length];
        for (int round = 0; round < 300; round++) {
            for (int sp = 0; sp < glu.length; sp++) {
                glu[sp] = round % 50 < 5 ? 1.0 : 0.0;
            }
            // a removal must not change any other channel's state
            Map<Integer, Integer> before = snapshot(pop, spineOfId);
            if (ops.nextInt(3) == 0 && !spineOfId.isEmpty()) {
                List<Integer> live = new ArrayList<>(spineOfId.keySet());
                int victim = live.get(ops.nextInt(live.size()));
                pop.remove(victim);
                spineOfId.remove(victim);
                before.remove(victim);
                assertFalse(pop.isLive(victim));
                assertThrows(IllegalArgumentException.class, () -> pop.state(victim));
            } else {
                int sp = ops.nextInt(perSpine.length);
                int fresh = pop.insert(sp); // grows spine 1 from zero and spine 3 past its capacity
                assertFalse(spineOfId.containsKey(fresh), "id handed out twice: " + fresh);
                spineOfId.put(fresh, sp);
                assertEquals(scheme.initialState(), pop.state(fresh));
                before.put(fresh, scheme.initialState());
            }
            assertEquals(before, snapshot(pop, spineOfId), "states changed by an insert/remove");
            pop.advance(0.1, glu);
            checkCounts(pop, spineOfId);
        }
    }

    private static Map<Integer, Integer> snapshot(ChannelPopulation pop, Map<Integer, Integer> spineOfId) {
        Map<Integer, Integer> m = new HashMap<>();
        for (int id : spineOfId.keySet()) {
            m.put(id, pop.state(id));
        }
        return m;
    }

    private static void checkCounts(ChannelPopulation pop, Map<Integer, Integer> spineOfId) {
        int states = pop.scheme().stateCount();
        int[][] expected = new int[pop.spineCount()][states];
        for (var e : spineOfId.entrySet()) {
            assertTrue(pop.isLive(e.getKey()));
            assertEquals(e.getValue(), pop.spineOf(e.getKey()));
            expected[e.getValue()][pop.state(e.getKey())]++;
        }
        for (int sp = 0; sp < pop.spineCount(); sp++) {
            int total = 0;
            int open = 0;
            for (int s = 0; s < states; s++) {
                assertEquals(expected[sp][s], pop.stateCount(sp, s), "spine " + sp + " state " + s);
                total += expected[sp][s];
                open += pop.scheme().isConducting(s) ? expected[sp][s] : 0;
            }
            assertEquals(open, pop.openCount(sp), "open count at spine " + sp);
            assertEquals(total, pop.channelCount(sp));
            int rest = pop.scheme().restingState();
            boolean resting = rest < 0 ? total == 0 : expected[sp][rest] == total;
            assertEquals(resting, pop.isResting(sp));
        }
    }

    @ParameterizedTest
    @EnumSource(value = ChannelPopulations.Method.class, mode = EnumSource.Mode.EXCLUDE, names = "MEAN_FIELD")
    void restingSpinesStayRestingAndAPulseWakesThem(ChannelPopulations.Method method) {
        assumeTrue(method != ChannelPopulations.Method.EVENT_DRIVEN_PER_CHANNEL, "needs a glutamate scheme");
        KineticScheme scheme = KineticScheme.nmdaLesterJahr1992();
        ChannelPopulation pop = ChannelPopulations.create(scheme, new int[] {20, 20}, 8, "resting", 0, method);
        double[] glu = {0, 0};
        for (int i = 0; i < 100; i++) {
            pop.advance(0.1, glu);
        }
        assertTrue(pop.isResting(0) && pop.isResting(1));
        assertEquals(0, pop.transitionCount());
        glu[0] = 1.0; // 1 mM for 1 ms binds nearly every channel (2 Rb g = 10 /ms)
        for (int i = 0; i < 10; i++) {
            pop.advance(0.1, glu);
        }
        assertFalse(pop.isResting(0));
        assertTrue(pop.isResting(1), "glutamate at spine 0 only");
        assertEquals(20, pop.channelCount(0));
    }

    @ParameterizedTest
    @EnumSource(value = ChannelPopulations.Method.class, mode = EnumSource.Mode.EXCLUDE, names = "MEAN_FIELD")
    void sameSeedPurposeAndBlockGiveTheSameChannelsAndOthersDiffer(ChannelPopulations.Method method) {
        KineticScheme scheme = method == ChannelPopulations.Method.EVENT_DRIVEN_PER_CHANNEL
                ? KineticScheme.w3() : KineticScheme.ampaDestexhe1998();
        int[] perSpine = {30, 30};
        int[] a = trajectory(ChannelPopulations.create(scheme, perSpine, 77, "repro", 3, method));
        int[] b = trajectory(ChannelPopulations.create(scheme, perSpine, 77, "repro", 3, method));
        int[] c = trajectory(ChannelPopulations.create(scheme, perSpine, 77, "repro", 4, method));
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c), "another block must get another stream");
    }

    private static int[] trajectory(ChannelPopulation pop) {
        double[] glu = {1, 0.5};
        int[] out = new int[60 + 1];
        for (int k = 0; k < 200; k++) {
            pop.advance(0.05, k < 20 ? glu : new double[2]);
        }
        for (int id = 0; id < 60; id++) {
            out[id] = pop.state(id);
        }
        out[60] = (int) pop.transitionCount();
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = ChannelPopulations.Method.class, mode = EnumSource.Mode.EXCLUDE, names = "MEAN_FIELD")
    void badArgumentsAreRejected(ChannelPopulations.Method method) {
        ChannelPopulation pop = ChannelPopulations.create(KineticScheme.w3(), new int[] {2}, 1, "bad", 0, method);
        assertThrows(IllegalArgumentException.class, () -> pop.advance(Double.NaN, new double[1]));
        assertThrows(IllegalArgumentException.class, () -> pop.advance(-1, new double[1]));
        assertThrows(IllegalArgumentException.class, () -> pop.advance(1, new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> pop.advance(1, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> pop.insert(1));
        assertThrows(IllegalArgumentException.class, () -> pop.remove(7));
        assertThrows(IllegalArgumentException.class, () -> ChannelPopulations.create(KineticScheme.w3(),
                new int[] {-1}, 1, "bad", 0, method));
        if (method == ChannelPopulations.Method.EVENT_DRIVEN_PER_CHANNEL) {
            assertThrows(IllegalArgumentException.class, () -> ChannelPopulations.create(
                    KineticScheme.nmdaLesterJahr1992(), new int[] {1}, 1, "bad", 0, method));
        }
    }
}
