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
import org.ltpsim.cli.spine.WeightFiles;

/** {@code ltpsim run --duration ...}: the expression layers from the command line, their outputs and errors. */
class ExpressionRunTest {
    /** 10 spines per pathway on branches of 10 at 5000 MOhm (as 100 on 500 MOhm); the nucleus scaled to match. */
    private static final String[] SMALL = {"--spines", "10", "--set", "branch.spines_per_branch=10", "--set",
        "branch.input_resistance_mohm=5000", "--expression-set", "nucleus.reference_spines=10", "--seed", "4"};

    private static String[] args(Path out, String... extra) {
        return Stream.of(new String[] {"run", "--out", out.toString()}, SMALL, extra).flatMap(Stream::of)
                .toArray(String[]::new);
    }

    @Test
    void weightsSummaryAndFiguresOfAnExpressionRun(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        assertEquals(0, Main.execute(args(out, "--protocol", "hfs", "--pathway", "B:weak-tetanus:10@2min",
                "--pathway", "C:none:10", "--set", "branch.spines_per_branch=30", "--duration", "12min",
                "--record-every", "30s", "--report-at", "5min,10min", "--test-pulses", "4min", "--threads", "2")));
        List<String> weights = Files.readAllLines(out.resolve("weights.csv"));
        assertEquals(WeightFiles.HEADER, weights.get(0));
        assertEquals(1 + 25 * 3, weights.size(), "records every 30 s from 0 to 12 min, 3 pathways");
        assertTrue(weights.get(1).startsWith("0,A,"), weights.get(1));
        assertTrue(weights.get(weights.size() - 1).startsWith("12,C,"), weights.get(weights.size() - 1));
        assertTrue(weights.get(4).startsWith("0.5,A,"), weights.get(4));
        // the nucleus is synchronised every 60 s: a record between two points shows the previous point's state
        int signal = List.of(WeightFiles.HEADER.split(",")).indexOf("nuclear_signal");
        String[] at5 = weights.stream().filter(l -> l.startsWith("5,A,")).findFirst().orElseThrow().split(",");
        String[] at55 = weights.stream().filter(l -> l.startsWith("5.5,A,")).findFirst().orElseThrow().split(",");
        assertTrue(Double.parseDouble(at5[signal]) > 0.1, "HFS reached the nucleus: " + at5[signal]);
        assertEquals(at5[signal], at55[signal]);
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        double a = summary.get("weight_change_percent").asDouble();
        assertEquals(a, summary.get("weight_change_percent_by_pathway").get("A").asDouble());
        assertTrue(a > 15, "HFS potentiates A: " + a);
        assertEquals(0.0, summary.get("weight_change_percent_by_pathway").get("C").asDouble(), 5,
                "C, not stimulated, stays at baseline");
        JsonNode at = summary.get("weight_change_percent_at");
        assertEquals(2, at.size());
        assertEquals("5min", at.get(0).get("time").asText());
        assertEquals(10.0, at.get(1).get("time_min").asDouble());
        assertTrue(at.get(1).get("by_pathway").has("B"));
        assertEquals("held", summary.get("expression").get("receptor_conservation").asText());
        assertEquals(10, summary.get("pathways").get(0).get("spines").asInt(), "the existing fields are kept");
        List<String> epsp = Files.readAllLines(out.resolve("epsp.csv"));
        assertEquals("time_min,pathway,epsp_spine_mean_mV,epsp_branch_mean_mV", epsp.get(0));
        // test pulses at 0, 4, 8 min (+5 s per pathway), less those within 1 s of the pathway's own stimulus (A at 0)
        assertEquals(1 + 3 * 3 - 1, epsp.size(), String.join("\n", epsp));
        for (String png : new String[] {"weights.png", "calcium.png", "epsp.png"}) {
            byte[] bytes = Files.readAllBytes(out.resolve(png));
            assertEquals((byte) 0x89, bytes[0], png);
        }
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertTrue(manifest.get("expression_parameters").has("growth.capacity_per_spine"));
        assertEquals(10.0, manifest.get("expression_parameters").get("nucleus.reference_spines").asDouble());

        // the same on one thread: byte-identical weights.csv and epsp.csv
        Path again = dir.resolve("again");
        assertEquals(0, Main.execute(args(again, "--protocol", "hfs", "--pathway", "B:weak-tetanus:10@2min",
                "--pathway", "C:none:10", "--set", "branch.spines_per_branch=30", "--duration", "12min",
                "--record-every", "30s", "--report-at", "5min,10min", "--test-pulses", "4min", "--threads", "1")));
        assertArrayEquals(Files.readAllBytes(out.resolve("weights.csv")), Files.readAllBytes(again.resolve(
                "weights.csv")));
        assertArrayEquals(Files.readAllBytes(out.resolve("epsp.csv")), Files.readAllBytes(again.resolve("epsp.csv")));
    }

