package org.ltpsim.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ltpsim.cli.io.Manifest;
import org.ltpsim.cli.io.OutputDirectory;
import org.ltpsim.cli.io.TableFormat;
import org.ltpsim.cli.io.ProgressBar;
import org.ltpsim.cli.scale.BlockJob;
import org.ltpsim.cli.scale.RunIdentity;
import org.ltpsim.cli.scale.ScaleOutOptions;
import org.ltpsim.cli.scale.ScaledRun;
import org.ltpsim.cli.spine.ExperimentOptions;
import org.ltpsim.cli.spine.ExperimentSetup;
import org.ltpsim.cli.spine.NoiseOptions;
import org.ltpsim.cli.spine.RunFigures;
import org.ltpsim.cli.spine.RunSummary;
import org.ltpsim.cli.spine.TraceRecording;
import org.ltpsim.cli.spine.WeightFiles;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.parallel.Partial;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.spine.ReceptorChannels;
import org.ltpsim.spine.input.Durations;
import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.sim.BranchResult;
import org.ltpsim.spine.sim.FoldedBranches;
import org.ltpsim.spine.sim.NeuronBlocks;
import org.ltpsim.spine.sim.SpineBlocks;
import org.ltpsim.spine.sim.SpineExperiment;
import org.ltpsim.spine.sim.SpineRunResult;
import org.ltpsim.spine.sim.SpineSimulator;
import org.ltpsim.spine.sim.TraceRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ltpsim run}: stimulates spines with a protocol (and optional further pathways on the same branches) and
 * writes per-spine readouts, a summary, a manifest and a calcium plot, atomically.
 */
@Command(name = "run", footerHeading = "%nExamples:%n",
        footer = {"  ltpsim run --protocol hfs --spines 1000 --seed 1 --out runs/hfs",
            "  ltpsim run --protocol lfs --spines 100 --set nmda.channels_per_spine=4 \\",
            "      --format parquet --out runs/meta",
            "  ltpsim run --protocol hfs --spines 100 --record 0-3 --out runs/hfs-traces"},
        mixinStandardHelpOptions = true,
        description = "Simulate spines under a stimulation protocol: individual AMPA/NMDA channels, voltage, "
                + "calcium and the calcium rule (LTP / LTD / none per spine).")
public final class RunCommand implements Callable<Integer> {
    @CommandLine.Mixin
    CommonOptions shared;

    @CommandLine.Mixin
    TableFormat tables;

    @CommandLine.Mixin
    ExperimentOptions experimentOptions;

    @Option(names = "--record", paramLabel = "SPINES", description = "record these spines over time (Ca, Q, V, "
            + "CaMKII phosphorylated fraction, open channels) into traces.csv and traces.png; ids as in spines.csv, "
            + "e.g. 0,5,10-19")
    String record;

    @Option(names = "--record-every", paramLabel = "TIME", description = "sampling interval of --record (ms if no "
            + "unit: a whole number of time steps; default 1 ms) and, in expression runs, of the weight records in "
            + "weights.csv (a whole number of timing.slow_step_s; default 1min)")
    String recordEvery;

    @Option(names = "--report-at", paramLabel = "TIMES", split = ",", description = "expression runs: also report the "
            + "weight change at these times (e.g. 30min,1h,3h; each on the weight record grid) in summary.json and "
            + "on the console")
    List<String> reportAt = new ArrayList<>();

    @CommandLine.Mixin
    ScaleOutOptions scaleOut;

