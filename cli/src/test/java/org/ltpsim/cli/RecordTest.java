package org.ltpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ltpsim run --record SPINES --record-every MS}, the calcium envelope columns and q_max.png. */
class RecordTest {
    private static final String[] SHORT = {"--spines", "20", "--seed", "3", "--set", "protocol.hfs_pulses=10",
        "--set", "protocol.after_ms=100"};
    private static final String HEADER = "spine,pathway,time_ms,ca_uM,q_uM_s,v_mV,camkii_phosphorylated_fraction,"
            + "ampa_open,nmda_open";

    private static String[] args(Path out, String... extra) {
        return Stream.of(new String[] {"run", "--out", out.toString()}, SHORT, extra).flatMap(Stream::of)
                .toArray(String[]::new);
    }


    /** traces.csv rows per spine id, header excluded. */
    private static Map<String, List<String[]>> rowsBySpine(Path csv) throws Exception {
        Map<String, List<String[]>> rows = new HashMap<>();
        for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
            String[] f = line.split(",", -1);
            rows.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
        }
        return rows;
    }

    private static Map<String, String[]> spinesCsv(Path csv) throws Exception {
        Map<String, String[]> rows = new HashMap<>();
        for (String line : Files.readAllLines(csv)) {
            rows.put(line.split(",")[0], line.split(","));
        }
        return rows;
    }

    @Test
    void recordWritesTracesAndChangesNothingElse(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("plain");
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        assertEquals(0, Main.execute(args(plain, "--pathway", "B:none:5")));
        CliRun r = CliRun.of(args(two, "--pathway", "B:none:5", "--record", "0,5,10-12,22", "--record-every", "0.5",
                "--threads", "2"));
        assertEquals(0, r.exitCode(), r.errLine());
        assertTrue(r.out().contains("results in"), r.out());
        assertEquals(0, Main.execute(args(one, "--pathway", "B:none:5", "--record", "0,5,10-12,22",
                "--record-every", "0.5", "--threads", "1")));

        assertEquals(Files.readAllLines(plain.resolve("spines.csv")), Files.readAllLines(two.resolve("spines.csv")),
                "recording changes no result");
        assertEquals(Files.readAllLines(plain.resolve("calcium.csv")), Files.readAllLines(two.resolve("calcium.csv")));
        assertEquals(Files.readAllLines(one.resolve("traces.csv")), Files.readAllLines(two.resolve("traces.csv")),
                "the same traces on 1 and 2 threads");

        List<String> lines = Files.readAllLines(two.resolve("traces.csv"));
        assertEquals(HEADER, lines.get(0));
        Map<String, List<String[]>> rows = rowsBySpine(two.resolve("traces.csv"));
        assertEquals(java.util.Set.of("0", "5", "10", "11", "12", "22"), rows.keySet());
        double endMs = new ObjectMapper().readTree(two.resolve("summary.json").toFile()).get("simulated_ms").asDouble();
        int samples = (int) Math.floor(endMs / 0.5 + 1e-9) + 1;
        Map<String, String[]> spines = spinesCsv(two.resolve("spines.csv"));
        for (Map.Entry<String, List<String[]>> e : rows.entrySet()) {
            List<String[]> spine = e.getValue();
            assertEquals(samples, spine.size(), "spine " + e.getKey());
            for (int k = 0; k < spine.size(); k++) {
                assertEquals(k * 0.5, Double.parseDouble(spine.get(k)[2]), 1e-9, "time of sample " + k);
            }
            assertEquals(spines.get(e.getKey())[2], spine.get(0)[1], "pathway of spine " + e.getKey());
            // the last sample is the end of the run: Q there is q_end of spines.csv, printed the same way
            assertEquals(spines.get(e.getKey())[6], spine.get(spine.size() - 1)[4], "q_end of spine " + e.getKey());
        }
        assertPng(two.resolve("traces.png"));
        assertPng(two.resolve("q_max.png"));
        JsonNode manifest = new ObjectMapper().readTree(two.resolve("manifest.json").toFile());
        assertTrue(manifest.get("files").toString().contains("traces.csv"), manifest.get("files").toString());
        assertTrue(manifest.get("command").asText().contains("--record 0,5,10-12,22 --record-every 0.5"));

        assertFalse(Files.exists(plain.resolve("traces.csv")), "no --record, no traces");
        assertFalse(Files.exists(plain.resolve("traces.png")));
        assertPng(plain.resolve("q_max.png"));
    }

    @Test
    void fineSamplingSeesThePeakAndNoCamkiiDropsItsColumn(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("fine");
        assertEquals(0, Main.execute(args(out, "--record", "0-3", "--record-every", "0.05", "--no-camkii")));
        List<String> lines = Files.readAllLines(out.resolve("traces.csv"));
        assertEquals(HEADER.replace("camkii_phosphorylated_fraction,", ""), lines.get(0));
        Map<String, String[]> spines = spinesCsv(out.resolve("spines.csv"));
        for (Map.Entry<String, List<String[]>> e : rowsBySpine(out.resolve("traces.csv")).entrySet()) {
            double peak = e.getValue().stream().mapToDouble(f -> Double.parseDouble(f[3])).max().orElseThrow();
            // every step end is a sample at the fast step, and calcium is monotone within a step
            assertEquals(Double.parseDouble(spines.get(e.getKey())[4]), peak, 1e-12, "peak_ca_uM of spine " + e.getKey());
            assertEquals(8, e.getValue().get(0).length);
        }
    }

    @Test
    void calciumCsvKeepsItsColumnsAndAddsTheBinEnvelope(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("env");
        assertEquals(0, Main.execute(args(out, "--pathway", "B:none:5")));
        List<String> lines = Files.readAllLines(out.resolve("calcium.csv"));
        assertEquals("time_ms,A_mean_uM,A_sd_uM,B_mean_uM,B_sd_uM,A_bin_min_uM,A_bin_max_uM,B_bin_min_uM,B_bin_max_uM",
                lines.get(0));
        boolean wider = false;
        for (String line : lines.subList(1, lines.size())) {
            double[] v = Stream.of(line.split(",")).mapToDouble(Double::parseDouble).toArray();
            assertTrue(v[5] <= v[1] && v[1] <= v[6], "A: min <= mean <= max at " + line);
            assertTrue(v[7] <= v[3] && v[3] <= v[8], "B: min <= mean <= max at " + line);
            wider |= v[6] > v[1];
        }
        assertTrue(wider, "some bin's envelope is above its sampled mean");
    }

    @Test
    void badRecordRequestsAreOneLineExitTwoAndNothingWritten(@TempDir Path dir) throws Exception {
        String[][] cases = {
            {"--record", "20"},
            {"--record", "0,x"},
            {"--record", "5-2"},
            {"--record", "-1"},
            {"--record", "0", "--record-every", "0"},
            {"--record", "0", "--record-every", "-1"},
            {"--record", "0", "--record-every", "0.03"},
            {"--record-every", "1"},
            {"--record", "0-19", "--record-every", "0.05", "--set", "protocol.after_ms=10000"},
        };
        String[] expected = {
            "--record: spine 20 does not exist (this run has spines 0-19)",
            "--record: 'x' is not a spine id",
            "--record: range '5-2' is empty",
            "--record: '-1' is not a spine id",
            "--record-every must be > 0 ms: 0",
            "--record-every must be > 0 ms: -1",
            "--record-every 0.03 ms is not a whole number of time steps (timestep.fast_ms = 0.05 ms)",
            "--record-every 1 needs --record SPINES",
            "would keep 4,040,020 samples (at most 2,000,000)", // 20 spines x (10,100 ms / 0.05 ms + 1)
        };
        for (int i = 0; i < cases.length; i++) {
            Path out = dir.resolve("out" + i);
            CliRun.assertRefused(out, expected[i], args(out, cases[i]));
        }
        // not a number: picocli's own message names the option and value
        CliRun r = CliRun.of(args(dir.resolve("nan"), "--record", "0", "--record-every", "fast"));
        assertEquals(2, r.exitCode());
        assertTrue(r.errLine().contains("--record-every") && r.errLine().contains("fast"), r.errLine());
        assertFalse(Files.exists(dir.resolve("nan")));
    }

    private static void assertPng(Path file) throws Exception {
        byte[] png = Files.readAllBytes(file);
        assertTrue(png.length > 1000, file + " has " + png.length + " bytes");
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }
}
