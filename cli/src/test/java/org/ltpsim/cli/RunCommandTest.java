package org.ltpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    private static final double REST_CA_UM = org.ltpsim.params.ParameterSet.defaults("spine").get("calcium.rest_um");
    private static final String[] SHORT = {"--set", "protocol.hfs_pulses=10", "--set", "protocol.after_ms=100"};

    private static String[] args(Path out, String... extra) {
        String[] base = {"run", "--out", out.toString(), "--seed", "3"};
        String[] spines = List.of(extra).contains("--spines") ? new String[0] : new String[] {"--spines", "20"};
        return Stream.of(base, spines, SHORT, extra).flatMap(Stream::of).toArray(String[]::new);
    }

    @Test
    void writesSpinesSummaryManifestAndPlot(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("res");
        assertEquals(0, Main.execute(args(out, "--pathway", "B:none:5", "--threads", "2")));
        List<String> csv = Files.readAllLines(out.resolve("spines.csv"));
        assertEquals(26, csv.size(), "header + 25 spines");
        assertTrue(csv.get(0).startsWith("id,branch,pathway,releases,peak_ca_uM,q_max_uM_s"));
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode a = summary.get("pathways").get(0);
        JsonNode rule = a.get("calcium_rule");
        double sum = rule.get("fraction_ltp").asDouble() + rule.get("fraction_ltd").asDouble()
                + rule.get("fraction_none").asDouble();
        assertEquals(1.0, sum, 1e-12);
        assertEquals(20, a.get("spines").asInt());
        assertTrue(a.get("stimulated").asBoolean());
        assertTrue(a.get("mean_peak_ca_uM").asDouble() > REST_CA_UM);
        JsonNode b = summary.get("pathways").get(1);
        assertEquals("B", b.get("name").asText());
        assertFalse(b.get("stimulated").asBoolean());
        assertEquals(1.0, b.get("calcium_rule").get("fraction_none").asDouble());
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(3, manifest.get("seed").asLong());
        assertTrue(manifest.get("parameters").has("nmda.channels_per_spine"));
        byte[] png = Files.readAllBytes(out.resolve("calcium.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        assertTrue(Files.size(out.resolve("calcium.csv")) > 100);

        // same seed, 1 thread: the same per-spine table
        Path again = dir.resolve("again");
        assertEquals(0, Main.execute(args(again, "--pathway", "B:none:5", "--threads", "1")));
        assertEquals(csv, Files.readAllLines(again.resolve("spines.csv")));
    }

    @Test
    void drugsMgAndSpikeTimeFiles(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("ap5");
        assertEquals(0, Main.execute(args(out, "--drug", "ap5")));
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(0.0, summary.get("pathways").get(0).get("calcium_rule").get("fraction_ltp").asDouble());
        assertEquals(REST_CA_UM, summary.get("pathways").get(0).get("mean_peak_ca_uM").asDouble(), 1e-12);
        Path times = dir.resolve("times.txt");
        Files.writeString(times, "10 20 30\n");
        Path custom = dir.resolve("custom");
        assertEquals(0, Main.execute(args(custom, "--spike-times", times.toString(), "--mg", "0", "--no-camkii")));
        JsonNode s2 = new ObjectMapper().readTree(custom.resolve("summary.json").toFile());
        assertEquals(0.0, s2.get("mg_mM").asDouble());
        assertEquals(3, s2.get("pathways").get(0).get("pulses").asInt());
        assertTrue(!s2.get("pathways").get(0).has("camkii"), "no CaMKII with --no-camkii");

        Path withCamkii = dir.resolve("camkii");
        assertEquals(0, Main.execute(args(withCamkii, "--camkii-set", "holoenzyme.per_spine=8")));
        JsonNode s3 = new ObjectMapper().readTree(withCamkii.resolve("summary.json").toFile());
        double on = s3.get("pathways").get(0).get("camkii").get("fraction_on_at_end").asDouble();
        assertTrue(on >= 0 && on <= 1, "fraction_camkii_on " + on);
        assertTrue(Files.readAllLines(withCamkii.resolve("spines.csv")).get(0).endsWith(",camkii_on,camkii_ltp"));
    }

    /**
     * CaMKII runs in every spine by default. HFS of a whole branch (100 spines) latches the switch; the T286A mutant
     * activates but cannot autophosphorylate, so no spine's switch is ON at the end and no mechanistic LTP. The
     * wild-type bound (more than half ON) is far from the observed fraction (1.00 in the demo at n = 100), and the
     * mutant's 0 is structural (no phosphorylation at all), so neither assertion is a chance event.
     */
    @Test
    void hfsLatchesCamkiiButNotInT286a(@TempDir Path dir) throws Exception {
        String[] hfs = {"run", "--protocol", "hfs", "--spines", "100", "--seed", "5"};
        Path wild = dir.resolve("wild");
        Path t286a = dir.resolve("t286a");
        assertEquals(0, Main.execute(Stream.concat(Stream.of(hfs), Stream.of("--out", wild.toString()))
                .toArray(String[]::new)));
        assertEquals(0, Main.execute(Stream.concat(Stream.of(hfs), Stream.of("--out", t286a.toString(), "--mutant",
                "t286a")).toArray(String[]::new)));
        JsonNode w = new ObjectMapper().readTree(wild.resolve("summary.json").toFile());
        JsonNode m = new ObjectMapper().readTree(t286a.resolve("summary.json").toFile());
        JsonNode wildCamkii = w.get("pathways").get(0).get("camkii");
        JsonNode mutant = m.get("pathways").get(0).get("camkii");
        assertTrue(wildCamkii.get("fraction_on_at_end").asDouble() > 0.5, "wild type ON " + wildCamkii);
        assertEquals(0.0, mutant.get("fraction_on_at_end").asDouble());
        assertEquals(0.0, mutant.get("fraction_ltp").asDouble(), "every switch OFF: decided, no lasting LTP");
        assertEquals("t286a", m.get("camkii_mutant").asText());
    }

    @Test
    void badInputIsOneLineExitTwoAndNothingWritten(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad-times.txt");
        Files.writeString(bad, "10\nten\n");
        String[][] cases = {
            {"--protocol", "tetanus"},
            {"--drug", "ketamine"},
            {"--spines", "0"},
            {"--pathway", "B:none:0"},
            {"--pathway", "B-none-3"},
            {"--spike-times", bad.toString()},
            {"--set", "nmda.bogus=3"},
            {"--set", "nmda.mg_mm=-1"},
            {"--set", "glutamate.tau_ms=2 s"},
            {"--no-camkii", "--camkii-set", "pp1.kcat_hz=1"},
            {"--camkii", "--camkii-set", "pp1.bogus=1"},
            {"--mutant", "t287d"},
        };
        String[] expected = {"unknown protocol 'tetanus'", "unknown drug 'ketamine'", "--spines must be >= 1",
            "pathway 'B' is empty", "NAME:PROTOCOL:SPINES", "'ten' is not a time in ms", "unknown parameter 'nmda.bogus'",
            "out of range", "wrong unit", "--camkii-set cannot be used with --no-camkii", "unknown parameter 'pp1.bogus'",
            "unknown mutant 't287d'"};
        for (int i = 0; i < cases.length; i++) {
            Path out = dir.resolve("out" + i);
            CliRun.assertRefused(out, expected[i], args(out, cases[i]));
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(1, left.count(), "only the spike-time file: no partial directories");
        }
    }
}
