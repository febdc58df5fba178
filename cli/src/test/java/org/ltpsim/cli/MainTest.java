package org.ltpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A command line builds only the subcommand it names; that subcommand is the same as in the whole command. */
class MainTest {
    @Test
    void eachSubcommandAloneIsTheSubcommandOfTheWholeCommand() {
        Map<String, CommandLine> whole = Main.commandLine().getSubcommands();
        assertEquals(List.of("demo", "run", "camkii", "sbml", "params", "sweep", "experiment", "merge", "slurm"),
                List.copyOf(whole.keySet()));
        for (String name : whole.keySet()) {
            Map<String, CommandLine> alone = Main.commandLine(name).getSubcommands();
            assertEquals(List.of(name), List.copyOf(alone.keySet()));
            assertEquals(whole.get(name).getUsageMessage(CommandLine.Help.Ansi.OFF),
                    alone.get(name).getUsageMessage(CommandLine.Help.Ansi.OFF), name);
        }
    }

    @Test
    void anythingElseGetsTheWholeCommand() {
        for (String first : new String[] {"", "--help", "rnu"}) {
            assertEquals(9, Main.commandLine(first).getSubcommands().size(), first);
        }
    }
}
