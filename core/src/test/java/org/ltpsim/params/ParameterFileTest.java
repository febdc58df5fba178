package org.ltpsim.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User parameter files: both forms of a key, and errors that name the file, the line and the key. */
class ParameterFileTest {
    private static final ParameterSet SPINE = ParameterSet.defaults("spine");
    private static final String NMDA_CHANNELS_LINE = "channels_per_spine = { value = 2, ";

    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        Path file = dir.resolve("mine.toml");
        Files.writeString(file, text);
        return file;
    }

    /** 1-based line of the first line starting with {@code prefix} after the header {@code [section]}. */
    private static int lineOf(String text, String section, String prefix) {
        List<String> lines = text.lines().toList();
        int header = lines.indexOf("[" + section + "]");
        for (int i = header + 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError(prefix + " not under [" + section + "]");
    }

    private void assertRefused(String text, ParameterSet set, String expected) throws Exception {
        Path file = write(text);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> set.withOverridesFile(file));
        assertEquals(file + ":" + expected, e.getMessage());
    }

    @Test
    void anUnchangedCopyOfEachShippedFileChangesNothing() throws Exception {
        for (String name : ParameterSet.shippedSetNames()) {
            ParameterSet defaults = ParameterSet.defaults(name);
            ParameterSet read = defaults.withOverridesFile(write(ParameterSet.defaultsText(name)));
            assertEquals(defaults.all(), read.all(), name);
        }
    }

    @Test
    void anEditedCopyChangesTheEditedValueOnly() throws Exception {
        String shipped = ParameterSet.defaultsText("spine");
        assertTrue(shipped.contains(NMDA_CHANNELS_LINE), "data/spine.toml still declares nmda channels this way");
        String edited = shipped.replace(NMDA_CHANNELS_LINE, "channels_per_spine = { value = 7, ")
                .replace("source = \"[M] 50 pS", "source = \"my own measurement, was [M] 50 pS");
        ParameterSet read = SPINE.withOverridesFile(write(edited));
        assertEquals(7, read.getInt("nmda.channels_per_spine"));
        assertEquals(100, read.getInt("ampa.channels_per_spine"), "same leaf name in [ampa]: untouched");
        assertEquals(SPINE.get("nmda.unitary_conductance_ps"), read.get("nmda.unitary_conductance_ps"),
                "an edited source is ignored");
        for (String key : SPINE.all().keySet()) {
            if (!key.equals("nmda.channels_per_spine")) {
                assertEquals(SPINE.get(key), read.get(key), key);
            }
        }
    }

    @Test
    void shortFullAndDottedFormsMix() throws Exception {
        ParameterSet read = SPINE.withOverridesFile(write("""
                release.probability = 0.3
                [nmda]
                channels_per_spine = 4
                mg_mm = "0.5 mM"
                [ampa]
                channels_per_spine = { value = 50 }
                unitary_conductance_ps = { value = 12, unit = "pS", source = "mine" }
                """));
        assertEquals(0.3, read.get("release.probability"));
        assertEquals(4, read.getInt("nmda.channels_per_spine"));
        assertEquals(0.5, read.get("nmda.mg_mm"));
        assertEquals(50, read.getInt("ampa.channels_per_spine"));
        assertEquals(12.0, read.get("ampa.unitary_conductance_ps"));
    }

    @Test
    void valueErrorsNameTheLineKeyValueUnitAndRange() throws Exception {
        String outOfRange = ParameterSet.defaultsText("spine")
                .replace("channels_per_spine = { value = 100,", "channels_per_spine = { value = 5000,");
        assertRefused(outOfRange, SPINE, lineOf(outOfRange, "ampa", "channels_per_spine")
                + ": ampa.channels_per_spine = 5000 count is out of range: allowed 0 to 1000 count");
        assertRefused("[nmda]\n\nmg_mm = \"lots\"\n", SPINE, "3: nmda.mg_mm = lots is not a number");
        assertRefused("[nmda]\nmg_mm = [1, 2]\n", SPINE, "2: nmda.mg_mm = [1,2] is not a number");
        assertRefused("[calcium]\nrest_um = 5e-2\nkappa = 2000\n", SPINE,
                "3: calcium.kappa = 2000 is out of range: allowed 0 to 1000");
        assertRefused("[glutamate]\ntau_ms = \"1 s\"\n", SPINE,
                "2: glutamate.tau_ms = 1 s has the wrong unit 's': expected ms");
    }

    @Test
    void aFullTableMayChangeOnlyItsValue() throws Exception {
        assertRefused("[glutamate]\ntau_ms = { value = 1, unit = \"s\", min = 0.1, max = 20, source = \"x\" }\n",
                SPINE, "2: glutamate.tau_ms has unit 's', but its unit is 'ms': units are fixed, give the value in ms");
        assertRefused("[glutamate]\ntau_ms = { value = 30, unit = \"ms\", min = 0.1, max = 50 }\n", SPINE,
                "2: glutamate.tau_ms has max = 50, but the allowed range is fixed at 0.1 to 20 ms: edit only the "
                        + "value (or delete min and max)");
        assertRefused("[glutamate]\ntau_ms = { vlaue = 1 }\n", SPINE,
                "2: glutamate.tau_ms has a field 'vlaue'; a parameter table has value, unit, min, max, source");
        assertRefused("[glutamate]\ntau_ms = { unit = \"ms\" }\n", SPINE,
                "2: glutamate.tau_ms has no value; write tau_ms = { value = ... } or just = ...");
    }

    @Test
    void unknownKeysSuggestTheFullKeyFromAnySection() throws Exception {
        assertRefused("[nmda]\nchanels_per_spine = 4\n", SPINE,
                "2: unknown parameter 'nmda.chanels_per_spine'; did you mean 'nmda.channels_per_spine'?");
        assertRefused("# my file\n[ampa]\nmg_mm = 2\n", SPINE,
                "3: unknown parameter 'ampa.mg_mm'; did you mean 'nmda.mg_mm'?");
        assertRefused("[spine]\nchannels_per_spine = 2\n", SPINE, "2: unknown parameter 'spine.channels_per_spine'; "
                + "did you mean 'ampa.channels_per_spine' or 'nmda.channels_per_spine'?");
        assertRefused("\nprobability = 0.3\n", SPINE, "2: 'probability' is outside any [section] (did you mean "
                + "'release.probability'?); write [section] then key = value");
    }

    @Test
    void aFileOfTheOtherSetIsNamedAsSuch() throws Exception {
        ParameterSet camkii = ParameterSet.defaults("camkii");
        String spineFile = ParameterSet.defaultsText("spine");
        assertRefused(spineFile, camkii, lineOf(spineFile, "release", "probability")
                + ": unknown parameter 'release.probability' in the camkii set: this looks like a spine parameter "
                + "file");
    }

    @Test
    void unreadableFilesSayWhy() throws Exception {
        Path missing = dir.resolve("nope.toml");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SPINE.withOverridesFile(missing));
        assertEquals(missing + ": no such file", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SPINE.withOverridesFile(dir));
        assertEquals(dir + ": is a directory, not a parameter file", e.getMessage());
        Path file = write("[nmda]\nmg_mm = 2\nchannels_per_spine = 3 count\n");
        e = assertThrows(IllegalArgumentException.class, () -> SPINE.withOverridesFile(file));
        assertTrue(e.getMessage().startsWith(file + ":3:24: malformed TOML: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(a value with its unit needs quotes: \"12 ms\")"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line");
    }
}
