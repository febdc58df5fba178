package org.ltpsim.cli.spine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ltpsim.camkii.CamkiiParameters;
import org.ltpsim.cli.UserInputException;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.spine.SpineModel;
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
 */
public record ExperimentSetup(ParameterSet spineParams, boolean ap5, List<Input> inputs, ParameterSet camkiiParams,
        boolean t286a, Map<String, String> inputDescriptions, List<String> setKeys, List<String> camkiiSetKeys,
        boolean mgGiven) {

    /** One pathway's input: a protocol name (built from each build's parameters) or a fixed stimulus from a file. */
    public record Input(String name, String protocol, Stimulus file, int spines) {
        static Input protocol(String name, String protocol, int spines) {
            return new Input(name, protocol, null, spines);
        }

        static Input file(String name, Stimulus stimulus, int spines) {
            return new Input(name, null, stimulus, spines);
        }
    }

    /** What {@link #build} made: the experiment and the parameter sets it was made from (for manifests). */
    public record Built(SpineExperiment experiment, ParameterSet spineParams, ParameterSet camkiiParams) {
        public List<Pathway> pathways() {
            return experiment.pathways();
        }
    }

    public ExperimentSetup {
        inputs = List.copyOf(inputs);
        inputDescriptions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputDescriptions));
        setKeys = List.copyOf(setKeys);
        camkiiSetKeys = List.copyOf(camkiiSetKeys);
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
        SpineModel model = SpineModel.from(params, ap5);
        SpineExperiment experiment = new SpineExperiment(model, pathways, seed, params.get("protocol.after_ms"), 0);
        if (camkiiSet != null) {
            try {
                CamkiiParameters camkiiModel = CamkiiParameters.from(camkiiSet);
                if (t286a) {
                    camkiiModel = camkiiModel.withT286a();
                }
                experiment = experiment.withCamkii(camkiiModel, camkiiSet.getInt("holoenzyme.per_spine"));
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage(), e);
            }
        }
        return new Built(experiment, params, camkiiSet);
    }
}
