package org.ltpsim.cli.spine;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ltpsim.cli.io.Figure;
import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.sim.ExpressionResult;
import org.ltpsim.spine.sim.SpineRunResult;
import org.ltpsim.stats.Quantiles;

/**
 * The weight outputs of an expression run: {@code weights.csv} (per record time and pathway: weight statistics
 * across the pathway's spines, receptor counts, CP-AMPAR share, slots, tag, priming, protein pool), {@code
 * weights.png} (normalised weight against time, mean +- sem, stimulus trains marked) and, with test pulses,
 * {@code epsp.csv}. Everything is a function of the result, which is the same for any thread count.
 */
public final class WeightFiles {
    /** A gap longer than this between spikes of a pathway starts a new train (for the stimulus marks). */
    static final double TRAIN_GAP_MS = 2000;

    private WeightFiles() {}

    public static void write(Path dir, SpineRunResult result, String title) throws IOException {
        writeCsv(dir.resolve("weights.csv"), result);
        writePlot(dir.resolve("weights.png"), result, title);
        ExpressionResult x = result.expression();
        boolean tests = false;
        for (int p = 0; p < result.pathways().size(); p++) {
            tests |= x.testPulseTimesMs(p).length > 0;
        }
        if (tests) {
            writeEpsp(dir.resolve("epsp.csv"), result);
            writeEpspPlot(dir.resolve("epsp.png"), result, title.replaceFirst("^Weights", "EPSPs"));
        }
    }

    /**
     * {@code epsp.png}: each pathway's EPSP (mean over its spines of the peak head depolarisation after a test pulse)
     * relative to its mean over the test pulses before its first stimulus (or its first test pulse if none precede
     * it), against time; stimulus trains marked as in weights.png.
     */
    static void writeEpspPlot(Path file, SpineRunResult r, String title) throws IOException {
        ExpressionResult x = r.expression();
        int pathways = r.pathways().size();
        double endMs = x.recordTimeMs(x.recordCount() - 1);
        boolean hours = endMs > 4 * 3600e3;
        double unitMs = hours ? 3600e3 : 60e3;
        List<double[][]> series = new ArrayList<>(); // per pathway: {times}, {percent}
        double yMin = 90;
        double yMax = 110;
        for (int p = 0; p < pathways; p++) {
            double[] times = x.testPulseTimesMs(p);
            double first = r.pathways().get(p).stimulus().firstEventMs();
            double base = 0;
            int baseCount = 0;
            for (int k = 0; k < times.length; k++) {
                if (!Double.isNaN(x.epspMv(p, k)) && (Double.isNaN(first) || times[k] < first)) {
                    base += x.epspMv(p, k);
                    baseCount++;
                }
            }
            if (baseCount == 0) {
                for (int k = 0; k < times.length && baseCount == 0; k++) {
                    if (!Double.isNaN(x.epspMv(p, k))) {
                        base = x.epspMv(p, k);
                        baseCount = 1;
                    }
                }
            }
            List<double[]> points = new ArrayList<>();
            for (int k = 0; k < times.length; k++) {
                if (!Double.isNaN(x.epspMv(p, k)) && baseCount > 0 && base > 0) {
                    double percent = 100 * x.epspMv(p, k) / (base / baseCount);
                    points.add(new double[] {times[k], percent});
                    yMin = Math.min(yMin, percent);
                    yMax = Math.max(yMax, percent);
                }
            }
            double[][] s = new double[2][points.size()];
            for (int k = 0; k < points.size(); k++) {
                s[0][k] = points.get(k)[0];
                s[1][k] = points.get(k)[1];
            }
            series.add(s);
        }
        int widthPx = 900;
        int heightPx = 560;
        PlotPanel panel = timePanel(widthPx, heightPx, endMs / unitMs, yMin, yMax);
        Figure.write(file, widthPx, heightPx, g -> {
            frame(g, panel, hours, "EPSP (% of baseline)", title);
            for (int p = 0; p < pathways; p++) {
                Color c = PlotPanel.COLOURS[p % PlotPanel.COLOURS.length];
                double[][] s = series.get(p);
                g.setColor(c);
                g.setStroke(new BasicStroke(1.2f));
                for (int k = 0; k < s[0].length; k++) {
                    int px = (int) Math.round(panel.px(s[0][k] / unitMs));
                    int py = (int) Math.round(panel.py(s[1][k]));
                    g.fillOval(px - 3, py - 3, 7, 7);
                    if (k > 0) {
                        g.drawLine((int) Math.round(panel.px(s[0][k - 1] / unitMs)),
                                (int) Math.round(panel.py(s[1][k - 1])), px, py);
                    }
                }
                int yMark = panel.top + 12 + 8 * p;
                for (double[] train : trains(r.pathways().get(p))) {
                    int x0 = (int) Math.round(panel.px(train[0] / unitMs));
                    int x1 = Math.max(x0 + 3, (int) Math.round(panel.px(train[1] / unitMs)));
                    g.fillRect(x0 - 1, yMark, x1 - x0 + 2, 5);
                }
                legend(g, panel, p, r.pathways().get(p).name() + ": " + r.pathways().get(p).stimulus().name());
            }
            note(g, panel, heightPx, "EPSP = mean over the pathway's spines of the peak head depolarisation within "
                    + (int) org.ltpsim.spine.expression.ExpressionSettings.EPSP_WINDOW_MS
                    + " ms of a test pulse (AMPA only)");
        });
    }

