package org.ltpsim.cli.spine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ltpsim.cli.UserInputException;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.spine.SpineModel;
import picocli.CommandLine.Option;

/**
 * {@code --params}, {@code --set} and {@code --mg}: the spine parameters a run starts from, as one picocli
 * {@code @Mixin} for {@code run}, {@code sweep} (through {@link ExperimentOptions}) and {@code experiment} (which
 * words their help for its experiments).
 */
public final class SpineParameterOptions {
    @Option(names = "--params", paramLabel = "FILE", description = "TOML file of [section] key = value overrides")
    Path paramsFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override one parameter (repeatable)")
    List<String> sets = new ArrayList<>();

    @Option(names = "--mg", paramLabel = "MM", description = "extracellular Mg2+ in mM (0 = Mg-free bath)")
    Double mg;

    /** Defaults, then the file, then each --set, then --mg, checked across parameters too. */
    public ParameterSet parameters() {
        return parameters(true);
    }

    /**
     * As {@link #parameters()}; without {@code crossChecks} the checks across parameters (e.g. rule.q_ltd_um_s
     * &lt;= rule.q_ltp_um_s) are left to whoever completes the set (a sweep's points).
     */
    ParameterSet parameters(boolean crossChecks) {
        return parameters(paramsFile, sets, mg, crossChecks);
    }

    /** The --set assignments as given. */
    public List<String> sets() {
        return List.copyOf(sets);
    }

    /** The --params file, or null. */
    public Path file() {
        return paramsFile;
    }

    /** --mg, or null when not given. */
    public Double mg() {
        return mg;
    }

    /** Defaults, then the file, then each --set, then --mg; any bad key, unit or value is one line. */
    public static ParameterSet parameters(Path file, List<String> sets, Double mg, boolean crossChecks) {
        ParameterSet params = ParameterSet.defaults("spine");
        try {
            if (file != null) {
                params = params.withOverridesFile(file);
            }
            params = KeyValueOptions.apply(params, sets, "--set");
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
}
