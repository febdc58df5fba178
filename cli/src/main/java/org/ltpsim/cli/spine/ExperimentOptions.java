package org.ltpsim.cli.spine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.ltpsim.cli.UserInputException;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.spine.SpineModel;
import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.input.Protocols;
import org.ltpsim.spine.input.SpikeTimeFile;
import org.ltpsim.spine.input.Stimulus;
import picocli.CommandLine.Model.CommandSpec;
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
        ParameterSet params = parameters(paramsFile, sets, mg, crossChecks);
        boolean ap5 = drug(drug);
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
            camkiiParams = ParameterSet.defaults("camkii");
            try {
                for (String set : camkiiSets) {
                    int eq = set.indexOf('=');
                    if (eq <= 0) {
                        throw new UserInputException("--camkii-set expects KEY=VALUE: '" + set + "'");
                    }
                    camkiiParams = camkiiParams.with(set.substring(0, eq).trim(), set.substring(eq + 1));
                }
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage(), e);
            }
        }
        return new ExperimentSetup(params, ap5, inputs, camkiiParams, mutant != null, inputDescriptions(inputs),
                keys(sets), keys(camkiiSets), mg != null);
    }

    /** Defaults, then the file, then each --set, then --mg; any bad key, unit or value is one line. */
    public static ParameterSet parameters(Path file, List<String> sets, Double mg) {
        return parameters(file, sets, mg, true);
    }

    private static ParameterSet parameters(Path file, List<String> sets, Double mg, boolean crossChecks) {
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
            if (crossChecks) {
                SpineModel.from(params, false);
            }
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
        boolean fromFile = parts[1].startsWith("file=");
        Stimulus stimulus = fromFile ? spikeTimes(Path.of(parts[1].substring(5))) : Protocols.named(parts[1], params);
        try {
            new Pathway(name, stimulus, count);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--pathway " + spec + ": " + e.getMessage(), e);
        }
        return fromFile ? ExperimentSetup.Input.file(name, stimulus, count)
                : ExperimentSetup.Input.protocol(name, parts[1], count);
    }

    /** The keys of KEY=VALUE options (well-formedness was checked when they were applied). */
    private static List<String> keys(List<String> keyValues) {
        List<String> keys = new ArrayList<>();
        for (String keyValue : keyValues) {
            keys.add(keyValue.substring(0, keyValue.indexOf('=')).trim());
        }
        return keys;
    }
}