    @Test
    void weightsCsvIsBitwiseTheSameOnOneAndTwoThreadsWithSeveralNeurons(@TempDir Path dir) throws Exception {
        String[] run = {"--protocol", "weak-tetanus", "--neurons", "3", "--duration", "5min", "--drug",
            "anisomycin,ap5@4min-5min"};
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        assertEquals(0, Main.execute(Stream.concat(Stream.of(args(one, run)), Stream.of("--threads", "1"))
                .toArray(String[]::new)));
        assertEquals(0, Main.execute(Stream.concat(Stream.of(args(two, run)), Stream.of("--threads", "2"))
                .toArray(String[]::new)));
        assertArrayEquals(Files.readAllBytes(one.resolve("weights.csv")), Files.readAllBytes(two.resolve(
                "weights.csv")));
        assertArrayEquals(Files.readAllBytes(one.resolve("spines.csv")), Files.readAllBytes(two.resolve(
                "spines.csv")));
        List<String> spines = Files.readAllLines(one.resolve("spines.csv"));
        assertEquals(31, spines.size(), "3 neurons of 10 spines");
        JsonNode manifest = new ObjectMapper().readTree(one.resolve("manifest.json").toFile());
        assertEquals("anisomycin+ap5@4min-5min", manifest.get("drug").asText());
    }

    @Test
    void withoutDurationTheRunIsWhatItWas(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("plain");
        assertEquals(0, Main.execute(new String[] {"run", "--out", out.toString(), "--spines", "10", "--set",
            "protocol.hfs_pulses=5", "--set", "protocol.after_ms=50"}));
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertFalse(summary.has("weight_change_percent"));
        assertFalse(Files.exists(out.resolve("weights.csv")));
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertFalse(manifest.has("expression_parameters"));
        assertEquals("none", manifest.get("drug").asText());
    }

    @Test
    void badExpressionInputIsOneLineExitTwoAndNothingWritten(@TempDir Path dir) throws Exception {
        String[][] cases = {
            {"--neurons", "2"},
            {"--drug", "anisomycin"},
            {"--duration", "3"},
            {"--duration", "3 fortnights"},
            {"--duration", "5min", "--protocol", "strong-tetanus"},
            {"--duration", "5min", "--report-at", "90s", "--record-every", "1min"},
            {"--duration", "5min", "--report-at", "6min"},
            {"--duration", "5min", "--record-every", "10ms"},
            {"--duration", "5min", "--drug", "ap5@10min"},
            {"--duration", "5min", "--drug", "anisomycin@1min-2min"},
            {"--duration", "5min", "--no-camkii"},
            {"--duration", "5min", "--expression-set", "growth.bogus=1"},
            {"--duration", "5min", "--pathway", "B:weak-tetanus:10@soon"},
            {"--report-at", "1min"},
        };
        String[] expected = {"--neurons, --expression-set need the expression layers",
            "--expression-set, --drug anisomycin need the expression layers",
            "needs a unit", "unknown unit 'fortnights'", "ends before the last stimulus",
            "not on the weight record grid", "after the end of the run", "whole number of slow steps",
            "a window is START-END", "only ap5 can be applied for a time window", "need CaMKII",
            "unknown parameter 'growth.bogus'", "--pathway B:weak-tetanus:10@soon", "--report-at needs the expression"};
        for (int i = 0; i < cases.length; i++) {
            Path out = dir.resolve("out" + i);
            CliRun.assertRefused(out, expected[i], cases[i][0].equals("--report-at") // without SMALL's expression
                    ? Stream.concat(Stream.of("run", "--out", out.toString()), Stream.of(cases[i]))
                            .toArray(String[]::new) : args(out, cases[i]));
        }
    }
}
