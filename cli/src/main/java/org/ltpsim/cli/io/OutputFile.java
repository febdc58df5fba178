package org.ltpsim.cli.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;

/**
 * A result table with its manifest beside it ({@code run.csv} and {@code run.manifest.json}), claimed before the
 * simulation starts. An existing table or manifest is replaced only when {@code --force} is given and the manifest
 * is ltpsim's and names that table; anything else is refused untouched (exit 2). Both files are written to hidden
 * siblings first and renamed into place.
 */
public final class OutputFile {
    private final String option;
    private final Path raw;
    private final Path table;
    private final Path manifestFile;
    private final boolean force;

    private OutputFile(String option, Path raw, Path table, Path manifestFile, boolean force) {
        this.option = option;
        this.raw = raw;
        this.table = table;
        this.manifestFile = manifestFile;
        this.force = force;
    }

    /** Something that writes the table into the given (temporary) file. */
    @FunctionalInterface
    public interface Writer {
        void write(Path file) throws IOException;
    }

    /** Checks the table path and its manifest path now, before any work is done. */
    public static OutputFile claim(String option, Path raw, boolean force) {
        Path table = OutputGuard.checkedAbsolute(option, raw);
        Path manifestFile = manifestPath(table);
        OutputFile out = new OutputFile(option, raw, table, manifestFile, force);
        out.checkReplaceable();
        return out;
    }

    /** {@code run.csv} -> {@code run.manifest.json}; a name without {@code .csv} gets the suffix appended. */
    public static Path manifestPath(Path table) {
        String name = table.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4)
                : name;
        return table.resolveSibling(stem + ".manifest.json");
    }

    public Path table() {
        return table;
    }

    public Path manifest() {
        return manifestFile;
    }

    /** Writes the table and then the manifest (with the table's SHA-256), each through a temporary sibling. */
    public void write(Manifest manifest, Writer writer) throws IOException {
        checkReplaceable();
        Files.createDirectories(table.getParent());
        Path tableStaging = TemporarySibling.createFile(table);
        try (TemporarySibling.CleanupOnExit tableCleanup = TemporarySibling.cleanupOnExit(tableStaging)) {
            writer.write(tableStaging);
            TemporarySibling.sync(tableStaging);
            manifest.put("output", table.getFileName().toString())
                    .put("output_sha256", Manifest.sha256(tableStaging));
            Path manifestStaging = TemporarySibling.createFile(manifestFile);
            try (TemporarySibling.CleanupOnExit manifestCleanup = TemporarySibling.cleanupOnExit(manifestStaging)) {
                manifest.write(manifestStaging);
                TemporarySibling.sync(manifestStaging);
                replace(tableStaging, table);
                tableCleanup.keep();
                replace(manifestStaging, manifestFile);
                manifestCleanup.keep();
            }
        }
    }

    private void checkReplaceable() {
        String shown = raw.toString();
        for (Path path : new Path[] {table, manifestFile}) {
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                throw OutputGuard.refuse(option, shown, (path == table ? "is a directory" : "has a directory "
                        + "where its manifest goes (" + path.getFileName() + ")") + "; give a file name such as "
                        + "results.csv");
            }
            if (Files.isSymbolicLink(path)) {
                throw OutputGuard.refuse(option, shown, path.getFileName() + " is a symbolic link; give a new file name");
            }
        }
        boolean tableExists = Files.exists(table, LinkOption.NOFOLLOW_LINKS);
        boolean manifestExists = Files.exists(manifestFile, LinkOption.NOFOLLOW_LINKS);
        if (!tableExists && !manifestExists) {
            return;
        }
        Optional<JsonNode> previous = OutputGuard.ltpsimManifest(manifestFile);
        boolean ours = previous.isPresent()
                && table.getFileName().toString().equals(previous.get().path("output").asText());
        if (!ours) {
            throw OutputGuard.refuse(option, shown, (tableExists ? "exists" : "has a file " + manifestFile.getFileName()
                    + " beside it") + " and was not written by ltpsim; not replacing it: give a new file name");
        }
        if (!force) {
            throw OutputGuard.refuse(option, shown, "holds an earlier ltpsim result; add --force to replace it, "
                    + "or give a new file name");
        }
    }

    private static void replace(Path staging, Path target) throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
