package org.ltpsim.cli.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import org.ltpsim.cli.UserInputException;

/**
 * The rules every output path obeys before ltpsim writes anything, shared by {@link OutputDirectory} and
 * {@link OutputFile}: never the empty path, the file-system root, the home folder, the current folder or one above
 * it, or a repository root; never through a symbolic link; never into something that is not a folder.
 * Each refusal is one line naming the option, the path and what to do instead (exit 2).
 */
final class OutputGuard {
    private OutputGuard() {}

    /** The absolute, normalised form of {@code raw}, after the checks that do not depend on what is there. */
    static Path checkedAbsolute(String option, Path raw) {
        String text = raw == null ? "" : raw.toString();
        if (text.isBlank()) {
            throw refuse(option, text, "is empty; give the name of a new directory, e.g. " + option + " runs/hfs");
        }
        Path absolute = raw.toAbsolutePath().normalize();
        Path real = realPathOfExistingPart(absolute);
        if (absolute.getParent() == null || real.getParent() == null) {
            throw refuse(option, text, "is the file-system root; ltpsim never writes there");
        }
        String home = System.getProperty("user.home");
        if (home != null && !home.isBlank() && realPathOfExistingPart(Path.of(home).toAbsolutePath()).equals(real)) {
            throw refuse(option, text, "is your home folder; give a new directory inside it");
        }
        Path cwd = realPathOfExistingPart(Path.of("").toAbsolutePath());
        if (cwd.startsWith(real)) {
            throw refuse(option, text, "is the current folder or one above it; give a new directory inside it, e.g. "
                    + option + " runs/NAME");
        }
        if (Files.exists(real.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
            throw refuse(option, text, "is the root of a repository; give a new directory inside it");
        }
        if (Files.isSymbolicLink(absolute)) {
            throw refuse(option, text, "is a symbolic link; ltpsim does not write through links: give the real path");
        }
        Path ancestor = absolute.getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor != null && !Files.isDirectory(ancestor)) {
            throw refuse(option, text, "cannot be created: " + ancestor + " is a file, not a folder");
        }
        return absolute;
    }

    /**
     * The real path of the longest existing prefix of {@code absolute}, with the rest appended, so that
     * {@code a/link/..} and links to protected folders are judged by where they lead.
     */
    static Path realPathOfExistingPart(Path absolute) {
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }

    /** The manifest at {@code file} when it is one that ltpsim wrote ({@code "tool": "ltpsim"}), else empty. */
    static Optional<JsonNode> ltpsimManifest(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            JsonNode node = Manifest.json().readTree(file.toFile());
            return node != null && "ltpsim".equals(node.path("tool").asText()) ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static UserInputException refuse(String option, String path, String reason) {
        return new UserInputException(option + " '" + path + "' " + reason);
    }
}
