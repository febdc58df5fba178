package org.ltpsim.cli.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ltpsim.params.NumberText;
import org.ltpsim.stats.SigmoidFit;

/**
 * {@code sweep --compare-deterministic}: the stochastic thresholds beside the deterministic steps, and what noise
 * does to each: the shift (stochastic threshold minus deterministic step, with the stochastic threshold's 95%
 * interval carried over) and the broadening (the stochastic 10-90% width; the deterministic width is 0).
 */
public final class NoiseComparison {
    private NoiseComparison() {}

    /** Adds {@code deterministic} and {@code noise_effect} objects to {@code threshold.json}'s root. */
    public static void addTo(ObjectNode root, Map<Outcome, ThresholdReport.OutcomeFit> fits,
            Map<Outcome, DeterministicStep> steps) {
        ObjectNode deterministic = root.putObject("deterministic");
        deterministic.put("method", "every source of noise mean-field (--deterministic): each outcome is 0 or 1 at a "
                + "value, a step; bracketed on the grid, then bisected with further deterministic runs");
        ObjectNode effect = root.putObject("noise_effect");
        effect.put("definition", "shift = stochastic threshold - deterministic step (interval: the stochastic "
                + "threshold's 95% interval minus the step); broadening = stochastic width_10_90 (deterministic: 0)");
        for (Map.Entry<Outcome, DeterministicStep> e : steps.entrySet()) {
            DeterministicStep step = e.getValue();
            ObjectNode node = deterministic.putObject(e.getKey().jsonName());
            number(node, "threshold", step.threshold());
            if (Double.isNaN(step.lower())) {
                node.putNull("bracket");
            } else {
                node.putArray("bracket").add(ThresholdReport.rounded(step.lower()))
                        .add(ThresholdReport.rounded(step.upper()));
            }
            node.put("width_10_90", 0.0);
            node.put("bisection_runs", step.runs());
            if (step.reason() == null) {
                node.putNull("reason");
            } else {
                node.put("reason", step.reason());
            }
            ThresholdReport.OutcomeFit fit = fits.get(e.getKey());
            ObjectNode n = effect.putObject(e.getKey().jsonName());
            SigmoidFit s = fit == null ? null : fit.primary();
            boolean both = s != null && s.identified() && Double.isFinite(step.threshold());
            number(n, "shift", both ? s.threshold() - step.threshold() : Double.NaN);
            if (both && s.thresholdCi().bounded()) {
                n.putArray("shift_ci95").add(ThresholdReport.rounded(s.thresholdCi().lower() - step.threshold()))
                        .add(ThresholdReport.rounded(s.thresholdCi().upper() - step.threshold()));
            } else {
                n.putNull("shift_ci95");
            }
            number(n, "broadening_width_10_90", s != null && s.identified() ? s.width1090() : Double.NaN);
            if (s != null && s.identified() && s.widthCi().bounded()) {
                n.putArray("broadening_ci95").add(ThresholdReport.rounded(s.widthCi().lower()))
                        .add(ThresholdReport.rounded(s.widthCi().upper()));
            } else {
                n.putNull("broadening_ci95");
            }
        }
    }

    /** Console lines: per outcome, both thresholds, the shift and the broadening. */
    public static List<String> lines(String key, Map<Outcome, ThresholdReport.OutcomeFit> fits,
            Map<Outcome, DeterministicStep> steps) {
        List<String> lines = new ArrayList<>();
        lines.add("noise vs deterministic limit (" + key + "):");
        for (Map.Entry<Outcome, DeterministicStep> e : steps.entrySet()) {
            DeterministicStep step = e.getValue();
            SigmoidFit s = fits.containsKey(e.getKey()) ? fits.get(e.getKey()).primary() : null;
            String det = Double.isFinite(step.threshold()) ? NumberText.of(ThresholdReport.rounded(step.threshold()))
                    + " [" + NumberText.of(ThresholdReport.rounded(step.lower())) + ", "
                    + NumberText.of(ThresholdReport.rounded(step.upper())) + "]" : step.reason();
            String sto = s != null && s.identified() ? NumberText.of(ThresholdReport.rounded(s.threshold()))
                    + " (95% " + interval(s.thresholdCi()) + "), width " + NumberText.of(ThresholdReport.rounded(
                    s.width1090())) + " (95% " + interval(s.widthCi()) + ")" : s == null ? "not fitted" : s.reason();
            String shift = s != null && s.identified() && Double.isFinite(step.threshold())
                    ? String.format(Locale.ROOT, "; shift %+.4g, broadening %.4g", s.threshold() - step.threshold(),
                    s.width1090()) : "";
            lines.add(String.format(Locale.ROOT, "  %-9s deterministic step %s; stochastic %s%s",
                    e.getKey().jsonName(), det, sto, shift));
        }
        return lines;
    }

    private static String interval(SigmoidFit.Interval i) {
        return "[" + (Double.isFinite(i.lower()) ? NumberText.of(ThresholdReport.rounded(i.lower())) : "-inf") + ", "
                + (Double.isFinite(i.upper()) ? NumberText.of(ThresholdReport.rounded(i.upper())) : "inf") + "]";
    }

    private static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, ThresholdReport.rounded(value));
        } else {
            node.putNull(key);
        }
    }
}
