package org.ltpsim.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ltpsim.cli.experiment.BuiltInExperiment;
import org.ltpsim.cli.experiment.ExperimentRunner;
import org.ltpsim.cli.io.OutputDirectory;
import org.ltpsim.cli.io.TableFormat;
import org.ltpsim.cli.scale.ScaleOutOptions;
import org.ltpsim.cli.scale.ScaledRun;
import org.ltpsim.cli.spine.KeyValueOptions;
import org.ltpsim.cli.spine.NoiseModeOptions;
import org.ltpsim.cli.spine.NoiseOptions;
import org.ltpsim.cli.spine.SpineParameterOptions;
import org.ltpsim.params.ParameterSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ltpsim experiment}: the built-in experiments ({@code --list}), each writing a table, {@code summary.json},
 * a figure and a manifest to {@code --out}. The experiments themselves are in {@code org.ltpsim.cli.experiment}.
 */
@Command(name = "experiment", modelTransformer = ExperimentCommand.Options.class, mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Run a built-in experiment: a table (CSV or Parquet), summary.json, a figure (PNG and SVG) and "
                + "manifest.json.",
            "",
            "  ltpsim experiment --list",
            "  ltpsim experiment frequency-response --out runs/fr",
            "  ltpsim experiment frequency-response --set nmda.channels_per_spine=4 \\",
            "      --out runs/fr-nmda4",
            "  ltpsim experiment camkii-lifetime --out runs/lifetimes",
            "  ltpsim experiment rules --out runs/rules",
            "  ltpsim experiment noise-scaling --out runs/noise-scaling",
            "  ltpsim experiment noise-sources --out runs/noise-sources",
            "",
            "See docs/guide.md (Built-in experiments)."})
public final class ExperimentCommand implements Callable<Integer> {
    @CommandLine.Mixin
    CommonOptions shared;

