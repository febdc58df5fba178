package org.ltpsim.cli.spine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ltpsim.camkii.CamkiiParameters;
import org.ltpsim.cli.io.Manifest;
import org.ltpsim.spine.SpineModel;
import org.ltpsim.spine.input.Durations;
import org.ltpsim.spine.sim.ExpressionResult;
import org.ltpsim.spine.sim.SpineRunResult;

/**
 * What {@code ltpsim run} reports: {@code summary.json} and the console summary tell the same story, per pathway,
 * with the calcium-rule and CaMKII readouts side by side and their disagreement counted. Lasting CaMKII
 * potentiation that the run was too short to judge is reported as undecided (null, with the reason), never as 0.
 */
public final class RunSummary {
    private RunSummary() {}

    /** {@code summary.json}. */
    public static ObjectNode json(SpineRunResult r, double wallSec) {
        return json(r, wallSec, new double[0]);
    }

    /**
     * {@code summary.json}; an expression run adds {@code weight_change_percent} (pathway A's mean weight at the end
     * relative to its mean at t = 0, before any stimulus), {@code weight_change_percent_by_pathway}, the same at each
     * of {@code reportAtMs} ({@code weight_change_percent_at}) and an {@code expression} block.
     */
    public static ObjectNode json(SpineRunResult r, double wallSec, double[] reportAtMs) {
        SpineModel model = r.experiment().model();
        ObjectNode root = Manifest.json().createObjectNode();
        root.put("spines", r.spineCount());
        root.put("branches", r.layout().branchCount());
        root.put("simulated_ms", r.experiment().endMs());
        root.put("after_last_stimulus_ms", r.experiment().afterMs());
        root.put("ap5", model.ap5());
        root.put("mg_mM", model.mgMilliMolar());
        root.put("calcium_rule", ruleText(model));
        CamkiiParameters camkii = r.experiment().camkii();
        if (camkii != null) {
            root.put("camkii_mutant", camkii.t286a() ? "t286a" : "none");
            root.put("camkii_ltp_criterion", camkiiText(camkii));
        } else {
            root.putNull("camkii_mutant");
        }
        ArrayNode pathways = root.putArray("pathways");
        for (int p = 0; p < r.pathways().size(); p++) {
            PathwayReadouts readouts = PathwayReadouts.of(r, p);
            ObjectNode node = pathways.addObject();
            node.put("name", readouts.pathway().name());
            node.put("protocol", readouts.pathway().stimulus().name());
            node.put("pulses", readouts.pathway().stimulus().pulseCount());
            node.put("spines", readouts.spines());
            node.put("stimulated", readouts.stimulated());
            ObjectNode rule = node.putObject("calcium_rule");
            rule.put("fraction_ltp", readouts.fraction(readouts.ruleLtp()));
            rule.put("fraction_ltd", readouts.fraction(readouts.ruleLtd()));
            rule.put("fraction_none", readouts.fraction(readouts.ruleNone()));
            if (readouts.camkii()) {
                putCamkii(node.putObject("camkii"), readouts, r, camkii);
                node.put("readouts_disagree_spines", readouts.disagreements());
            }
            putMean(node, "mean_peak_ca_uM", r.mean(p, r::peakCaMicroMolar));
            putMean(node, "mean_q_max_uM_s", r.mean(p, r::qMaxMicroMolarSec));
            putMean(node, "mean_peak_depolarisation_mV", r.mean(p, r::peakDepolarisationMv));
            putMean(node, "mean_ca_elevated_ms", r.mean(p, r::caElevatedMs));
        }
        if (r.hasExpression()) {
            putExpression(root, r, reportAtMs);
        }
        root.put("fast_steps", r.fastSteps());
        root.put("slow_steps", r.slowSteps());
        root.put("silence_jumps", r.jumps());
        root.put("wall_time_s", wallSec);
        return root;
    }

