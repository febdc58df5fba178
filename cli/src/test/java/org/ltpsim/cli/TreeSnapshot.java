package org.ltpsim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ltpsim.cli.io.Manifest;

/**
 * Every entry under a folder with its kind and content: a file's SHA-256, a link's target, a folder's permissions.
 * Two snapshots are equal only if nothing under the folder was added, removed or changed.
 */
record TreeSnapshot(Map<String, String> entries) {
    static TreeSnapshot of(Path root) {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(path -> entries.put(root.relativize(path).toString(), describe(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSnapshot(entries);
    }

    /** The top level of a folder only (for folders too large to hash, such as the file-system root). */
    static TreeSnapshot topLevel(Path root) {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> list = Files.list(root)) {
            list.forEach(path -> entries.put(path.getFileName().toString(),
                    Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "dir" : "other"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSnapshot(entries);
    }

    private static String describe(Path path) {
        try {
            if (Files.isSymbolicLink(path)) {
                return "link -> " + Files.readSymbolicLink(path);
            }
            if (Files.isDirectory(path)) {
                return "dir " + Files.getPosixFilePermissions(path);
            }
            return "file " + Manifest.sha256(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
