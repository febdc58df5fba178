package org.ltpsim.cli.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer that fails half-way: the earlier result stays as it was and the staging folder is gone. */
class OutputDirectoryTest {
    @TempDir
    Path dir;

    private List<String> siblings() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFailedWriteKeepsTheEarlierResultAndRemovesTheStagingFolder() throws IOException {
        Path out = dir.resolve("res");
        OutputDirectory.claim("--out", out, false).write(new Manifest("test", 1, 1),
                d -> Files.writeString(d.resolve("a.csv"), "first\n"));
        assertEquals("first\n", Files.readString(out.resolve("a.csv")));

        OutputDirectory again = OutputDirectory.claim("--out", out, true);
        IOException failure = assertThrows(IOException.class, () -> again.write(new Manifest("test", 2, 1), d -> {
            Files.writeString(d.resolve("a.csv"), "second, half-written");
            throw new IOException("disk full");
        }));
        assertEquals("disk full", failure.getMessage());
        assertEquals("first\n", Files.readString(out.resolve("a.csv")));
        assertEquals(List.of("res"), siblings());
        assertEquals(1, Manifest.json().readTree(out.resolve("manifest.json").toFile()).get("seed").asLong());
    }

    @Test
    void theManifestListsTheFilesAndReplacingRemovesOnlyThose() throws IOException {
        Path out = dir.resolve("res");
        OutputDirectory.claim("--out", out, false).write(new Manifest("test", 1, 1), d -> {
            Files.writeString(d.resolve("b.csv"), "b\n");
            Files.writeString(d.resolve("a.csv"), "a\n");
        });
        List<String> files = Manifest.json().convertValue(
                Manifest.json().readTree(out.resolve("manifest.json").toFile()).get("files"),
                Manifest.json().getTypeFactory().constructCollectionType(List.class, String.class));
        assertEquals(List.of("a.csv", "b.csv"), files);

        OutputDirectory.claim("--out", out, true).write(new Manifest("test", 2, 1),
                d -> Files.writeString(d.resolve("c.csv"), "c\n"));
        try (Stream<Path> list = Files.list(out)) {
            assertEquals(List.of("c.csv", "manifest.json"),
                    list.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(List.of("res"), siblings());
    }
}