    private static void putCamkii(ObjectNode node, PathwayReadouts readouts, SpineRunResult r,
            CamkiiParameters camkii) {
        node.put("fraction_on_at_end", readouts.fraction(readouts.camkiiOn()));
        if (readouts.camkiiLtpDecided()) {
            node.put("fraction_ltp", readouts.fraction(readouts.camkiiLtp()));
        } else {
            node.putNull("fraction_ltp");
            node.put("fraction_ltp_at_least", readouts.fraction(readouts.camkiiLtp()));
            node.put("fraction_ltp_at_most", readouts.fraction(readouts.camkiiLtp() + readouts.camkiiUndecided()));
            node.put("undecided_spines", readouts.camkiiUndecided());
            node.put("undecided_reason", undecidedReason(readouts, r, camkii));
        }
    }

    private static void putExpression(ObjectNode root, SpineRunResult r, double[] reportAtMs) {
        ExpressionResult x = r.expression();
        int end = x.recordCount() - 1;
        root.put("weight_change_percent", x.weightChangePercent(0, end));
        ObjectNode byPathway = root.putObject("weight_change_percent_by_pathway");
        for (int p = 0; p < r.pathways().size(); p++) {
            byPathway.put(r.pathways().get(p).name(), x.weightChangePercent(p, end));
        }
        ArrayNode at = root.putArray("weight_change_percent_at");
        for (double t : reportAtMs) {
            int k = x.recordAt(t);
            ObjectNode node = at.addObject();
            node.put("time", Durations.format(t));
            node.put("time_min", t / 60000);
            node.put("weight_change_percent", x.weightChangePercent(0, k));
            ObjectNode by = node.putObject("by_pathway");
            for (int p = 0; p < r.pathways().size(); p++) {
                by.put(r.pathways().get(p).name(), x.weightChangePercent(p, k));
            }
        }
        ObjectNode e = root.putObject("expression");
        e.put("neurons", x.neurons());
        e.put("record_every_min", x.recordEveryMs() / 60000);
        e.put("weight_unit", "nS (synaptic AMPA conductance)");
        ArrayNode pathways = e.putArray("pathways");
        for (int p = 0; p < r.pathways().size(); p++) {
            ObjectNode node = pathways.addObject();
            node.put("name", r.pathways().get(p).name());
            node.put("baseline_weight_nS", x.meanWeightNs(p, 0));
            node.put("weight_nS_at_end", x.meanWeightNs(p, end));
            node.put("weight_change_percent", x.weightChangePercent(p, end));
            node.put("max_weight_change_percent", maxChange(x, p));
            node.put("cp_ampar_share_max", maxCpShare(x, p));
            node.put("slots_at_end", x.meanSlots(p, end));
            node.put("stable_slots_at_end", x.meanStableSlots(p, end));
            node.put("synaptic_nmdar_at_end", x.meanSynapticNmda(p, end));
            node.put("tagged_fraction_at_end", x.taggedFraction(p, end));
        }
        e.put("nuclear_inductions", x.inductions());
        e.put("protein_units_captured", x.capturedUnits());
        e.put("protein_overdraft_units", x.proteinOverdraftUnits());
        e.put("receptor_conservation", x.conservationViolations().isEmpty() ? "held"
                : String.join("; ", x.conservationViolations()));
    }

