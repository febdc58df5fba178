package org.ltpsim.spine.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ltpsim.params.ParameterSet;

/** The late-phase protocols, protocol expressions (repeat, delay, join) and durations with units. */
class ProtocolExpressionsTest {
    private final ParameterSet p = ParameterSet.defaults("spine");

    @Test
    void strongAndWeakTetanusAfterFreyAndMorris() {
        Stimulus strong = Protocols.named("strong-tetanus", p);
        assertEquals(300, strong.pulseCount());
        double[] t = strong.spikeTimesMs();
        assertEquals(10.0, t[0]);
        assertEquals(10.0 + 99 * 10, t[99], 1e-9);
        assertEquals(10.0 + 600_000, t[100], 1e-9, "second train 10 min after the first");
        assertEquals(10.0 + 1_200_000, t[200], 1e-9);
        Stimulus weak = Protocols.named("weak-tetanus", p);
        assertEquals(21, weak.pulseCount());
        assertEquals(10.0 + 200, weak.lastEventMs(), 1e-9);
    }

    @Test
    void delaysRepeatsAndJoins() {
        Stimulus late = Protocols.named("weak-tetanus@30min", p);
        assertEquals(10.0 + 1_800_000, late.spikeTimesMs()[0], 1e-9);
        assertEquals("weak-tetanus@30min", late.name());
        assertArrayEquals(Protocols.named("strong-tetanus", p).spikeTimesMs(),
                Protocols.named("hfs*3/10min", p).spikeTimesMs(), "three HFS trains 10 min apart = strong tetanus");
        Stimulus joined = Protocols.named("hfs+weak-tetanus@40min", p);
        assertEquals(121, joined.pulseCount());
        assertEquals(10.0 + 2_400_000, joined.spikeTimesMs()[100], 1e-9);
        Stimulus grouped = Protocols.named("(hfs+hfs@1min)@2h", p);
        assertEquals(10.0 + 7_200_000, grouped.spikeTimesMs()[0], 1e-9);
        assertEquals(10.0 + 7_260_000, grouped.spikeTimesMs()[100], 1e-9);
        Stimulus pairing = Protocols.named("pairing@1s", p);
        assertEquals(1010.0, pairing.depolStartMs()[0], 1e-9, "windows move with the spikes");
        for (String bad : new String[] {"hfs@soon", "hfs*3", "hfs*0/1min", "hfs+", "(hfs", "hfs*3/1ms"}) {
            assertThrows(IllegalArgumentException.class, () -> Protocols.named(bad, p), bad);
        }
    }

    @Test
    void durationsCarryTheirUnits() {
        assertEquals(250, Durations.parseMs("250ms"));
        assertEquals(1500, Durations.parseMs("1.5 s"));
        assertEquals(1_800_000, Durations.parseMs("30min"));
        assertEquals(10_800_000, Durations.parseMs("3h"));
        assertEquals(60_000, Durations.parseMs("1 minute"));
        assertEquals(5, Durations.parseMs("5", "ms"));
        IllegalArgumentException bare = assertThrows(IllegalArgumentException.class, () -> Durations.parseMs("5"));
        assertTrue(bare.getMessage().contains("needs a unit"), bare.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Durations.parseMs("3 fortnights"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parseMs("-1s"));
        assertEquals("3h", Durations.format(10_800_000));
        assertEquals("90s", Durations.format(90_000));
        assertEquals("30min", Durations.format(1_800_000));
        assertEquals("0.5ms", Durations.format(0.5));
    }
}
