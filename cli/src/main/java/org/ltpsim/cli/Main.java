package org.ltpsim.cli;

import org.ltpsim.Version;
import org.ltpsim.cli.slurm.SlurmCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ltpsim} command. Each subcommand is its own class; errors end in one line and a non-zero exit. */
@Command(name = "ltpsim", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Parallel stochastic simulator of long-term potentiation at dendritic spines.",
        subcommands = {DemoCommand.class, RunCommand.class, CamkiiCommand.class, SbmlCommand.class,
            ParamsCommand.class, SweepCommand.class, ExperimentCommand.class, MergeCommand.class,
            SlurmCommand.class})
public final class Main implements Runnable {
    /** Exit code for bad input (arguments, files, parameters). */
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this rather than main). */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
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
