package org.ltpsim.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ltpsim.cli.io.Manifest;
import org.ltpsim.cli.io.OutputDirectory;
import org.ltpsim.cli.io.OutputFile;
import org.ltpsim.cli.scale.BlockJob;
import org.ltpsim.cli.scale.RunIdentity;
import org.ltpsim.cli.scale.ScaleOutOptions;
import org.ltpsim.cli.scale.ScaledRun;
import org.ltpsim.network.ReactionNetwork;
import org.ltpsim.parallel.Partial;
import org.ltpsim.sbml.SbmlImportException;
import org.ltpsim.sbml.SbmlImporter;
import org.ltpsim.ssa.EnsembleBlock;
import org.ltpsim.ssa.EnsembleBlocks;
import org.ltpsim.ssa.EnsembleResult;
import org.ltpsim.ssa.EnsembleSimulator;
import org.ltpsim.ssa.EnsembleSpec;
import org.ltpsim.ssa.SimulationMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ltpsim sbml MODEL.xml ...}: runs an ensemble of independent realisations of an SBML model (exact SSA or
 * adaptive tau-leaping) and writes, per output time, the ensemble mean and sample standard deviation of every
 * species, plus a manifest beside the table. The same seed gives a byte-identical table for any thread count.
 */
@Command(name = "sbml", footerHeading = "%nExamples:%n",
        footer = {"  ltpsim sbml model.xml --replicates 10000 --t-end 50 --dt-out 1 --method ssa \\",
            "      --out run.csv"},
        modelTransformer = CommonOptions.FileOut.class, mixinStandardHelpOptions = true,
        description = {"Ensemble mean and sd of every species of an SBML model (exact SSA or tau-leaping).",
                "Writes FILE.csv (time,<id>_mean,<id>_sd,... in document order) and FILE.manifest.json."})
