package org.ltpsim.spine.sim;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.spine.ReceptorChannels;
import org.ltpsim.spine.SpineModel;
import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.input.Protocols;

/** Not a test: prints the experiments' readouts for calibration (-Dltpsim.probe=true). */
@EnabledIfSystemProperty(named = "ltpsim.probe", matches = "true")
class CalibrationProbe {
    @Test
    void probe() {
        ParameterSet p = ParameterSet.defaults("spine");
        for (String kv : System.getProperty("ltpsim.set", "").split(";")) {
            if (!kv.isBlank()) {
                String[] a = kv.split("=");
                p = p.with(a[0], a[1]);
            }
        }
        SpineModel m = SpineModel.from(p, false);
        SpineSimulator sim = new SpineSimulator(new ReceptorChannels());
        String[] runs = System.getProperty("ltpsim.runs", "hfs:100,hfs:5+none:95,lfs:100").split(",");
        try (BlockExecutor ex = new BlockExecutor(2)) {
            for (String run : runs) {
                List<Pathway> pw = new ArrayList<>();
                for (String part : run.split("\\+")) {
                    String[] a = part.split(":");
                    pw.add(new Pathway(a[0] + pw.size(), Protocols.named(a[0], p), Integer.parseInt(a[1])));
                }
                long t0 = System.nanoTime();
                SpineRunResult r = sim.run(new SpineExperiment(m, pw, 42, p.get("protocol.after_ms"), 0), ex);
                double sec = (System.nanoTime() - t0) / 1e9;
                System.out.printf("%s  (%.1fs, fast %d slow %d jumps %d) branchDepol %.1f mV%n", run, sec,
                        r.fastSteps(), r.slowSteps(), r.jumps(), r.branchPeakDepolarisationMv(0));
                for (int q = 0; q < pw.size(); q++) {
                    double[] tr = r.traceMeanMicroMolar(q);
                    double peak = 0;
                    int at = 0;
                    for (int k = 0; k < tr.length; k++) {
                        if (tr[k] > peak) {
                            peak = tr[k];
                            at = k;
                        }
                    }
                    final int qq = q;
                    System.out.printf("  %s: LTP %.2f LTD %.2f none %.2f | meanTracePeak %.3f uM at %.0f ms | "
                            + "mean spine peak %.3f | Qmax mean %.3f sd %.3f min %.3f | elevated %.0f ms | depol %.1f mV | end %.3f%n",
                            pw.get(q).name(), r.fraction(q, SpineRunResult.Outcome.LTP),
                            r.fraction(q, SpineRunResult.Outcome.LTD), r.fraction(q, SpineRunResult.Outcome.NONE),
                            peak, at * r.traceBinMs(), r.mean(q, r::peakCaMicroMolar),
                            r.mean(q, r::qMaxMicroMolarSec), sd(r, q), min(r, q), r.mean(q, r::caElevatedMs),
                            r.mean(q, r::peakDepolarisationMv), tr[tr.length - 1]);
                }
            }
        }
    }

    static double sd(SpineRunResult r, int q) {
        double m = r.mean(q, r::qMaxMicroMolarSec);
        return Math.sqrt(r.mean(q, i -> (r.qMaxMicroMolarSec(i) - m) * (r.qMaxMicroMolarSec(i) - m)));
    }

    static double min(SpineRunResult r, int q) {
        double min = Double.MAX_VALUE;
        for (int i = 0; i < r.spineCount(); i++) {
            if (r.layout().pathwayOf(i) == q) {
                min = Math.min(min, r.qMaxMicroMolarSec(i));
            }
        }
        return min;
    }
}
