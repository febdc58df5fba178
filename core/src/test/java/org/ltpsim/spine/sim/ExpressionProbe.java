package org.ltpsim.spine.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ltpsim.camkii.CamkiiParameters;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.spine.ReceptorChannels;
import org.ltpsim.spine.SpineModel;
import org.ltpsim.spine.expression.ExpressionModel;
import org.ltpsim.spine.expression.ExpressionSettings;
import org.ltpsim.spine.input.Durations;
import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.input.Protocols;

/**
 * Not a test: prints weight time courses for calibration (-Dltpsim.probe=true). -Dltpsim.runs="strong-tetanus:20,
 * weak-tetanus:20+none:5" (pathways joined by +), -Dltpsim.set="k=v;k=v" (spine), -Dltpsim.xset (expression),
 * -Dltpsim.duration=3h, -Dltpsim.drug=anisomycin|actinomycin|ap5, -Dltpsim.t286a=true.
 */
@EnabledIfSystemProperty(named = "ltpsim.probe", matches = "true")
class ExpressionProbe {
    @Test
    void probe() {
        ParameterSet p = apply(ParameterSet.defaults("spine"), System.getProperty("ltpsim.set", ""));
        ParameterSet x = apply(ParameterSet.defaults("expression"), System.getProperty("ltpsim.xset", ""));
        String drug = System.getProperty("ltpsim.drug", "");
        SpineModel m = SpineModel.from(p, drug.contains("ap5"));
        CamkiiParameters c = CamkiiParameters.from(ParameterSet.defaults("camkii"));
        if (Boolean.getBoolean("ltpsim.t286a")) {
            c = c.withT286a();
        }
        ExpressionModel xm = ExpressionModel.from(x, drug.contains("actino"), drug.contains("aniso"));
        double durationMs = Durations.parseMs(System.getProperty("ltpsim.duration", "60min"));
        SpineSimulator sim = new SpineSimulator(new ReceptorChannels());
        int every = Integer.getInteger("ltpsim.every", 10);
        try (BlockExecutor ex = new BlockExecutor(2)) {
            for (String run : System.getProperty("ltpsim.runs", "hfs:20").split(",")) {
                List<Pathway> pw = new ArrayList<>();
                for (String part : run.split("&")) {
                    String[] a = part.split(":");
                    pw.add(new Pathway(String.valueOf((char) ('A' + pw.size())), Protocols.named(a[0], p),
                            Integer.parseInt(a[1])));
                }
                ExpressionSettings settings = ExpressionSettings.of(xm).withDurationMs(durationMs)
                        .withNeurons(Integer.getInteger("ltpsim.neurons", 1));
                String ap5 = System.getProperty("ltpsim.ap5", "");
                if (!ap5.isBlank()) {
                    String[] w = ap5.split(",");
                    settings = settings.withAp5WindowMs(Durations.parseMs(w[0]), Durations.parseMs(w[1]));
                }
                SpineExperiment e = new SpineExperiment(m, pw, Long.getLong("ltpsim.seed", 42), 1000, 0)
                        .withCamkii(c, 16).withExpression(settings);
                long t0 = System.nanoTime();
                SpineRunResult r = sim.run(e, ex);
                double sec = (System.nanoTime() - t0) / 1e9;
                ExpressionResult w = r.expression();
                System.out.printf(Locale.ROOT, "%s (%s) %.1f s wall, fast %d slow %d jumps %d, inductions %d, "
                        + "captured %.0f, overdraft %.0f, conservation %s%n", run, drug, sec, r.fastSteps(),
                        r.slowSteps(), r.jumps(), w.inductions(), w.capturedUnits(), w.proteinOverdraftUnits(),
                        w.conservationViolations().isEmpty() ? "ok" : w.conservationViolations());
                System.out.println("  reactions " + java.util.Arrays.toString(w.reactionCounts()));
                for (int k = 0; k < w.recordCount(); k += every) {
                    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  %6.1f min  X %.2f P %6.0f |",
                            w.recordTimeMs(k) / 60000, w.meanNuclearSignal(k), w.meanProteinUnits(k)));
                    for (int q = 0; q < pw.size(); q++) {
                        sb.append(String.format(Locale.ROOT, " %s %+6.1f%% cp %.2f slots %.0f stable %.0f tag %.2f"
                                + " nmda %.2f |", pw.get(q).name(), w.weightChangePercent(q, k),
                                w.gluA2LackingShare(q, k), w.meanSlots(q, k), w.meanStableSlots(q, k),
                                w.taggedFraction(q, k), w.meanSynapticNmda(q, k)));
                    }
                    System.out.println(sb);
                }
                System.out.printf(Locale.ROOT, "  camkii ON %.2f, Q-rule LTP %.2f%n", r.fractionCamkiiOn(0),
                        r.fraction(0, SpineRunResult.Outcome.LTP));
            }
        }
    }

    private static ParameterSet apply(ParameterSet p, String sets) {
        for (String kv : sets.split(";")) {
            if (!kv.isBlank()) {
                String[] a = kv.split("=");
                p = p.with(a[0].trim(), a[1].trim());
            }
        }
        return p;
    }
}
