package org.ltpsim.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ltpsim.Version;
import org.ltpsim.cli.slurm.SlurmCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ltpsim} command. Each subcommand is its own class; errors end in one line and a non-zero exit. */
@Command(name = "ltpsim", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Parallel stochastic simulator of long-term potentiation at dendritic spines.")
public final class Main implements Runnable {
    /** Exit code for bad input (arguments, files, parameters). */
    public static final int EXIT_BAD_INPUT = 2;

    /** The subcommands by name, in the order {@code ltpsim --help} lists them. */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this rather than main). */
    public static int execute(String... args) {
        CommandLine commandLine = commandLine(args.length > 0 ? args[0] : "");
        commandLine.setExecutionExceptionHandler((ex, cl, parseResult) -> {
            if (ex instanceof UserInputException || ex instanceof IllegalArgumentException) {
                cl.getErr().println("ltpsim: error: " + ex.getMessage());
                return EXIT_BAD_INPUT;
            }
            cl.getErr().println("ltpsim: internal error: " + ex);
            ex.printStackTrace(cl.getErr());
            return 1;
        });
        commandLine.setParameterExceptionHandler((ex, parsedArgs) -> {
            ex.getCommandLine().getErr().println("ltpsim: error: " + ex.getMessage());
            ex.getCommandLine().getErr().println("(see 'ltpsim " + ex.getCommandLine().getCommandName()
                    .replace("ltpsim", "").trim() + " --help')");
            return EXIT_BAD_INPUT;
        });
        return commandLine.execute(args);
    }

    /** The whole command, every subcommand registered: to parse a command line that was written down. */
    public static CommandLine commandLine() {
        return commandLine("");
    }

    /**
     * The command with only subcommand {@code first} registered when that names one, else with all of them. Picocli
     * reads a command's annotations by reflection when it is registered, in its own ~170 classes, which are compiled
     * for Java 5 and so loaded from the jar, never from the start-up cache: building the one command that runs saves
     * ~0.4 s of CPU at start (loaded machine, process CPU time).
     */
    static CommandLine commandLine(String first) {
        CommandLine commandLine = new CommandLine(new Main());
        Class<?> only = SUBCOMMANDS.get(first);
        // new CommandLine(Class) applies the command's model transformer, as @Command(subcommands) did
        if (only != null) {
            commandLine.addSubcommand(first, new CommandLine(only));
        } else {
            SUBCOMMANDS.forEach((name, command) -> commandLine.addSubcommand(name, new CommandLine(command)));
        }
        return commandLine;
    }

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> all = new LinkedHashMap<>();
        all.put("demo", DemoCommand.class);
        all.put("run", RunCommand.class);
        all.put("camkii", CamkiiCommand.class);
        all.put("sbml", SbmlCommand.class);
        all.put("params", ParamsCommand.class);
        all.put("sweep", SweepCommand.class);
        all.put("experiment", ExperimentCommand.class);
        all.put("merge", MergeCommand.class);
        all.put("slurm", SlurmCommand.class);
        return Collections.unmodifiableMap(all);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reports the version from the build. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ltpsim " + Version.get()};
        }
    }
}
