package org.ltpsim.cli.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ltpsim.params.KeySuggestions;

/**
 * The built-in experiments of {@code ltpsim experiment}: their names, what each measures, and whether it can run
 * today (an experiment that cannot run is listed with its reason and refused rather than faked).
 *
 * @param name the name on the command line
 * @param summary one line: what it measures and writes
 * @param available whether the experiment can run
 * @param unavailableReason why not (null when available)
 */
public record BuiltInExperiment(String name, String summary, boolean available, String unavailableReason) {
    public static final List<BuiltInExperiment> ALL = List.of(
            new BuiltInExperiment("frequency-response", "900 pulses at 0.5-100 Hz (Dudek & Bear 1992): P(LTP), "
                    + "P(LTD), net plasticity per frequency and the LTD-to-LTP crossover frequency with its 95% "
                    + "interval", true, null),
            new BuiltInExperiment("camkii-lifetime", "CaMKII switch ON/OFF lifetimes at resting calcium against the "
                    + "number of holoenzymes per spine (Miller et al. 2005), with the fitted growth per holoenzyme",
                    true, null),
            new BuiltInExperiment("rules", "input specificity, cooperativity, associativity, AP5, T286A: one row per "
                    + "condition with calcium-rule and CaMKII readouts and Wilson 95% intervals", true, null),
            new BuiltInExperiment("noise-scaling", "LTP / CaMKII ON threshold 10-90% width against the system size "
                    + "(--scale K: units x K, contributions / K) for 3+ scales, with the fitted exponent (expected "
                    + "-1/2) and the deterministic step", true, null),
            new BuiltInExperiment("noise-sources", "threshold position and width with all sources stochastic, each "
                    + "source (release, ampa, nmda, camkii) alone mean-field, and all deterministic; each source's "
                    + "share of the width", true, null));

    /** The experiment of this name, if any (case-insensitive). */
    public static Optional<BuiltInExperiment> named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(e -> e.name.equals(wanted)).findFirst();
    }

    /** All names. */
    public static List<String> names() {
        return ALL.stream().map(BuiltInExperiment::name).toList();
    }

    /** The closest names to {@code wanted} (edit distance at most 3, or sharing a prefix), best first. */
    public static List<String> nearest(String wanted) {
        String w = wanted.toLowerCase(Locale.ROOT);
        List<String> near = new ArrayList<>();
        int best = Integer.MAX_VALUE;
        for (String name : names()) {
            int d = KeySuggestions.levenshtein(w, name);
            boolean prefix = w.length() >= 3 && (name.startsWith(w) || w.startsWith(name.substring(0, 3)));
            if (d > 3 && !prefix) {
                continue;
            }
            if (d < best) {
                near.add(0, name);
                best = d;
            } else {
                near.add(name);
            }
        }
        return near;
    }

    /** One line for {@code --list}. */
    public String listLine() {
        return String.format(Locale.ROOT, "  %-20s %s%s", name, summary,
                available ? "" : " [not yet available: " + unavailableReason + "]");
    }
}
