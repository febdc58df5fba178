package org.ltpsim.cli.spine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ltpsim.camkii.CamkiiParameters;
import org.ltpsim.cli.UserInputException;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.spine.SpineModel;
import org.ltpsim.spine.SystemSize;
import org.ltpsim.spine.expression.ExpressionModel;
import org.ltpsim.spine.expression.ExpressionSettings;
import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.input.Protocols;
import org.ltpsim.spine.input.Stimulus;
import org.ltpsim.spine.sim.SpineExperiment;

/**
 * A checked experiment description from {@link ExperimentOptions#resolve()}: base parameters, drug, input
 * pathways (a named protocol, rebuilt from the parameters of each build, or spike times read once from a file) and
 * CaMKII. {@link #build} turns it into a {@link SpineExperiment}, optionally with further parameter values on top
 * (one sweep point).
 *
 * @param spineParams defaults, then --params, each --set and --mg
 * @param camkiiParams CaMKII defaults and each --camkii-set; null with --no-camkii
 * @param inputDescriptions pathway name to its input in words ("protocol hfs", "times.txt, times in ms (from ...)")
 * @param setKeys the spine keys given with --set
 * @param camkiiSetKeys the CaMKII keys given with --camkii-set
 * @param mgGiven whether --mg set nmda.mg_mm
 * @param expression the expression layers' options, or null when they are off
 * @param drugs the drugs given, normalised (ap5, ap5@0-10min, actinomycin-d, anisomycin), for manifests
 * @param noise --scale and the mean-field sources ({@link NoiseOptions#NONE}: the stochastic model as it is)
 */