    /** The header of weights.csv. */
    public static final String HEADER = "time_min,pathway,weight_mean_nS,weight_sd_nS,weight_q05_nS,weight_q25_nS,"
            + "weight_median_nS,weight_q75_nS,weight_q95_nS,normalised_weight,synaptic_ampar_mean,reserve_ampar_mean,"
            + "cp_ampar_share,slots_mean,stable_slots_mean,synaptic_nmdar_mean,head_volume_relative_mean,"
            + "tagged_fraction,primed_fraction,protein_pool_units,nuclear_signal,transcripts";

    static void writeCsv(Path file, SpineRunResult r) throws IOException {
        ExpressionResult x = r.expression();
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write(HEADER + "\n");
            for (int k = 0; k < x.recordCount(); k++) {
                for (int p = 0; p < r.pathways().size(); p++) {
                    double[] weights = x.weightsNs(p, k);
                    double[] meanSd = meanAndSd(weights);
                    double mean = meanSd[0];
                    double sd = meanSd[1];
                    Quantiles q = Quantiles.of(weights);
                    w.write(String.format(Locale.ROOT, "%s,%s,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,"
                            + "%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g%n", minutes(x.recordTimeMs(k)),
                            r.pathways().get(p).name(), mean, sd, q.at(0.05), q.at(0.25), q.at(0.5), q.at(0.75),
                            q.at(0.95), x.normalisedWeight(p, k), x.meanSynapticAmpa(p, k), x.meanReserveAmpa(p, k),
                            x.gluA2LackingShare(p, k), x.meanSlots(p, k), x.meanStableSlots(p, k),
                            x.meanSynapticNmda(p, k), x.meanRelativeVolume(p, k), x.taggedFraction(p, k),
                            x.primedFraction(p, k), x.meanProteinUnits(k), x.meanNuclearSignal(k),
                            x.meanTranscripts(k)));
                }
            }
        }
    }

    static void writeEpsp(Path file, SpineRunResult r) throws IOException {
        ExpressionResult x = r.expression();
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("time_min,pathway,epsp_spine_mean_mV,epsp_branch_mean_mV\n");
            List<double[]> rows = new ArrayList<>(); // time, pathway, spine, branch
            for (int p = 0; p < r.pathways().size(); p++) {
                double[] times = x.testPulseTimesMs(p);
                for (int k = 0; k < times.length; k++) {
                    if (!Double.isNaN(x.epspMv(p, k))) { // left out: during the pathway's stimulus
                        rows.add(new double[] {times[k], p, x.epspMv(p, k), x.branchEpspMv(p, k)});
                    }
                }
            }
            rows.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
            for (double[] row : rows) {
                w.write(String.format(Locale.ROOT, "%s,%s,%.6g,%.6g%n", minutes(row[0]),
                        r.pathways().get((int) row[1]).name(), row[2], row[3]));
            }
        }
    }

    /** {mean, sample sd} of the spines' weights at one record, in two passes (sd 0 for a single spine). */
    private static double[] meanAndSd(double[] weights) {
        double mean = 0;
        for (double v : weights) {
            mean += v;
        }
        mean /= weights.length;
        double ss = 0;
        for (double v : weights) {
            ss += (v - mean) * (v - mean);
        }
        return new double[] {mean, weights.length > 1 ? Math.sqrt(ss / (weights.length - 1)) : 0};
    }

    private static String minutes(double ms) {
        return java.math.BigDecimal.valueOf(ms / 60000).setScale(4, java.math.RoundingMode.HALF_EVEN)
                .stripTrailingZeros().toPlainString();
    }

    /** Train start and end times (ms) of a pathway: spikes closer than {@link #TRAIN_GAP_MS} form one train. */
    static List<double[]> trains(Pathway pathway) {
        double[] spikes = pathway.stimulus().spikeTimesMs();
        List<double[]> trains = new ArrayList<>();
        for (int i = 0; i < spikes.length; ) {
            int j = i;
            while (j + 1 < spikes.length && spikes[j + 1] - spikes[j] <= TRAIN_GAP_MS) {
                j++;
            }
            trains.add(new double[] {spikes[i], spikes[j]});
            i = j + 1;
        }
        return trains;
    }

    static void writePlot(Path file, SpineRunResult r, String title) throws IOException {
        ExpressionResult x = r.expression();
        int records = x.recordCount();
        double endMs = x.recordTimeMs(records - 1);
        boolean hours = endMs > 4 * 3600e3;
        double unitMs = hours ? 3600e3 : 60e3;
        int widthPx = 900;
        int heightPx = 560;
        int pathways = r.pathways().size();
        double[][] mean = new double[pathways][records];
        double[][] sem = new double[pathways][records];
        double yMin = 90;
        double yMax = 110;
        for (int p = 0; p < pathways; p++) {
            double base = x.meanWeightNs(p, 0);
            for (int k = 0; k < records; k++) {
                double[] w = x.weightsNs(p, k);
                double[] meanSd = meanAndSd(w);
                mean[p][k] = 100 * meanSd[0] / base;
                sem[p][k] = 100 * meanSd[1] / Math.sqrt(w.length) / base;
                yMin = Math.min(yMin, mean[p][k] - sem[p][k]);
                yMax = Math.max(yMax, mean[p][k] + sem[p][k]);
            }
        }
        PlotPanel panel = timePanel(widthPx, heightPx, endMs / unitMs, yMin, yMax);
        Figure.write(file, widthPx, heightPx, g -> {
            frame(g, panel, hours, "weight (% of baseline), mean +- sem", title);
            for (int p = 0; p < pathways; p++) {
                Color c = PlotPanel.COLOURS[p % PlotPanel.COLOURS.length];
                Path2D band = new Path2D.Double();
                Path2D line = new Path2D.Double();
                for (int k = 0; k < records; k++) {
                    double px = panel.px(x.recordTimeMs(k) / unitMs);
                    if (k == 0) {
                        band.moveTo(px, panel.py(mean[p][k] + sem[p][k]));
                        line.moveTo(px, panel.py(mean[p][k]));
                    } else {
                        band.lineTo(px, panel.py(mean[p][k] + sem[p][k]));
                        line.lineTo(px, panel.py(mean[p][k]));
                    }
                }
                for (int k = records - 1; k >= 0; k--) {
                    band.lineTo(panel.px(x.recordTimeMs(k) / unitMs), panel.py(mean[p][k] - sem[p][k]));
                }
                band.closePath();
                g.setColor(PlotPanel.translucent(c, 60));
                g.fill(band);
                g.setColor(c);
                g.setStroke(new BasicStroke(1.8f));
                g.draw(line);
                // stimulus marks: a bar per train at the top of the panel, in the pathway's colour
                int yMark = panel.top + 12 + 8 * p;
                for (double[] train : trains(r.pathways().get(p))) {
                    int x0 = (int) Math.round(panel.px(train[0] / unitMs));
                    int x1 = Math.max(x0 + 3, (int) Math.round(panel.px(train[1] / unitMs)));
                    g.fillRect(x0 - 1, yMark, x1 - x0 + 2, 5);
                    g.fillPolygon(new int[] {x0 - 4, x0 + 4, x0}, new int[] {yMark - 6, yMark - 6, yMark}, 3);
                }
                Pathway pathway = r.pathways().get(p);
                legend(g, panel, p, String.format(Locale.ROOT, "%s: %s x %d", pathway.name(),
                        pathway.stimulus().name(), r.layout().pathwaySpineCount(p)));
            }
            note(g, panel, heightPx, "weight = synaptic AMPA conductance, relative to each pathway's mean at t = 0; "
                    + "marks: stimulus trains");
        });
    }

    /** The axes of a figure against time (min or h) with room above the data for the legend. */
    private static PlotPanel timePanel(int widthPx, int heightPx, double tEnd, double yMin, double yMax) {
        double span = yMax - yMin;
        return new PlotPanel(90, 50, widthPx - 90 - 25, heightPx - 50 - 90, NiceTicks.covering(0, Math.max(tEnd,
                1e-3), 8), NiceTicks.covering(yMin - 0.05 * span, yMax + 0.12 * span, 6));
    }

    /** Axes, title and the dashed 100% baseline of the weight and EPSP figures. */
    private static void frame(Graphics2D g, PlotPanel panel, boolean hours, String yTitle, String title) {
        panel.drawAxes(g, hours ? "time (h)" : "time (min)", yTitle, true);
        g.setFont(PlotPanel.TITLE_FONT);
        g.drawString(title, panel.left, panel.top - 28);
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
        int y100 = (int) Math.round(panel.py(100));
        g.drawLine(panel.left, y100, panel.left + panel.width, y100);
    }

    /** Pathway {@code p}'s legend line, right-aligned at the top of the panel, in the current colour. */
    private static void legend(Graphics2D g, PlotPanel panel, int p, String label) {
        g.setFont(PlotPanel.LABEL_FONT);
        int labelWidth = g.getFontMetrics().stringWidth(label);
        g.drawString(label, panel.left + panel.width - labelWidth - 10, panel.top + 50 + 18 * p);
    }

    /** What the figure shows, in one line under the axes. */
    private static void note(Graphics2D g, PlotPanel panel, int heightPx, String text) {
        g.setColor(Color.DARK_GRAY);
        g.setFont(PlotPanel.LABEL_FONT);
        g.drawString(text, panel.left, heightPx - 14);
    }
}
