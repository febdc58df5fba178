package org.ltpsim.spine.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltpsim.params.ParameterSet;

class ProtocolsTest {
    private final ParameterSet p = ParameterSet.defaults("spine");

    @Test
    void namedProtocols() {
        Stimulus hfs = Protocols.named("hfs", p);
        assertEquals(100, hfs.pulseCount());
        assertEquals(10.0, hfs.spikeTimesMs()[0]);
        assertEquals(10.0 + 99 * 10.0, hfs.spikeTimesMs()[99], 1e-9);
        Stimulus lfs = Protocols.named("LFS", p);
        assertEquals(900, lfs.pulseCount());
        assertEquals(10.0 + 899 * 1000.0, lfs.lastEventMs(), 1e-9);
        Stimulus tbs = Protocols.named("tbs", p);
        assertEquals(40, tbs.pulseCount());
        assertEquals(10.0 + 200 + 10, tbs.spikeTimesMs()[5], 1e-9); // burst 2, pulse 2
        Stimulus pairing = Protocols.named("pairing", p);
        assertEquals(60, pairing.pulseCount());
        assertArrayEquals(pairing.spikeTimesMs(), pairing.depolStartMs());
        assertEquals(-10.0, pairing.depolMv());
        assertEquals(0, Protocols.named("none", p).pulseCount());
    }

    @Test
    void unknownProtocolIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Protocols.named("hsf", p));
        assertTrue(e.getMessage().contains("unknown protocol 'hsf'"), e.getMessage());
    }

    @Test
    void spikeTimeFiles(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.txt");
        Files.writeString(good, "# times in ms\n10, 20 30\n\n40.5 # last\n");
        assertArrayEquals(new double[] {10, 20, 30, 40.5}, Protocols.fromFile(good).spikeTimesMs());
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "10\n2O\n");
        assertMessage("line 2: '2O' is not a time in ms", bad);
        Files.writeString(bad, "10\n5\n");
        assertMessage("earlier than the one before", bad);
        Files.writeString(bad, "-1\n");
        assertMessage("must be finite and >= 0", bad);
        Files.writeString(bad, "# nothing\n");
        assertMessage("holds no spike times", bad);
        assertMessage("missing.txt: no such file", dir.resolve("missing.txt"));
        Files.writeString(bad, "# unit: minutes\n1 2\n");
        assertMessage("unit must be ms or s", bad);
    }

    @Test
    void spikeTimeUnits(@TempDir Path dir) throws Exception {
        Path seconds = dir.resolve("s.txt");
        Files.writeString(seconds, "# unit: s\n0.5 1.25\n");
        SpikeTimeFile.Read read = SpikeTimeFile.read(seconds, null);
        assertArrayEquals(new double[] {500, 1250}, read.stimulus().spikeTimesMs());
        assertEquals("file", read.unitFrom());
        assertTrue(read.warning().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> SpikeTimeFile.read(seconds, "ms"), "file and option disagree");

        Path plain = dir.resolve("plain.txt");
        Files.writeString(plain, "0.5 1.25\n");
        assertArrayEquals(new double[] {500, 1250}, SpikeTimeFile.read(plain, "s").stimulus().spikeTimesMs());
        SpikeTimeFile.Read asMs = SpikeTimeFile.read(plain, null);
        assertArrayEquals(new double[] {0.5, 1.25}, asMs.stimulus().spikeTimesMs());
        assertEquals("default", asMs.unitFrom());
        assertTrue(asMs.warning().orElseThrow().contains("look like seconds"), "0.75 ms apart: faster than a neuron");
        Files.writeString(plain, "10 20 30\n");
        assertTrue(SpikeTimeFile.read(plain, null).warning().isEmpty(), "10 ms apart: a 100 Hz train, plausible");
    }

    private static void assertMessage(String part, Path file) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Protocols.fromFile(file));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void emptyPathwayIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Pathway("A", Protocols.named("hfs", p), 0));
        assertTrue(e.getMessage().contains("pathway 'A' is empty"), e.getMessage());
    }
}
