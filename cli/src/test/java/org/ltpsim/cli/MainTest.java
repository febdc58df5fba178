package org.ltpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ltpsim.cli.slurm.SlurmCommand;
import picocli.CommandLine;

/**
 * A command line builds only the subcommand it names; that subcommand is the same (usage, options, transformed
 * model) as in the whole command and as picocli builds it from {@code @Command(subcommands = ...)}.
 */
class MainTest {
    @CommandLine.Command(name = "ltpsim", subcommands = {DemoCommand.class, RunCommand.class, CamkiiCommand.class,
        SbmlCommand.class, ParamsCommand.class, SweepCommand.class, ExperimentCommand.class, MergeCommand.class,
        SlurmCommand.class})
    static final class Declared {}

    @Test
    void eachSubcommandAloneIsTheSubcommandOfTheWholeCommand() {
        Map<String, CommandLine> declared = new CommandLine(new Declared()).getSubcommands();
        Map<String, CommandLine> whole = Main.commandLine().getSubcommands();
        assertEquals(List.copyOf(declared.keySet()), List.copyOf(whole.keySet()));
        assertEquals(List.of("demo", "run", "camkii", "sbml", "params", "sweep", "experiment", "merge", "slurm"),
                List.copyOf(whole.keySet()));
        for (String name : whole.keySet()) {
            Map<String, CommandLine> alone = Main.commandLine(name).getSubcommands();
            assertEquals(List.of(name), List.copyOf(alone.keySet()));
            String usage = declared.get(name).getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertEquals(usage, whole.get(name).getUsageMessage(CommandLine.Help.Ansi.OFF), name);
            assertEquals(usage, alone.get(name).getUsageMessage(CommandLine.Help.Ansi.OFF), name);
        }
    }

    @Test
    void anythingElseGetsTheWholeCommand() {
        for (String first : new String[] {"", "--help", "rnu"}) {
            assertEquals(9, Main.commandLine(first).getSubcommands().size(), first);
        }
    }
}
