package org.ltpsim.parallel;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The binary file of a {@link Partial}: a shard's {@code partial.bin} and a run's checkpoint.
 *
 * <p>Layout: the magic {@code LTPSIMP1}, the file's purpose, the identity of the run (ordered key/value text: seed,
 * version, parameter hash, shard ...), the codec's format name, the partial, the results of finished blocks beyond
 * it (a checkpoint's "ahead" blocks), and last the SHA-256 of everything before it. A file that is cut short,
 * altered, of another format or of another run is refused with a {@link UnusableFileException} that says which.
 */
public final class PartialFile {
    private static final byte[] MAGIC = "LTPSIMP1".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST_BYTES = 32;
    private static final int MAX_TEXT_BYTES = 1 << 24;

    private PartialFile() {}

    /**
     * What a file holds.
     *
     * @param identity the run's identity as written
     * @param partial the accumulated blocks
     * @param ahead finished blocks beyond the partial, by block id
     */
    public record Contents<R, S>(Map<String, String> identity, Partial<R, S> partial, SortedMap<Integer, R> ahead) {}

    /** Writes the file (not atomically: callers write into a staging place and rename). */
    public static <R, S> void write(Path file, String purpose, Map<String, String> identity, Partial<R, S> partial,
            SortedMap<Integer, R> ahead, BlockCodec<R, S> codec) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file)) {
            write(raw, purpose, identity, partial, ahead, codec);
        }
    }

    static <R, S> void write(OutputStream raw, String purpose, Map<String, String> identity, Partial<R, S> partial,
            SortedMap<Integer, R> ahead, BlockCodec<R, S> codec) throws IOException {
        MessageDigest sha = sha256();
        BufferedOutputStream buffered = new BufferedOutputStream(raw, 1 << 16);
        DataOutputStream out = new DataOutputStream(new DigestOutputStream(buffered, sha));
        out.write(MAGIC);
        writeText(out, purpose);
        out.writeInt(identity.size());
        for (Map.Entry<String, String> entry : identity.entrySet()) {
            writeText(out, entry.getKey());
            writeText(out, entry.getValue());
        }
        writeText(out, codec.format());
        partial.write(out, codec);
        out.writeInt(ahead.size());
        for (Map.Entry<Integer, R> entry : ahead.entrySet()) {
            out.writeInt(entry.getKey());
            codec.writeBlock(out, entry.getValue());
        }
        out.flush();
        buffered.write(sha.digest());
        buffered.flush();
    }

    /**
     * Reads and checks a file: its magic, purpose, format and checksum, and that its identity equals
     * {@code expected} key by key.
     *
     * @param shown how messages name the file
     * @throws UnusableFileException naming what is wrong
     */
    public static <R, S> Contents<R, S> read(Path file, String shown, String purpose, Map<String, String> expected,
            BlockFold<R, S> fold, BlockCodec<R, S> codec) throws IOException {
        checkChecksum(file, shown, purpose);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            in.readFully(new byte[MAGIC.length]);
            String actualPurpose = readText(in);
            if (!actualPurpose.equals(purpose)) {
                throw new UnusableFileException(shown + " is an ltpsim " + actualPurpose + " file, not a " + purpose);
            }
            Map<String, String> identity = new LinkedHashMap<>();
            int entries = in.readInt();
            if (entries < 0 || entries > 10_000) {
                throw new IOException("bad header of " + entries + " entries");
            }
            for (int i = 0; i < entries; i++) {
                identity.put(readText(in), readText(in));
            }
            String format = readText(in);
            if (!format.equals(codec.format())) {
                throw new UnusableFileException(shown + " holds " + format + " results; this run needs "
                        + codec.format());
            }
            checkIdentity(shown, identity, expected);
            Partial<R, S> partial = Partial.read(in, fold, codec);
            SortedMap<Integer, R> ahead = new TreeMap<>();
            int aheadCount = in.readInt();
            if (aheadCount < 0) {
                throw new IOException("bad block count " + aheadCount);
            }
            for (int i = 0; i < aheadCount; i++) {
                int block = in.readInt();
                ahead.put(block, codec.readBlock(in));
            }
            if (in.skipBytes(DIGEST_BYTES) != DIGEST_BYTES || in.read() != -1) {
                throw new IOException("its contents do not end at its checksum");
            }
            return new Contents<>(identity, partial, ahead);
        } catch (UnusableFileException | FileSystemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UnusableFileException(shown + " is corrupt (" + e.getMessage() + ")", e);
        }
    }

    /** The magic, and the SHA-256 of everything before the last 32 bytes against those bytes. */
    private static void checkChecksum(Path file, String shown, String purpose) throws IOException {
        long size = Files.size(file);
        if (size < MAGIC.length + DIGEST_BYTES) {
            throw new UnusableFileException(shown + " is truncated (" + size + " bytes) or not an ltpsim " + purpose
                    + " file");
        }
        MessageDigest sha = sha256();
        byte[] stored = new byte[DIGEST_BYTES];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new UnusableFileException(shown + " is not an ltpsim " + purpose + " file");
            }
            sha.update(magic);
            byte[] buffer = new byte[1 << 16];
            long left = size - DIGEST_BYTES - MAGIC.length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new UnusableFileException(shown + " changed while it was read");
                }
                sha.update(buffer, 0, n);
                left -= n;
            }
            if (in.readNBytes(stored, 0, DIGEST_BYTES) != DIGEST_BYTES) {
                throw new UnusableFileException(shown + " changed while it was read");
            }
        }
        if (!MessageDigest.isEqual(sha.digest(), stored)) {
            throw new UnusableFileException(shown + " is truncated or corrupt (its SHA-256 does not match its "
                    + "contents)");
        }
    }

    private static void checkIdentity(String shown, Map<String, String> actual, Map<String, String> expected) {
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            String there = actual.get(entry.getKey());
            if (!entry.getValue().equals(there)) {
                throw new UnusableFileException(shown + " belongs to another run: its " + entry.getKey() + " is "
                        + (there == null ? "missing" : "'" + there + "'") + ", this run's is '" + entry.getValue()
                        + "'");
            }
        }
    }

    static void writeText(DataOutput out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readText(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_TEXT_BYTES) {
            throw new UnusableFileException("bad text length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
