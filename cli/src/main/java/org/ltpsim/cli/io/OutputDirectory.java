package org.ltpsim.cli.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ltpsim.cli.UserInputException;

/**
 * A command's output directory, claimed before the simulation starts and written whole or not at all.
 *
 * <p>The target may be a new path, an empty folder, or (with {@code --force}) a folder that an earlier ltpsim run
 * wrote: its {@code manifest.json} says {@code "tool": "ltpsim"} and lists every file, and the folder holds nothing
 * else. Anything else is refused with one line and exit 2, untouched (see {@link OutputGuard} for the paths that
 * are never written). Results go to a hidden sibling created in this run, which is renamed into place when complete;
 * a replaced result is removed file by file, only the files its manifest lists, never recursively.
 */
public final class OutputDirectory {
    public static final String MANIFEST = "manifest.json";

    private final String option;
    private final Path raw;
    private final Path target;
    private final boolean force;
    private final boolean parquet;

    private OutputDirectory(String option, Path raw, Path target, boolean force, boolean parquet) {
        this.option = option;
        this.raw = raw;
        this.target = target;
        this.force = force;
        this.parquet = parquet;
    }

    /** Something that fills the temporary directory with the command's files (the manifest is added after). */
    @FunctionalInterface
    public interface Writer {
        void write(Path directory) throws IOException;
    }

    /** Checks {@code raw} now, so that a bad path fails before any work is done. */
    public static OutputDirectory claim(String option, Path raw, boolean force) {
        Path target = OutputGuard.checkedAbsolute(option, raw);
        OutputDirectory out = new OutputDirectory(option, raw, target, force, false);
        out.previousResult();
        return out;
    }

    /** The same directory, its tables written as {@code format} says ({@code --format}; checked now). */
    public OutputDirectory tables(TableFormat format) {
        return new OutputDirectory(option, raw, target, force, format.parquet());
    }

    /** The absolute path the results will have. */
    public Path path() {
        return target;
    }

    /**
     * Runs {@code writer} in a new hidden sibling directory (then rewrites its tables as Parquet if asked), adds
     * {@code manifest} (with the list of files), and renames the directory into place, replacing an earlier ltpsim
     * result when {@code --force} allowed it.
     */
    public void write(Manifest manifest, Writer writer) throws IOException {
        Optional<Set<String>> previous = previousResult(); // the folder may have changed during the run
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path staging = TemporarySibling.createDirectory(target);
        try (TemporarySibling.CleanupOnExit cleanup = TemporarySibling.cleanupOnExit(staging)) {
            writer.write(staging);
            if (parquet) {
                ParquetTables.convertAll(staging);
            }
            List<String> files = listFiles(staging);
            manifest.put("files", files).write(staging.resolve(MANIFEST));
            TemporarySibling.syncAll(staging, files);
            if (previous.isPresent()) {
                Path aside = TemporarySibling.reserve(target, "old");
                TemporarySibling.move(target, aside);
                TemporarySibling.move(staging, target);
                removeOldResult(aside, previous.get());
            } else {
                TemporarySibling.move(staging, target);
            }
            cleanup.keep();
        }
    }

    /**
     * Empty when the target is new or an empty folder; the files of an earlier ltpsim result that may be replaced;
     * otherwise a refusal.
     */
    private Optional<Set<String>> previousResult() {
        String shown = raw.toString();
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw OutputGuard.refuse(option, shown, "is an existing file; ltpsim writes a directory and will not "
                    + "replace a file: give a new directory name");
        }
        List<String> entries = entries(target);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        Optional<JsonNode> manifest = OutputGuard.ltpsimManifest(target.resolve(MANIFEST));
        if (manifest.isEmpty()) {
            throw OutputGuard.refuse(option, shown, "is a folder that is not empty and is not an ltpsim result; "
                    + "ltpsim leaves it alone: give a new directory name");
        }
        if (!force) {
            throw OutputGuard.refuse(option, shown, "holds an earlier ltpsim result; add --force to replace it, "
                    + "or give a new directory name");
        }
        Set<String> written = new HashSet<>();
        manifest.get().path("files").forEach(f -> written.add(f.asText()));
        written.add(MANIFEST);
        for (String entry : entries) {
            Path path = target.resolve(entry);
            if (!written.contains(entry) || !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                throw OutputGuard.refuse(option, shown, "holds '" + entry + "', which ltpsim did not write there; "
                        + "not replacing it even with --force: move it away or give a new directory name");
            }
        }
        return Optional.of(written);
    }

    private static void removeOldResult(Path aside, Set<String> written) throws IOException {
        for (String name : written) {
            Files.deleteIfExists(aside.resolve(name));
        }
        try {
            Files.delete(aside);
        } catch (IOException e) {
            System.err.println("ltpsim: warning: the earlier result was moved to " + aside
                    + " and could not be removed whole: " + e.getMessage());
        }
    }

    private static List<String> entries(Path dir) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            throw new UserInputException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        return names;
    }

    private static List<String> listFiles(Path dir) throws IOException {
        List<String> names = entries(dir);
        for (String name : names) {
            if (!Files.isRegularFile(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalStateException("output writers write plain files only: " + name);
            }
        }
        names.remove(MANIFEST);
        names.sort(null);
        return names;
    }
}
