package org.ltpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * {@code ltpsim ARGS} in this JVM, with its standard output and error captured: the one harness the CLI tests share
 * (an error must be one line on standard error, exit code 2, nothing written).
 */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    static String[] concat(String[] head, String... tail) {
        return Stream.concat(Stream.of(head), Stream.of(tail)).toArray(String[]::new);
    }

    /**
     * Runs {@code args} and checks that bad input is refused as users are promised: exit code 2, one line on
     * standard error that contains {@code expected}, and nothing at {@code out}.
     */
    static void assertRefused(Path out, String expected, String... args) {
        CliRun run = of(args);
        String command = String.join(" ", args);
        String line = run.errLine();
        assertEquals(2, run.exitCode(), command + ": " + line);
        assertTrue(line.contains(expected), command + ": " + line);
        assertEquals(1, line.lines().count(), "one line: " + line);
        assertFalse(Files.exists(out), "nothing written for " + command);
    }

    /** Standard error without surrounding white space: the one line an error must be. */
    String errLine() {
        return err.trim();
    }

    /** The error line without the "ltpsim: error: " prefix. */
    String message() {
        return err.strip().replaceFirst("^ltpsim: error: ", "");
    }
}
