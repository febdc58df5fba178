package org.ltpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltpsim.cli.io.Manifest;

/** The demo table as a reader sees it: columns explained, weak tetani explained, written with a manifest. */
class DemoCommandTest {
    @Test
    void theTableSaysWhatItsColumnsAreAndWhyAWeakTetanusReadsAsLtd(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("demo");
        CliRun run = CliRun.of("demo", "--threads", "2", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        String printed = run.out();
        assertTrue(printed.contains("Columns: n = spines measured; LTP / LTD / none = fractions of them by the "
                + "calcium rule"), printed);
        assertTrue(printed.contains("Ca uM = mean over spines of each spine's own peak"), printed);
        List<String> weak = printed.lines().filter(l -> l.contains(" 5 of 100 spines tetanised")
                || l.contains("weak alone")).toList();
        assertEquals(2, weak.size(), printed);
        for (String row : weak) {
            assertTrue(row.contains("no LTP") && row.contains("moderate Ca, the rule's LTD band"), row);
        }
        assertTrue(printed.contains("peak of the mean trace"), "the trace peak is named as such");
        assertTrue(Files.readString(out.resolve("demo.txt")).contains("Coincidence"));
        assertEquals("ltpsim demo --threads 2 --out " + out,
                Manifest.json().readTree(out.resolve("manifest.json").toFile()).get("command").asText());
    }
}
