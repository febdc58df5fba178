package org.ltpsim.cli.spine;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ltpsim.cli.io.Figure;

/**
 * A PNG of mean spine calcium against time, one colour per pathway (java.awt, headless). Around each mean the band
 * is the bin envelope (mean over spines of each spine's minimum and maximum in the bin) when the series has one,
 * so that the peaks of a 1 Hz train are visible however long the run; otherwise mean +- sd.
 */
public final class CalciumPlot {
    /** One curve: a label and per-bin mean and sd, and optionally per-bin envelope (null if none). */
    public record Series(String label, double[] mean, double[] sd, double[] min, double[] max) {
        public Series(String label, double[] mean, double[] sd) {
            this(label, mean, sd, null, null);
        }

        boolean hasEnvelope() {
            return min != null && max != null;
        }

        double low(int k) {
            return hasEnvelope() ? min[k] : Math.max(0, mean[k] - sd[k]);
        }

        double high(int k) {
            return hasEnvelope() ? max[k] : mean[k] + sd[k];
        }
    }

    private CalciumPlot() {}

    public static void write(Path file, String title, double binMs, List<Series> series) throws IOException {
        int widthPx = 900;
        int heightPx = 540;
        int bins = series.get(0).mean().length;
        double tMaxSec = Math.max(1e-3, (bins - 1) * binMs / 1000); // a run of no length still gets a 1 ms axis
        double yMax = 0.1;
        for (Series s : series) {
            for (int k = 0; k < bins; k++) {
                yMax = Math.max(yMax, s.high(k));
            }
        }
        PlotPanel panel = new PlotPanel(90, 40, widthPx - 90 - 25, heightPx - 40 - 80,
                NiceTicks.covering(0, tMaxSec, 8), NiceTicks.covering(0, yMax * 1.05, 6)); // the curve clear of the frame
        Figure.write(file, widthPx, heightPx, g -> {
            boolean envelope = series.stream().allMatch(Series::hasEnvelope);
            panel.drawAxes(g, "time (s)", envelope ? "spine [Ca2+] (uM)" : "spine [Ca2+] (uM), mean +- sd", true);
            g.setFont(PlotPanel.TITLE_FONT);
            g.drawString(title, panel.left, panel.top - 15);
            for (int s = 0; s < series.size(); s++) {
                Series curve = series.get(s);
                Color c = PlotPanel.COLOURS[s % PlotPanel.COLOURS.length];
                Path2D band = new Path2D.Double();
                Path2D upper = new Path2D.Double();
                Path2D line = new Path2D.Double();
                for (int k = 0; k < bins; k++) {
                    double x = panel.px(k * binMs / 1000);
                    if (k == 0) {
                        band.moveTo(x, panel.py(curve.high(k)));
                        upper.moveTo(x, panel.py(curve.high(k)));
                        line.moveTo(x, panel.py(curve.mean()[k]));
                    } else {
                        band.lineTo(x, panel.py(curve.high(k)));
                        upper.lineTo(x, panel.py(curve.high(k)));
                        line.lineTo(x, panel.py(curve.mean()[k]));
                    }
                }
                for (int k = bins - 1; k >= 0; k--) {
                    band.lineTo(panel.px(k * binMs / 1000), panel.py(curve.low(k)));
                }
                band.closePath();
                g.setColor(PlotPanel.translucent(c, 60));
                g.fill(band);
                if (curve.hasEnvelope()) { // narrow peaks fill no area: trace the top of the band as well
                    g.setStroke(new BasicStroke(0.8f));
                    g.setColor(PlotPanel.translucent(c, 130));
                    g.draw(upper);
                }
                g.setColor(c);
                g.setStroke(new BasicStroke(1.6f));
                g.draw(line);
                g.setFont(PlotPanel.LABEL_FONT);
                int labelWidth = g.getFontMetrics().stringWidth(curve.label());
                g.drawString(curve.label(), panel.left + panel.width - labelWidth - 10, panel.top + 20 + 18 * s);
            }
            g.setColor(Color.DARK_GRAY);
            g.setFont(PlotPanel.LABEL_FONT);
            String bin = java.math.BigDecimal.valueOf(binMs).stripTrailingZeros().toPlainString();
            g.drawString(envelope ? "line: mean over spines, sampled every " + bin + " ms; band: mean of each spine's "
                    + "lowest and highest [Ca2+] within each " + bin + " ms" : "line: mean over spines; band: +- sd",
                    panel.left, heightPx - 12);
        });
    }
}
