package org.ltpsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CamkiiCommandTest {
    @TempDir
    Path tmp;

    private static JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void hfsPulseLatchesEverySpineAndWritesAllOutputs() throws Exception {
        Path out = tmp.resolve("hfs");
        int code = Main.execute("camkii", "--spines", "40", "--holoenzymes", "16", "--calcium", "pulse:1.0,2,0.4",
                "--t-end", "60", "--dt-out", "0.5", "--seed", "7", "--threads", "2", "--out", out.toString());
        assertEquals(0, code);
        for (String name : new String[] {"timecourse.csv", "lifetimes.csv", "summary.json", "manifest.json"}) {
            assertTrue(Files.exists(out.resolve(name)), name);
        }
        JsonNode summary = json(out.resolve("summary.json"));
        assertEquals(1.0, summary.get("fraction_on_end").asDouble());
        assertEquals(1.0, summary.get("fraction_ltp").asDouble(), "ON for > 30 s after the pulse at t = 2 s");
        List<String> rows = Files.readAllLines(out.resolve("timecourse.csv"));
        assertEquals(1 + 121, rows.size(), "header + t = 0, 0.5, ..., 60");
        assertTrue(rows.get(0).startsWith("time_s,ca_uM,phospho_mean,phospho_sd"));
        String[] atPulse = rows.get(1 + 4).split(","); // t = 2.0: pulse starts
        assertEquals(1.0, Double.parseDouble(atPulse[1]));
        String[] before = rows.get(1 + 3).split(","); // t = 1.5: rest
        assertEquals(0.1, Double.parseDouble(before[1]));
        JsonNode manifest = json(out.resolve("manifest.json"));
        assertEquals(7, manifest.get("seed").asLong());
        assertTrue(manifest.get("parameters_sha256").asText().length() == 64);
    }

    @Test
    void sameSeedSameOutputForAnyThreadCount() throws Exception {
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        String[] common = {"camkii", "--spines", "70", "--holoenzymes", "2", "--calcium", "const:0.1", "--t-end",
            "20000", "--dt-out", "1000", "--seed", "3", "--set", "switch.on_fraction=0.7", "--set",
            "switch.off_fraction=0.1"};
        assertEquals(0, Main.execute(concat(common, "--threads", "1", "--out", one.toString())));
        assertEquals(0, Main.execute(concat(common, "--threads", "2", "--out", two.toString())));
        assertArrayEquals(Files.readAllBytes(one.resolve("timecourse.csv")),
                Files.readAllBytes(two.resolve("timecourse.csv")));
        byte[] lifetimes = Files.readAllBytes(one.resolve("lifetimes.csv"));
        assertArrayEquals(lifetimes, Files.readAllBytes(two.resolve("lifetimes.csv")));
        assertTrue(Files.readAllLines(one.resolve("lifetimes.csv")).size() > 10, "some spines switched");
    }

    @Test
    void t286aNeverGivesLtpAndCalciumFilesAreRead() throws Exception {
        Path file = tmp.resolve("ca.csv");
        Files.writeString(file, "time_s, ca_uM\n0, 0.1\n1.0, 1.0  # HFS-like\n1.4, 0.1\n");
        Path out = tmp.resolve("t286a");
        assertEquals(0, Main.execute("camkii", "--spines", "20", "--holoenzymes", "16", "--calcium", "file:" + file,
                "--t-end", "40", "--dt-out", "0.2", "--mutant", "t286a", "--out", out.toString()));
        JsonNode summary = json(out.resolve("summary.json"));
        assertEquals(0.0, summary.get("fraction_ltp").asDouble());
        assertEquals(0.0, summary.get("fraction_on_end").asDouble());
        List<String> rows = Files.readAllLines(out.resolve("timecourse.csv"));
        double activeInPulse = Double.parseDouble(rows.get(1 + 7).split(",")[9]); // t = 1.4 s, just at pulse end
        double activeLater = Double.parseDouble(rows.get(1 + 7 + 15).split(",")[9]); // 3 s later
        assertTrue(activeInPulse > 0.5, "active at the end of the pulse: " + activeInPulse);
        assertTrue(activeLater < 0.05, "active 3 s later: " + activeLater);
    }

    @Test
    void badInputGetsOneLineExitTwoAndNothingWritten() throws Exception {
        Path missing = tmp.resolve("nope.csv");
        Path malformed = tmp.resolve("bad.csv");
        Files.writeString(malformed, "0, 0.1\n1, lots\n");
        String[][] bad = {
            {"--holoenzymes", "-3"},
            {"--calcium", "file:" + missing},
            {"--calcium", "file:" + malformed},
            {"--calcium", "pulse:1,2"},
            {"--mutant", "t999x"},
            {"--set", "nope.key=1"},
            {"--set", "pp1.kcat_hz=-1"},
            {"--spines", "0"},
            {"--t-end", "NaN"},
        };
        for (String[] args : bad) {
            Path out = tmp.resolve("bad-out");
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream saved = System.err;
            int code;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                code = Main.execute(concat(new String[] {"camkii", "--t-end", "1", "--out", out.toString()}, args));
            } finally {
                System.setErr(saved);
            }
            assertEquals(Main.EXIT_BAD_INPUT, code, String.join(" ", args));
            assertFalse(Files.exists(out), "nothing written for " + String.join(" ", args));
            try (var siblings = Files.list(tmp)) {
                assertTrue(siblings.noneMatch(p -> p.getFileName().toString().contains("partial")));
            }
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
