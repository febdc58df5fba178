package org.ltpsim.cli;

import org.ltpsim.cli.scale.ArgumentText;
import picocli.CommandLine.Model.CommandSpec;

/** The exact command line a user typed, as one string a shell would run again (arguments quoted where needed). */
final class CommandLineText {
    private CommandLineText() {}

    /** {@code ltpsim} followed by every original argument of the invocation that {@code spec} belongs to. */
    static String of(CommandSpec spec) {
        return ArgumentText.shellText(ArgumentText.typed(spec));
    }
}
