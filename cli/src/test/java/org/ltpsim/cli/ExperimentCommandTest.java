package org.ltpsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

/** {@code ltpsim experiment} end to end on tiny sizes (a few spines, short trains, short CaMKII runs). */
class ExperimentCommandTest {
    /** 30 pulses at 3 rates on 4 spines: well under a second of work. */
    private static final String[] SMALL_FR = {"frequency-response", "--frequencies", "1,20,100", "--spines", "4",
        "--set", "protocol.lfs_pulses=30", "--set", "protocol.after_ms=200", "--seed", "5"};

    private static String[] with(String[] base, String... extra) {
        return Stream.concat(Stream.concat(Stream.of("experiment"), Stream.of(base)), Stream.of(extra))
                .toArray(String[]::new);
    }

    @Test
    void listsEveryExperimentAndNoneIsUnavailable() {
        CliRun r = CliRun.of("experiment", "--list");
        assertEquals(0, r.exitCode());
        for (String name : List.of("frequency-response", "camkii-lifetime", "rules", "noise-scaling",
                "noise-sources")) {
            assertTrue(r.out().contains(name), name);
        }
        assertEquals(0, r.out().lines().filter(l -> l.contains("not yet available")).count(), r.out());
    }

    @Test
    void frequencyResponseWritesTableSummaryFigureAndManifestTheSameForAnyThreadCount(@TempDir Path dir)
            throws Exception {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        assertEquals(0, CliRun.of(with(SMALL_FR, "--threads", "1", "--out", one.toString())).exitCode());
        assertEquals(0, CliRun.of(with(SMALL_FR, "--threads", "2", "--out", two.toString())).exitCode());
        for (String file : List.of("frequency_response.csv", "summary.json", "frequency_response.png",
                "frequency_response.svg")) {
            assertArrayEquals(Files.readAllBytes(one.resolve(file)), Files.readAllBytes(two.resolve(file)), file);
        }
        List<String> csv = Files.readAllLines(one.resolve("frequency_response.csv"));
        assertTrue(csv.get(0).startsWith("frequency_hz,fraction_ltp,fraction_ltp_lo,fraction_ltp_hi,fraction_ltd,"
                + "fraction_ltd_lo,fraction_ltd_hi,fraction_none,net_plasticity,mean_q_max_uM_s"), csv.get(0));
        assertEquals(4, csv.size());
        assertTrue(csv.get(1).startsWith("1,") && csv.get(2).startsWith("20,") && csv.get(3).startsWith("100,"));
        for (String row : csv.subList(1, 4)) {
            String[] c = row.split(",");
            assertEquals(1.0, Double.parseDouble(c[1]) + Double.parseDouble(c[4]) + Double.parseDouble(c[7]), 1e-5);
            assertEquals(Double.parseDouble(c[1]) - Double.parseDouble(c[4]), Double.parseDouble(c[8]), 1e-5);
        }
        JsonNode summary = new ObjectMapper().readTree(one.resolve("summary.json").toFile());
        assertTrue(summary.has("crossover_hz") && summary.has("crossover_hz_ci95")
                && summary.has("crossover_interval_method"), summary.toString());
        JsonNode manifest = new ObjectMapper().readTree(one.resolve("manifest.json").toFile());
        assertEquals("frequency-response", manifest.get("experiment").asText());
        List<String> files = new java.util.ArrayList<>();
        manifest.get("files").forEach(f -> files.add(f.asText()));
        assertEquals(List.of("frequency_response.csv", "frequency_response.png", "frequency_response.svg",
                "summary.json"), files);
    }

    @Test
    void setChangesTheExperimentAsInRun(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("base");
        Path more = dir.resolve("more");
        assertEquals(0, CliRun.of(with(SMALL_FR, "--out", base.toString())).exitCode());
        assertEquals(0, CliRun.of(with(SMALL_FR, "--set", "nmda.channels_per_spine=40", "--out", more.toString()))
                .exitCode());
        assertFalse(Files.readString(base.resolve("frequency_response.csv"))
                .equals(Files.readString(more.resolve("frequency_response.csv"))));
        assertTrue(Files.readString(more.resolve("manifest.json")).contains("nmda.channels_per_spine=40"));
    }

