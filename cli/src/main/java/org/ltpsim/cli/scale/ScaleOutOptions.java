package org.ltpsim.cli.scale;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --shard}, {@code --checkpoint-every} and {@code --resume}: the options that split a run over machines and
 * let it survive being stopped, shared as a picocli {@code @Mixin} by every command that can run as shards
 * ({@code sbml}, {@code run}, {@code sweep}, {@code camkii}, {@code experiment}); a command with this mixin is one
 * that {@code ltpsim merge} can rebuild. It reads the command's name, {@code --out} and {@code --force} from the
 * command it is mixed into, so that no command repeats that wiring. See docs/cluster.md.
 */
public final class ScaleOutOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--shard", paramLabel = "I/N", description = "run only shard I of N (I from 1 to N) and write its "
            + "partial results into --out (a folder); 'ltpsim merge' combines the N shard folders into exactly what "
            + "one run writes")
    String shard;

    @Option(names = "--checkpoint-every", paramLabel = "DURATION", description = "save the finished blocks every "
            + "DURATION of wall time (e.g. 30s, 5min, 1h) into .OUT.ltpsim-checkpoint beside --out, so that --resume "
            + "can continue after a crash, a kill or a pre-emption")
    String checkpointEvery;

    @Option(names = "--resume", description = "continue from the checkpoint beside --out (the same command, "
            + "--resume added); starts from the beginning, saying so, when there is none. The result is the same, "
            + "byte for byte, as an uninterrupted run's")
    boolean resume;

    /** Set by {@code ltpsim merge}: the shards to combine instead of running. */
    ShardSet merge;

    /**
     * Makes the command combine {@code shards} instead of running, writing what a single run would to {@code out}
     * (see {@code ltpsim merge}): its {@code --out} and {@code --force} are set through picocli's own bindings.
     */
    public void mergeFrom(ShardSet shards, Path out, boolean force) {
        this.merge = shards;
        command.findOption("--out").setValue(out);
        command.findOption("--force").setValue(force);
    }

    /**
     * This invocation's {@link ScaledRun}, the options checked (one line per problem): its kind is the command's
     * name, and it records the command line as typed (subcommand first) for shard manifests.
     */
    public ScaledRun start() {
        Path out = command.findOption("--out").getValue();
        boolean force = command.findOption("--force").getValue();
        return ScaledRun.of(this, command.name(), out, force, ArgumentText.typed(command));
    }
}
