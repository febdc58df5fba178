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

/**
 * {@code ltpsim sweep} end to end on small, short experiments (20-100 spines, 5-60 pulses, 100 ms after the last
 * pulse, no CaMKII unless the test is about it).
 */
class SweepCommandTest {
    private static final String[] SHORT = {"--no-camkii", "--set", "protocol.after_ms=100", "--seed", "3"};
    private static final String HEADER = "protocol.hfs_pulses,fraction_ltp,fraction_ltp_lo,fraction_ltp_hi,"
            + "fraction_ltd,fraction_ltd_lo,fraction_ltd_hi,fraction_none,net_plasticity,mean_peak_ca_uM,"
            + "q_max_p10_uM_s,q_max_p50_uM_s,q_max_p90_uM_s,spines,ltp_spines,ltd_spines";

    private static String[] sweep(Path out, String... extra) {
        return Stream.of(new String[] {"sweep", "--out", out.toString()}, SHORT, extra).flatMap(Stream::of)
                .toArray(String[]::new);
    }

    @Test
    void writesTheTableAndTheThresholdsTheSameForAnyThreadCount(@TempDir Path dir) throws Exception {
        String[] grid = {"--param", "protocol.hfs_pulses=5,20,60", "--spines", "20"};
        Path one = dir.resolve("one");
        assertEquals(0, Main.execute(sweep(one, Stream.concat(Stream.of(grid), Stream.of("--threads", "1"))
                .toArray(String[]::new))));
        List<String> csv = Files.readAllLines(one.resolve("sweep.csv"));
        assertEquals(HEADER, csv.get(0));
        assertEquals(4, csv.size(), "header + 3 grid points");
        assertTrue(csv.get(1).startsWith("5,") && csv.get(2).startsWith("20,") && csv.get(3).startsWith("60,"));
        for (String row : csv.subList(1, 4)) {
            String[] cells = row.split(",");
            double ltp = Double.parseDouble(cells[1]);
            double ltd = Double.parseDouble(cells[4]);
            double none = Double.parseDouble(cells[7]);
            assertEquals(1.0, ltp + ltd + none, 1e-5, row);
            assertTrue(Double.parseDouble(cells[2]) <= ltp && ltp <= Double.parseDouble(cells[3]), row);
            assertEquals(ltp - ltd, Double.parseDouble(cells[8]), 1e-5, row);
            assertEquals("20", cells[13]);
        }
        JsonNode threshold = new ObjectMapper().readTree(one.resolve("threshold.json").toFile());
        assertEquals("protocol.hfs_pulses", threshold.get("parameter").asText());
        assertEquals(3, threshold.get("grid_points").asInt());
        for (String outcome : new String[] {"ltp", "ltd"}) {
            JsonNode fit = threshold.get(outcome);
            assertTrue(fit.has("definition") && fit.has("threshold") && fit.has("threshold_ci95")
                    && fit.has("width_10_90") && fit.has("width_ci95") && fit.has("deviance"), fit.toString());
            assertTrue(fit.get("threshold").isNumber() || !fit.get("reason").isNull(),
                    "a threshold or the reason why not: " + fit);
        }
        assertTrue(threshold.get("ltd").get("definition").asText().contains("LTD or LTP"));
        assertFalse(threshold.has("camkii_on"), "no CaMKII fit with --no-camkii");
        JsonNode manifest = new ObjectMapper().readTree(one.resolve("manifest.json").toFile());
        assertEquals(List.of("sweep.csv", "sweep.png", "sweep.svg", "threshold.json"),
                List.of(new ObjectMapper().convertValue(manifest.get("files"), String[].class)));
        assertEquals(3, manifest.get("grid").get("protocol.hfs_pulses").size());
        assertTrue(manifest.get("random_numbers").asText().startsWith("common"));

        Path two = dir.resolve("two");
        assertEquals(0, Main.execute(sweep(two, Stream.concat(Stream.of(grid), Stream.of("--threads", "2"))
                .toArray(String[]::new))));
        assertArrayEquals(Files.readAllBytes(one.resolve("sweep.csv")), Files.readAllBytes(two.resolve("sweep.csv")));
        assertArrayEquals(Files.readAllBytes(one.resolve("threshold.json")),
                Files.readAllBytes(two.resolve("threshold.json")));
    }

