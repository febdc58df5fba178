package org.ltpsim.cli.scale;

import picocli.CommandLine.Option;

/**
 * {@code --shard}, {@code --checkpoint-every} and {@code --resume}: the options that split a run over machines and
 * let it survive being stopped, shared as a picocli {@code @Mixin} by {@code sbml}, {@code run} and {@code sweep}.
 * See docs/cluster.md.
 */
public final class ScaleOutOptions {
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

    /** Makes the command combine {@code shards} instead of running (see {@code ltpsim merge}). */
    public void mergeFrom(ShardSet shards) {
        this.merge = shards;
    }
}
