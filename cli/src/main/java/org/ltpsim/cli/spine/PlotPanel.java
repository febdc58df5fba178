package org.ltpsim.cli.spine;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;

/**
 * One set of axes in a figure (PNG and SVG, see {@link org.ltpsim.cli.io.Figure}): maps data to pixels and draws
 * the frame, round ticks ({@link NiceTicks}), tick labels and axis titles. The figures of {@code ltpsim run}
 * (calcium, Q_max, recorded traces) share it.
 */
final class PlotPanel {
    static final Color[] COLOURS = {new Color(0xD62728), new Color(0x1F77B4), new Color(0x2CA02C),
        new Color(0x9467BD), new Color(0xFF7F0E), new Color(0x8C564B), new Color(0xE377C2), new Color(0x17BECF)};
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    final int left;
    final int top;
    final int width;
    final int height;
    final NiceTicks x;
    final NiceTicks y;

    PlotPanel(int left, int top, int width, int height, NiceTicks x, NiceTicks y) {
        this.left = left;
        this.top = top;
        this.width = width;
        this.height = height;
        this.x = x;
        this.y = y;
    }

    static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** Pixel column of data value {@code xv}. */
    double px(double xv) {
        return left + width * (xv - x.first()) / (x.last() - x.first());
    }

    /** Pixel row of data value {@code yv}, clamped to the panel. */
    double py(double yv) {
        double f = (yv - y.first()) / (y.last() - y.first());
        return top + height * (1 - Math.max(0, Math.min(1, f)));
    }

    /** Frame, ticks with labels on both axes (x labels only if {@code xLabels}), and the axis titles. */
    void drawAxes(Graphics2D g, String xTitle, String yTitle, boolean xLabels) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.setFont(LABEL_FONT);
        FontMetrics fm = g.getFontMetrics();
        g.drawRect(left, top, width, height);
        int widestY = 0;
        for (int i = 0; i < y.count(); i++) {
            int py = (int) Math.round(py(y.value(i)));
            g.drawLine(left - 5, py, left, py);
            String label = y.label(i);
            widestY = Math.max(widestY, fm.stringWidth(label));
            g.drawString(label, left - 8 - fm.stringWidth(label), py + fm.getAscent() / 2 - 1);
        }
        for (int i = 0; i < x.count(); i++) {
            int px = (int) Math.round(px(x.value(i)));
            g.drawLine(px, top + height, px, top + height + 5);
            if (xLabels) {
                String label = x.label(i);
                g.drawString(label, px - fm.stringWidth(label) / 2, top + height + 7 + fm.getAscent());
            }
        }
        if (xLabels && xTitle != null) {
            g.drawString(xTitle, left + width / 2 - fm.stringWidth(xTitle) / 2, top + height + 12 + 2 * fm.getHeight());
        }
        if (yTitle != null) {
            Graphics2D r = (Graphics2D) g.create();
            r.rotate(-Math.PI / 2);
            r.drawString(yTitle, -(top + height / 2 + fm.stringWidth(yTitle) / 2), left - 16 - widestY);
            r.dispose();
        }
    }
}
