package org.ltpsim.cli.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.ltpsim.cli.UserInputException;

/**
 * A text file written where nothing exists yet, for files users go on to edit (such as {@code ltpsim params
 * --write}): never replaces anything, even with a race. The path obeys {@link OutputGuard}'s rules; missing parent
 * folders are created; the text goes to a hidden sibling first and is linked into place, so the file appears whole
 * or not at all.
 */
public final class NewTextFile {
    private NewTextFile() {}

    /** Writes {@code text} to {@code raw}, or refuses with one line naming {@code option} and the path (exit 2). */
    public static void write(String option, Path raw, String text) throws IOException {
        Path target = OutputGuard.checkedAbsolute(option, raw);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw exists(option, raw);
        }
        Files.createDirectories(target.getParent());
        Path staging = TemporarySibling.createFile(target);
        try (TemporarySibling.CleanupOnExit cleanup = TemporarySibling.cleanupOnExit(staging)) {
            Files.writeString(staging, text);
            TemporarySibling.sync(staging);
            linkIntoPlace(option, raw, staging, target);
            // the staging name is removed on close; the target keeps the data
        }
    }

    /** A hard link fails when the target exists (rename would replace it); where links are unsupported, move. */
    private static void linkIntoPlace(String option, Path raw, Path staging, Path target) throws IOException {
        try {
            Files.createLink(target, staging);
        } catch (FileAlreadyExistsException e) {
            throw exists(option, raw);
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw exists(option, raw);
            }
            TemporarySibling.move(staging, target);
        }
    }

    private static UserInputException exists(String option, Path raw) {
        return OutputGuard.refuse(option, raw.toString(), "exists; ltpsim does not overwrite it: give a new file name "
                + "or move the old file away");
    }
}
