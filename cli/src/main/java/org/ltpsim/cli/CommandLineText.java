package org.ltpsim.cli;

import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;

/** The exact command line a user typed, as one string a shell would run again (arguments quoted where needed). */
final class CommandLineText {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private CommandLineText() {}

    /** {@code ltpsim} followed by every original argument of the invocation that {@code spec} belongs to. */
    static String of(CommandSpec spec) {
        List<String> args = spec.root().commandLine().getParseResult().originalArgs();
        StringBuilder text = new StringBuilder("ltpsim");
        for (String arg : args) {
            text.append(' ').append(quote(arg));
        }
        return text.toString();
    }

    static String quote(String arg) {
        if (!arg.isEmpty() && PLAIN.matcher(arg).matches()) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
