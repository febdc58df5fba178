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
import org.ltpsim.cli.io.Manifest;
import org.ltpsim.cli.io.OutputDirectory;
import org.ltpsim.cli.scale.BlockJob;
import org.ltpsim.cli.scale.RunIdentity;
import org.ltpsim.cli.scale.ScaleOutOptions;
import org.ltpsim.cli.scale.ScaledRun;
import org.ltpsim.cli.spine.ExperimentOptions;
import org.ltpsim.cli.spine.ExperimentSetup;
import org.ltpsim.cli.spine.RunFigures;
import org.ltpsim.cli.spine.RunSummary;
import org.ltpsim.cli.spine.TraceRecording;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.parallel.Partial;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.spine.ReceptorChannels;
import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.sim.BranchResult;
import org.ltpsim.spine.sim.SpineBlocks;
import org.ltpsim.spine.sim.SpineExperiment;
import org.ltpsim.spine.sim.SpineRunResult;
import org.ltpsim.spine.sim.TraceRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ltpsim run}: stimulates spines with a protocol (and optional further pathways on the same branches) and
 * writes per-spine readouts, a summary, a manifest and a calcium plot, atomically.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Simulate spines under a stimulation protocol: individual AMPA/NMDA channels, voltage, "
                + "calcium and the calcium rule (LTP / LTD / none per spine).")
public final class RunCommand implements ShardableCommand {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ExperimentOptions experimentOptions;

    @Option(names = "--seed", defaultValue = "1", description = "master seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = ThreadCount.DESCRIPTION)
    Integer threads;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "output directory: a new or empty folder, or an earlier ltpsim result with --force")
    Path out;

    @Option(names = "--force", description = "replace --out when it holds an earlier ltpsim result")
    boolean force;

    @Option(names = "--record", paramLabel = "SPINES", description = "record these spines over time (Ca, Q, V, "
            + "CaMKII phosphorylated fraction, open channels) into traces.csv and traces.png; ids as in spines.csv, "
            + "e.g. 0,5,10-19")
    String record;

    @Option(names = "--record-every", paramLabel = "MS", description = "sampling interval of --record, ms: a whole "
            + "number of time steps (default: 1)")
    Double recordEveryMs;

    @CommandLine.Mixin
    ScaleOutOptions scaleOut;

    @Override
    public ScaleOutOptions scaleOutOptions() {
        return scaleOut;
    }

    @Override
    public void redirect(Path mergedOut, boolean mergedForce) {
        this.out = mergedOut;
        this.force = mergedForce;
    }

    @Override
    public Integer call() throws IOException {
        ScaledRun scaled = ScaledRun.of(scaleOut, "run", out, force, CommandLineText.args(spec));
        OutputDirectory output = OutputDirectory.claim("--out", out, force);
        int threadCount = ThreadCount.resolve(threads);
        ExperimentSetup setup = experimentOptions.resolve();
        ExperimentSetup.Built built = setup.build(seed);
        SpineExperiment experiment = built.experiment();
        ParameterSet params = built.spineParams();
        boolean ap5 = setup.ap5();
        List<Pathway> pathways = built.pathways();
        TraceRequest traces = TraceRecording.request(record, recordEveryMs, experiment);
        SpineBlocks blocks = new SpineBlocks(new ReceptorChannels(), List.of(experiment), traces);
        int branches = blocks.blockCount();
        final ParameterSet camkiiUsed = built.camkiiParams();
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("parameters", params.values());
        described.put("camkii_parameters", camkiiUsed == null ? null : camkiiUsed.values());
        described.put("pathways", describe(pathways));
        described.put("pathway_inputs", setup.inputDescriptions());
        RunIdentity identity = new RunIdentity("run", seed, scaled.arguments(), Manifest.parametersSha256(described),
                null, blocks.blockCount());
        BlockJob<BranchResult, List<BranchResult>> job = new BlockJob<>("run", blocks.blockCount(), blocks::run,
                SpineBlocks.fold(), blocks.codec(), false, blocks::work, blocks::reportingTo);
        Partial<BranchResult, List<BranchResult>> partial;
        try (BlockExecutor executor = new BlockExecutor(threadCount)) {
            partial = scaled.obtain(job, identity, executor, "run");
        }
        if (scaled.isShard()) {
            scaled.writeShard(output, job, identity, partial, CommandLineText.of(spec), seed, threadCount);
            System.out.printf(Locale.ROOT, "run: shard %s (%s of %d) written to %s%n", scaled.shard(),
                    partial.range().describe(), branches, out);
            return 0;
        }
        SpineRunResult result = blocks.result(0, partial.state());
        double wallSec = scaled.wallTimeSec();
        Manifest manifest = new Manifest(scaled.commandText(CommandLineText.of(spec)), seed,
                scaled.threads(threadCount)).parameters(params.values())
                .put("drug", ap5 ? "ap5" : "none").put("pathways", describe(pathways))
                .put("pathway_inputs", setup.inputDescriptions());
        if (camkiiUsed != null) {
            manifest.put("camkii_parameters", camkiiUsed.values());
        }
        scaled.annotate(manifest);
        manifest.wallTimeSec(wallSec);
        output.write(manifest, dir -> {
            writeSpines(dir.resolve("spines.csv"), result);
            Manifest.json().writeValue(dir.resolve("summary.json").toFile(), RunSummary.json(result, wallSec));
            RunFigures.write(dir, result, describe(pathways) + (ap5 ? " + AP5" : ""));
        });
        scaled.finished();
        System.out.printf(Locale.ROOT, "run: %d spines on %d branch%s, %.1f s simulated in %.2f s; results in %s%n",
                result.spineCount(), branches, branches == 1 ? "" : "es", experiment.endMs() / 1000, wallSec, out);
        RunSummary.consoleLines(result).forEach(System.out::println);
        return 0;
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