    @CommandLine.Mixin
    TableFormat tables;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "the experiment (see --list)")
    String name;

    @Option(names = "--list", description = "list the experiments and exit")
    boolean list;

    @Mixin
    SpineParameterOptions parameters;

    @Option(names = "--spines", paramLabel = "N", description = "frequency-response: spines per frequency "
            + "(default " + org.ltpsim.cli.experiment.FrequencyResponse.DEFAULT_SPINES + "); camkii-lifetime: spines "
            + "per holoenzyme number (default " + org.ltpsim.cli.experiment.CamkiiLifetime.DEFAULT_SPINES + "); "
            + "noise-scaling, noise-sources: spines on the one branch of each grid point (default 100)")
    Integer spines;

    @Option(names = "--frequencies", paramLabel = "HZ,HZ,...", description = "frequency-response: the stimulation "
            + "rates in Hz, a list or START:STOP:N (default: "
            + org.ltpsim.cli.experiment.FrequencyResponse.DEFAULT_FREQUENCIES + ")")
    String frequencies;

    @Option(names = "--branches", paramLabel = "N", description = "rules: branches per condition (default "
            + org.ltpsim.cli.experiment.Rules.DEFAULT_BRANCHES + ")")
    Integer branches;

    @Option(names = "--holoenzymes", paramLabel = "H,H,...", description = "camkii-lifetime: holoenzymes per spine "
            + "(default " + org.ltpsim.cli.experiment.CamkiiLifetime.DEFAULT_HOLOENZYMES + ")")
    String holoenzymes;

    @Option(names = "--t-end", paramLabel = "S", description = "camkii-lifetime: simulated seconds per holoenzyme "
            + "number (default: from the expected lifetimes, see docs/guide.md)")
    Double tEndSec;

    @Option(names = "--param", paramLabel = "KEY=VALUES", description = "noise-scaling, noise-sources: the swept "
            + "stimulus strength, as sweep's --param (default protocol.hfs_pulses=4:64:16)")
    String param;

    @Option(names = "--scales", paramLabel = "K,K,...", description = "noise-scaling: at least 3 system sizes "
            + "(default 1,4,16,64)")
    String scales;

    @Mixin
    NoiseModeOptions noiseMode;

    @Mixin
    ScaleOutOptions scaleOut;

    @Override
    public Integer call() throws IOException {
        if (list) {
            if (name != null || shared.out() != null) {
                throw new UserInputException("--list takes no experiment name and no --out");
            }
            System.out.println("Built-in experiments (ltpsim experiment NAME --out DIR):");
            BuiltInExperiment.ALL.forEach(e -> System.out.println(e.listLine()));
            return 0;
        }
        if (name == null) {
            throw new UserInputException("give an experiment name (ltpsim experiment --list shows them)");
        }
        BuiltInExperiment experiment = BuiltInExperiment.named(name).orElseThrow(() -> {
            List<String> near = BuiltInExperiment.nearest(name);
            return new UserInputException("unknown experiment '" + name + "'" + (near.isEmpty() ? ""
                    : "; did you mean " + String.join(" or ", near) + "?") + " (known: "
                    + String.join(", ", BuiltInExperiment.names()) + ")");
        });
        if (!experiment.available()) {
            throw new UserInputException("experiment " + experiment.name() + " is not yet available: "
                    + experiment.unavailableReason());
        }
        if (shared.out() == null) {
            throw new UserInputException("experiment " + experiment.name() + " needs --out DIR");
        }
        refuseOptionsOf(experiment.name());
        NoiseOptions noise = noiseMode.noise();
        ScaledRun scaled = scaleOut.start();
        OutputDirectory output = shared.claimDirectory().tables(tables);
        int threadCount = shared.threadCount();
        ExperimentRunner runner = switch (experiment.name()) {
            case "frequency-response" -> ExperimentRunner.frequencyResponse(parameters.parameters(), keys(),
                    frequencies, spines, shared.seed(), noise);
            case "rules" -> ExperimentRunner.rules(parameters.parameters(), branches, shared.seed());
            case "noise-scaling" -> ExperimentRunner.noiseScaling(parameters.parameters(), param, scales, spines,
                    shared.seed());
            case "noise-sources" -> ExperimentRunner.noiseSources(parameters.parameters(), param, spines, shared.seed());
            case "camkii-lifetime" -> ExperimentRunner.camkiiLifetime(camkiiParameters(), keys(), holoenzymes,
                    spines, tEndSec, shared.seed());
            default -> throw new IllegalStateException(experiment.name());
        };
        runner.run(output, scaled, shared.seed(), threadCount, shared.out().toString())
                .forEach(System.out::println);
        return 0;
    }

    /** Options that belong to other experiments are refused, so that a typo does not go unnoticed. */
    private void refuseOptionsOf(String experiment) {
        List<String> refused = new ArrayList<>();
        boolean fr = experiment.equals("frequency-response");
        boolean rules = experiment.equals("rules");
        boolean camkii = experiment.equals("camkii-lifetime");
        boolean noise = experiment.startsWith("noise-");
        if (param != null && !noise) {
            refused.add("--param");
        }
        if (scales != null && !experiment.equals("noise-scaling")) {
            refused.add("--scales");
        }
        if (noiseMode.firstGiven() != null && !fr) {
            refused.add(noiseMode.firstGiven());
        }
        if (frequencies != null && !fr) {
            refused.add("--frequencies");
        }
        if (branches != null && !rules) {
            refused.add("--branches");
        }
        if (spines != null && rules) {
            refused.add("--spines (use --branches)");
        }
        if ((holoenzymes != null || tEndSec != null) && !camkii) {
            refused.add(holoenzymes != null ? "--holoenzymes" : "--t-end");
        }
        if ((parameters.file() != null || parameters.mg() != null) && camkii) {
            refused.add(parameters.file() != null ? "--params" : "--mg");
        }
        if (!refused.isEmpty()) {
            throw new UserInputException(String.join(", ", refused) + " does not apply to experiment " + experiment);
        }
    }

    /** camkii-lifetime's parameters: data/camkii.toml with each --set. */
    private ParameterSet camkiiParameters() {
        return KeyValueOptions.apply(ParameterSet.defaults("camkii"), parameters.sets(), "--set");
    }

    /** The --set keys, lower case (the experiments name the parameters a user changed). */
    private List<String> keys() {
        return KeyValueOptions.keys(parameters.sets()).stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
    }

    /** experiment's help words the shared spine options for the experiments that use them; --out is optional. */
    public static final class Options implements CommandLine.IModelTransformer {
        private static final Map<String, String> DESCRIPTIONS = Map.of(
                "--params", "TOML file of spine parameter overrides (frequency-response, rules)",
                "--set", "override one parameter as in 'run' (repeatable; data/spine.toml for frequency-response "
                        + "and rules, data/camkii.toml for camkii-lifetime)",
                "--mg", "extracellular Mg2+ in mM (frequency-response, rules)",
                "--deterministic", "frequency-response: in the deterministic limit (every source of noise "
                        + "mean-field; see run --help)",
                "--deterministic-sources", "frequency-response: only these sources mean-field: any of "
                        + "release,ampa,nmda,camkii",
                "--scale", "frequency-response: system size K (units x K, contributions / K; noise-scaling sets its "
                        + "own with --scales)");

        @Override
        public CommandSpec transform(CommandSpec spec) {
            new CommonOptions.OptionalOut().transform(spec);
            List<OptionSpec> options = List.copyOf(spec.options());
            options.forEach(spec::remove);
            for (OptionSpec option : options) { // re-added in order: the help lists them as declared
                String text = DESCRIPTIONS.get(option.longestName());
                spec.addOption(text == null ? option : option.toBuilder().description(text).build());
            }
            return spec;
        }
    }
}
