package org.ltpsim.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ltpsim.camkii.CamkiiParameters;
import org.ltpsim.cli.io.Manifest;
import org.ltpsim.cli.io.OutputDirectory;
import org.ltpsim.cli.io.ProgressBar;
import org.ltpsim.cli.spine.RunFigures;
import org.ltpsim.cli.spine.RunSummary;
import org.ltpsim.cli.spine.TraceRecording;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.spine.ReceptorChannels;
import org.ltpsim.spine.SpineModel;
import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.input.Protocols;
import org.ltpsim.spine.input.SpikeTimeFile;
import org.ltpsim.spine.input.Stimulus;
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
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Simulate spines under a stimulation protocol: individual AMPA/NMDA channels, voltage, "
                + "calcium and the calcium rule (LTP / LTD / none per spine).")
public final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--protocol", defaultValue = "hfs",
            description = "pathway A's protocol: hfs, lfs, tbs, pairing, none (default: ${DEFAULT-VALUE})")
    String protocol;

    @Option(names = "--spike-times", paramLabel = "FILE",
            description = "pathway A's presynaptic spike times (ascending) from a file, instead of --protocol; "
                    + "the unit is the file's '# unit: ms' or '# unit: s' line, else --spike-times-unit, else ms")
    Path spikeTimes;

    @Option(names = "--spike-times-unit", paramLabel = "ms|s",
            description = "unit of the numbers in spike-time files that do not state one (default: ms)")
    String spikeTimesUnit;

    @Option(names = "--spines", defaultValue = "100", description = "spines of pathway A (default: ${DEFAULT-VALUE}). "
            + "The spines of all pathways are dealt round-robin onto ceil(total / branch.spines_per_branch) branches "
            + "(100 spines per branch by default); spines of a branch share its voltage, so the number stimulated "
            + "together per branch sets the depolarisation and the outcome (cooperativity). Choose it with silent "
            + "spines, --pathway B:none:M, or with --set branch.spines_per_branch=K (docs/spine-model.md, "
            + "Branches and pathways)")
    int spines;

    @Option(names = "--pathway", paramLabel = "NAME:PROTOCOL:SPINES",
            description = "a further pathway on the same branches, e.g. B:none:100 or W:file=times.txt:10 "
                    + "(repeatable); its spines are spread evenly over all branches with A's: --spines 20 "
                    + "--pathway B:none:80 puts 20 stimulated and 80 silent spines on one branch of 100, "
                    + "--spines 200 --pathway B:none:800 the same on each of 10 branches")
    List<String> extraPathways = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "1", description = "master seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = ThreadCount.DESCRIPTION)
    Integer threads;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "output directory: a new or empty folder, or an earlier ltpsim result with --force")
    Path out;

    @Option(names = "--force", description = "replace --out when it holds an earlier ltpsim result")
    boolean force;

    @Option(names = "--params", paramLabel = "FILE", description = "TOML file of [section] key = value overrides")
    Path paramsFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override one parameter (repeatable)")
    List<String> sets = new ArrayList<>();

    @Option(names = "--drug", paramLabel = "NAME", description = "pharmacology: ap5 (NMDA receptors blocked)")
    String drug;

    @Option(names = "--mg", paramLabel = "MM", description = "extracellular Mg2+ in mM (0 = Mg-free bath)")
    Double mg;

    @Option(names = "--camkii", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "simulate CaMKII holoenzymes in every spine, driven by its calcium (data/camkii.toml; "
            + "on by default): fraction_camkii_on and the mechanistic outcome in the summary; --no-camkii for "
            + "the calcium rule alone")
    boolean camkii;

    @Option(names = "--mutant", paramLabel = "NAME", description = "CaMKII mutant: t286a (no T286 autophosphorylation)")
    String mutant;

    @Option(names = "--camkii-set", paramLabel = "KEY=VALUE", description = "override one CaMKII parameter "
            + "(data/camkii.toml; repeatable; not with --no-camkii)")
    List<String> camkiiSets = new ArrayList<>();

    @Option(names = "--record", paramLabel = "SPINES", description = "record these spines over time (Ca, Q, V, "
            + "CaMKII phosphorylated fraction, open channels) into traces.csv and traces.png; ids as in spines.csv, "
            + "e.g. 0,5,10-19")
    String record;

    @Option(names = "--record-every", paramLabel = "MS", description = "sampling interval of --record, ms: a whole "
            + "number of time steps (default: 1)")
    Double recordEveryMs;

    @Override
    public Integer call() throws IOException {
        OutputDirectory output = OutputDirectory.claim("--out", out, force);
        ParameterSet params = parameters(paramsFile, sets, mg);
        boolean ap5 = drug(drug);
        int threadCount = ThreadCount.resolve(threads);
        if (spikeTimes != null && spec.commandLine().getParseResult().hasMatchedOption("--protocol")) {
            throw new UserInputException("--protocol " + protocol + " and --spike-times " + spikeTimes
                    + " both set pathway A's input: give one");
        }
        List<Pathway> pathways = new ArrayList<>();
        Stimulus a = spikeTimes != null ? spikeTimes(spikeTimes) : Protocols.named(protocol, params);
        if (spines < 1) {
            throw new UserInputException("--spines must be >= 1: " + spines);
        }
        pathways.add(new Pathway("A", a, spines));
        for (String pathwaySpec : extraPathways) {
            Pathway extra = pathway(pathwaySpec, params);
            if (pathways.stream().anyMatch(p -> p.name().equals(extra.name()))) {
                throw new UserInputException("--pathway " + pathwaySpec + ": the name '" + extra.name()
                        + "' is taken (pathway A is --protocol's); give each pathway its own name");
            }
            pathways.add(extra);
        }
        if (pathways.stream().noneMatch(RunCommand::stimulated)) {
            throw new UserInputException("--protocol " + protocol + ": no pathway is stimulated, so there is "
                    + "nothing to measure; choose a protocol (hfs, lfs, tbs, pairing) or add a stimulated --pathway");
        }
        SpineModel model = SpineModel.from(params, ap5);
        SpineExperiment experiment = new SpineExperiment(model, pathways, seed, params.get("protocol.after_ms"), 0);
        ParameterSet camkiiParams = null;
        if (!camkiiSets.isEmpty() && !camkii) {
            throw new UserInputException("--camkii-set cannot be used with --no-camkii");
        }
        if (mutant != null && !mutant.equalsIgnoreCase("t286a")) {
            throw new UserInputException("unknown mutant '" + mutant + "' (known: t286a)");
        }
        if (mutant != null && !camkii) {
            throw new UserInputException("--mutant " + mutant + " cannot be used with --no-camkii");
        }
        if (camkii) {
            camkiiParams = ParameterSet.defaults("camkii");
            try {
                for (String set : camkiiSets) {
                    int eq = set.indexOf('=');
                    if (eq <= 0) {
                        throw new UserInputException("--camkii-set expects KEY=VALUE: '" + set + "'");
                    }
                    camkiiParams = camkiiParams.with(set.substring(0, eq).trim(), set.substring(eq + 1));
                }
                CamkiiParameters camkiiModel = CamkiiParameters.from(camkiiParams);
                if (mutant != null) {
                    camkiiModel = camkiiModel.withT286a();
                }
                experiment = experiment.withCamkii(camkiiModel, camkiiParams.getInt("holoenzyme.per_spine"));
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage(), e);
            }
        }
        TraceRequest traces = TraceRecording.request(record, recordEveryMs, experiment);
        SpineSimulator simulator = new SpineSimulator(new ReceptorChannels());
        int branches = simulator.branchCount(experiment);
        long start = System.nanoTime();
        SpineRunResult result;
        try (BlockExecutor executor = new BlockExecutor(threadCount);
                ProgressBar progress = new ProgressBar(System.err, "run", branches)) {
            result = simulator.run(experiment, executor, progress::update, traces);
        }
        double wallSec = (System.nanoTime() - start) / 1e9;
        final ParameterSet camkiiUsed = camkiiParams;
        Manifest manifest = new Manifest(CommandLineText.of(spec), seed, threadCount).parameters(params.values())
                .put("drug", ap5 ? "ap5" : "none").put("pathways", describe(pathways))
                .put("pathway_inputs", inputs(pathways));
        if (camkiiUsed != null) {
            manifest.put("camkii_parameters", camkiiUsed.values());
        }
        manifest.wallTimeSec(wallSec);
        output.write(manifest, dir -> {
            writeSpines(dir.resolve("spines.csv"), result);
            Manifest.json().writeValue(dir.resolve("summary.json").toFile(), RunSummary.json(result, wallSec));
            RunFigures.write(dir, result, describe(pathways) + (ap5 ? " + AP5" : ""));
        });
        System.out.printf(Locale.ROOT, "run: %d spines on %d branch%s, %.1f s simulated in %.2f s; results in %s%n",
                result.spineCount(), branches, branches == 1 ? "" : "es", experiment.endMs() / 1000, wallSec, out);
        RunSummary.consoleLines(result).forEach(System.out::println);
        return 0;
    }

    /** Defaults, then the file, then each --set, then --mg; any bad key, unit or value is one line. */
    static ParameterSet parameters(Path file, List<String> sets, Double mg) {
        ParameterSet params = ParameterSet.defaults("spine");
        try {
            if (file != null) {
                params = params.withOverridesFile(file);
            }
            for (String set : sets) {
                int eq = set.indexOf('=');
                if (eq <= 0) {
                    throw new UserInputException("--set expects KEY=VALUE: '" + set + "'");
                }
                params = params.with(set.substring(0, eq).trim(), set.substring(eq + 1));
            }
            if (mg != null) {
                params = params.with("nmda.mg_mm", Double.toString(mg));
            }
            SpineModel.from(params, false); // cross-parameter checks
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        return params;
    }

    static boolean drug(String drug) {
        if (drug == null || drug.equalsIgnoreCase("none")) {
            return false;
        }
        if (drug.equalsIgnoreCase("ap5") || drug.equalsIgnoreCase("apv")) {
            return true;
        }
        throw new UserInputException("unknown drug '" + drug + "' (known: ap5)");
    }

    /** Names become CSV column prefixes and plot labels: letters, digits, '_' and '-' only. */
    private static final java.util.regex.Pattern PATHWAY_NAME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    private Stimulus spikeTimes(Path file) {
        SpikeTimeFile.Read read;
        try {
            read = SpikeTimeFile.read(file, spikeTimesUnit);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        read.warning().ifPresent(w -> System.err.println("ltpsim: warning: " + w));
        spikeTimeUnits.put(read.stimulus().name(), read.unit() + " (from " + read.unitFrom() + ")");
        return read.stimulus();
    }

    /** The unit each spike-time file was read in, for the manifest. */
    private final java.util.Map<String, String> spikeTimeUnits = new java.util.LinkedHashMap<>();

    private java.util.Map<String, String> inputs(List<Pathway> pathways) {
        java.util.Map<String, String> inputs = new java.util.LinkedHashMap<>();
        for (Pathway p : pathways) {
            String name = p.stimulus().name();
            inputs.put(p.name(), spikeTimeUnits.containsKey(name) ? name + ", times in " + spikeTimeUnits.get(name)
                    : "protocol " + name);
        }
        return inputs;
    }

    Pathway pathway(String spec, ParameterSet params) {
        String[] parts = spec.split(":");
        if (parts.length != 3 || parts[0].isBlank()) {
            throw new UserInputException("--pathway expects NAME:PROTOCOL:SPINES, e.g. B:none:100: '" + spec + "'");
        }
        int count;
        try {
            count = Integer.parseInt(parts[2].trim());
        } catch (NumberFormatException e) {
            throw new UserInputException("--pathway " + spec + ": spine count '" + parts[2] + "' is not a number");
        }
        String name = parts[0].trim();
        if (!PATHWAY_NAME.matcher(name).matches()) {
            throw new UserInputException("--pathway " + spec + ": the name '" + name + "' must start with a letter "
                    + "and hold only letters, digits, '_' and '-'");
        }
        Stimulus stimulus = parts[1].startsWith("file=") ? spikeTimes(Path.of(parts[1].substring(5)))
                : Protocols.named(parts[1], params);
        try {
            return new Pathway(name, stimulus, count);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--pathway " + spec + ": " + e.getMessage(), e);
        }
    }

    static String describe(List<Pathway> pathways) {
        List<String> parts = new ArrayList<>();
        for (Pathway p : pathways) {
            parts.add(p.name() + "=" + p.stimulus().name() + " x " + p.spineCount());
        }
        return String.join(", ", parts);
    }

    static boolean stimulated(Pathway p) {
        return p.stimulus().pulseCount() > 0;
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