    @Test
    void badInputIsOneLineExitTwoAndWritesNothing(@TempDir Path dir) throws Exception {
        String[][] cases = {
            {"frequncy-response"},
            {"noise-scaling", "--scales", "1,4"},
            {"noise-sources", "--scales", "1,2,4"},
            {"frequency-response", "--frequencies", "1,x"},
            {"frequency-response", "--frequencies", "5"},
            {"frequency-response", "--frequencies", "1,1"},
            {"frequency-response", "--frequencies", "0,10"},
            {"frequency-response", "--frequencies", "1,,10"},
            {"frequency-response", "--set", "nmda.chanels_per_spine=4"},
            {"frequency-response", "--set", "protocol.lfs_rate_hz=4"},
            {"frequency-response", "--branches", "3"},
            {"rules", "--frequencies", "1,2"},
            {"camkii-lifetime", "--holoenzymes", "2,zero"},
        };
        String[] expected = {"did you mean frequency-response?", "--scales needs at least 3 scales",
            "--scales does not apply",
            "'x' is not a number", "one frequency is not a response curve", "listed twice", "out of range",
            "empty value", "did you mean", "give the rates with --frequencies", "does not apply",
            "does not apply", "not a whole number"};
        for (int i = 0; i < cases.length; i++) {
            Path out = dir.resolve("out" + i);
            CliRun.assertRefused(out, expected[i], Stream.concat(Stream.concat(Stream.of("experiment"),
                    Stream.of(cases[i])), Stream.of("--out", out.toString())).toArray(String[]::new));
        }
        assertEquals(0, dir.toFile().list().length, "nothing at all written in " + dir);
    }

    @Test
    void refusesAnEarlierResultWithoutForceAndReplacesItWithForce(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("fr");
        assertEquals(0, CliRun.of(with(SMALL_FR, "--out", out.toString())).exitCode());
        CliRun again = CliRun.of(with(SMALL_FR, "--out", out.toString()));
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("--force"), again.err());
        assertEquals(0, CliRun.of(with(SMALL_FR, "--out", out.toString(), "--force")).exitCode());
    }

    @Test
    void rulesWritesOneRowPerConditionAndPathwayWithBothReadouts(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("rules");
        CliRun r = CliRun.of("experiment", "rules", "--branches", "1", "--set", "branch.spines_per_branch=8", "--set",
                "protocol.hfs_pulses=20", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> csv = Files.readAllLines(out.resolve("rules.csv"));
        assertTrue(csv.get(0).startsWith("experiment,condition,pathway,spines,fraction_ltp,fraction_ltp_lo,"
                + "fraction_ltp_hi,fraction_ltd"), csv.get(0));
        assertTrue(csv.get(0).contains("fraction_camkii_on,fraction_camkii_on_lo,fraction_camkii_on_hi"));
        assertEquals(1 + 11, csv.size(), String.join("\n", csv));
        for (String condition : List.of("input specificity", "cooperativity", "associativity", "AP5", "T286A")) {
            assertTrue(csv.stream().anyMatch(l -> l.startsWith(condition + ",")), condition);
        }
        assertTrue(csv.stream().filter(l -> l.contains("T286A mutant")).peek(l -> assertFalse(l.contains("\""))).allMatch(l -> l.split(",")[11]
                .equals("0.000000")), "T286A: no switch");
        for (String file : List.of("summary.json", "rules.png", "manifest.json")) {
            assertTrue(Files.exists(out.resolve(file)), file);
        }
    }

    @Test
    void camkiiLifetimeWritesOneRowPerHoloenzymeNumber(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("life");
        CliRun r = CliRun.of("experiment", "camkii-lifetime", "--holoenzymes", "1,2", "--spines", "8", "--t-end",
                "2000", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> csv = Files.readAllLines(out.resolve("camkii_lifetime.csv"));
        assertEquals(3, csv.size(), String.join("\n", csv));
        assertTrue(csv.get(1).startsWith("1,8,2000,") && csv.get(2).startsWith("2,8,2000,"), csv.toString());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertTrue(summary.has("on_growth_per_holoenzyme"));
        assertTrue(Files.exists(out.resolve("camkii_lifetime.png")));
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(0.7, manifest.get("camkii_parameters").get("switch.on_fraction").asDouble());
    }
}
