package org.ltpsim.cli.spine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.sim.SpineRunResult;

/**
 * The mean calcium trace of a run per pathway: {@code calcium.csv} (time_ms, then per pathway mean and sd, then
 * per pathway the bin envelope min and max, appended so that the original columns keep their places) and
 * {@code calcium.png}.
 */
public final class MeanCalciumFiles {
    private MeanCalciumFiles() {}

    public static void write(Path dir, SpineRunResult r, String title) throws IOException {
        writeCsv(dir.resolve("calcium.csv"), r);
        CalciumPlot.write(dir.resolve("calcium.png"), title, r.traceBinMs(), series(r));
    }

    static void writeCsv(Path file, SpineRunResult r) throws IOException {
        int pathways = r.pathways().size();
        double[][] mean = new double[pathways][];
        double[][] sd = new double[pathways][];
        double[][] min = new double[pathways][];
        double[][] max = new double[pathways][];
        StringBuilder header = new StringBuilder("time_ms");
        for (int p = 0; p < pathways; p++) {
            String name = r.pathways().get(p).name();
            header.append(',').append(name).append("_mean_uM,").append(name).append("_sd_uM");
            mean[p] = r.traceMeanMicroMolar(p);
            sd[p] = r.traceSdMicroMolar(p);
            min[p] = r.traceMinMicroMolar(p);
            max[p] = r.traceMaxMicroMolar(p);
        }
        for (Pathway p : r.pathways()) {
            header.append(',').append(p.name()).append("_bin_min_uM,").append(p.name()).append("_bin_max_uM");
        }
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write(header.append('\n').toString());
            for (int k = 0; k < mean[0].length; k++) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%.4f", k * r.traceBinMs()));
                for (int p = 0; p < pathways; p++) {
                    line.append(String.format(Locale.ROOT, ",%.6g,%.6g", mean[p][k], sd[p][k]));
                }
                for (int p = 0; p < pathways; p++) {
                    line.append(String.format(Locale.ROOT, ",%.6g,%.6g", min[p][k], max[p][k]));
                }
                w.write(line.append('\n').toString());
            }
        }
    }

    /** One plot series per pathway, with its bin envelope. */
    public static List<CalciumPlot.Series> series(SpineRunResult r) {
        List<CalciumPlot.Series> list = new ArrayList<>();
        for (int p = 0; p < r.pathways().size(); p++) {
            Pathway pathway = r.pathways().get(p);
            list.add(new CalciumPlot.Series(pathway.name() + ": " + pathway.stimulus().name() + " ("
                    + r.layout().pathwaySpineCount(p) + " spines)", r.traceMeanMicroMolar(p), r.traceSdMicroMolar(p),
                    r.traceMinMicroMolar(p), r.traceMaxMicroMolar(p)));
        }
        return list;
    }
}
