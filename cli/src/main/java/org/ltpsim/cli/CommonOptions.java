package org.ltpsim.cli;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.ltpsim.cli.io.OutputDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code --seed}, {@code --threads}, {@code --out} and {@code --force}: the options every simulating command shares
 * ({@code run}, {@code sweep}, {@code camkii}, {@code sbml}, {@code experiment}, {@code demo}), as one picocli
 * {@code @Mixin} so that their names, help texts and defaults cannot drift apart. Where a command's {@code --out}
 * is optional or a file, a model transformer below adjusts that one option and nothing else.
 */
public final class CommonOptions {
    @Option(names = "--seed", defaultValue = "1", description = "master seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = ThreadCount.DESCRIPTION)
    Integer threads;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "output directory: a new or empty folder, or an earlier ltpsim result with --force")
    Path out;

    @Option(names = "--force", description = "replace --out when it holds an earlier ltpsim result")
    boolean force;

    public long seed() {
        return seed;
    }

    /** The worker count: {@code --threads}, checked, or all processors. */
    public int threadCount() {
        return ThreadCount.resolve(threads);
    }

    /** {@code --out} as given (null only where a transformer made it optional and it was not given). */
    public Path out() {
        return out;
    }

    public boolean force() {
        return force;
    }

    /** Claims {@code --out} as an output directory now, before any work (see {@link OutputDirectory#claim}). */
    public OutputDirectory claimDirectory() {
        return OutputDirectory.claim("--out", out, force);
    }

    /** Replaces option {@code name} with a changed copy (bound to the same field). */
    private static CommandSpec replace(CommandSpec spec, String name, UnaryOperator<OptionSpec.Builder> change) {
        OptionSpec option = spec.findOption(name);
        spec.remove(option);
        spec.addOption(change.apply(option.toBuilder()).build());
        return spec;
    }

    /** For commands where {@code --out} is optional ({@code experiment --list}); they check it themselves. */
    public static final class OptionalOut implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return replace(spec, "--out", b -> b.required(false));
        }
    }

    /** {@code demo}: {@code --out} is optional and adds files to what the command prints. */
    public static final class DemoOut implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return replace(spec, "--out", b -> b.required(false).description("also write the table and calcium plots "
                    + "here (a new or empty folder, or an earlier ltpsim result with --force)"));
        }
    }

    /** {@code sbml}: {@code --out} is the table, a file. */
    public static final class FileOut implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            replace(spec, "--force", b -> b.description("replace --out when it is an earlier ltpsim table"));
            return replace(spec, "--out", b -> b.paramLabel("FILE.csv").description("the table to write (a new "
                    + "file, or an earlier ltpsim table with --force); with --shard, the shard's folder"));
        }
    }
}
