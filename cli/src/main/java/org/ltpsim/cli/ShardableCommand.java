package org.ltpsim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ltpsim.cli.scale.ScaleOutOptions;

/**
 * A command that can run as shards ({@code --shard I/N}) and whose shards {@code ltpsim merge} combines: merge
 * rebuilds the command from a shard's arguments, points it at the merged output and calls it, so that the merged
 * result is written by the very code that writes a single run's.
 */
interface ShardableCommand extends Callable<Integer> {
    ScaleOutOptions scaleOutOptions();

    /** Writes to {@code out} (with {@code force}) instead of where the shard's arguments said. */
    void redirect(Path out, boolean force);
}
