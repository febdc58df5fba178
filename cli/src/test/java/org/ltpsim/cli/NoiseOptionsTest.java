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

/** --deterministic, --deterministic-sources, --scale and sweep --compare-deterministic end to end, small sizes. */
class NoiseOptionsTest {
    private static final String[] SHORT = {"--set", "protocol.after_ms=100", "--spines", "20"};

    private static String[] args(String command, Path out, String... extra) {
        return Stream.of(new String[] {command, "--out", out.toString()}, SHORT, extra).flatMap(Stream::of)
                .toArray(String[]::new);
    }

    /** No random number is drawn: any seed and any thread count give the same bytes. */
    @Test
    void deterministicSweepIsTheSameForAnySeedAndThreadCount(@TempDir Path dir) throws Exception {
        String[] grid = {"--deterministic", "--param", "protocol.hfs_pulses=5,20,60"};
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, CliRun.of(args("sweep", a, Stream.concat(Stream.of(grid), Stream.of("--seed", "1", "--threads",
                "1")).toArray(String[]::new))).exitCode());
        assertEquals(0, CliRun.of(args("sweep", b, Stream.concat(Stream.of(grid), Stream.of("--seed", "77", "--threads",
                "2")).toArray(String[]::new))).exitCode());
        for (String file : List.of("sweep.csv", "threshold.json")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(file)), Files.readAllBytes(b.resolve(file)), file);
        }
        // 0/1 outcomes per point
        for (String row : Files.readAllLines(a.resolve("sweep.csv")).subList(1, 4)) {
            double ltp = Double.parseDouble(row.split(",")[1]);
            assertTrue(ltp == 0.0 || ltp == 1.0, row);
        }
        JsonNode manifest = new ObjectMapper().readTree(a.resolve("manifest.json").toFile());
        assertTrue(manifest.get("noise").get("deterministic").asBoolean(), manifest.toString());
    }

    @Test
    void deterministicRunIsSeedIndependent(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, CliRun.of(args("run", a, "--deterministic", "--seed", "1")).exitCode());
        assertEquals(0, CliRun.of(args("run", b, "--deterministic", "--seed", "2", "--threads", "2")).exitCode());
        assertArrayEquals(Files.readAllBytes(a.resolve("spines.csv")), Files.readAllBytes(b.resolve("spines.csv")));
    }

    /** Some sources mean-field: the rest still draw random numbers (different seeds, different results). */
    @Test
    void deterministicSourcesLeaveTheOthersStochastic(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, CliRun.of(args("run", a, "--deterministic-sources", "release,camkii", "--seed", "1"))
                .exitCode());
        assertEquals(0, CliRun.of(args("run", b, "--deterministic-sources", "release,camkii", "--seed", "2"))
                .exitCode());
        assertFalse(Files.readString(a.resolve("spines.csv")).equals(Files.readString(b.resolve("spines.csv"))));
        JsonNode manifest = new ObjectMapper().readTree(a.resolve("manifest.json").toFile());
        assertEquals("[\"release\",\"camkii\"]", manifest.get("noise").get("mean_field_sources").toString());
    }

    @Test
    void compareDeterministicReportsBothThresholds(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("cmp");
        CliRun r = CliRun.of(args("sweep", out, "--no-camkii", "--compare-deterministic", "--seed", "3", "--param",
                "protocol.hfs_pulses=5,20,60"));
        assertEquals(0, r.exitCode(), r.err());
        JsonNode report = new ObjectMapper().readTree(out.resolve("threshold.json").toFile());
        for (String outcome : List.of("ltp", "ltd")) {
            JsonNode step = report.get("deterministic").get(outcome);
            assertTrue(step.get("threshold").isNumber() || step.get("reason").isTextual(), step.toString());
            assertEquals(0.0, step.get("width_10_90").asDouble());
            assertTrue(report.get("noise_effect").has(outcome), report.toString());
        }
        assertTrue(r.out().contains("noise vs deterministic limit"), r.out());
    }

    /** experiment frequency-response --deterministic: 0/1 per frequency, the same bytes for any seed. */
    @Test
    void frequencyResponseInTheDeterministicLimit(@TempDir Path dir) throws Exception {
        String[] small = {"experiment", "frequency-response", "--deterministic", "--frequencies", "1,20,100",
            "--spines", "4", "--set", "protocol.lfs_pulses=30", "--set", "protocol.after_ms=200"};
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, CliRun.of(Stream.concat(Stream.of(small), Stream.of("--seed", "1", "--out", a.toString()))
                .toArray(String[]::new)).exitCode());
        assertEquals(0, CliRun.of(Stream.concat(Stream.of(small), Stream.of("--seed", "9", "--threads", "2", "--out",
                b.toString())).toArray(String[]::new)).exitCode());
        assertArrayEquals(Files.readAllBytes(a.resolve("frequency_response.csv")),
                Files.readAllBytes(b.resolve("frequency_response.csv")));
        for (String row : Files.readAllLines(a.resolve("frequency_response.csv")).subList(1, 4)) {
            double ltp = Double.parseDouble(row.split(",")[1]);
            assertTrue(ltp == 0.0 || ltp == 1.0, row);
        }
    }

    @Test
    void badInputIsOneLineExitTwoAndWritesNothing(@TempDir Path dir) throws Exception {
        String[][] cases = {
            {"run", "--scale", "-1"},
            {"run", "--scale", "0"},
            {"sweep", "--scale", "abc", "--param", "protocol.hfs_pulses=5,20"},
            {"run", "--scale", "NaN"},
            {"run", "--deterministic-sources", "release,glia"},
            {"sweep", "--deterministic-sources", "nmda,nmda", "--param", "protocol.hfs_pulses=5,20"},
            {"run", "--deterministic", "--deterministic-sources", "nmda"},
            {"run", "--deterministic", "--scale", "4"},
            {"sweep", "--compare-deterministic", "--param", "protocol.hfs_pulses=5,20", "--param",
                "release.probability=0.2,0.4"},
            {"sweep", "--compare-deterministic", "--deterministic", "--param", "protocol.hfs_pulses=5,20"},
            {"run", "--scale", "0.001"},
            {"run", "--deterministic", "--duration", "1min"},
            {"experiment", "rules", "--deterministic"},
            {"experiment", "frequency-response", "--scale", "x"},
        };
        String[] expected = {"--scale must be a number > 0: '-1'", "--scale must be a number > 0: '0'",
            "--scale must be a number > 0: 'abc'", "--scale must be a number > 0: 'NaN'",
            "unknown source 'glia' (known: release,ampa,nmda,camkii)", "source 'nmda' is named twice",
            "--deterministic makes every source mean-field, --deterministic-sources nmda",
            "--scale 4 has no effect with --deterministic", "--compare-deterministic needs exactly one --param",
            "drop --deterministic", "leaves release.sites = 1 with no unit", "not available with the expression",
            "--deterministic does not apply to experiment rules", "--scale must be a number > 0: 'x'"};
        for (int i = 0; i < cases.length; i++) {
            Path out = dir.resolve("out" + i);
            int head = cases[i][0].equals("experiment") ? 2 : 1; // the command (and experiment name)
            String[] a = Stream.concat(Stream.concat(Stream.of(cases[i]).limit(head), Stream.of("--out",
                    out.toString())), Stream.of(cases[i]).skip(head)).toArray(String[]::new);
            CliRun.assertRefused(out, expected[i], a);
        }
        assertEquals(0, dir.toFile().list().length, "nothing at all written in " + dir);
    }
}
