package org.ltpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltpsim.Version;
import org.ltpsim.cli.io.Manifest;

/** What a user reads: the readouts per pathway, undecided verdicts, refused inputs, and the shared conventions. */
class ReadoutsAndConventionsTest {
    private static final String[] SHORT_HFS = {"--set", "protocol.hfs_pulses=10", "--set", "protocol.after_ms=100"};

    @TempDir
    Path dir;

    private static CliRun ltpsim(String... args) {
        return CliRun.of(args);
    }

    private static String[] join(String[]... parts) {
        return Stream.of(parts).flatMap(Stream::of).toArray(String[]::new);
    }

    private static JsonNode json(Path file) throws IOException {
        return Manifest.json().readTree(file.toFile());
    }

    /** Exit 2, one line naming the offending value, and no output folder. */
    private void assertRefused(Path out, String expected, String... args) {
        CliRun run = ltpsim(args);
        assertEquals(2, run.exitCode(), String.join(" ", args) + ": " + run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(Files.exists(out), "nothing written for " + String.join(" ", args));
    }

    /**
     * A full HFS latches the CaMKII switch in most spines (1.00 of 100 in the demo), but a run that ends 1 s after
     * the train cannot tell whether it stays ON for the 30 s of the criterion: the summary says undecided (null,
     * with bounds and the reason), never 0. Run 31 s longer and it is decided.
     */
    @Test
    void lastingCamkiiPotentiationIsUndecidedUntilTheRunIsLongEnough() throws IOException {
        Path shortRun = dir.resolve("short");
        CliRun run = ltpsim("run", "--spines", "20", "--seed", "2", "--out", shortRun.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode camkii = json(shortRun.resolve("summary.json")).get("pathways").get(0).get("camkii");
        assertTrue(camkii.get("fraction_on_at_end").asDouble() > 0.5, camkii.toString());
        assertTrue(camkii.get("fraction_ltp").isNull(), camkii.toString());
        assertTrue(camkii.get("undecided_spines").asInt() > 0);
        assertTrue(camkii.get("undecided_reason").asText().contains("--set protocol.after_ms=31000"));
        assertTrue(camkii.get("fraction_ltp_at_most").asDouble() >= camkii.get("fraction_on_at_end").asDouble());
        assertTrue(run.out().contains("lasting (ON >= 30 s) undecided"), run.out());
        assertTrue(Files.readString(shortRun.resolve("spines.csv")).contains(",true,undecided"));

        Path longRun = dir.resolve("long");
        assertEquals(0, ltpsim("run", "--spines", "20", "--seed", "2", "--set", "protocol.after_ms=31000", "--out",
                longRun.toString()).exitCode());
        JsonNode decided = json(longRun.resolve("summary.json")).get("pathways").get(0).get("camkii");
        assertTrue(decided.get("fraction_ltp").isNumber(), decided.toString());
        assertFalse(decided.has("undecided_reason"));
    }

    /**
     * The T286A mutant: the calcium rule, which reads calcium only, still says LTP, while no switch turns ON. The
     * console shows both readouts for the pathway and says that they disagree and why, with no bare "LTP" headline.
     */
    @Test
    void t286aShowsBothReadoutsAndTheirDisagreement() {
        // 100 coactive spines: the calcium rule gives LTP in most of them (with 20, in 0-2 depending on the random
        // trajectories, and the disagreement line may be missing), the T286A switch in none
        CliRun run = ltpsim("run", "--spines", "100", "--seed", "2", "--mutant", "t286a", "--out",
                dir.resolve("t286a").toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("run: 100 spines on 1 branch,"), lines.get(0));
        assertTrue(lines.get(1).startsWith("pathway A: hfs, 100 pulses, 100 spines"), run.out());
        assertTrue(lines.get(2).contains("calcium rule (Q_max):  LTP"), run.out());
        assertTrue(lines.get(3).contains("CaMKII switch (T286A mutant):  ON at end 0.000; lasting (ON >= 30 s) 0.000"),
                run.out());
        assertTrue(lines.get(4).contains("the readouts disagree for")
                && lines.get(4).contains("cannot see the T286A mutation"), run.out());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("LTP")), run.out());
    }

