package org.ltpsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltpsim.cli.io.Manifest;
import org.ltpsim.sbml.DsmtsCase;

class SbmlCommandTest {
    @TempDir
    Path dir;


    private Path model(String caseName) throws IOException {
        Path file = dir.resolve(caseName + ".xml");
        Files.writeString(file, DsmtsCase.named(caseName).modelXml());
        return file;
    }

    @Test
    void oneAndTwoThreadsWriteByteIdenticalTablesAndAManifest() throws IOException {
        Path model = model("003-01");
        Path one = dir.resolve("one.csv");
        Path two = dir.resolve("two.csv");
        String[] common = {"sbml", model.toString(), "--replicates", "600", "--t-end", "50", "--dt-out", "1",
                "--method", "ssa", "--seed", "42"};
        assertEquals(0, Main.execute(concat(common, "--threads", "1", "--out", one.toString())));
        assertEquals(0, Main.execute(concat(common, "--threads", "2", "--out", two.toString())));
        byte[] oneBytes = Files.readAllBytes(one);
        assertArrayEquals(oneBytes, Files.readAllBytes(two), "threads 1 and 2 must give the same bytes");

        List<String> lines = Files.readAllLines(one);
        assertEquals("time,P_mean,P_sd,P2_mean,P2_sd", lines.get(0));
        assertEquals(52, lines.size(), "header + t = 0..50");
        assertEquals("0.0,100.0,0.0,0.0,0.0", lines.get(1));
        // The table is the model's: at t = 50 the mean of P is within 4 standard errors of the DSMTS value.
        String[] last = lines.get(51).split(",");
        double reference = DsmtsCase.named("003-01").referenceMean().get("P")[50];
        double referenceSd = DsmtsCase.named("003-01").referenceSd().get("P")[50];
        assertEquals(reference, Double.parseDouble(last[1]), 4 * referenceSd / Math.sqrt(600));

        JsonNode manifest = Manifest.json().readTree(dir.resolve("one.manifest.json").toFile());
        assertEquals(42, manifest.get("seed").asLong());
        assertEquals(1, manifest.get("threads").asInt());
        assertEquals("ssa", manifest.get("method").asText());
        assertEquals(600, manifest.get("replicates").asLong());
        assertFalse(manifest.get("algorithm").asText().isEmpty());
        assertEquals(Manifest.sha256(model), manifest.get("model_sha256").asText());
        assertTrue(manifest.get("wall_time_s").asDouble() > 0);
        assertFalse(manifest.get("version").asText().isEmpty());
    }

    @Test
    void tauLeapingRunsToo() throws IOException {
        Path out = dir.resolve("tau.csv");
        assertEquals(0, Main.execute("sbml", model("002-02").toString(), "--replicates", "200", "--t-end", "10",
                "--dt-out", "2", "--method", "tau", "--threads", "2", "--out", out.toString()));
        assertEquals(7, Files.readAllLines(out).size());
        assertEquals("tau", Manifest.json().readTree(dir.resolve("tau.manifest.json").toFile())
                .get("method").asText());
    }

    static Stream<String[]> badInputs() {
        return Stream.of(
                new String[] {"missing.xml", "", "model file not found"},
                new String[] {"malformed", "", "not well-formed"},
                new String[] {"unsupported", "", "rate rule"},
                new String[] {"negative", "", "propensity"},
                new String[] {"ok", "--replicates=0", "--replicates"},
                new String[] {"ok", "--dt-out=0", "--dt-out"},
                new String[] {"ok", "--dt-out=60", "--dt-out"},
                new String[] {"ok", "--dt-out=0.3", "multiple"},
                new String[] {"ok", "--method=euler", "--method"},
                new String[] {"ok", "--threads=0", "--threads"},
                new String[] {"ok", "--out=.", "--out"});
    }

    /** Model ("ok", "missing.xml", "malformed", "unsupported"), the bad argument, what the message names. */
    @Test
    void badInputGivesOneLineExitTwoAndNoOutput() throws IOException {
        Path ok = model("001-01");
        Path malformed = dir.resolve("malformed.xml");
        Files.writeString(malformed, "<sbml><model id=\"x\"><listOfSpecies>");
        Path unsupported = dir.resolve("unsupported.xml");
        Files.writeString(unsupported, DsmtsCase.named("001-01").modelXml().replace("</listOfParameters>",
                "</listOfParameters><listOfRules><rateRule variable=\"Mu\"><math "
                        + "xmlns=\"http://www.w3.org/1998/Math/MathML\"><cn>1</cn></math></rateRule></listOfRules>")
                .replace("id=\"Mu\" value=\"0.11\" constant=\"true\"", "id=\"Mu\" value=\"0.11\" constant=\"false\""));
        Path negative = dir.resolve("negative.xml"); // death law (Mu - 0.5) * X is negative
        Files.writeString(negative, DsmtsCase.named("001-01").modelXml().replaceFirst("<ci> Mu </ci>",
                "<apply><minus/><ci> Mu </ci><cn>0.5</cn></apply>"));
        for (String[] bad : badInputs().toList()) {
            Path model = switch (bad[0]) {
                case "ok" -> ok;
                case "malformed" -> malformed;
                case "unsupported" -> unsupported;
                case "negative" -> negative;
                default -> dir.resolve(bad[0]);
            };
            Path out = dir.resolve("bad.csv");
            String[] args = {"sbml", model.toString(), "--t-end", "50"};
            if (bad[1].equals("--out=.")) {
                args = concat(args, "--out=" + dir); // an existing directory
            } else {
                args = concat(args, "--out", out.toString());
                if (!bad[1].isEmpty()) {
                    args = concat(args, bad[1]);
                }
            }
            CliRun run = CliRun.of(args);
            assertEquals(Main.EXIT_BAD_INPUT, run.exitCode(), String.join(" ", args) + ": " + run.err());
            String firstLine = run.err().lines().findFirst().orElse("");
            assertTrue(firstLine.startsWith("ltpsim: error: ") && firstLine.contains(bad[2]),
                    bad[0] + " " + bad[1] + ": " + run.err());
            assertEquals(1, run.err().lines().count(), "one line: " + run.err());
            try (Stream<Path> files = Files.list(dir)) {
                List<String> names = files.map(p -> p.getFileName().toString()).toList();
                assertFalse(names.stream().anyMatch(n -> n.startsWith("bad") || n.startsWith(".bad")),
                        "nothing written for " + bad[0] + " " + bad[1] + ": " + names);
            }
        }
    }

    private static String[] concat(String[] head, String... tail) {
        return Stream.concat(Stream.of(head), Stream.of(tail)).toArray(String[]::new);
    }
}
