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
        assertMessage("wrong unit 's'", () -> defaults.with("calcium.tau_extrusion_ms", "3 s"));
        assertMessage("'calcium.tau_extrusion_ms' = -3.0 ms is out of range",
                () -> defaults.with("calcium.tau_extrusion_ms", "-3"));
        assertMessage("is not a number", () -> defaults.with("nmda.count", "many"));
        assertMessage("must be a whole number", () -> defaults.with("nmda.count", "2.5").getInt("nmda.count"));
        assertMessage("is not a number", () -> defaults.with("nmda.count", "NaN"));
        assertMessage("out of range", () -> defaults.with("nmda.count", "1e9"));
    }

    @Test
    void overrideFileUsesSections(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.toml");
        Files.writeString(file, "[nmda]\ncount = 40\n[calcium]\ntau_extrusion_ms = \"20 ms\"\n");
        ParameterSet set = defaults.withOverridesFile(file);
        assertEquals(40, set.getInt("nmda.count"));
        assertEquals(20.0, set.get("calcium.tau_extrusion_ms"));

        Files.writeString(file, "[nmda]\ncounts = 40\n");
        assertMessage("unknown parameter 'nmda.counts'", () -> defaults.withOverridesFile(file));
        Files.writeString(file, "[nmda\ncount = 40\n");
        assertMessage("cannot read parameter file", () -> defaults.withOverridesFile(file));
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