    @Test
    void eachPathwayIsReportedOnItsOwn() throws IOException {
        Path out = dir.resolve("two");
        CliRun run = ltpsim(join(new String[] {"run", "--spines", "10", "--pathway", "ctrl:none:5", "--no-camkii",
            "--out", out.toString()}, SHORT_HFS));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("pathway ctrl: none, 0 pulses, 5 spines (not stimulated: a control)"),
                run.out());
        JsonNode summary = json(out.resolve("summary.json"));
        assertFalse(summary.has("fraction_ltp"), "no fraction pooled across pathways");
        assertEquals(2, summary.get("pathways").size());
    }

    @Test
    void refusesRunsThatStimulateNothingAndAmbiguousPathways() throws IOException {
        Path out = dir.resolve("out");
        assertRefused(out, "no pathway is stimulated", "run", "--protocol", "none", "--out", out.toString());
        assertRefused(out, "the name 'A' is taken", "run", "--pathway", "A:none:5", "--out", out.toString());
        assertRefused(out, "the name 'B' is taken", "run", "--pathway", "B:none:5", "--pathway", "B:lfs:5",
                "--out", out.toString());
        assertRefused(out, "must start with a letter", "run", "--pathway", "B,x:none:5", "--out", out.toString());
        assertRefused(out, "must start with a letter", "run", "--pathway", "B/x:none:5", "--out", out.toString());
        Path times = dir.resolve("times.txt");
        Files.writeString(times, "10 20 30\n");
        assertRefused(out, "both set pathway A's input", "run", "--protocol", "lfs", "--spike-times",
                times.toString(), "--out", out.toString());
        assertRefused(out, "no such file", "run", "--spike-times", dir.resolve("missing.txt").toString(), "--out",
                out.toString());
        assertRefused(out, "--threads 100000 is more than ltpsim will start", "run", "--threads", "100000", "--out",
                out.toString());
        assertRefused(out, "--threads must be at least 1: 0", "camkii", "--threads", "0", "--out", out.toString());
    }

    /** A file that states its unit is read in it; times that look like seconds read as ms draw a warning. */
    @Test
    void spikeTimeFilesStateTheirUnit() throws IOException {
        Path seconds = dir.resolve("seconds.txt");
        Files.writeString(seconds, "# unit: s\n0.01 0.02 0.03\n");
        Path out = dir.resolve("s");
        CliRun run = ltpsim("run", "--spike-times", seconds.toString(), "--spines", "5", "--no-camkii", "--set",
                "protocol.after_ms=100", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode summary = json(out.resolve("summary.json"));
        assertEquals(130.0, summary.get("simulated_ms").asDouble(), 1e-9, "last spike at 30 ms + 100 ms");
        assertEquals("file:seconds.txt, times in s (from file)",
                json(out.resolve("manifest.json")).get("pathway_inputs").get("A").asText());
        assertFalse(run.err().contains("warning"), run.err());

        Path unstated = dir.resolve("unstated.txt");
        Files.writeString(unstated, "0.01 0.02 0.03\n");
        CliRun guessed = ltpsim("run", "--spike-times", unstated.toString(), "--spines", "5", "--no-camkii", "--set",
                "protocol.after_ms=100", "--out", dir.resolve("ms").toString());
        assertEquals(0, guessed.exitCode());
        assertTrue(guessed.err().contains("ltpsim: warning: spike times in " + unstated + " look like seconds"),
                guessed.err());

        CliRun asSeconds = ltpsim("run", "--spike-times", unstated.toString(), "--spike-times-unit", "s", "--spines",
                "5", "--no-camkii", "--set", "protocol.after_ms=100", "--out", dir.resolve("s2").toString());
        assertEquals(0, asSeconds.exitCode(), asSeconds.err());
        assertEquals(130.0, json(dir.resolve("s2/summary.json")).get("simulated_ms").asDouble(), 1e-9);
    }

    /** {@code camkii --calcium file:} reads the calcium.csv that {@code run} wrote, column by column. */
    @Test
    void camkiiReadsTheCalciumTableThatRunWrites() throws IOException {
        Path spines = dir.resolve("spines");
        assertEquals(0, ltpsim(join(new String[] {"run", "--spines", "10", "--pathway", "B:none:3", "--no-camkii",
            "--out", spines.toString()}, SHORT_HFS)).exitCode());
        List<String> table = Files.readAllLines(spines.resolve("calcium.csv"));
        assertTrue(table.get(0).startsWith("time_ms,A_mean_uM,A_sd_uM,B_mean_uM"), table.get(0));
        Path kinase = dir.resolve("kinase");
        CliRun run = ltpsim("camkii", "--spines", "2", "--holoenzymes", "2", "--t-end", "0.2", "--dt-out", "0.01",
                "--calcium", "file:" + spines.resolve("calcium.csv"), "--out", kinase.toString());
        assertEquals(0, run.exitCode(), run.err());
        // calcium.csv rows are ms; the camkii time course is sampled at whole 10 ms and must hold the A column there
        List<String> course = Files.readAllLines(kinase.resolve("timecourse.csv"));
        for (String row : course.subList(1, course.size())) {
            String[] f = row.split(",");
            double tMs = Double.parseDouble(f[0]) * 1000;
            String expected = table.stream().skip(1).filter(r -> Math.abs(Double.parseDouble(r.split(",")[0]) - tMs)
                    < 1e-6).findFirst().orElseThrow().split(",")[1];
            assertEquals(Double.parseDouble(expected), Double.parseDouble(f[1]), 1e-6 * Double.parseDouble(expected),
                    row);
        }
        CliRun columnB = ltpsim("camkii", "--spines", "2", "--holoenzymes", "2", "--t-end", "0.2", "--dt-out", "0.1",
                "--calcium",
                "file:" + spines.resolve("calcium.csv") + "@B_mean_uM", "--out", dir.resolve("kb").toString());
        assertEquals(0, columnB.exitCode(), columnB.err());
        CliRun noColumn = ltpsim("camkii", "--t-end", "0.2", "--dt-out", "0.1", "--calcium", "file:" + spines.resolve("calcium.csv")
                + "@C_mean_uM", "--out", dir.resolve("kc").toString());
        assertEquals(2, noColumn.exitCode());
        assertTrue(noColumn.err().contains("no calcium column 'C_mean_uM'"), noColumn.err());
    }

    /**
     * The inhibitor and the mutant model different things: during a calcium pulse the T286A mutant's
     * calmodulin-bound subunits are active kinases, while a complete inhibitor leaves no kinase activity.
     */
    @Test
    void inhibitorAndT286aDifferInKinaseActivity() throws IOException {
        double[] activity = new double[2];
        String[][] variants = {{"--mutant", "t286a"}, {"--inhibitor"}};
        for (int v = 0; v < 2; v++) {
            Path out = dir.resolve("v" + v);
            assertEquals(0, ltpsim(join(new String[] {"camkii", "--spines", "4", "--holoenzymes", "4", "--t-end",
                "2", "--dt-out", "0.5", "--calcium", "pulse:5,0,2", "--out", out.toString()}, variants[v]))
                    .exitCode());
            List<String> rows = Files.readAllLines(out.resolve("timecourse.csv"));
            String[] header = rows.get(0).split(",");
            int column = List.of(header).indexOf("kinase_activity");
            activity[v] = Double.parseDouble(rows.get(2).split(",")[column]); // t = 0.5 s, inside the pulse
        }
        assertTrue(activity[0] > 0.1, "T286A: calmodulin-bound subunits are active, " + activity[0]);
        assertEquals(0.0, activity[1], "a complete inhibitor blocks all kinase activity");
        String help = ltpsim("camkii", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("Threonine 286 cannot be phosphorylated")
                && help.contains("catalytic-site CaMKII inhibitor"), help);
    }

    @Test
    void versionAndTheExactCommandLineInEveryManifest() throws IOException {
        for (String flag : new String[] {"-V", "--version"}) {
            CliRun run = ltpsim(flag);
            assertEquals(0, run.exitCode());
            assertEquals("ltpsim " + Version.get(), run.out().strip());
        }
        Path out = dir.resolve("cmd run");
        String[] args = join(new String[] {"run", "--spines", "3", "--no-camkii", "--out", out.toString()},
                SHORT_HFS);
        assertEquals(0, ltpsim(args).exitCode());
        assertEquals("ltpsim run --spines 3 --no-camkii --out '" + out + "' --set protocol.hfs_pulses=10 --set "
                + "protocol.after_ms=100", json(out.resolve("manifest.json")).get("command").asText());
        assertEquals(Runtime.getRuntime().availableProcessors(),
                json(out.resolve("manifest.json")).get("threads").asInt(), "all processors by default");

        Path camkii = dir.resolve("k");
        assertEquals(0, ltpsim("camkii", "--spines", "2", "--t-end", "1", "--out", camkii.toString()).exitCode());
        assertEquals("ltpsim camkii --spines 2 --t-end 1 --out " + camkii,
                json(camkii.resolve("manifest.json")).get("command").asText());
    }

    /** Every command offers --threads with the same default and description. */
    @Test
    void everyCommandDescribesTheSameThreadDefault() {
        List<String> missing = new ArrayList<>();
        for (String command : new String[] {"run", "camkii", "sbml", "demo", "sweep"}) {
            String help = ltpsim(command, "--help").out().replaceAll("\\s+", " ");
            if (!help.contains("worker threads (default: all available processors")) {
                missing.add(command);
            }
        }
        assertEquals(List.of(), missing);
    }
}
