package org.ltpsim.cli.spine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.ltpsim.cli.UserInputException;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.spine.expression.ExpressionModel;
import org.ltpsim.spine.input.Durations;
import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.input.Protocols;
import org.ltpsim.spine.input.SpikeTimeFile;
import org.ltpsim.spine.input.Stimulus;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options that describe a spine experiment (input pathways, parameters, drugs, CaMKII), shared as a picocli
 * {@code @Mixin} by {@code ltpsim run} and {@code ltpsim sweep}. {@link #resolve()} reads and checks them once (files,
 * names, keys, values: one line per problem); the {@link ExperimentSetup} it returns builds the experiment, again
 * for each point of a sweep with that point's parameter values on top.
 */
public final class ExperimentOptions {
    /** Names become CSV column prefixes and plot labels: letters, digits, '_' and '-' only. */
    private static final Pattern PATHWAY_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--protocol", defaultValue = "hfs",
            description = "pathway A's protocol: hfs, lfs, tbs, pairing, strong-tetanus, weak-tetanus, none "
                    + "(default: ${DEFAULT-VALUE}); NAME@START starts it later (weak-tetanus@30min), NAME*N/INTERVAL "
                    + "repeats it (hfs*3/10min), P1+P2 joins protocols (hfs+weak-tetanus@40min)")
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

    @Option(names = "--pathway", paramLabel = "NAME:PROTOCOL:SPINES[@START]",
            description = "a further pathway on the same branches, e.g. B:none:100 or W:file=times.txt:10 "
                    + "(repeatable); its spines are spread evenly over all branches with A's: --spines 20 "
                    + "--pathway B:none:80 puts 20 stimulated and 80 silent spines on one branch of 100, "
                    + "--spines 200 --pathway B:none:800 the same on each of 10 branches. @START delays its "
                    + "protocol: B:weak-tetanus:100@30min")
    List<String> extraPathways = new ArrayList<>();

    @Mixin
    SpineParameterOptions parameters;

    @Option(names = "--drug", paramLabel = "NAME", split = ",", description = "pharmacology (repeatable or "
            + "comma-separated): ap5 (NMDA receptors blocked; ap5@START-END for a timed application, expression "
            + "runs only, e.g. ap5@0-10min), actinomycin-d (no transcription), anisomycin (no protein synthesis); "
            + "the last two act on the late phase and need --duration")
    List<String> drugs = new ArrayList<>();

    @Option(names = "--duration", paramLabel = "TIME", description = "run for this long from the start (ms, s, min, "
            + "h: --duration 3h) and switch on the expression layers: AMPA receptor trafficking, weights, tag, "
            + "proteins (data/expression.toml; docs/expression.md); outputs weights.csv and weights.png")
    String duration;

    @Option(names = "--expression", negatable = true, description = "switch the expression layers on without "
            + "--duration (the run then ends protocol.after_ms after the last stimulus), or off with --duration; "
            + "default: on exactly when --duration is given")
    Boolean expression;

    @Option(names = "--neurons", paramLabel = "N", description = "expression runs: independent neurons, each with "
            + "every pathway's spines and its own nucleus and protein pool (default: 1)")
    Integer neurons;

    @Option(names = "--test-pulses", paramLabel = "INTERVAL", description = "expression runs: a single test pulse to "
            + "each pathway this often (e.g. 5min; pathway k 5 s after pathway k-1), for the EPSP readout (epsp.csv)")
    String testPulses;

    @Option(names = "--expression-set", paramLabel = "KEY=VALUE", description = "override one expression parameter "
            + "(data/expression.toml; repeatable; expression runs only)")
    List<String> expressionSets = new ArrayList<>();

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

    @Mixin
    NoiseModeOptions noiseMode;

    /** The unit each spike-time file was read in, for the manifest. */
    private final Map<String, String> spikeTimeUnits = new LinkedHashMap<>();

    /**
     * Reads and checks every option: parameters (file, each --set, --mg), drug, pathway A's input, further pathways
     * (their files are read here, once), CaMKII options. Any problem is a {@link UserInputException} naming it.
     */
    public ExperimentSetup resolve() {
        return resolve(true);
    }

    /**
     * As {@link #resolve()}, but the checks across parameters (e.g. rule.q_ltd_um_s &lt;= rule.q_ltp_um_s) wait for
     * {@link ExperimentSetup#build}: in a sweep the swept values complete the base parameters, and the base alone
     * need not be a valid model.
     */
    public ExperimentSetup resolveWithoutCrossChecks() {
        return resolve(false);
    }

    private ExperimentSetup resolve(boolean crossChecks) {
        ParameterSet params = parameters.parameters(crossChecks);
        Drugs drugList = Drugs.parse(drugs);
        boolean ap5 = drugList.ap5();
        if (spikeTimes != null && command.commandLine().getParseResult().hasMatchedOption("--protocol")) {
            throw new UserInputException("--protocol " + protocol + " and --spike-times " + spikeTimes
                    + " both set pathway A's input: give one");
        }
        List<ExperimentSetup.Input> inputs = new ArrayList<>();
        ExperimentSetup.Input a = spikeTimes != null ? ExperimentSetup.Input.file("A", spikeTimes(spikeTimes), spines)
                : ExperimentSetup.Input.protocol("A", checkedProtocol(protocol, params), spines);
        if (spines < 1) {
            throw new UserInputException("--spines must be >= 1: " + spines);
        }
        inputs.add(a);
        for (String pathwaySpec : extraPathways) {
            ExperimentSetup.Input extra = pathway(pathwaySpec, params);
            if (inputs.stream().anyMatch(p -> p.name().equals(extra.name()))) {
                throw new UserInputException("--pathway " + pathwaySpec + ": the name '" + extra.name()
                        + "' is taken (pathway A is --protocol's); give each pathway its own name");
            }
            inputs.add(extra);
        }
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
            camkiiParams = KeyValueOptions.apply(ParameterSet.defaults("camkii"), camkiiSets, "--camkii-set");
        }
        ExperimentSetup.Expression expressionSetup = expression(drugList, camkiiParams != null);
        return new ExperimentSetup(params, ap5, inputs, camkiiParams, mutant != null, inputDescriptions(inputs),
                KeyValueOptions.keys(parameters.sets()), KeyValueOptions.keys(camkiiSets), parameters.mg() != null,
                expressionSetup, drugList.names()).withNoise(noiseMode.noise());
    }

    /** The expression options, checked; null when the layers are off. */
    private ExperimentSetup.Expression expression(Drugs drugList, boolean camkiiOn) {
        boolean on = expression != null ? expression : duration != null;
        if (!on) {
            List<String> given = new ArrayList<>();
            if (duration != null) {
                given.add("--duration");
            }
            if (neurons != null) {
                given.add("--neurons");
            }
            if (testPulses != null) {
                given.add("--test-pulses");
            }
            if (!expressionSets.isEmpty()) {
                given.add("--expression-set");
            }
            if (drugList.lateDrug() != null) {
                given.add("--drug " + drugList.lateDrug());
            }
            if (drugList.timedAp5()) {
                given.add("--drug ap5@...");
            }
            if (!given.isEmpty()) {
                throw new UserInputException(String.join(", ", given) + (given.size() == 1 ? " needs" : " need")
                        + " the expression layers, which are on with --duration TIME (or --expression)"
                        + (expression != null ? "; --no-expression switched them off" : ""));
            }
            return null;
        }
        if (!camkiiOn) {
            throw new UserInputException("the expression layers need CaMKII (autonomous CaMKII drives receptor "
                    + "insertion): drop --no-camkii");
        }
        double durationMs = 0;
        if (duration != null) {
            try {
                durationMs = Durations.parseMs(duration);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--duration: " + e.getMessage(), e);
            }
            if (durationMs <= 0) {
                throw new UserInputException("--duration must be > 0: " + duration);
            }
        }
        int neuronCount = neurons == null ? 1 : neurons;
        if (neuronCount < 1) {
            throw new UserInputException("--neurons must be >= 1: " + neuronCount);
        }
        double testMs = 0;
        if (testPulses != null) {
            try {
                testMs = Durations.parseMs(testPulses);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--test-pulses: " + e.getMessage(), e);
            }
            if (testMs <= 0) {
                throw new UserInputException("--test-pulses must be > 0: " + testPulses);
            }
        }
        ParameterSet expressionParams = KeyValueOptions.apply(ParameterSet.defaults(ExpressionModel.PARAMETER_SET),
                expressionSets, "--expression-set");
        try {
            ExpressionModel.from(expressionParams, false, false); // cross-parameter checks
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        return new ExperimentSetup.Expression(expressionParams, durationMs, neuronCount, testMs,
                drugList.actinomycinD(), drugList.anisomycin(), drugList.ap5WindowsMs(),
                KeyValueOptions.keys(expressionSets));
    }

    /** The --drug list, read: AP5 for the whole run or in windows, and the late-phase drugs. */
    record Drugs(boolean ap5, double[] ap5WindowsMs, boolean actinomycinD, boolean anisomycin, List<String> names) {
        static Drugs parse(List<String> given) {
            boolean ap5 = false;
            List<Double> windows = new ArrayList<>();
            boolean actinomycin = false;
            boolean aniso = false;
            List<String> names = new ArrayList<>();
            for (String raw : given) {
                String d = raw.trim().toLowerCase(java.util.Locale.ROOT);
                if (d.isEmpty() || d.equals("none")) {
                    continue;
                }
                int at = d.indexOf('@');
                String name = at < 0 ? d : d.substring(0, at);
                if (name.equals("ap5") || name.equals("apv")) {
                    if (at < 0) {
                        ap5 = true;
                    } else {
                        double[] w = window(raw.trim(), d.substring(at + 1));
                        windows.add(w[0]);
                        windows.add(w[1]);
                    }
                    names.add(d.replace("apv", "ap5"));
                } else if (at >= 0) {
                    throw new UserInputException("--drug " + raw.trim() + ": only ap5 can be applied for a time window");
                } else if (name.equals("actinomycin-d") || name.equals("actinomycin")) {
                    actinomycin = true;
                    names.add("actinomycin-d");
                } else if (name.equals("anisomycin")) {
                    aniso = true;
                    names.add("anisomycin");
                } else {
                    throw new UserInputException("unknown drug '" + raw.trim() + "' (known: ap5, ap5@START-END, "
                            + "actinomycin-d, anisomycin)");
                }
            }
            double[] w = new double[windows.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = windows.get(i);
            }
            return new Drugs(ap5, w, actinomycin, aniso, List.copyOf(names));
        }

        /** START-END, each a duration; a bare START takes END's unit (0-10min). */
        private static double[] window(String drug, String text) {
            int dash = text.indexOf('-');
            if (dash <= 0 || dash == text.length() - 1) {
                throw new UserInputException("--drug " + drug + ": a window is START-END, e.g. ap5@0-10min");
            }
            String start = text.substring(0, dash).trim();
            String end = text.substring(dash + 1).trim();
            try {
                double endMs = Durations.parseMs(end);
                String unit = end.replaceAll("^[0-9.eE+\\s-]*", "");
                double startMs = Durations.parseMs(start, unit.isEmpty() ? null : unit);
                if (!(endMs > startMs)) {
                    throw new UserInputException("--drug " + drug + ": the window must end after it starts");
                }
                return new double[] {startMs, endMs};
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--drug " + drug + ": " + e.getMessage(), e);
            }
        }

        boolean timedAp5() {
            return ap5WindowsMs.length > 0;
        }

        /** The first late-phase drug given, or null. */
        String lateDrug() {
            return actinomycinD ? "actinomycin-d" : anisomycin ? "anisomycin" : null;
        }
    }

    /** The protocol name, checked by building it once from the base parameters. */
    private static String checkedProtocol(String name, ParameterSet params) {
        Protocols.named(name, params);
        return name;
    }

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

    private Map<String, String> inputDescriptions(List<ExperimentSetup.Input> inputs) {
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (ExperimentSetup.Input input : inputs) {
            if (input.file() != null) {
                String name = input.file().name();
                descriptions.put(input.name(), name + ", times in " + spikeTimeUnits.get(name));
            } else {
                descriptions.put(input.name(), "protocol " + input.protocol().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return descriptions;
    }

    private ExperimentSetup.Input pathway(String spec, ParameterSet params) {
        String[] parts = spec.split(":");
        if (parts.length != 3 || parts[0].isBlank()) {
            throw new UserInputException("--pathway expects NAME:PROTOCOL:SPINES, e.g. B:none:100: '" + spec + "'");
        }
        String countText = parts[2].trim();
        int at = countText.indexOf('@');
        if (at >= 0) { // NAME:PROTOCOL:SPINES@START: the start belongs to the protocol
            if (parts[1].startsWith("file=")) {
                throw new UserInputException("--pathway " + spec + ": @START applies to named protocols, not files");
            }
            parts[1] = "(" + parts[1] + ")@" + countText.substring(at + 1);
            countText = countText.substring(0, at).trim();
        }
        int count;
        try {
            count = Integer.parseInt(countText);
        } catch (NumberFormatException e) {
            throw new UserInputException("--pathway " + spec + ": spine count '" + countText + "' is not a number");
        }
        String name = parts[0].trim();
        if (!PATHWAY_NAME.matcher(name).matches()) {
            throw new UserInputException("--pathway " + spec + ": the name '" + name + "' must start with a letter "
                    + "and hold only letters, digits, '_' and '-'");
        }
        boolean fromFile = parts[1].startsWith("file=");
        Stimulus stimulus;
        try {
            stimulus = fromFile ? spikeTimes(Path.of(parts[1].substring(5))) : Protocols.named(parts[1], params);
        } catch (UserInputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--pathway " + spec + ": " + e.getMessage(), e);
        }
        try {
            new Pathway(name, stimulus, count);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--pathway " + spec + ": " + e.getMessage(), e);
        }
        return fromFile ? ExperimentSetup.Input.file(name, stimulus, count)
                : ExperimentSetup.Input.protocol(name, parts[1], count);
    }
}
