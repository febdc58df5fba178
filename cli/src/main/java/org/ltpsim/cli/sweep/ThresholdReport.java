package org.ltpsim.cli.sweep;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import org.ltpsim.cli.io.Manifest;
import org.ltpsim.stats.LogisticFit;
import org.ltpsim.stats.SigmoidFit;

/**
 * {@code threshold.json} of a one-parameter sweep: for each fitted outcome its definition, threshold, 10-90 width,
 * their 95% intervals, the fit's deviance and goodness of fit, or the reason the threshold is not identified.
 * Fitted numbers are rounded to 6 significant digits; a missing or unbounded value is {@code null}.
 */
public final class ThresholdReport {
    private static final MathContext DIGITS = new MathContext(6);

    /** How the grid was refined: the target interval width, rounds done, whether it was reached, and why it stopped. */
    public record Refinement(double targetWidth, int rounds, boolean reached, String stoppedBecause) {}

    /**
     * Both fits of one outcome: {@code primary} with the quasi-binomial intervals reported as threshold_ci95 and
     * width_ci95, {@code binomial} with the intervals that treat spines as independent (same estimates).
     */
    public record OutcomeFit(SigmoidFit primary, SigmoidFit binomial) {
        /** Fits the outcome's counts both ways. */
        public static OutcomeFit of(org.ltpsim.stats.BinomialGroups groups) {
            return new OutcomeFit(LogisticFit.fit(groups, LogisticFit.Method.QUASI_BINOMIAL), LogisticFit.fit(groups));
        }
    }

    private ThresholdReport() {}

    /**
     * The report. {@code definitions} maps each fitted outcome to its definition in words; {@code refinement} is
     * null without {@code --refine}.
     */
    public static ObjectNode json(SweepAxis axis, List<SweepTable.Row> rows, Map<Outcome, OutcomeFit> fits,
            Map<Outcome, String> definitions, String randomNumbers, Refinement refinement) {
        ObjectNode root = Manifest.json().createObjectNode();
        root.put("parameter", axis.key());
        root.put("unit", axis.parameter().unit());
        root.put("grid_points", rows.size());
        root.put("spines_per_point", rows.get(0).readouts().spines());
        root.put("model", "logistic: P(x) = 1 / (1 + exp(-(x - threshold) / s)); threshold: P = 0.5; width_10_90 = "
                + "2 ln(9) |s|, the distance in x from P = 0.1 to P = 0.9");
        root.put("fit", "maximum likelihood on the per-spine outcomes (binomial counts per grid point), "
                + "Newton-Raphson with step halving; complete separation reported, not fitted");
        root.put("intervals", "95% profile quasi-likelihood for threshold and width: spines that share a branch share "
                + "its voltage and are not independent, so the grid points vary more than binomial; the likelihood-"
                + "ratio statistic is divided by the dispersion (Pearson X^2 / (grid points - 2)) and compared with "
                + "F(1, grid points - 2). binomial_threshold_ci95 and binomial_width_ci95 treat every spine as an "
                + "independent trial (chi-square(1) cut " + String.format(java.util.Locale.ROOT, "%.3f",
                LogisticFit.CUT_95) + "): too narrow when the dispersion is above 1. With 2 grid points only the "
                + "binomial intervals exist");
        root.put("random_numbers", randomNumbers);
        root.put("refined", refinement != null && refinement.reached());
        root.put("rounds", refinement == null ? 0 : refinement.rounds());
        if (refinement != null) {
            ObjectNode refine = root.putObject("refine");
            refine.put("target_ci_width", refinement.targetWidth());
            refine.put("reached", refinement.reached());
            refine.put("rounds", refinement.rounds());
            refine.put("stopped_because", refinement.stoppedBecause());
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (SweepTable.Row row : rows) {
            min = Math.min(min, row.point().value(0));
            max = Math.max(max, row.point().value(0));
        }
        for (Map.Entry<Outcome, OutcomeFit> fit : fits.entrySet()) {
            ObjectNode node = root.putObject(fit.getKey().jsonName());
            put(node, definitions.get(fit.getKey()), fit.getValue().primary(), min, max);
            interval(node, "binomial_threshold_ci95", fit.getValue().binomial().thresholdCi());
            interval(node, "binomial_width_ci95", fit.getValue().binomial().widthCi());
        }
        return root;
    }

    private static void put(ObjectNode node, String definition, SigmoidFit fit, double min, double max) {
        node.put("definition", definition);
        number(node, "threshold", fit.threshold());
        interval(node, "threshold_ci95", fit.thresholdCi());
        number(node, "width_10_90", fit.width1090());
        interval(node, "width_ci95", fit.widthCi());
        if (fit.identified()) {
            node.put("direction", fit.scale() > 0 ? "rises with the parameter" : "falls with the parameter");
            node.put("extrapolated", fit.threshold() < min || fit.threshold() > max);
        } else {
            node.putNull("direction");
            node.putNull("extrapolated");
        }
        number(node, "deviance", fit.deviance().value());
        if (fit.deviance().degreesOfFreedom() > 0) {
            node.put("deviance_dof", fit.deviance().degreesOfFreedom());
        } else {
            node.putNull("deviance_dof");
        }
        number(node, "goodness_of_fit_p", fit.deviance().pValue());
        number(node, "dispersion", fit.deviance().dispersion());
        node.put("interval_method", fit.intervals().method() == LogisticFit.Method.QUASI_BINOMIAL
                ? "quasi-binomial profile likelihood" : "binomial profile likelihood");
        node.put("iterations", fit.iterations());
        if (fit.reason() == null) {
            node.putNull("reason");
        } else {
            node.put("reason", fit.reason());
        }
        if (Double.isNaN(fit.bracket().lower()) && Double.isNaN(fit.bracket().upper())) {
            node.putNull("separation_bracket");
        } else {
            interval(node, "separation_bracket", fit.bracket());
        }
    }

    private static void interval(ObjectNode node, String key, SigmoidFit.Interval interval) {
        if (Double.isNaN(interval.lower()) && Double.isNaN(interval.upper())) {
            node.putNull(key);
            return;
        }
        ArrayNode array = node.putArray(key);
        add(array, interval.lower());
        add(array, interval.upper());
    }

    private static void add(ArrayNode array, double value) {
        if (Double.isFinite(value)) {
            array.add(rounded(value));
        } else {
            array.addNull();
        }
    }

    private static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, rounded(value));
        } else {
            node.putNull(key);
        }
    }

    /** 6 significant digits, as a double (written by Jackson in Java's shortest form). */
    static double rounded(double value) {
        return new BigDecimal(value).round(DIGITS).doubleValue();
    }
}