    /**
     * Sweeping the LTP criterion itself leaves every spine's calcium unchanged (common random numbers: the same
     * trajectories at every point), so P(LTP) falls with it and the threshold is the median Q_max; --refine adds
     * points around it until the interval is narrower than 0.05 uM s (the four-point grid alone gives an interval
     * of 0.07-0.1 wide, depending on the trajectories, so at least one round is needed).
     */
    @Test
    void refinesTheGridNearTheThreshold(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("refined");
        assertEquals(0, Main.execute(sweep(out, "--param", "rule.q_ltp_um_s=0.2:0.8:4", "--refine", "0.05",
                "--spines", "100", "--set", "protocol.hfs_pulses=20", "--threads", "2")));
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertTrue(csv.get(0).endsWith(",refine_round"), csv.get(0));
        assertTrue(csv.size() > 5, "refinement added rows: " + csv);
        assertTrue(csv.get(5).endsWith(",1"), "a row of round 1: " + csv.get(5));
        JsonNode threshold = new ObjectMapper().readTree(out.resolve("threshold.json").toFile());
        assertTrue(threshold.get("rounds").asInt() >= 1);
        JsonNode ltp = threshold.get("ltp");
        assertEquals("falls with the parameter", ltp.get("direction").asText());
        double width = ltp.get("threshold_ci95").get(1).asDouble() - ltp.get("threshold_ci95").get(0).asDouble();
        assertEquals(threshold.get("refined").asBoolean(), width < 0.05, "refined says whether the target was met");
        assertTrue(threshold.get("refine").get("stopped_because").isTextual());
    }

    @Test
    void gridsOfSeveralKeysAndCamkiiColumns(@TempDir Path dir) throws Exception {
        Path grid = dir.resolve("grid");
        assertEquals(0, Main.execute(sweep(grid, "--param", "protocol.hfs_pulses=5,10", "--param",
                "release.probability=0.3,0.6", "--spines", "10", "--threads", "2")));
        List<String> csv = Files.readAllLines(grid.resolve("sweep.csv"));
        assertTrue(csv.get(0).startsWith("protocol.hfs_pulses,release.probability,fraction_ltp,"));
        assertEquals(List.of("5,0.3", "5,0.6", "10,0.3", "10,0.6"),
                csv.subList(1, 5).stream().map(r -> r.split(",")[0] + "," + r.split(",")[1]).toList());
        assertFalse(Files.exists(grid.resolve("threshold.json")), "thresholds are fitted for one --param only");

        // the base alone breaks rule.q_ltd_um_s <= rule.q_ltp_um_s (0.6 by default); every grid point is valid
        Path completed = dir.resolve("completed");
        assertEquals(0, Main.execute(sweep(completed, "--set", "rule.q_ltd_um_s=0.7", "--param",
                "rule.q_ltp_um_s=0.8,0.9", "--spines", "5", "--set", "protocol.hfs_pulses=5")));
        JsonNode manifest = new ObjectMapper().readTree(completed.resolve("manifest.json").toFile());
        assertEquals(0.7, manifest.get("parameters").get("rule.q_ltd_um_s").asDouble());

        Path camkii = dir.resolve("camkii");
        assertEquals(0, Main.execute("sweep", "--out", camkii.toString(), "--seed", "3", "--spines", "5",
                "--set", "protocol.hfs_pulses=5", "--set", "protocol.after_ms=100", "--param",
                "camkii.holoenzyme.per_spine=2,4"));
        List<String> rows = Files.readAllLines(camkii.resolve("sweep.csv"));
        assertTrue(rows.get(0).startsWith("camkii.holoenzyme.per_spine,fraction_ltp,"));
        assertTrue(rows.get(0).contains(",fraction_camkii_on,fraction_camkii_on_lo,fraction_camkii_on_hi,"
                + "fraction_camkii_ltp,"), rows.get(0));
        JsonNode threshold = new ObjectMapper().readTree(camkii.resolve("threshold.json").toFile());
        assertTrue(threshold.has("camkii_on"));
    }

