package org.ltpsim.cli.spine;

import org.ltpsim.cli.UserInputException;
import org.ltpsim.spine.NoiseSource;
import picocli.CommandLine.Option;

/**
 * {@code --deterministic}, {@code --deterministic-sources} and {@code --scale}: how much noise a spine run has, as
 * one picocli {@code @Mixin} for {@code run}, {@code sweep} (through {@link ExperimentOptions}) and
 * {@code experiment} (which words their help for frequency-response).
 */
public final class NoiseModeOptions {
    @Option(names = "--deterministic", description = "the same model in its large-number limit: release as its "
            + "mean, AMPA / NMDA gating as state fractions times the receptor number, CaMKII as subunit state "
            + "fractions; no random numbers, every spine of a pathway identical (outcomes 0 or 1), one branch "
            + "simulated per experiment (docs/sweeps.md, The deterministic limit)")
    boolean deterministic;

    @Option(names = "--deterministic-sources", paramLabel = "SOURCES", description = "make only these sources of "
            + "noise mean-field: any of release,ampa,nmda,camkii (comma-separated); the others stay stochastic")
    String sources;

    @Option(names = "--scale", paramLabel = "K", description = "system-size expansion: release sites, AMPA / NMDA "
            + "receptors and CaMKII holoenzymes times K, glutamate per vesicle and unitary conductances divided by K, "
            + "so means stay put and the noise shrinks about as K^-1/2 (default 1)")
    String scaleText;

    /** The first of these options given (for a refusal that names it), or null when none was. */
    public String firstGiven() {
        return deterministic ? "--deterministic" : sources != null ? "--deterministic-sources"
                : scaleText != null ? "--scale" : null;
    }

    /**
     * The options, checked: a scale is a finite number &gt; 0, every source name known; --deterministic with either
     * of the others is refused (it already makes every source mean-field, and the scale of a run without noise
     * changes nothing).
     */
    public NoiseOptions noise() {
        if (deterministic && sources != null) {
            throw new UserInputException("--deterministic makes every source mean-field, --deterministic-sources "
                    + sources + " names some: give one");
        }
        if (deterministic && scaleText != null) {
            throw new UserInputException("--scale " + scaleText + " has no effect with --deterministic (no noise "
                    + "left to scale): give one");
        }
        double k = 1;
        if (scaleText != null) {
            try {
                k = Double.parseDouble(scaleText.trim());
            } catch (NumberFormatException e) {
                throw new UserInputException("--scale must be a number > 0: '" + scaleText + "'", e);
            }
            if (!(k > 0) || Double.isInfinite(k)) {
                throw new UserInputException("--scale must be a number > 0: '" + scaleText + "'");
            }
        }
        if (deterministic) {
            return NoiseOptions.deterministic();
        }
        if (sources != null) {
            try {
                return new NoiseOptions(k, NoiseSource.parseList(sources));
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--deterministic-sources " + sources + ": " + e.getMessage(), e);
            }
        }
        return NoiseOptions.NONE.withScale(k);
    }
}