public final class SbmlCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions shared;

    @Parameters(index = "0", paramLabel = "MODEL.xml", description = "SBML model (Level 2 or 3 core)")
    Path modelFile;

    @Option(names = "--replicates", defaultValue = "10000", description = "realisations (default ${DEFAULT-VALUE})")
    int replicates;

    @Option(names = "--t-end", defaultValue = "50", description = "end time in seconds (default ${DEFAULT-VALUE})")
    double tEndSec;

    @Option(names = "--dt-out", defaultValue = "1",
            description = "output interval in seconds; t-end must be a multiple (default ${DEFAULT-VALUE})")
    double dtOutSec;

    @Option(names = "--method", defaultValue = "ssa", description = "ssa (exact) or tau (adaptive tau-leaping)")
    String method;

    @Mixin
    ScaleOutOptions scaleOut;

    @Override
    public Integer call() throws IOException {
        ScaledRun scaled = scaleOut.start();
        OutputFile output = scaled.isShard() ? null : OutputFile.claim("--out", shared.out(), shared.force());
        OutputDirectory shardOutput = scaled.isShard() ? shared.claimDirectory() : null;
        int threadCount = shared.threadCount();
        SimulationMethod simulationMethod = checkArguments(threadCount);
        byte[] modelBytes = readModel();
        ReactionNetwork network = importModel(modelBytes);
        EnsembleSpec ensemble = new EnsembleSpec(replicates, tEndSec, dtOutSec, shared.seed(), threadCount,
                simulationMethod);
        EnsembleBlocks blocks = new EnsembleBlocks(network, ensemble, EnsembleSimulator.choose(network, ensemble));

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("replicates", replicates);
        parameters.put("t_end_s", tEndSec);
        parameters.put("dt_out_s", dtOutSec);
        parameters.put("method", simulationMethod.name().toLowerCase(Locale.ROOT));
        RunIdentity identity = new RunIdentity("sbml", shared.seed(), scaled.arguments(),
                Manifest.parametersSha256(parameters),
                Manifest.sha256(modelBytes), blocks.blockCount());
        BlockJob<EnsembleBlock, EnsembleBlock> job = new BlockJob<>("sbml", blocks.blockCount(), blocks::run,
                blocks.fold(), blocks.codec(), true, blocks::realisations, blocks::reportingTo);
        Optional<Partial<EnsembleBlock, EnsembleBlock>> partial;
        try {
            partial = scaled.obtainUnlessShard(job, identity, threadCount, "sbml " + network.id(), shardOutput,
                    range -> spec.commandLine().getOut().printf(Locale.ROOT, "wrote shard %s (%s, %d realisations) "
                            + "into %s%n", scaled.shard(), range.describe(), blocks.realisations(range), shared.out()));
        } catch (IllegalStateException e) {
            // A law that goes negative or non-finite is a fault of the model, not of ltpsim.
            if (e.getMessage() != null && e.getMessage().contains("propensity")) {
                throw new UserInputException(modelFile + ": " + e.getMessage(), e);
            }
            throw e;
        }
        if (partial.isEmpty()) {
            return 0;
        }
        EnsembleResult result = blocks.result(partial.get());
        double wallSec = scaled.wallTimeSec();

        Manifest manifest = new Manifest(scaled.commandText(), shared.seed(),
                scaled.threads(threadCount))
                .put("model", modelFile.toString())
                .put("model_id", network.id())
                .put("model_sha256", Manifest.sha256(modelBytes))
                .put("method", simulationMethod.name().toLowerCase(Locale.ROOT))
                .put("algorithm", result.algorithm())
                .put("replicates", result.replicates())
                .put("events", result.events())
                .parameters(parameters);
        scaled.annotate(manifest);
        manifest.wallTimeSec(wallSec);
        try {
            output.write(manifest, temporary -> writeTable(temporary, network, result));
        } catch (IOException e) {
            throw new UserInputException("cannot write --out " + shared.out() + ": " + e, e);
        }
        scaled.finished();
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s and %s (%d realisations, %s, %.1f s)%n", shared.out(),
                output.manifest().getFileName(), result.replicates(), result.algorithm(), wallSec);
        return 0;
    }

    private SimulationMethod checkArguments(int threadCount) {
        if (replicates <= 0) {
            throw new UserInputException("--replicates must be > 0: " + replicates);
        }
        if (!(tEndSec > 0) || Double.isInfinite(tEndSec)) {
            throw new UserInputException("--t-end must be a finite time > 0: " + tEndSec);
        }
        if (!(dtOutSec > 0) || dtOutSec > tEndSec) {
            throw new UserInputException("--dt-out must be > 0 and <= --t-end (" + tEndSec + "): " + dtOutSec);
        }
        double intervals = tEndSec / dtOutSec;
        if (Math.abs(intervals - Math.rint(intervals)) > 1e-9 * intervals || intervals > 10_000_000) {
            throw new UserInputException("--t-end (" + tEndSec + ") must be a whole multiple of --dt-out: "
                    + dtOutSec);
        }
        return switch (method.toLowerCase(Locale.ROOT)) {
            case "ssa" -> SimulationMethod.SSA;
            case "tau" -> SimulationMethod.TAU;
            default -> throw new UserInputException("--method must be ssa or tau: " + method);
        };
    }

    private byte[] readModel() {
        if (!Files.isRegularFile(modelFile)) {
            throw new UserInputException("model file not found: " + modelFile);
        }
        try {
            return Files.readAllBytes(modelFile);
        } catch (IOException e) {
            throw new UserInputException("cannot read model file " + modelFile + ": " + e.getMessage(), e);
        }
    }

    private ReactionNetwork importModel(byte[] modelBytes) {
        try {
            return SbmlImporter.parse(new String(modelBytes, StandardCharsets.UTF_8), modelFile.toString());
        } catch (SbmlImportException e) {
            String message = e.getMessage();
            throw new UserInputException(message.startsWith(modelFile.toString()) ? message
                    : modelFile + ": " + message, e);
        }
    }

    /** Numbers in Java's shortest round-trip form: exact, locale-free, identical for identical doubles. */
    private static void writeTable(Path file, ReactionNetwork network, EnsembleResult result) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder("time");
            for (String id : network.speciesIds()) {
                line.append(',').append(id).append("_mean,").append(id).append("_sd");
            }
            writer.write(line.append('\n').toString());
            int species = result.speciesCount();
            for (int t = 0; t < result.timeCount(); t++) {
                line.setLength(0);
                line.append(result.timeSec(t));
                for (int s = 0; s < species; s++) {
                    line.append(',').append(result.mean(t, s)).append(',').append(result.sd(t, s));
                }
                writer.write(line.append('\n').toString());
            }
        }
    }
}