    /** --out is claimed before the sweep runs: a folder ltpsim did not write is refused untouched; --force replaces. */
    @Test
    void outIsClaimedLikeEveryCommand(@TempDir Path dir) throws Exception {
        Path foreign = dir.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        TreeSnapshot before = TreeSnapshot.of(dir);
        String[] grid = {"--param", "protocol.hfs_pulses=5,10", "--spines", "5", "--threads", "1"};
        assertEquals(2, Main.execute(sweep(foreign, grid)));
        assertEquals(before, TreeSnapshot.of(dir));
        Path earlier = dir.resolve("earlier");
        assertEquals(0, Main.execute(sweep(earlier, grid)));
        assertEquals(2, Main.execute(sweep(earlier, grid)), "an earlier result needs --force");
        assertEquals(0, Main.execute(sweep(earlier, Stream.concat(Stream.of(grid), Stream.of("--force"))
                .toArray(String[]::new))));
    }

    @Test
    void badInputIsOneLineExitTwoAndNothingWritten(@TempDir Path dir) throws Exception {
        String[][] cases = {
            {"--param", "nmda.chanels_per_spine=1,2"},
            {"--param", "protocol.hfs_pulses="},
            {"--param", "protocol.hfs_pulses=5,x"},
            {"--param", "protocol.hfs_pulses=5:60:1"},
            {"--param", "protocol.hfs_pulses=5:60:2.5"},
            {"--param", "protocol.hfs_pulses=5:5:3"},
            {"--param", "protocol.hfs_pulses=5:60"},
            {"--param", "release.probability=0.5,1.5"},
            {"--param", "protocol.hfs_pulses=5,7.5"},
            {"--param", "protocol.hfs_pulses=5:60:4"},
            {"--param", "protocol.hfs_pulses=5,5"},
            {"--param", "protocol.hfs_pulses=5"},
            {"--param", "holoenzyme.per_spine=2,4"},
            {"--param", "camkii.holoenzyme.per_spine=2,4"},
            {"--param", "protocol.lfs_pulses=5,10"},
            {"--param", "protocol.hfs_pulses=5,10", "--param", "protocol.hfs_pulses=20,30"},
            {"--param", "protocol.hfs_pulses=5,10", "--set", "protocol.hfs_pulses=7"},
            {"--param", "protocol.hfs_pulses=5,10", "--param", "release.probability=0.3,0.6", "--refine", "2"},
            {"--param", "protocol.hfs_pulses=5,10", "--refine", "0"},
            {"--param", "protocol.hfs_pulses=5,10", "--streams", "shared"},
            {"--param", "rule.q_ltp_um_s=0.1,0.5"},
            {"--param", "nmda.mg_mm=0,1", "--mg", "2"},
        };
        String[] expected = {"unknown parameter 'nmda.chanels_per_spine'; did you mean 'nmda.channels_per_spine'",
            "no values", "'x' is not a number", "N = 1 grid points is not a sweep", "N = '2.5' must be a whole number",
            "START and STOP are both 5", "a range is START:STOP:N", "out of range", "whole number (unit count)",
            "(STOP - START) / (N - 1) is whole", "5 is listed twice", "one value is not a sweep",
            "sweep CaMKII keys as camkii.holoenzyme.per_spine", "CaMKII is off (--no-camkii)",
            "does not change this experiment", "is given twice", "also fixed by --set", "--refine needs exactly one",
            "--refine WIDTH must be a number > 0", "--streams must be common or independent",
            "rule.q_ltd_um_s must be <= rule.q_ltp_um_s", "also fixed by --mg"};
        for (int i = 0; i < cases.length; i++) {
            Path out = dir.resolve("out" + i);
            CliRun.assertRefused(out, expected[i], sweep(out, Stream.concat(Stream.of(cases[i]),
                    Stream.of("--spines", "5")).toArray(String[]::new)));
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "no partial directories");
        }
    }
}
