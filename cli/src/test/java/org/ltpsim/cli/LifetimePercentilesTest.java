package org.ltpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * summary.json's HdrHistogram percentiles of the switch lifetimes agree with the exact completed periods that
 * lifetimes.csv lists (to the histogram's 3 significant digits of milliseconds), and camkii-lifetime reports them
 * per holoenzyme number, counted as its table counts the ended periods.
 */
class LifetimePercentilesTest {
    private static final String[] PERCENTILES = {"p10_s", "p25_s", "median_s", "p75_s", "p90_s", "p99_s", "max_s"};

    @TempDir
    Path dir;

    @Test
    void camkiiPercentilesMatchTheExactDurations() throws Exception {
        Path out = dir.resolve("k");
        assertEquals(0, Main.execute("camkii", "--spines", "150", "--holoenzymes", "2", "--calcium", "const:0.1",
                "--t-end", "40000", "--dt-out", "2000", "--seed", "3", "--set", "switch.on_fraction=0.7", "--set",
                "switch.off_fraction=0.1", "--out", out.toString()));
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        List<String> rows = Files.readAllLines(out.resolve("lifetimes.csv"));
        for (String state : List.of("on", "off")) {
            double[] exact = rows.stream().skip(1).map(l -> l.split(","))
                    .filter(f -> f[0].equals(state) && f[2].equals("complete"))
                    .mapToDouble(f -> Double.parseDouble(f[1])).sorted().toArray();
            assertTrue(exact.length >= 20, state + ": enough completed periods to compare, " + exact.length);
            JsonNode lifetimes = summary.get(state + "_lifetimes");
            assertEquals(exact.length, lifetimes.get("completed").asInt());
            double[] at = {10, 25, 50, 75, 90, 99, 100};
            for (int i = 0; i < PERCENTILES.length; i++) {
                // HdrHistogram's percentile is the smallest recorded value with at least p% at or below it
                double expected = exact[Math.max(0, (int) Math.ceil(at[i] / 100 * exact.length) - 1)];
                double reported = lifetimes.get(PERCENTILES[i]).asDouble();
                assertEquals(expected, reported, 1e-3 * expected + 1e-3, state + " " + PERCENTILES[i] + " of "
                        + Arrays.toString(exact));
            }
        }
    }

    @Test
    void camkiiLifetimeReportsPercentilesPerHoloenzymeNumber() throws Exception {
        Path out = dir.resolve("life");
        assertEquals(0, Main.execute("experiment", "camkii-lifetime", "--holoenzymes", "1,2", "--spines", "8",
                "--t-end", "2000", "--out", out.toString()));
        JsonNode percentiles = new ObjectMapper().readTree(out.resolve("summary.json").toFile())
                .get("lifetime_percentiles");
        List<String> table = Files.readAllLines(out.resolve("camkii_lifetime.csv"));
        List<String> columns = List.of(table.get(0).split(","));
        assertEquals(2, percentiles.size());
        for (int r = 0; r < 2; r++) {
            String[] row = table.get(r + 1).split(",");
            JsonNode p = percentiles.get(r);
            assertEquals(row[columns.indexOf("holoenzymes")], p.get("holoenzymes").asText());
            // ON: every ended ON period began with a switch; OFF: the table also counts each spine's first OFF
            assertEquals(Long.parseLong(row[columns.indexOf("on_periods_ended")]), p.get("on").get("count").asLong());
            assertTrue(p.get("off").get("count").asLong() <= Long.parseLong(row[columns.indexOf("off_periods_ended")]));
            for (String state : List.of("on", "off")) {
                JsonNode s = p.get(state);
                if (s.get("count").asLong() > 0) {
                    for (int i = 1; i < PERCENTILES.length; i++) {
                        assertTrue(s.get(PERCENTILES[i - 1]).asDouble() <= s.get(PERCENTILES[i]).asDouble(), s
                                .toString());
                    }
                }
            }
        }
    }
}