    @Override
    public Integer call() throws IOException {
        ScaledRun scaled = scaleOut.start();
        OutputDirectory output = shared.claimDirectory().tables(tables);
        int threadCount = shared.threadCount();
        ExperimentSetup setup = experimentOptions.resolve();
        ExperimentSetup.Built built = setup.build(shared.seed());
        SpineExperiment experiment = built.experiment();
        ParameterSet params = built.spineParams();
        boolean ap5 = setup.ap5();
        List<Pathway> pathways = built.pathways();
        Double recordEveryMs = null;
        if (recordEvery != null) {
            try {
                // a bare number is ms, checked (sign, grid) where it is used, as before units were accepted
                recordEveryMs = recordEvery.trim().matches("[-+]?[0-9.]+([eE][-+]?[0-9]+)?")
                        ? Double.parseDouble(recordEvery.trim()) : Durations.parseMs(recordEvery);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--record-every: " + e.getMessage(), e);
            }
        }
        experiment = withWeightRecords(experiment, recordEveryMs);
        double[] reportAtMs = reportTimes(experiment);
        TraceRequest traces = TraceRecording.request(record, recordEveryMs, experiment);
        final ParameterSet camkiiUsed = built.camkiiParams();
        SpineRunResult result;
        double wallSec;
        int branches;
        if (experiment.expression() != null && !scaled.usesBlocks()) {
            // whole: the branches of all neurons in parallel between synchronisation points (NeuronRunner)
            result = runExpression(experiment, threadCount, traces);
            wallSec = scaled.wallTimeSec();
            branches = result.layout().branchCount();
        } else if (experiment.expression() != null) {
            // shards, merges and checkpoints: one block per neuron (neurons share nothing), the same bits
            NeuronBlocks blocks = new NeuronBlocks(new ReceptorChannels(), experiment, traces);
            branches = blocks.branchCount();
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("parameters", params.values());
            described.put("camkii_parameters", camkiiUsed == null ? null : camkiiUsed.values());
            described.put("expression_parameters", built.expressionParams() == null ? null
                    : built.expressionParams().values());
            described.put("pathways", describe(pathways));
            described.put("pathway_inputs", setup.inputDescriptions());
            RunIdentity identity = new RunIdentity("run", shared.seed(), scaled.arguments(),
                    Manifest.parametersSha256(described),
                    null, blocks.blockCount());
            BlockJob<NeuronBlocks.Neuron, List<NeuronBlocks.Neuron>> job = new BlockJob<>("run", blocks.blockCount(),
                    blocks::run, NeuronBlocks.fold(), blocks.codec(), false, blocks::work, blocks::reportingTo);
            Optional<Partial<NeuronBlocks.Neuron, List<NeuronBlocks.Neuron>>> partial = scaled.obtainUnlessShard(job,
                    identity, threadCount, "run", output, range -> System.out.printf(Locale.ROOT,
                            "run: shard %s (%s of %d neurons) written to %s%n", scaled.shard(), range.describe(),
                            blocks.blockCount(), shared.out()));
            if (partial.isEmpty()) {
                return 0;
            }
            result = blocks.result(partial.get().state());
            wallSec = scaled.wallTimeSec();
        } else {
            SpineBlocks blocks = new SpineBlocks(setup.noise().channels(), List.of(experiment), traces);
            branches = blocks.blockCount();
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("parameters", params.values());
            described.put("camkii_parameters", camkiiUsed == null ? null : camkiiUsed.values());
            described.put("pathways", describe(pathways));
            described.put("pathway_inputs", setup.inputDescriptions());
            if (!setup.noise().equals(NoiseOptions.NONE)) {
                described.put("noise", setup.noise().describe());
            }
            RunIdentity identity = new RunIdentity("run", shared.seed(), scaled.arguments(),
                    Manifest.parametersSha256(described),
                    null, blocks.blockCount());
            BlockJob<BranchResult, FoldedBranches> job = new BlockJob<>("run", blocks.blockCount(), blocks::run,
                    blocks.fold(), blocks.codec(), false, blocks::work, blocks::reportingTo);
            Optional<Partial<BranchResult, FoldedBranches>> partial = scaled.obtainUnlessShard(job, identity,
                    threadCount, "run", output, range -> System.out.printf(Locale.ROOT,
                            "run: shard %s (%s of %d) written to %s%n", scaled.shard(), range.describe(),
                            blocks.blockCount(), shared.out()));
            if (partial.isEmpty()) {
                return 0;
            }
            result = blocks.result(0, partial.get().state());
            wallSec = scaled.wallTimeSec();
        }
        Manifest manifest = new Manifest(scaled.commandText(), shared.seed(),
                scaled.threads(threadCount)).parameters(params.values())
                .put("drug", setup.drugText()).put("pathways", describe(pathways))
                .put("pathway_inputs", setup.inputDescriptions());
        if (camkiiUsed != null) {
            manifest.put("camkii_parameters", camkiiUsed.values());
        }
        if (!setup.noise().equals(NoiseOptions.NONE)) {
            manifest.put("noise", setup.noise().describe());
        }
        scaled.annotate(manifest);
        if (built.expressionParams() != null) {
            manifest.put("expression_parameters", built.expressionParams().values());
        }
        manifest.wallTimeSec(wallSec);
        final String drugs = setup.drugs().isEmpty() ? "" : " + " + String.join(" + ", setup.drugs());
        final boolean t286a = experiment.camkii() != null && experiment.camkii().t286a();
        output.write(manifest, dir -> {
            writeSpines(dir.resolve("spines.csv"), result);
            Manifest.json().writeValue(dir.resolve("summary.json").toFile(),
                    RunSummary.json(result, wallSec, reportAtMs));
            RunFigures.write(dir, result, describe(pathways) + (result.hasExpression() ? drugs
                    : ap5 ? " + AP5" : ""));
            if (result.hasExpression()) {
                WeightFiles.write(dir, result, "Weights: " + describe(pathways) + drugs
                        + (t286a ? " (T286A)" : ""));
            }
        });
        scaled.finished();
        double simulatedSec = experiment.endMs() / 1000;
        System.out.printf(Locale.ROOT, "run: %d spines on %d branch%s, %s simulated in %.2f s; results in %s%n",
                result.spineCount(), branches, branches == 1 ? "" : "es", result.hasExpression() && simulatedSec >= 600
                ? Durations.format(Math.round(simulatedSec) * 1000.0) : String.format(Locale.ROOT, "%.1f s",
                simulatedSec), wallSec, shared.out());
        RunSummary.consoleLines(result, reportAtMs).forEach(System.out::println);
        return 0;
    }

