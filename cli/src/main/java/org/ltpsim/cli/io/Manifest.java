package org.ltpsim.cli.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ltpsim.Version;

/**
 * The record of how a result was made: command, seed, version, parameters (and their hash), threads, wall time.
 * Keys keep insertion order so manifests diff cleanly.
 */
public final class Manifest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Map<String, Object> entries = new LinkedHashMap<>();

    public Manifest(String command, long seed, int threads) {
        entries.put("tool", "ltpsim");
        entries.put("version", Version.get());
        entries.put("command", command);
        entries.put("seed", seed);
        entries.put("threads", threads);
        entries.put("java", Runtime.version().toString());
    }

    public Manifest put(String key, Object value) {
        entries.put(key, value);
        return this;
    }

    /** Adds the parameters and the SHA-256 of their canonical JSON form. */
    public Manifest parameters(Map<String, ?> parameters) {
        entries.put("parameters", parameters);
        entries.put("parameters_sha256", parametersSha256(parameters));
        return this;
    }

    /** The SHA-256 of the canonical JSON form of {@code parameters} (insertion order), as manifests record it. */
    public static String parametersSha256(Map<String, ?> parameters) {
        try {
            return sha256(JSON.writeValueAsBytes(parameters));
        } catch (IOException e) {
            throw new IllegalStateException("parameters are not serialisable", e);
        }
    }

    public Manifest wallTimeSec(double seconds) {
        entries.put("wall_time_s", seconds);
        return this;
    }

    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), entries);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }

    /** A shared JSON writer for summaries (pretty-printed, insertion order). */
    public static ObjectMapper json() {
        return JSON;
    }
}
