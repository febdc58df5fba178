package org.ltpsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ltpsim.cli.scale.ScaleOutOptions;
import org.ltpsim.cli.scale.ShardSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ltpsim merge SHARD_DIR... --out OUT}: combines the shards of one run ({@code --shard I/N}) into exactly the
 * result one process would have written, byte for byte, except the wall time and the per-shard fields (host,
 * threads, command) that the manifest lists under {@code shards}. Refuses, writing nothing, shards of different
 * runs (seed, version, arguments, parameters, model), a shard given twice, and missing shards (named).
 */
@Command(name = "merge", footerHeading = "%nExamples:%n",
        footer = {"  ltpsim merge shards/1 shards/2 shards/3 shards/4 --out runs/big"},
        mixinStandardHelpOptions = true,
        description = {"Combine the shard folders of a run made with --shard I/N into the result one run writes.",
            "Every shard of the run must be given; the shards' command is rebuilt and writes --out as it would have "
                    + "(relative paths among its arguments are taken from the folder the shards ran in)."})
public final class MergeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "SHARD_DIR", description = "the --out folders of the shards, any order")
    List<Path> shardDirs = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "OUT",
            description = "the merged result: what --out of a single run would be (a folder, or FILE.csv for sbml)")
    Path out;

    @Option(names = "--force", description = "replace --out when it holds an earlier ltpsim result")
    boolean force;

    @Override
    public Integer call() throws Exception {
        ShardSet shards = ShardSet.read(shardDirs);
        CommandSpec command = rebuild(shards);
        scaleOutOptions(command).mergeFrom(shards, out, force);
        return (Integer) ((Callable<?>) command.userObject()).call();
    }

    /** The shards' command, parsed afresh from their arguments (relative paths resolved where they ran). */
    private static CommandSpec rebuild(ShardSet shards) {
        CommandLine root = Main.commandLine();
        Path workingDirectory = shards.workingDirectory();
        root.registerConverter(Path.class, text -> workingDirectory.resolve(text));
        List<String> args = shards.commandArgs();
        CommandLine.ParseResult parsed;
        try {
            parsed = root.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new UserInputException("the shards' command no longer parses: " + e.getMessage(), e);
        }
        if (!parsed.hasSubcommand() || !(parsed.subcommand().commandSpec().userObject() instanceof Callable<?>)
                || scaleOutOptions(parsed.subcommand().commandSpec()) == null) {
            throw new UserInputException("the shards' command '" + String.join(" ", args) + "' cannot be merged");
        }
        return parsed.subcommand().commandSpec();
    }

    /** The command's scale-out options: a command that can run as shards is one that mixes them in. */
    private static ScaleOutOptions scaleOutOptions(CommandSpec command) {
        for (CommandSpec mixin : command.mixins().values()) {
            if (mixin.userObject() instanceof ScaleOutOptions options) {
                return options;
            }
        }
        return null;
    }
}