public record ExperimentSetup(ParameterSet spineParams, boolean ap5, List<Input> inputs, ParameterSet camkiiParams,
        boolean t286a, Map<String, String> inputDescriptions, List<String> setKeys, List<String> camkiiSetKeys,
        boolean mgGiven, Expression expression, List<String> drugs, NoiseOptions noise) {

    /** Without noise options: the stochastic model as it is. */
    public ExperimentSetup(ParameterSet spineParams, boolean ap5, List<Input> inputs, ParameterSet camkiiParams,
            boolean t286a, Map<String, String> inputDescriptions, List<String> setKeys, List<String> camkiiSetKeys,
            boolean mgGiven, Expression expression, List<String> drugs) {
        this(spineParams, ap5, inputs, camkiiParams, t286a, inputDescriptions, setKeys, camkiiSetKeys, mgGiven,
                expression, drugs, NoiseOptions.NONE);
    }

    /** The same setup with other noise options (scale, mean-field sources). */
    public ExperimentSetup withNoise(NoiseOptions options) {
        if (expression != null && !options.equals(NoiseOptions.NONE)) {
            throw new UserInputException("--scale and --deterministic(-sources) are not available with the expression "
                    + "layers (receptor trafficking moves single receptors): drop --duration / --expression");
        }
        return new ExperimentSetup(spineParams, ap5, inputs, camkiiParams, t286a, inputDescriptions, setKeys,
                camkiiSetKeys, mgGiven, expression, drugs, options);
    }

    /**
     * The expression options: parameters (defaults and each --expression-set), run length (0: set by the stimuli),
     * neurons, test pulse interval (0: none), late-phase drugs and timed AP5 windows ([start, end) ms pairs).
     */
    public record Expression(ParameterSet params, double durationMs, int neurons, double testPulseEveryMs,
            boolean actinomycinD, boolean anisomycin, double[] ap5WindowsMs, List<String> setKeys) {
        public Expression {
            ap5WindowsMs = ap5WindowsMs.clone();
            setKeys = List.copyOf(setKeys);
        }

        /** The settings for one build: weights recorded every minute unless the run changes it. */
        ExpressionSettings settings(ParameterSet expressionParams) {
            ExpressionModel model = ExpressionModel.from(expressionParams, actinomycinD, anisomycin);
            ExpressionSettings s = new ExpressionSettings(model, durationMs, 60_000, neurons, testPulseEveryMs,
                    ap5WindowsMs);
            return s;
        }
    }

    /** Without the expression layers (the form before they existed). */
    public ExperimentSetup(ParameterSet spineParams, boolean ap5, List<Input> inputs, ParameterSet camkiiParams,
            boolean t286a, Map<String, String> inputDescriptions, List<String> setKeys, List<String> camkiiSetKeys,
            boolean mgGiven) {
        this(spineParams, ap5, inputs, camkiiParams, t286a, inputDescriptions, setKeys, camkiiSetKeys, mgGiven, null,
                ap5 ? List.of("ap5") : List.of());
    }

    /** One pathway's input: a protocol name (built from each build's parameters) or a fixed stimulus from a file. */
    public record Input(String name, String protocol, Stimulus file, int spines) {
        static Input protocol(String name, String protocol, int spines) {
            return new Input(name, protocol, null, spines);
        }

        static Input file(String name, Stimulus stimulus, int spines) {
            return new Input(name, null, stimulus, spines);
        }
    }

    /**
     * What {@link #build} made: the experiment and the parameter sets it was made from (for manifests); the expression
     * parameters are null without the expression layers.
     */
    public record Built(SpineExperiment experiment, ParameterSet spineParams, ParameterSet camkiiParams,
            ParameterSet expressionParams) {
        public List<Pathway> pathways() {
            return experiment.pathways();
        }
    }

    public ExperimentSetup {
        inputs = List.copyOf(inputs);
        inputDescriptions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputDescriptions));
        setKeys = List.copyOf(setKeys);
        camkiiSetKeys = List.copyOf(camkiiSetKeys);
        drugs = List.copyOf(drugs);
        noise = noise == null ? NoiseOptions.NONE : noise;
    }

    /** The drugs in words for manifests: "none" or the list joined by '+'. */
    public String drugText() {
        return drugs.isEmpty() ? "none" : String.join("+", drugs);
    }

    /** Whether CaMKII holoenzymes are simulated. */
    public boolean camkii() {
        return camkiiParams != null;
    }

    /** The experiment as the options describe it. */
    public Built build(long seed) {
        return build(seed, Map.of(), Map.of());
    }

    /**
     * The experiment with {@code spineValues} (spine key to value text) and {@code camkiiValues} (CaMKII key to
     * value text) applied on top of the options' parameters; protocols are rebuilt from the result. Any bad key,
     * value, or combination is a {@link UserInputException}.
     */
    public Built build(long seed, Map<String, String> spineValues, Map<String, String> camkiiValues) {
        ParameterSet params = spineParams;
        ParameterSet camkiiSet = camkiiParams;
        try {
            for (Map.Entry<String, String> value : spineValues.entrySet()) {
                params = params.with(value.getKey(), value.getValue());
            }
            SpineModel.from(params, false); // cross-parameter checks
            if (!camkiiValues.isEmpty() && camkiiSet == null) {
                throw new UserInputException("CaMKII parameters cannot be set with --no-camkii: "
                        + String.join(", ", camkiiValues.keySet()));
            }
            for (Map.Entry<String, String> value : camkiiValues.entrySet()) {
                camkiiSet = camkiiSet.with(value.getKey(), value.getValue());
            }
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        List<Pathway> pathways = new ArrayList<>();
        for (Input input : inputs) {
            Stimulus stimulus = input.file() != null ? input.file() : Protocols.named(input.protocol(), params);
            pathways.add(new Pathway(input.name(), stimulus, input.spines()));
        }
        if (pathways.stream().noneMatch(p -> p.stimulus().pulseCount() > 0)) {
            Input a = inputs.get(0);
            throw new UserInputException((a.protocol() != null ? "--protocol " + a.protocol() : "--spike-times "
                    + a.file().name()) + ": no pathway is stimulated, so "
                    + "there is nothing to measure; choose a protocol (hfs, lfs, tbs, pairing) or add a stimulated "
                    + "--pathway");
        }
        SpineModel model;
        try {
            model = SystemSize.scale(SpineModel.from(params, ap5), noise.scale());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--scale: " + e.getMessage(), e);
        }
        SpineExperiment experiment = new SpineExperiment(model, pathways, seed, params.get("protocol.after_ms"), 0);
        if (camkiiSet != null) {
            try {
                CamkiiParameters camkiiModel = CamkiiParameters.from(camkiiSet);
                if (t286a) {
                    camkiiModel = camkiiModel.withT286a();
                }
                experiment = experiment.withCamkii(camkiiModel,
                        SystemSize.holoenzymes(camkiiSet.getInt("holoenzyme.per_spine"), noise.scale()));
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage(), e);
            }
        }
        if (expression != null) {
            try {
                experiment = experiment.withExpression(expression.settings(expression.params()));
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage().startsWith("the duration")
                        ? "--duration " + e.getMessage().substring(4) : e.getMessage(), e);
            }
        }
        return new Built(experiment, params, camkiiSet, expression == null ? null : expression.params());
    }
}
