package org.ltpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's --help shows at least one example, and every example parses (its options and values exist) as
 * that command or, for a group such as slurm, one of its subcommands.
 */
class UsageExamplesTest {
    @Test
    void everyCommandHasAnExampleThatParses() {
        List<String> without = new ArrayList<>();
        List<CommandLine> commands = new ArrayList<>();
        collect(Main.commandLine().getSubcommands().values(), commands);
        assertTrue(commands.size() >= 12, "the walk reaches every subcommand, also slurm's: " + commands.size());
        int examples = 0;
        for (CommandLine command : commands) {
            String name = command.getCommandSpec().qualifiedName();
            List<String> lines = examples(command.getUsageMessage(), name);
            if (lines.isEmpty()) {
                without.add(name);
            }
            for (String line : lines) {
                String[] args = line.substring("ltpsim ".length()).split("\\s+");
                // parse only (a fresh command tree each time): an unknown option or a bad value throws
                CommandLine.ParseResult parsed;
                try {
                    parsed = Main.commandLine().parseArgs(args);
                } catch (CommandLine.ParameterException e) {
                    throw new AssertionError(line + ": " + e.getMessage(), e);
                }
                String parsedName = innermost(parsed).commandSpec().qualifiedName();
                assertTrue(parsedName.equals(name) || parsedName.startsWith(name + " "), line + " runs " + parsedName);
                examples++;
            }
        }
        assertEquals(List.of(), without, "commands whose --help shows no 'ltpsim ...' example");
        assertTrue(examples >= commands.size(), "examples: " + examples);
    }

    private static void collect(java.util.Collection<CommandLine> level, List<CommandLine> into) {
        for (CommandLine command : level) {
            if (!into.contains(command)) {
                into.add(command);
                collect(command.getSubcommands().values(), into);
            }
        }
    }

    /**
     * Usage lines that are an example of this very command ("  ltpsim NAME ..."), without the indent; a line ending
     * in a backslash continues on the next, as in a shell.
     */
    private static List<String> examples(String usage, String qualifiedName) {
        return Arrays.stream(usage.replaceAll("\\\\\\R\\s*", "").split("\\R")).map(String::strip)
                .filter(l -> l.equals(qualifiedName) || l.startsWith(qualifiedName + " "))
                .filter(l -> !l.startsWith(qualifiedName + " [")) // the synopsis line
                .map(l -> l.replaceFirst("\\s+#.*$", "")).toList();
    }

    private static CommandLine.ParseResult innermost(CommandLine.ParseResult result) {
        return result.hasSubcommand() ? innermost(result.subcommand()) : result;
    }
}
