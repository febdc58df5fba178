package org.ltpsim.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.ltpsim.cli.spine.TraceRecording;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.spine.ReceptorChannels;
import org.ltpsim.spine.SpineModel;
import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.input.Protocols;
import org.ltpsim.spine.input.Stimulus;
import org.ltpsim.spine.sim.SpineExperiment;
import org.ltpsim.spine.sim.SpineRunResult;
import org.ltpsim.spine.sim.SpineSimulator;
import org.ltpsim.spine.sim.TraceRequest;
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
    @Option(names = "--protocol", defaultValue = "hfs",
            description = "pathway A's protocol: hfs, lfs, tbs, pairing, none (default: ${DEFAULT-VALUE})")
    String protocol;

    @Option(names = "--spike-times", paramLabel = "FILE",
            description = "pathway A's presynaptic spike times (ms, ascending) from a file, instead of --protocol")
    Path spikeTimes;

    @Option(names = "--spines", defaultValue = "100", description = "spines of pathway A (default: ${DEFAULT-VALUE})")
    int spines;

    @Option(names = "--pathway", paramLabel = "NAME:PROTOCOL:SPINES",
            description = "a further pathway on the same branches, e.g. B:none:100 or W:file=times.txt:10 "
                    + "(repeatable)")
    List<String> extraPathways = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "1", description = "master seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", defaultValue = "1", description = "worker threads (default: ${DEFAULT-VALUE})")
    int threads;

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
            + "(data/camkii.toml; repeatable; needs --camkii)")
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
        if (threads < 1) {
            throw new UserInputException("--threads must be >= 1: " + threads);
        }
        List<Pathway> pathways = new ArrayList<>();
        Stimulus a = spikeTimes != null ? Protocols.fromFile(spikeTimes) : Protocols.named(protocol, params);
        if (spines < 1) {
            throw new UserInputException("--spines must be >= 1: " + spines);
        }
        pathways.add(new Pathway("A", a, spines));
        for (String spec : extraPathways) {
            pathways.add(pathway(spec, params));
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
        try (BlockExecutor executor = new BlockExecutor(threads);
                ProgressBar progress = new ProgressBar(System.err, "run", branches)) {
            result = simulator.run(experiment, executor, progress::update, traces);
        }
        double wallSec = (System.nanoTime() - start) / 1e9;
        String command = "ltpsim run " + String.join(" ", commandLine());
        final ParameterSet camkiiUsed = camkiiParams;
        Manifest manifest = new Manifest(command, seed, threads).parameters(params.values())
                .put("drug", ap5 ? "ap5" : "none").put("pathways", describe(pathways));
        if (camkiiUsed != null) {
            manifest.put("camkii_parameters", camkiiUsed.values());
        }
        manifest.wallTimeSec(wallSec);
        output.write(manifest, dir -> {
            writeSpines(dir.resolve("spines.csv"), result);
            Manifest.json().writeValue(dir.resolve("summary.json").toFile(), summary(result, wallSec));
            RunFigures.write(dir, result, describe(pathways) + (ap5 ? " + AP5" : ""));
        });
        System.out.printf(Locale.ROOT, "%d spines on %d branches, %.1f s simulated in %.2f s: LTP %.3f, LTD %.3f, "
                + "none %.3f (stimulated spines); results in %s%n", result.spineCount(), branches,
                experiment.endMs() / 1000, wallSec, fraction(result, SpineRunResult.Outcome.LTP),
                fraction(result, SpineRunResult.Outcome.LTD), fraction(result, SpineRunResult.Outcome.NONE), out);
        return 0;
    }

    private List<String> commandLine() {
        List<String> words = new ArrayList<>();
        words.add("--protocol " + protocol);
        if (spikeTimes != null) {
            words.add("--spike-times " + spikeTimes);
        }
        words.add("--spines " + spines);
        extraPathways.forEach(p -> words.add("--pathway " + p));
        words.add("--seed " + seed);
        words.add("--threads " + threads);
        if (paramsFile != null) {
            words.add("--params " + paramsFile);
        }
        sets.forEach(s -> words.add("--set " + s));
        if (!camkii) {
            words.add("--no-camkii");
        }
        if (mutant != null) {
            words.add("--mutant " + mutant);
        }
        camkiiSets.forEach(s -> words.add("--camkii-set " + s));
        if (drug != null) {
            words.add("--drug " + drug);
        }
        if (mg != null) {
            words.add("--mg " + mg);
        }
        words.add("--out " + out);
        if (force) {
            words.add("--force");
        }
        if (record != null) {
            words.add("--record " + record);
        }
        if (recordEveryMs != null) {
            words.add("--record-every " + recordEveryMs);
        }
        return words;
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

    static Pathway pathway(String spec, ParameterSet params) {
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
        Stimulus stimulus = parts[1].startsWith("file=") ? Protocols.fromFile(Path.of(parts[1].substring(5)))
                : Protocols.named(parts[1], params);
        try {
            return new Pathway(parts[0].trim(), stimulus, count);
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

    static double fraction(SpineRunResult r, SpineRunResult.Outcome outcome) {
        int hits = 0;
        int total = 0;
        for (int i = 0; i < r.spineCount(); i++) {
            if (stimulated(r.pathways().get(r.layout().pathwayOf(i)))) {
                total++;
                if (r.outcome(i) == outcome) {
                    hits++;
                }
            }
        }
        return total == 0 ? Double.NaN : (double) hits / total;
    }

    static ObjectNode summary(SpineRunResult r, double wallSec) {
        ObjectNode root = Manifest.json().createObjectNode();
        int stimulated = 0;
        double peakSum = 0;
        for (int i = 0; i < r.spineCount(); i++) {
            if (stimulated(r.pathways().get(r.layout().pathwayOf(i)))) {
                stimulated++;
                peakSum += r.peakCaMicroMolar(i);
            }
        }
        root.put("spines", r.spineCount());
        root.put("stimulated_spines", stimulated);
        root.put("branches", r.layout().branchCount());
        putFraction(root, "fraction_ltp", fraction(r, SpineRunResult.Outcome.LTP));
        putFraction(root, "fraction_ltd", fraction(r, SpineRunResult.Outcome.LTD));
        putFraction(root, "fraction_none", fraction(r, SpineRunResult.Outcome.NONE));
        putFraction(root, "mean_peak_ca_uM", stimulated == 0 ? Double.NaN : peakSum / stimulated);
        if (r.hasCamkii()) {
            int on = 0;
            int ltp = 0;
            for (int i = 0; i < r.spineCount(); i++) {
                if (stimulated(r.pathways().get(r.layout().pathwayOf(i)))) {
                    on += r.camkiiOn(i) ? 1 : 0;
                    ltp += r.camkiiLtp(i) ? 1 : 0;
                }
            }
            putFraction(root, "fraction_camkii_on", stimulated == 0 ? Double.NaN : (double) on / stimulated);
            putFraction(root, "fraction_camkii_ltp", stimulated == 0 ? Double.NaN : (double) ltp / stimulated);
        }
        root.put("q_ltd_uM_s", r.experiment().model().qLtdMicroMolarSec());
        root.put("q_ltp_uM_s", r.experiment().model().qLtpMicroMolarSec());
        root.put("simulated_ms", r.experiment().endMs());
        root.put("ap5", r.experiment().model().ap5());
        root.put("mg_mM", r.experiment().model().mgMilliMolar());
        ArrayNode pathways = root.putArray("pathways");
        for (int p = 0; p < r.pathways().size(); p++) {
            Pathway pathway = r.pathways().get(p);
            ObjectNode node = pathways.addObject();
            node.put("name", pathway.name());
            node.put("protocol", pathway.stimulus().name());
            node.put("pulses", pathway.stimulus().pulseCount());
            node.put("spines", pathway.spineCount());
            putFraction(node, "fraction_ltp", r.fraction(p, SpineRunResult.Outcome.LTP));
            putFraction(node, "fraction_ltd", r.fraction(p, SpineRunResult.Outcome.LTD));
            putFraction(node, "fraction_none", r.fraction(p, SpineRunResult.Outcome.NONE));
            putFraction(node, "mean_peak_ca_uM", r.mean(p, r::peakCaMicroMolar));
            putFraction(node, "mean_q_max_uM_s", r.mean(p, r::qMaxMicroMolarSec));
            putFraction(node, "mean_peak_depolarisation_mV", r.mean(p, r::peakDepolarisationMv));
            putFraction(node, "mean_ca_elevated_ms", r.mean(p, r::caElevatedMs));
            if (r.hasCamkii()) {
                putFraction(node, "fraction_camkii_on", r.fractionCamkiiOn(p));
            }
        }
        root.put("fast_steps", r.fastSteps());
        root.put("slow_steps", r.slowSteps());
        root.put("silence_jumps", r.jumps());
        root.put("wall_time_s", wallSec);
        return root;
    }

    private static void putFraction(ObjectNode node, String key, double value) {
        if (Double.isNaN(value)) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
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
                        + r.camkiiLtp(i) : "") + "\n");
            }
        }
    }
}
