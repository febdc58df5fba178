package org.ltpsim.cli.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ltpsim.cli.io.Manifest;
import org.ltpsim.cli.io.OutputDirectory;
import org.ltpsim.cli.scale.BlockJob;
import org.ltpsim.cli.scale.RunIdentity;
import org.ltpsim.cli.scale.ScaledRun;
import org.ltpsim.spine.ChannelFactory;
import org.ltpsim.spine.sim.BranchResult;
import org.ltpsim.spine.sim.FoldedBranches;
import org.ltpsim.spine.sim.SpineBlocks;
import org.ltpsim.spine.sim.SpineExperiment;
import org.ltpsim.spine.sim.SpineRunResult;

/**
 * Runs an experiment's spine runs as one list of blocks (a branch each, {@link SpineBlocks}) the way the command
 * was asked to: whole, as shard I of N (its branches are then written to the shard folder and there is no result
 * here), checkpointed and resumed, or from the merged shards of an earlier run. Each result equals the
 * experiment's own run, bitwise, whatever the thread or shard count.
 */
public final class SpineRuns {
    private final ScaledRun scaled;
    private final OutputDirectory output;
    private final long seed;
    private final int threads;

    /** @param output where a shard's branches go */
    public SpineRuns(ScaledRun scaled, OutputDirectory output, long seed, int threads) {
        this.scaled = scaled;
        this.output = output;
        this.seed = seed;
        this.threads = threads;
    }

    /**
     * The results of {@code experiments}, in their order; empty when this process runs a shard (written, with a
     * line on the console).
     *
     * @param channels how receptor channels are simulated (stochastic, or mean-field for the deterministic limit)
     * @param described everything that shapes the results besides the command line (its hash joins the identity
     *                  that shards and checkpoints of one run share)
     */
    Optional<List<SpineRunResult>> run(ChannelFactory channels, List<SpineExperiment> experiments,
            Map<String, ?> described, String label) {
        SpineBlocks blocks = new SpineBlocks(channels, experiments, null).withoutTraceSums();
        RunIdentity identity = new RunIdentity("experiment", seed, scaled.arguments(),
                Manifest.parametersSha256(described), null, blocks.blockCount());
        BlockJob<BranchResult, FoldedBranches> job = new BlockJob<>("experiment", blocks.blockCount(),
                blocks::run, blocks.fold(), blocks.codec(), false, blocks::work, blocks::reportingTo);
        try {
            return scaled.obtainUnlessShard(job, identity, threads, label, output, range -> System.out.printf(
                    Locale.ROOT, "experiment %s: shard %s (%s of %d) written%n", label, scaled.shard(),
                    range.describe(), blocks.blockCount())).map(partial -> blocks.results(partial.state()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the shard: " + e.getMessage(), e);
        }
    }
}