    private static double maxChange(ExpressionResult x, int p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < x.recordCount(); k++) {
            max = Math.max(max, x.weightChangePercent(p, k));
        }
        return max;
    }

    private static double maxCpShare(ExpressionResult x, int p) {
        double max = 0;
        for (int k = 0; k < x.recordCount(); k++) {
            max = Math.max(max, x.gluA2LackingShare(p, k));
        }
        return max;
    }

    /** The console summary, one block per pathway. */
    public static List<String> consoleLines(SpineRunResult r) {
        return consoleLines(r, new double[0]);
    }

    /** The console summary, one block per pathway; expression runs add the weight change. */
    public static List<String> consoleLines(SpineRunResult r, double[] reportAtMs) {
        List<String> lines = new ArrayList<>();
        CamkiiParameters camkii = r.experiment().camkii();
        for (int p = 0; p < r.pathways().size(); p++) {
            PathwayReadouts readouts = PathwayReadouts.of(r, p);
            lines.add(String.format(Locale.ROOT, "pathway %s: %s, %d pulses, %d spines%s", readouts.pathway().name(),
                    readouts.pathway().stimulus().name(), readouts.pathway().stimulus().pulseCount(),
                    readouts.spines(), readouts.stimulated() ? "" : " (not stimulated: a control)"));
            lines.add(String.format(Locale.ROOT, "  calcium rule (Q_max):  LTP %.3f  LTD %.3f  none %.3f",
                    readouts.fraction(readouts.ruleLtp()), readouts.fraction(readouts.ruleLtd()),
                    readouts.fraction(readouts.ruleNone())));
            if (r.hasExpression()) {
                ExpressionResult x = r.expression();
                StringBuilder weight = new StringBuilder(String.format(Locale.ROOT,
                        "  weight (synaptic AMPA conductance): %+.1f%% at the end (%s)", x.weightChangePercent(p,
                        x.recordCount() - 1), Durations.format(x.recordTimeMs(x.recordCount() - 1))));
                for (double t : reportAtMs) {
                    weight.append(String.format(Locale.ROOT, "; %+.1f%% at %s", x.weightChangePercent(p,
                            x.recordAt(t)), Durations.format(t)));
                }
                lines.add(weight.toString());
            }
            if (!readouts.camkii()) {
                continue;
            }
            String lasting = readouts.camkiiLtpDecided()
                    ? String.format(Locale.ROOT, "lasting (ON >= %.0f s) %.3f", camkii.ltpMinOnSec(),
                            readouts.fraction(readouts.camkiiLtp()))
                    : String.format(Locale.ROOT, "lasting (ON >= %.0f s) undecided, between %.3f and %.3f: %s",
                            camkii.ltpMinOnSec(), readouts.fraction(readouts.camkiiLtp()),
                            readouts.fraction(readouts.camkiiLtp() + readouts.camkiiUndecided()),
                            undecidedReason(readouts, r, camkii));
            lines.add(String.format(Locale.ROOT, "  CaMKII switch%s:  ON at end %.3f; %s",
                    camkii.t286a() ? " (T286A mutant)" : "", readouts.fraction(readouts.camkiiOn()), lasting));
            if (readouts.disagreements() > 0) {
                lines.add(String.format(Locale.ROOT, "  the readouts disagree for %d of %d spines (calcium-rule LTP "
                        + "vs CaMKII ON)%s", readouts.disagreements(), readouts.spines(), camkii.t286a()
                        ? ": the calcium rule reads calcium only and cannot see the T286A mutation" : ""));
            }
        }
        return lines;
    }

    private static String undecidedReason(PathwayReadouts readouts, SpineRunResult r, CamkiiParameters camkii) {
        double afterSec = r.experiment().afterMs() / 1000;
        double neededMs = Math.ceil(camkii.ltpMinOnSec() + 1) * 1000;
        return String.format(Locale.ROOT, "the switch is ON in %d spines for less than %.0f s when the run ends "
                + "(%.1f s after the last stimulus); run longer, e.g. --set protocol.after_ms=%.0f",
                readouts.camkiiUndecided(), camkii.ltpMinOnSec(), afterSec, neededMs);
    }

    private static String ruleText(SpineModel model) {
        return String.format(Locale.ROOT, "Q_max >= %s uM s: LTP; >= %s uM s: LTD; else none",
                model.qLtpMicroMolarSec(), model.qLtdMicroMolarSec());
    }

    private static String camkiiText(CamkiiParameters camkii) {
        return String.format(Locale.ROOT, "switch ON (>= %s of subunits T286-phosphorylated) without a break for "
                + ">= %s s at the end of the run", camkii.onFraction(), camkii.ltpMinOnSec());
    }

    private static void putMean(ObjectNode node, String key, double value) {
        if (Double.isNaN(value)) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }
}