    /** An expression run: the neurons' branches synchronised at the protein-pool updates (see NeuronRunner). */
    private static SpineRunResult runExpression(SpineExperiment experiment, int threadCount, TraceRequest traces) {
        SpineSimulator simulator = new SpineSimulator(new ReceptorChannels());
        try (BlockExecutor executor = new BlockExecutor(threadCount);
                ProgressBar progress = new ProgressBar(System.err, "run", simulator.work(experiment))) {
            return simulator.run(experiment, executor, progress::update, traces);
        }
    }

    /** Expression runs record weights every --record-every (default 1 min); other runs are unchanged. */
    private static SpineExperiment withWeightRecords(SpineExperiment experiment, Double recordEveryMs) {
        if (experiment.expression() == null) {
            return experiment;
        }
        double every = recordEveryMs == null ? 60_000 : recordEveryMs;
        try {
            return experiment.withExpression(experiment.expression().withRecordEveryMs(every));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--record-every " + Durations.format(every) + ": " + e.getMessage(), e);
        }
    }

    /** The --report-at times, checked against the run's end and its weight record grid. */
    private double[] reportTimes(SpineExperiment experiment) {
        if (reportAt.isEmpty()) {
            return new double[0];
        }
        if (experiment.expression() == null) {
            throw new UserInputException("--report-at needs the expression layers (--duration TIME)");
        }
        double every = experiment.expression().recordEveryMs();
        double[] times = new double[reportAt.size()];
        for (int i = 0; i < times.length; i++) {
            String text = reportAt.get(i);
            try {
                times[i] = Durations.parseMs(text);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--report-at: " + e.getMessage(), e);
            }
            if (times[i] > experiment.endMs() + 1e-9) {
                throw new UserInputException("--report-at " + text.trim() + " is after the end of the run ("
                        + Durations.format(experiment.endMs()) + ")");
            }
            double k = times[i] / every;
            if (Math.abs(k - Math.rint(k)) > 1e-9 * Math.max(1, k)) {
                throw new UserInputException("--report-at " + text.trim() + " is not on the weight record grid (every "
                        + Durations.format(every) + "; set --record-every)");
            }
        }
        return times;
    }

    static String describe(List<Pathway> pathways) {
        List<String> parts = new ArrayList<>();
        for (Pathway p : pathways) {
            parts.add(p.name() + "=" + p.stimulus().name() + " x " + p.spineCount());
        }
        return String.join(", ", parts);
    }

    static void writeSpines(Path file, SpineRunResult r) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("id,branch,pathway,releases,peak_ca_uM,q_max_uM_s,q_end_uM_s,outcome,peak_depolarisation_mV,"
                    + "ca_elevated_ms,ca_influx_uM,nmda_open_channel_ms" + (r.hasCamkii() ? ",camkii_on,camkii_ltp" : "")
                    + "\n");
            for (int i = 0; i < r.spineCount(); i++) {
                w.write(String.format(Locale.ROOT, "%d,%d,%s,%d,%.6g,%.6g,%.6g,%s,%.6g,%.6g,%.6g,%.6g%n", i,
                        r.layout().branchOf(i), r.pathways().get(r.layout().pathwayOf(i)).name(), r.releases(i),
                        r.peakCaMicroMolar(i), r.qMaxMicroMolarSec(i), r.qEndMicroMolarSec(i), r.outcome(i),
                        r.peakDepolarisationMv(i), r.caElevatedMs(i), r.caInfluxMicroMolar(i),
                        r.nmdaOpenChannelMs(i)).stripTrailing() + (r.hasCamkii() ? "," + r.camkiiOn(i) + ","
                        + verdict(r.camkiiVerdict(i)) : "") + "\n");
            }
        }
    }

    /** The spines.csv camkii_ltp column: true, false, or undecided (ON, but for less than the criterion). */
    private static String verdict(SpineRunResult.CamkiiVerdict verdict) {
        return switch (verdict) {
            case LTP -> "true";
            case NO_LTP -> "false";
            case UNDECIDED -> "undecided";
        };
    }
}
