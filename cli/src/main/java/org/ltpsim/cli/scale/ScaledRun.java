package org.ltpsim.cli.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.ltpsim.cli.UserInputException;
import org.ltpsim.cli.io.Manifest;
import org.ltpsim.cli.io.OutputDirectory;
import org.ltpsim.cli.io.ProgressBar;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.parallel.BlockRange;
import org.ltpsim.parallel.BlockRun;
import org.ltpsim.parallel.Checkpoint;
import org.ltpsim.parallel.CheckpointRequest;
import org.ltpsim.parallel.Partial;
import org.ltpsim.parallel.PartialFile;
import org.ltpsim.parallel.Shard;
import org.ltpsim.parallel.UnusableFileException;

/**
 * How a command's blocks are obtained: run whole, run as shard I of N (its partial results then go to the shard
 * folder), resumed from and checkpointed to {@code .OUT.ltpsim-checkpoint}, or (for {@code ltpsim merge}) read from
 * the shards of an earlier run. The command hands over a {@link BlockJob} and gets the partial results back; the
 * block running itself is core's {@link BlockRun}.
 */
public final class ScaledRun {
    private final String kind;
    private final Path out;
    private final boolean force;
    private final Shard shard;
    private final long checkpointNanos;
    private final boolean resume;
    private final ShardSet merge;
    private final List<String> args;
    private final long startNanos = System.nanoTime();
    private Checkpoint checkpoint;

    private ScaledRun(String kind, Path out, boolean force, Shard shard, long checkpointNanos, boolean resume,
            ShardSet merge, List<String> args) {
        this.kind = kind;
        this.out = out;
        this.force = force;
        this.shard = shard;
        this.checkpointNanos = checkpointNanos;
        this.resume = resume;
        this.merge = merge;
        this.args = args;
    }

    /**
     * Checks the options of a {@code kind} command writing to {@code out} (one line per problem).
     *
     * @param args the command's arguments as given, subcommand first (for shard manifests)
     */
    public static ScaledRun of(ScaleOutOptions options, String kind, Path out, boolean force, List<String> args) {
        if (options.merge != null) {
            return new ScaledRun(kind, out, force, null, 0, false, options.merge, args);
        }
        Shard shard = null;
        if (options.shard != null) {
            try {
                shard = Shard.parse(options.shard);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--shard " + e.getMessage(), e);
            }
        }
        long nanos = options.checkpointEvery == null ? 0 : CheckpointInterval.parseNanos(options.checkpointEvery);
        return new ScaledRun(kind, out, force, shard, nanos, options.resume, null, args);
    }

    /** Refuses {@code option} (named in the message) with the scale-out options that cannot go with it. */
    public void refuseWith(String option, String reason) {
        if (shard != null || checkpointNanos > 0 || resume) {
            String used = shard != null ? "--shard" : checkpointNanos > 0 ? "--checkpoint-every" : "--resume";
            throw new UserInputException(option + " cannot be combined with " + used + ": " + reason);
        }
    }

    /** Whether the run goes through blocks: a shard, a merge, checkpoints or a resume (else it may run whole). */
    public boolean usesBlocks() {
        return shard != null || checkpointNanos > 0 || resume || merge != null;
    }

    /** Whether this is one shard of a run (its output is then a shard folder). */
    public boolean isShard() {
        return shard != null;
    }

    /** {@code I/N}, or null for a whole run. */
    public Shard shard() {
        return shard;
    }

    /** Whether this combines the shards of an earlier run instead of running. */
    public boolean isMerge() {
        return merge != null;
    }

    /** The arguments that shape the result (without --out, --threads, --shard, ...): see {@link ArgumentText}. */
    public String arguments() {
        return ArgumentText.shellText(ArgumentText.withoutPlace(args));
    }

    /** The blocks this process computes. */
    public BlockRange range(int blockCount) {
        return shard == null ? BlockRange.all(blockCount) : shard.range(blockCount);
    }

    /**
     * The partial results of this process's blocks: run (resumed from a checkpoint with --resume, checkpointed with
     * --checkpoint-every), or, when merging, the shards' combined.
     *
     * @param label the progress bar's label
     */
    public <R, S> Partial<R, S> obtain(BlockJob<R, S> job, RunIdentity identity, BlockExecutor executor,
            String label) {
        if (merge != null) {
            return merge.combine(job, identity);
        }
        BlockRange range = range(job.blockCount());
        checkpoint = new Checkpoint(Checkpoint.beside(out), identity.of(shard, range));
        BlockRun<R, S> run = new BlockRun<>(job.fold(), job.codec(), shard == null || job.foldShards());
        long alreadyDone = 0;
        Optional<PartialFile.Contents<R, S>> saved = loadCheckpoint(job);
        if (saved.isPresent()) {
            run.resumeFrom(saved.get());
            BlockRange done = saved.get().partial().range();
            alreadyDone = job.workOf().applyAsLong(done);
            for (int block : saved.get().ahead().keySet()) {
                alreadyDone += job.workOf().applyAsLong(new BlockRange(block, block + 1));
            }
            System.err.printf("ltpsim: resuming from %s: %d of %d blocks done%n", checkpoint.file(),
                    done.size() + saved.get().ahead().size(), range.size());
        }
        FinalCheckpoint onTermination = null;
        if (checkpointNanos > 0) {
            CheckpointRequest request = new CheckpointRequest();
            run.checkpointEvery(checkpoint, checkpointNanos).saveWhenRequested(request);
            onTermination = FinalCheckpoint.install(request, checkpoint.file());
        }
        Partial<R, S> partial;
        try (ProgressBar progress = new ProgressBar(System.err, label, job.workOf().applyAsLong(range))) {
            job.progress().report(progress::update, alreadyDone);
            partial = run.run(executor, range, job.work());
        } finally {
            if (onTermination != null) {
                onTermination.remove();
            }
        }
        if (checkpointNanos > 0) {
            save(partial, job);
        }
        return partial;
    }

