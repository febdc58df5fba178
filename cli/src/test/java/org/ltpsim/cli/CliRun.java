package org.ltpsim.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

/** {@code ltpsim ARGS} in this JVM, with its standard error captured (the one line an error must be). */
record CliRun(int exitCode, String err) {
    static CliRun of(String... args) {
        PrintStream savedErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new CliRun(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(savedErr);
        }
    }

    static String[] concat(String[] head, String... tail) {
        return Stream.concat(Stream.of(head), Stream.of(tail)).toArray(String[]::new);
    }

    /** The error line without the "ltpsim: error: " prefix. */
    String message() {
        return err.strip().replaceFirst("^ltpsim: error: ", "");
    }
}
