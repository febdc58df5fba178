package org.ltpsim.parallel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A run's checkpoint: the accumulated results of its finished blocks, in a hidden sibling of its output,
 * {@code .NAME.ltpsim-checkpoint} (a name of its own: never one of the {@code .NAME.ltpsim-partial-*} staging
 * places that are removed when a run is stopped).
 *
 * <p>Each save writes a new file beside it ({@code .NAME.ltpsim-checkpoint.tmp-XXXXXXXX}), forces it to disk,
 * renames it over the checkpoint in one step and forces the folder, so that a run killed at any moment leaves the
 * previous checkpoint or the new one, never half of one. {@link #load} checks the file's checksum and that it
 * belongs to this run (see {@link PartialFile}).
 */
public final class Checkpoint {
    /** The file's purpose, as {@link PartialFile} records it. */
    public static final String PURPOSE = "checkpoint";
    private static final String SUFFIX = ".ltpsim-checkpoint";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Map<String, String> identity;

    /**
     * @param file where the checkpoint lives ({@link #beside})
     * @param identity what makes a checkpoint this run's (seed, version, parameter hash, shard, ...), in order
     */
    public Checkpoint(Path file, Map<String, String> identity) {
        this.file = file.toAbsolutePath();
        this.identity = new java.util.LinkedHashMap<>(identity);
    }

    /** The checkpoint of the output {@code output} (a folder or a file): {@code .NAME.ltpsim-checkpoint} beside it. */
    public static Path beside(Path output) {
        Path absolute = output.toAbsolutePath().normalize();
        return absolute.resolveSibling("." + absolute.getFileName() + SUFFIX);
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * The saved state, or empty when there is no checkpoint.
     *
     * @throws UnusableFileException when the file is cut short, altered or another run's
     */
    public <R, S> Optional<PartialFile.Contents<R, S>> load(BlockFold<R, S> fold, BlockCodec<R, S> codec)
            throws IOException {
        if (!exists()) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnusableFileException("checkpoint " + file + " is not a plain file");
        }
        return Optional.of(PartialFile.read(file, "checkpoint " + file, PURPOSE, identity, fold, codec));
    }

    /** Replaces the checkpoint with {@code partial} and the {@code ahead} blocks, atomically. */
    public <R, S> void save(Partial<R, S> partial, SortedMap<Integer, R> ahead, BlockCodec<R, S> codec)
            throws IOException {
        Path parent = file.getParent();
        Files.createDirectories(parent);
        Path temporary = createTemporary();
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                    OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                PartialFile.write(out, PURPOSE, identity, partial, ahead, codec);
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            forceDirectory(parent);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** Removes the checkpoint (after the run's output is written) and any temporary file a killed save left. */
    public void delete() throws IOException {
        Files.deleteIfExists(file);
        removeLeftovers();
    }

    /**
     * Removes the temporary files of saves that a killed run left beside the checkpoint (their names say they are
     * this checkpoint's; the checkpoint itself is untouched).
     */
    public void removeLeftovers() throws IOException {
        String prefix = file.getFileName() + ".tmp-";
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(file.getParent(),
                path -> path.getFileName().toString().startsWith(prefix))) {
            for (Path leftover : stream) {
                if (Files.isRegularFile(leftover, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(leftover);
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // no folder: nothing left over
        }
    }

    private Path createTemporary() throws IOException {
        while (true) {
            byte[] suffix = new byte[4];
            RANDOM.nextBytes(suffix);
            Path candidate = file.resolveSibling(file.getFileName() + ".tmp-" + HexFormat.of().formatHex(suffix));
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException raced) {
                // draw again
            }
        }
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; the rename itself is atomic
        }
    }
}
