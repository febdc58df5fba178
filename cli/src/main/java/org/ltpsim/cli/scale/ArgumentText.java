package org.ltpsim.cli.scale;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A command's arguments without the options that say where the result goes and how the run is done, not what it
 * is: the text that shards and checkpoints of one run share, and the base of the command a merged result records.
 */
public final class ArgumentText {
    /** Options with a value that do not change the result. */
    static final Set<String> PLACE_OPTIONS = Set.of("--out", "--threads", "--shard", "--checkpoint-every");
    /** Flags that do not change the result. */
    static final Set<String> PLACE_FLAGS = Set.of("--force", "--resume");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ArgumentText() {}

    /** Every original argument of the invocation that {@code command} belongs to, the subcommand first. */
    public static List<String> typed(CommandSpec command) {
        return List.copyOf(command.root().commandLine().getParseResult().originalArgs());
    }

    /** {@code args} without {@link #PLACE_OPTIONS} (and their values) and {@link #PLACE_FLAGS}. */
    public static List<String> withoutPlace(List<String> args) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
            if (PLACE_OPTIONS.contains(name)) {
                if (eq < 0) {
                    i++; // the value follows
                }
                continue;
            }
            if (PLACE_FLAGS.contains(name)) {
                continue;
            }
            kept.add(arg);
        }
        return kept;
    }

    /** {@code ltpsim} and the arguments, quoted where a shell needs it. */
    public static String shellText(List<String> args) {
        StringBuilder text = new StringBuilder("ltpsim");
        for (String arg : args) {
            text.append(' ').append(quote(arg));
        }
        return text.toString();
    }

    public static String quote(String arg) {
        if (!arg.isEmpty() && PLAIN.matcher(arg).matches()) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
