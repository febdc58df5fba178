package org.ltpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** {@code ltpsim demo --late-phase} (about a minute: full validation only; the experiments are core-tested). */
@EnabledIfSystemProperty(named = "ltpsim.fullValidation", matches = "true")
class DemoLatePhaseTest {
    @Test
    void latePhaseTableHasEveryExperiment() throws Exception {
        CliRun run = CliRun.of("demo", "--threads", "2", "--late-phase");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        for (String experiment : new String[] {"Strong tetanus", "Weak tetanus", "One train", "Actinomycin D",
            "Anisomycin", "T286A", "AP5", "LFS", "Tagging and capture", "Tagging + anisomycin", "Tagging, late B",
            "Metaplasticity"}) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(experiment)), experiment + " in " + lines);
        }
        String strong = lines.stream().filter(l -> l.startsWith("Strong tetanus")).findFirst().orElseThrow();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(-?\\d+\\.\\d)%").matcher(strong);
        double[] columns = new double[3];
        for (int k = 0; k < 3; k++) {
            assertTrue(m.find(), strong);
            columns[k] = Double.parseDouble(m.group(1));
        }
        assertTrue(columns[2] > 30, "strong tetanus at 3 h: " + strong);
    }
}
