package org.ltpsim.cli.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * Hidden siblings ({@code .NAME.ltpsim-partial-XXXXXXXX}) that results are written into before being renamed into
 * place. They are created with the default permissions (the user's umask applies), get a random suffix so a
 * sibling left by a killed run never collides with a later one, and are removed on Ctrl-C or SIGTERM.
 */
final class TemporarySibling {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporarySibling() {}

    /** A path beside {@code target} that does not exist yet. */
    static Path reserve(Path target, String purpose) {
        Path parent = target.getParent();
        while (true) {
            byte[] suffix = new byte[4];
            RANDOM.nextBytes(suffix);
            Path candidate = parent.resolve("." + target.getFileName() + ".ltpsim-" + purpose + "-"
                    + HexFormat.of().formatHex(suffix));
            if (!Files.exists(candidate)) {
                return candidate;
            }
        }
    }

    /** A new, empty directory beside {@code target}, created in this run. */
    static Path createDirectory(Path target) throws IOException {
        while (true) {
            try {
                return Files.createDirectory(reserve(target, "partial"));
            } catch (FileAlreadyExistsException raced) {
                // another process took the name between the check and the creation: draw again
            }
        }
    }

    /** A new, empty file beside {@code target}, created in this run. */
    static Path createFile(Path target) throws IOException {
        while (true) {
            try {
                return Files.createFile(reserve(target, "partial"));
            } catch (FileAlreadyExistsException raced) {
                // draw again
            }
        }
    }

    /** Renames atomically; never replaces anything but an empty directory (which rename(2) allows). */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Flushes the files and the directory to disk, so a crash after the rename cannot leave empty files. */
    static void syncAll(Path dir, List<String> files) throws IOException {
        for (String name : files) {
            sync(dir.resolve(name));
        }
        sync(dir.resolve(OutputDirectory.MANIFEST));
        sync(dir);
    }

    static void sync(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (!Files.isDirectory(path)) {
                throw e; // some file systems cannot sync a directory; files must be synced
            }
        }
    }

    /** Removes {@code staging} (created in this run) unless {@link #keep()} is called, also on Ctrl-C / SIGTERM. */
    static CleanupOnExit cleanupOnExit(Path staging) {
        return new CleanupOnExit(staging);
    }

    static final class CleanupOnExit implements AutoCloseable {
        private final Path staging;
        private final Thread hook;
        private boolean keep;

        private CleanupOnExit(Path staging) {
            this.staging = staging;
            this.hook = new Thread(() -> deleteStaging(staging), "ltpsim-output-cleanup");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        /** The staging path has been renamed into place: nothing to remove. */
        void keep() {
            keep = true;
        }

        @Override
        public void close() {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                return; // the hook is running already
            }
            if (!keep) {
                deleteStaging(staging);
            }
        }
    }

    /** Deletes a staging file or directory that this run created (and so only holds files this run wrote). */
    static void deleteStaging(Path staging) {
        if (!Files.exists(staging)) {
            return;
        }
        try {
            Files.walkFileTree(staging, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the unfinished output " + staging, e);
        }
    }
}
