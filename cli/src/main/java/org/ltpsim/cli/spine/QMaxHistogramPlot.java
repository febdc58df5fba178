package org.ltpsim.cli.spine;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ltpsim.cli.io.Figure;
import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.sim.SpineRunResult;
import org.ltpsim.spine.sim.SpineRunResult.Outcome;

/**
 * A PNG of the distribution of per-spine Q_max (the calcium-integral readout the plasticity rule judges), one panel
 * per pathway on a shared Q axis, with the LTD and LTP thresholds drawn: the spines right of the LTP line
 * potentiate, those between the lines depress.
 */
public final class QMaxHistogramPlot {
    private static final Color LTD_COLOUR = new Color(0x1F77B4);
    private static final Color LTP_COLOUR = new Color(0xD62728);
    private static final int TARGET_BINS = 30;

    /** One panel: a title and the Q_max of each of its spines, uM s. */
    public record Group(String title, double[] qMaxMicroMolarSec) {}

    private QMaxHistogramPlot() {}

    /** The figure for a run: one panel per stimulated pathway (every pathway if none was stimulated). */
    public static void write(Path file, SpineRunResult r, String title) throws IOException {
        List<Group> groups = new ArrayList<>();
        boolean anyStimulated = r.pathways().stream().anyMatch(p -> p.stimulus().pulseCount() > 0);
        for (int p = 0; p < r.pathways().size(); p++) {
            Pathway pathway = r.pathways().get(p);
            if (anyStimulated && pathway.stimulus().pulseCount() == 0) {
                continue;
            }
            double[] q = new double[r.layout().pathwaySpineCount(p)];
            int n = 0;
            for (int i = 0; i < r.spineCount(); i++) {
                if (r.layout().pathwayOf(i) == p) {
                    q[n++] = r.qMaxMicroMolarSec(i);
                }
            }
            groups.add(new Group(String.format(Locale.ROOT, "%s: %s, %d spines: LTP %d, LTD %d, none %d",
                    pathway.name(), pathway.stimulus().name(), r.layout().pathwaySpineCount(p), r.count(p, Outcome.LTP),
                    r.count(p, Outcome.LTD), r.count(p, Outcome.NONE)), q));
        }
        write(file, title, groups, r.experiment().model().qLtdMicroMolarSec(),
                r.experiment().model().qLtpMicroMolarSec());
    }

    public static void write(Path file, String title, List<Group> groups, double qLtdMicroMolarSec,
            double qLtpMicroMolarSec) throws IOException {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("nothing to plot");
        }
        double qMax = qLtpMicroMolarSec * 1.25; // both thresholds always in view
        for (Group group : groups) {
            for (double q : group.qMaxMicroMolarSec()) {
                qMax = Math.max(qMax, q);
            }
        }
        NiceTicks xTicks = NiceTicks.covering(0, qMax, 8);
        // bin edges at round values, a whole number of bins per tick interval
        double binWidth = NiceTicks.niceStep(xTicks.last() / TARGET_BINS);
        int bins = (int) Math.ceil(xTicks.last() / binWidth - 1e-9);
        int panelHeight = 170;
        int gap = 45;
        int top = 50;
        int widthPx = 900;
        int heightPx = top + groups.size() * (panelHeight + gap) - gap + 60;
        Figure.write(file, widthPx, heightPx, g -> {
            g.setColor(Color.BLACK);
            g.setFont(PlotPanel.TITLE_FONT);
            g.drawString(title, 90, 25);
            for (int p = 0; p < groups.size(); p++) {
                Group group = groups.get(p);
                int[] counts = new int[bins];
                for (double q : group.qMaxMicroMolarSec()) {
                    counts[Math.min(bins - 1, Math.max(0, (int) Math.floor(q / binWidth)))]++;
                }
                int highest = 0;
                for (int c : counts) {
                    highest = Math.max(highest, c);
                }
                boolean last = p == groups.size() - 1;
                PlotPanel panel = new PlotPanel(90, top + p * (panelHeight + gap), widthPx - 90 - 25, panelHeight,
                        xTicks, NiceTicks.coveringCounts(highest * 1.1, 4)); // the tallest bar clear of the frame
                g.setColor(new Color(0x7F7F7F));
                for (int b = 0; b < bins; b++) {
                    if (counts[b] > 0) {
                        double x0 = panel.px(b * binWidth);
                        double x1 = panel.px((b + 1) * binWidth);
                        double y = panel.py(counts[b]);
                        g.fill(new java.awt.geom.Rectangle2D.Double(x0 + 0.5, y, Math.max(1, x1 - x0 - 1),
                                panel.top + panel.height - y));
                    }
                }
                threshold(g, panel, qLtdMicroMolarSec, "Q_LTD " + plain(qLtdMicroMolarSec), LTD_COLOUR);
                threshold(g, panel, qLtpMicroMolarSec, "Q_LTP " + plain(qLtpMicroMolarSec), LTP_COLOUR);
                panel.drawAxes(g, "Q_max (uM s), largest calcium integral of the run per spine", "spines", last);
                g.setFont(PlotPanel.LABEL_FONT);
                g.setColor(Color.BLACK);
                g.drawString(group.title(), panel.left, panel.top - 6);
            }
        });
    }

    private static void threshold(Graphics2D g, PlotPanel panel, double q, String label, Color colour) {
        int x = (int) Math.round(panel.px(q));
        g.setColor(colour);
        g.setStroke(new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        g.drawLine(x, panel.top, x, panel.top + panel.height);
        g.setStroke(new BasicStroke(1f));
        g.setFont(PlotPanel.LABEL_FONT);
        g.drawString(label, x + 4, panel.top + 15);
    }

    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
