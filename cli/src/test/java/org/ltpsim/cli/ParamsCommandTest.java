package org.ltpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ltpsim.params.NumberText;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.params.ParameterSet.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ltpsim params}, and parameter files given to {@code run --params} and {@code camkii --params}. */
class ParamsCommandTest {
    private static final String NMDA_CHANNELS = "channels_per_spine = { value = 2, ";
    private static final String AMPA_CHANNELS = "channels_per_spine = { value = 100, ";

    @TempDir
    Path dir;

    private static CliRun execute(String... args) {
        return CliRun.of(args);
    }

    /** The shipped data/spine.toml, as a user would copy it. */
    private static String shippedSpineToml() throws Exception {
        try (InputStream in = ParamsCommandTest.class.getResourceAsStream("/data/spine.toml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** 1-based line of the first line starting with {@code prefix} under {@code [section]}. */
    private static int lineOf(String text, String section, String prefix) {
        List<String> lines = text.lines().toList();
        for (int i = lines.indexOf("[" + section + "]") + 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError(prefix + " not under [" + section + "]");
    }

    private static String[] shortRun(Path params, Path out, String... extra) {
        String[] base = {"run", "--params", params.toString(), "--spines", "10", "--set", "protocol.hfs_pulses=10",
            "--set", "protocol.after_ms=100", "--no-camkii", "--out", out.toString()};
        return Stream.of(base, extra).flatMap(Stream::of).toArray(String[]::new);
    }

    @Test
    void anEditedCopyOfSpineTomlRunsViaParams() throws Exception {
        String shipped = shippedSpineToml();
        assertTrue(shipped.contains(NMDA_CHANNELS), "data/spine.toml declares nmda.channels_per_spine = 2");
        Path copy = dir.resolve("spine.toml");
        Files.writeString(copy, shipped.replace(NMDA_CHANNELS, "channels_per_spine = { value = 7, "));
        Path out = dir.resolve("r");
        CliRun result = execute(shortRun(copy, out));
        assertEquals(0, result.exitCode(), result.errLine());
        JsonNode parameters = new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).get("parameters");
        assertEquals(7.0, parameters.get("nmda.channels_per_spine").asDouble());
        assertEquals(100.0, parameters.get("ampa.channels_per_spine").asDouble(), "[ampa] has the same name");
        assertEquals(10.0, parameters.get("protocol.hfs_pulses").asDouble(), "--set applies after the file");
    }

    @Test
    void listCoversEveryKeyOfBothSets() {
        CliRun listed = execute("params", "--list");
        assertEquals(0, listed.exitCode(), listed.errLine());
        assertEquals(listed.out(), execute("params").out(), "no option lists");
        List<String> lines = listed.out().lines().toList();
        for (String setName : ParameterSet.shippedSetNames()) {
            ParameterSet set = ParameterSet.defaults(setName);
            for (String key : set.values().keySet()) {
                Parameter p = set.parameter(key);
                String row = lines.stream().filter(line -> line.startsWith(key + " ")).findFirst()
                        .orElseThrow(() -> new AssertionError(setName + " key missing: " + key));
                String[] fields = row.split("\\s{2,}", 5);
                assertEquals(NumberText.of(p.value()), fields[1], row);
                assertEquals(p.unit(), fields[2], row);
                assertEquals(NumberText.of(p.min()) + " to " + NumberText.of(p.max()), fields[3], row);
                assertEquals(p.source(), fields[4], row);
            }
        }
        CliRun camkiiOnly = execute("params", "--set", "camkii");
        assertTrue(camkiiOnly.out().contains("\ncam.hill "), camkiiOnly.out());
        assertFalse(camkiiOnly.out().contains("release.probability"), "spine keys only in the spine set");
    }

    @Test
    void showPrintsOneKeyInFullAndSuggestsForUnknownKeys() {
        CliRun shown = execute("params", "--show", "nmda.mg_mm");
        assertEquals(0, shown.exitCode(), shown.errLine());
        Parameter mg = ParameterSet.defaults("spine").parameter("nmda.mg_mm");
        assertTrue(shown.out().startsWith("nmda.mg_mm (spine set, data/spine.toml)"), shown.out());
        assertTrue(shown.out().contains("value:  1 mM"), shown.out());
        assertTrue(shown.out().contains("range:  0 to 10 mM"), shown.out());
        assertTrue(shown.out().contains("source: " + mg.source()), shown.out());

        CliRun typo = execute("params", "--show", "nmda.mg_m");
        assertEquals(2, typo.exitCode());
        assertEquals("ltpsim: error: unknown parameter 'nmda.mg_m'; did you mean 'nmda.mg_mm'?", typo.errLine());
        CliRun otherSet = execute("params", "--set", "camkii", "--show", "nmda.mg_mm");
        assertEquals(2, otherSet.exitCode());
        assertTrue(otherSet.errLine().contains("in the camkii set: it is a spine parameter"), otherSet.errLine());
        CliRun badSet = execute("params", "--set", "spines");
        assertEquals(2, badSet.exitCode());
        assertEquals("ltpsim: error: --set spines: unknown parameter set (known: spine, camkii, expression)", badSet.errLine());
        assertEquals(2, execute("params", "--list", "--show", "nmda.mg_mm").exitCode(), "one action at a time");
    }

    @Test
    void writeMakesACopyThatParamsAcceptsUnchangedAndNeverOverwrites() throws Exception {
        Path file = dir.resolve("new/folder/mine.toml");
        CliRun written = execute("params", "--write", file.toString());
        assertEquals(0, written.exitCode(), written.errLine());
        assertTrue(written.out().contains("ltpsim run --params " + file), written.out());
        String text = Files.readString(file);
        assertTrue(text.startsWith("# An editable copy of ltpsim's spine parameters"), text);
        ParameterSet read = org.ltpsim.cli.spine.SpineParameterOptions.parameters(file, List.of(), null, true);
        assertEquals(ParameterSet.defaults("spine").all(), read.all(), "the copy as written changes nothing");
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            assertEquals(List.of(file), siblings.toList(), "no temporary sibling left");
        }

        Files.writeString(file, "[nmda]\nmg_mm = 2\n");
        CliRun refused = execute("params", "--write", file.toString(), "--set", "camkii");
        assertEquals(2, refused.exitCode());
        assertEquals("ltpsim: error: --write '" + file + "' exists; ltpsim does not overwrite it: give a new file "
                + "name or move the old file away", refused.errLine());
        assertEquals("[nmda]\nmg_mm = 2\n", Files.readString(file), "untouched");

        Path camkii = dir.resolve("camkii.toml");
        assertEquals(0, execute("params", "--set", "camkii", "--write", camkii.toString()).exitCode());
        ParameterSet camkiiDefaults = ParameterSet.defaults("camkii");
        assertEquals(camkiiDefaults.all(), camkiiDefaults.withOverridesFile(camkii).all());
    }

    @Test
    void badParameterFilesAreOneLineNamingFileLineAndKeyAndWriteNothing() throws Exception {
        String shipped = shippedSpineToml();
        Path file = dir.resolve("mine.toml");
        int ampaLine = lineOf(shipped, "ampa", "channels_per_spine");
        int nmdaLine = lineOf(shipped, "nmda", "channels_per_spine");
        String[][] cases = {
            {shipped.replace(AMPA_CHANNELS, "channels_per_spine = { value = 5000, "),
                file + ":" + ampaLine + ": ampa.channels_per_spine = 5000 count is out of range: allowed 0 to 1000 "
                        + "count"},
            {shipped.replace(NMDA_CHANNELS, "channels_per_spine = { value = \"two\", "),
                file + ":" + nmdaLine + ": nmda.channels_per_spine = two is not a number"},
            {shipped.replace(NMDA_CHANNELS + "unit = \"count\"", NMDA_CHANNELS + "unit = \"1\""),
                file + ":" + nmdaLine + ": nmda.channels_per_spine has unit '1', but its unit is 'count'"},
            {"[nmda]\nchanels_per_spine = 4\n",
                file + ":2: unknown parameter 'nmda.chanels_per_spine'; did you mean 'nmda.channels_per_spine'?"},
            {"[ampa]\nmg_mm = 2\n", file + ":2: unknown parameter 'ampa.mg_mm'; did you mean 'nmda.mg_mm'?"},
            {"[nmda]\nmg_mm = 2\n[nmda\n", file + ":3:6: malformed TOML: "},
        };
        for (int i = 0; i < cases.length; i++) {
            Files.writeString(file, cases[i][0]);
            Path out = dir.resolve("out" + i);
            CliRun result = execute(shortRun(file, out));
            assertEquals(2, result.exitCode(), "case " + i + ": " + result.errLine());
            assertTrue(result.errLine().startsWith("ltpsim: error: " + cases[i][1]), "case " + i + ": " + result.errLine());
            assertEquals(1, result.errLine().lines().count(), "one line: " + result.errLine());
            assertFalse(Files.exists(out), "nothing written, case " + i);
        }

        Path missing = dir.resolve("nope.toml");
        CliRun noFile = execute(shortRun(missing, dir.resolve("out-missing")));
        assertEquals(2, noFile.exitCode());
        assertEquals("ltpsim: error: " + missing + ": no such file", noFile.errLine());
        assertFalse(Files.exists(dir.resolve("out-missing")));

        Files.writeString(file, shipped);
        Path camkiiOut = dir.resolve("out-camkii");
        CliRun wrongSet = execute("camkii", "--params", file.toString(), "--spines", "1", "--t-end", "1",
                "--out", camkiiOut.toString());
        assertEquals(2, wrongSet.exitCode());
        assertEquals("ltpsim: error: " + file + ":" + lineOf(shipped, "release", "probability") + ": unknown "
                + "parameter 'release.probability' in the camkii set: this looks like a spine parameter file",
                wrongSet.errLine());
        assertFalse(Files.exists(camkiiOut));
    }
}