    /**
     * The partial results of the whole run, as {@link #obtain} gets them; or, when this process runs a shard, none:
     * the shard's are then written into {@code output} (see {@link #writeShard}), {@code written} is told which
     * blocks they hold (for the console line), and the result is {@code ltpsim merge}'s to write.
     */
    public <R, S> Optional<Partial<R, S>> obtainUnlessShard(BlockJob<R, S> job, RunIdentity identity,
            BlockExecutor executor, String label, OutputDirectory output, Consumer<BlockRange> written)
            throws IOException {
        Partial<R, S> partial = obtain(job, identity, executor, label);
        if (shard == null) {
            return Optional.of(partial);
        }
        writeShard(output, job, identity, partial, executor.threads());
        written.accept(partial.range());
        return Optional.empty();
    }

    /** As above, on a pool of {@code threads} workers made for this run alone. */
    public <R, S> Optional<Partial<R, S>> obtainUnlessShard(BlockJob<R, S> job, RunIdentity identity, int threads,
            String label, OutputDirectory output, Consumer<BlockRange> written) throws IOException {
        try (BlockExecutor executor = new BlockExecutor(threads)) {
            return obtainUnlessShard(job, identity, executor, label, output, written);
        }
    }

    private <R, S> Optional<PartialFile.Contents<R, S>> loadCheckpoint(BlockJob<R, S> job) {
        if (!resume) {
            if (checkpoint.exists() && !force) {
                throw new UserInputException("--out " + out + " has the checkpoint of an unfinished run beside it ("
                        + checkpoint.file().getFileName() + "): add --resume to continue it, or --force to start "
                        + "over");
            }
            return Optional.empty();
        }
        try {
            checkpoint.removeLeftovers();
            Optional<PartialFile.Contents<R, S>> saved = checkpoint.load(job.fold(), job.codec());
            if (saved.isEmpty()) {
                System.err.println("ltpsim: --resume: no checkpoint at " + checkpoint.file()
                        + ": starting from the beginning");
            }
            return saved;
        } catch (UnusableFileException e) {
            throw new UserInputException("--resume: " + e.getMessage() + "; refusing to use it (remove it to start "
                    + "over)", e);
        } catch (IOException e) {
            throw new UserInputException("--resume: cannot read " + checkpoint.file() + ": " + e.getMessage(), e);
        }
    }

    private <R, S> void save(Partial<R, S> partial, BlockJob<R, S> job) {
        try {
            checkpoint.save(partial, new TreeMap<>(), job.codec());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + checkpoint.file(), e);
        }
    }

    /**
     * Writes a shard's partial results and its manifest into the shard folder (through {@code output}, so whole or
     * not at all), then removes the checkpoint.
     */
    private <R, S> void writeShard(OutputDirectory output, BlockJob<R, S> job, RunIdentity identity,
            Partial<R, S> partial, int threads) throws IOException {
        double wallSec = wallTimeSec();
        Manifest manifest = new Manifest(commandText(), identity.seed(), threads)
                .put("kind", kind)
                .put("shard", Map.of("index", shard.index(), "count", shard.count(), "first_block",
                        partial.range().first(), "end_block", partial.range().end(), "block_count",
                        job.blockCount()))
                .put("identity", identity.common())
                .put("command_args", args)
                .put("working_directory", Path.of("").toAbsolutePath().toString())
                .put("host", host())
                .put("partial", ShardSet.PARTIAL_FILE)
                .put("partial_format", job.codec().format());
        SortedMap<Integer, R> none = new TreeMap<>();
        output.write(manifest, dir -> {
            Path file = dir.resolve(ShardSet.PARTIAL_FILE);
            PartialFile.write(file, "shard", identity.of(shard, partial.range()), partial, none, job.codec());
            manifest.put("partial_sha256", Manifest.sha256(file)).wallTimeSec(wallSec);
        });
        finished();
    }

    /** After the output is written: the checkpoint (and any file a killed save left) is no longer needed. */
    public void finished() throws IOException {
        if (checkpoint != null) {
            checkpoint.delete();
        }
    }

    /** Wall time of this process, or the shards' added up when merging. */
    public double wallTimeSec() {
        return merge != null ? merge.wallTimeSec() : (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * The command a result's manifest records: the one typed, or, for merged shards, the single run they make up
     * ({@code --out} the merged result) with the shards listed under {@code shards}.
     */
    public String commandText() {
        if (merge == null) {
            return ArgumentText.shellText(args);
        }
        List<String> single = new java.util.ArrayList<>(ArgumentText.withoutPlace(args));
        single.add("--out");
        single.add(out.toString());
        return ArgumentText.shellText(single);
    }

    /** Adds the shards' own fields (host, threads, wall time, command) to a merged result's manifest. */
    public void annotate(Manifest manifest) {
        if (merge != null) {
            manifest.put("shards", merge.describe());
        }
    }

    /** The thread count a manifest records: this process's, or the first shard's when merging. */
    public int threads(int local) {
        return merge != null ? merge.threads() : local;
    }

    /** The machine's name: $HOSTNAME, else the kernel's, else the resolver's (which may be slow). */
    private static String host() {
        String name = System.getenv("HOSTNAME");
        if (name != null && !name.isBlank()) {
            return name;
        }
        try {
            return java.nio.file.Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException unknown) {
                return "unknown";
            }
        }
    }
}
