package org.ltpsim.cli.spine;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.ltpsim.cli.io.Figure;
import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.sim.SpineTrace;

/**
 * A PNG of recorded spines: calcium (top) and spine head voltage (bottom) against time, one colour per spine. A
 * trace with more samples than pixel columns is drawn as each column's minimum and maximum, so that no transient
 * between columns disappears.
 */
final class TracePlot {
    private TracePlot() {}

    static void write(Path file, String title, List<SpineTrace> traces, List<Pathway> pathways) throws IOException {
        int widthPx = 900;
        int panelHeight = 230;
        int top = 45;
        int gap = 25;
        int heightPx = top + 2 * panelHeight + gap + 70;
        int samples = traces.get(0).sampleCount();
        double endMs = traces.get(0).timeMs(samples - 1);
        boolean seconds = endMs >= 2000;
        double timeScale = seconds ? 1e-3 : 1;
        NiceTicks time = NiceTicks.covering(0, Math.max(endMs * timeScale, 1), 8); // at least 1 ms or 1 s
        double caMin = Double.POSITIVE_INFINITY;
        double caMax = Double.NEGATIVE_INFINITY;
        double vMin = Double.POSITIVE_INFINITY;
        double vMax = Double.NEGATIVE_INFINITY;
        for (SpineTrace t : traces) {
            for (int k = 0; k < samples; k++) {
                caMin = Math.min(caMin, t.caMicroMolar(k));
                caMax = Math.max(caMax, t.caMicroMolar(k));
                vMin = Math.min(vMin, t.vMv(k));
                vMax = Math.max(vMax, t.vMv(k));
            }
        }
        int left = 90;
        int plotWidth = widthPx - left - 25;
        PlotPanel ca = new PlotPanel(left, top, plotWidth, panelHeight, time, NiceTicks.covering(0, caMax * 1.05, 5));
        PlotPanel v = new PlotPanel(left, top + panelHeight + gap, plotWidth, panelHeight, time,
                NiceTicks.covering(vMin, Math.max(vMax, vMin + 1), 5));
        Figure.write(file, widthPx, heightPx, g -> {
            g.setColor(Color.BLACK);
            g.setFont(PlotPanel.TITLE_FONT);
            g.drawString(title, left, 25);
            for (int s = 0; s < traces.size(); s++) {
                SpineTrace t = traces.get(s);
                Color c = PlotPanel.COLOURS[s % PlotPanel.COLOURS.length];
                g.setColor(c);
                g.setStroke(new BasicStroke(1.3f));
                g.draw(curve(ca, t, t::caMicroMolar, timeScale));
                g.draw(curve(v, t, t::vMv, timeScale));
                g.setFont(PlotPanel.LABEL_FONT);
                String label = "spine " + t.spine() + " (" + pathways.get(t.pathway()).name() + ")";
                g.drawString(label, left + plotWidth - 130, top + 18 + 17 * s);
            }
            ca.drawAxes(g, null, "spine [Ca2+] (uM)", false);
            v.drawAxes(g, seconds ? "time (s)" : "time (ms)", "spine head V (mV)", true);
        });
    }

    /** The trace as a path; with more samples than pixel columns, each column's min and max in turn. */
    private static Path2D curve(PlotPanel panel, SpineTrace t, IntToDoubleFunction value, double timeScale) {
        Path2D path = new Path2D.Double();
        int samples = t.sampleCount();
        if (samples <= 2 * panel.width) {
            for (int k = 0; k < samples; k++) {
                double x = panel.px(t.timeMs(k) * timeScale);
                double y = panel.py(value.applyAsDouble(k));
                if (k == 0) {
                    path.moveTo(x, y);
                } else {
                    path.lineTo(x, y);
                }
            }
            return path;
        }
        int k = 0;
        boolean first = true;
        while (k < samples) {
            int column = (int) Math.floor(panel.px(t.timeMs(k) * timeScale));
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            while (k < samples && (int) Math.floor(panel.px(t.timeMs(k) * timeScale)) == column) {
                double y = value.applyAsDouble(k);
                lo = Math.min(lo, y);
                hi = Math.max(hi, y);
                k++;
            }
            if (first) {
                path.moveTo(column, panel.py(lo));
                first = false;
            } else {
                path.lineTo(column, panel.py(lo));
            }
            path.lineTo(column, panel.py(hi));
        }
        return path;
    }
}
