package org.ltpsim.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterSetTest {
    private static final String DEFAULTS = """
            [calcium]
            tau_extrusion_ms = { value = 14, unit = "ms", min = 1, max = 1000, source = "Sabatini 2002" }
            rest_micro_molar = { value = 0.07, unit = "uM", min = 0, max = 10, source = "Sabatini 2002" }
            [nmda]
            count = { value = 20, unit = "count", min = 0, max = 10000, source = "Rodrigues 2023" }
            """;

    private final ParameterSet defaults = ParameterSet.parseDefaults("test", DEFAULTS);

    @Test
    void readsValuesUnitsAndSources() {
        assertEquals(14.0, defaults.get("calcium.tau_extrusion_ms"));
        assertEquals("uM", defaults.parameter("calcium.rest_micro_molar").unit());
        assertEquals("Rodrigues 2023", defaults.parameter("nmda.count").source());
        assertEquals(20, defaults.getInt("nmda.count"));
    }

    @Test
    void overridesAcceptPlainNumbersAndTheDeclaredUnit() {
        assertEquals(12.0, defaults.with("calcium.tau_extrusion_ms", "12").get("calcium.tau_extrusion_ms"));
        assertEquals(12.5, defaults.with("calcium.tau_extrusion_ms", "12.5 ms").get("calcium.tau_extrusion_ms"));
        assertEquals(1e-3, defaults.with("calcium.rest_micro_molar", "1e-3").get("calcium.rest_micro_molar"));
        assertEquals(14.0, defaults.get("calcium.tau_extrusion_ms"), "the original set is unchanged");
    }

    @Test
    void badOverridesNameTheKeyAndValue() {
        assertMessage("unknown parameter 'calcium.tau'", () -> defaults.with("calcium.tau", "3"));
        assertMessage("calcium.tau_extrusion_ms = 3 s has the wrong unit 's': expected ms",
                () -> defaults.with("calcium.tau_extrusion_ms", "3 s"));
        assertMessage("calcium.tau_extrusion_ms = -3 ms is out of range: allowed 1 to 1000 ms",
                () -> defaults.with("calcium.tau_extrusion_ms", "-3"));
        assertMessage("nmda.count = many is not a number", () -> defaults.with("nmda.count", "many"));
        assertMessage("nmda.count = 2.5 must be a whole number",
                () -> defaults.with("nmda.count", "2.5").getInt("nmda.count"));
        assertMessage("is not a number", () -> defaults.with("nmda.count", "NaN"));
        assertMessage("is not a number", () -> defaults.with("nmda.count", "Infinity"));
        assertMessage("nmda.count = 1000000000 count is out of range: allowed 0 to 10000 count",
                () -> defaults.with("nmda.count", "1e9"));
    }

    @Test
    void unitsWithSymbolsAndSpacesAreAccepted() {
        ParameterSet camkii = ParameterSet.defaults("camkii");
        assertEquals(4.0, camkii.with("autophosphorylation.rate_hz", "4 /s").get("autophosphorylation.rate_hz"));
        ParameterSet spine = ParameterSet.defaults("spine");
        assertEquals(0.2, spine.with("rule.q_ltd_um_s", "0.2 uM s").get("rule.q_ltd_um_s"));
        assertMessage("wrong unit 'uM'", () -> spine.with("rule.q_ltd_um_s", "0.2 uM"));
    }

    @Test
    void unknownKeysSuggestTheNearestKnownOne() {
        assertMessage("unknown parameter 'nmda.cuont'; did you mean 'nmda.count'?",
                () -> defaults.with("nmda.cuont", "3"));
        assertMessage("did you mean 'calcium.rest_micro_molar'?", () -> defaults.get("nmda.rest_micro_molar"));
        assertMessage("unknown parameter 'nmda.bogus' in the test set (all keys: ltpsim params --set test)",
                () -> defaults.with("nmda.bogus", "3"));
        ParameterSet spine = ParameterSet.defaults("spine");
        assertMessage("unknown parameter 'cam.hill' in the spine set: it is a camkii parameter",
                () -> spine.with("cam.hill", "3"));
    }

    @Test
    void unchangedValuesKeepTheirSource() {
        assertTrue(defaults.with("nmda.count", "20") == defaults, "same value: same set");
        assertTrue(defaults.with("nmda.count", "21").parameter("nmda.count").source().startsWith("override"));
    }

    @Test
    void numbersAndRangesReadAsWritten() {
        assertEquals("5000", NumberText.of(5000.0));
        assertEquals("0.0001", NumberText.of(1e-4));
        assertEquals("1e-9", NumberText.of(1e-9));
        assertEquals("1.5e20", NumberText.of(1.5e20));
        assertEquals("0.5", NumberText.withUnit(0.5, "1"));
        assertEquals("0 to 10 uM", defaults.parameter("calcium.rest_micro_molar").rangeText());
        assertEquals("20 count", defaults.parameter("nmda.count").valueText());
    }

    @Test
    void overrideFileUsesSections(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.toml");
        Files.writeString(file, "[nmda]\ncount = 40\n[calcium]\ntau_extrusion_ms = \"20 ms\"\n");
        ParameterSet set = defaults.withOverridesFile(file);
        assertEquals(40, set.getInt("nmda.count"));
        assertEquals(20.0, set.get("calcium.tau_extrusion_ms"));

        Files.writeString(file, "[nmda]\ncounts = 40\n");
        assertMessage(file + ":2: unknown parameter 'nmda.counts'; did you mean 'nmda.count'?",
                () -> defaults.withOverridesFile(file));
        Files.writeString(file, "[nmda\ncount = 40\n");
        assertMessage(file + ":1:6: malformed TOML", () -> defaults.withOverridesFile(file));
    }

    @Test
    void defaultsWithoutSourceAreRefused() {
        assertMessage("lacks 'source'", () -> ParameterSet.parseDefaults("bad",
                "[a]\nb = { value = 1, unit = \"ms\", min = 0, max = 2 }\n"));
    }

    private static void assertMessage(String expectedPart, org.junit.jupiter.api.function.Executable executable) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
        assertTrue(e.getMessage().contains(expectedPart), () -> "message was: " + e.getMessage());
    }
}
