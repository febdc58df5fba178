package org.ltpsim.cli.experiment;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ltpsim.cli.io.Figure;
import org.ltpsim.cli.spine.NiceTicks;
import org.ltpsim.params.NumberText;

/**
 * A small figure (PNG, and SVG beside it) for the built-in experiments: one set of axes (x linear or logarithmic,
 * y linear or logarithmic), series of points with optional vertical error bars joined by lines, an optional
 * vertical marker with a shaded band (an estimate and its interval), a legend and a title. Headless java.awt, like
 * the figures of {@code ltpsim run}; the same data give the same bytes.
 */
final class ExperimentFigure {
    static final Color RED = new Color(0xD62728);
    static final Color BLUE = new Color(0x1F77B4);
    static final Color GREEN = new Color(0x2CA02C);
    static final Color BLACK = Color.BLACK;
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final int WIDTH = 860;
    private static final int HEIGHT = 520;
    private static final int LEFT = 80;
    private static final int TOP = 40;
    private static final int PLOT_WIDTH = 560;
    private static final int PLOT_HEIGHT = 400;

    /** One series: y (NaN = missing) with optional lower and upper bars (null = none). */
    record Series(String label, Color colour, double[] x, double[] y, double[] lo, double[] hi, boolean dashed) {}

    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final boolean logX;
    private final boolean logY;
    private final List<Series> series = new ArrayList<>();
    private double markerX = Double.NaN;
    private double markerLo = Double.NaN;
    private double markerHi = Double.NaN;
    private String markerLabel;
    private Double zeroLine;
    private double yMin = Double.NaN;
    private double yMax = Double.NaN;
    private boolean joined = true;

    ExperimentFigure(String title, String xTitle, String yTitle, boolean logX, boolean logY) {
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.logX = logX;
        this.logY = logY;
    }

    ExperimentFigure add(Series s) {
        series.add(s);
        return this;
    }

    /** A vertical dashed line at {@code x} with a shaded band [lo, hi] (NaN: none). */
    ExperimentFigure marker(double x, double lo, double hi, String label) {
        markerX = x;
        markerLo = lo;
        markerHi = hi;
        markerLabel = label;
        return this;
    }

    /** A thin horizontal line at y. */
    ExperimentFigure horizontalLine(double y) {
        zeroLine = y;
        return this;
    }

    /** Points only, no lines between them (categories along x). */
    ExperimentFigure unjoined() {
        joined = false;
        return this;
    }

    /** Fixed y range (linear axes). */
    ExperimentFigure yRange(double min, double max) {
        yMin = min;
        yMax = max;
        return this;
    }

    /** Writes {@code file} (PNG) and the same figure as SVG beside it. */
    void write(Path file) throws IOException {
        Axis x = axis(true);
        Axis y = axis(false);
        Figure.write(file, WIDTH, HEIGHT, g -> paint(g, x, y));
    }

    private void paint(Graphics2D g, Axis x, Axis y) {
        drawAxes(g, x, y);
        if (zeroLine != null) {
            g.setColor(Color.GRAY);
            g.setStroke(new BasicStroke(1f));
            int py = (int) Math.round(y.px(zeroLine));
            g.drawLine(LEFT, py, LEFT + PLOT_WIDTH, py);
        }
        if (!Double.isNaN(markerX)) {
            if (!Double.isNaN(markerLo) && !Double.isNaN(markerHi)) {
                int a = (int) Math.round(x.px(Math.max(markerLo, x.min)));
                int b = (int) Math.round(x.px(Math.min(markerHi, x.max)));
                g.setColor(new Color(0, 0, 0, 30));
                g.fillRect(Math.min(a, b), TOP, Math.abs(b - a) + 1, PLOT_HEIGHT);
            }
            g.setColor(Color.DARK_GRAY);
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f},
                    0f));
            int px = (int) Math.round(x.px(markerX));
            g.drawLine(px, TOP, px, TOP + PLOT_HEIGHT);
        }
        for (Series s : series) {
            g.setColor(s.colour());
            g.setStroke(s.dashed() ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {7f, 5f}, 0f) : new BasicStroke(2f));
            int previousX = Integer.MIN_VALUE;
            int previousY = 0;
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isNaN(s.y()[i])) {
                    previousX = Integer.MIN_VALUE;
                    continue;
                }
                int px = (int) Math.round(x.px(s.x()[i]));
                int py = (int) Math.round(y.px(s.y()[i]));
                if (joined && previousX != Integer.MIN_VALUE) {
                    g.drawLine(previousX, previousY, px, py);
                }
                previousX = px;
                previousY = py;
            }
            g.setStroke(new BasicStroke(1.5f));
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isNaN(s.y()[i])) {
                    continue;
                }
                int px = (int) Math.round(x.px(s.x()[i]));
                int py = (int) Math.round(y.px(s.y()[i]));
                g.fillOval(px - 4, py - 4, 9, 9);
                if (s.lo() != null && !Double.isNaN(s.lo()[i]) && !Double.isNaN(s.hi()[i])) {
                    int a = (int) Math.round(y.px(s.lo()[i]));
                    int b = (int) Math.round(y.px(s.hi()[i]));
                    g.drawLine(px, a, px, b);
                    g.drawLine(px - 4, a, px + 4, a);
                    g.drawLine(px - 4, b, px + 4, b);
                }
            }
        }
        drawLegend(g);
    }

    private void drawLegend(Graphics2D g) {
        g.setFont(LABEL_FONT);
        FontMetrics fm = g.getFontMetrics();
        int lx = LEFT + PLOT_WIDTH + 20;
        int ly = TOP + 10;
        for (Series s : series) {
            g.setColor(s.colour());
            g.fillOval(lx, ly - 5, 9, 9);
            g.setColor(Color.BLACK);
            g.drawString(s.label(), lx + 16, ly + fm.getAscent() / 2 - 1);
            ly += fm.getHeight() + 6;
        }
        if (markerLabel != null && !Double.isNaN(markerX)) {
            g.setColor(Color.DARK_GRAY);
            g.drawLine(lx, ly, lx + 9, ly);
            g.setColor(Color.BLACK);
            for (String line : markerLabel.split("\n")) {
                g.drawString(line, lx + 16, ly + fm.getAscent() / 2 - 1);
                ly += fm.getHeight();
            }
        }
    }

    private void drawAxes(Graphics2D g, Axis x, Axis y) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.setFont(TITLE_FONT);
        g.drawString(title, LEFT, TOP - 14);
        g.setFont(LABEL_FONT);
        FontMetrics fm = g.getFontMetrics();
        g.drawRect(LEFT, TOP, PLOT_WIDTH, PLOT_HEIGHT);
        int widestY = 0;
        for (double t : y.ticks) {
            int py = (int) Math.round(y.px(t));
            g.drawLine(LEFT - 5, py, LEFT, py);
            String label = y.label(t);
            widestY = Math.max(widestY, fm.stringWidth(label));
            g.drawString(label, LEFT - 8 - fm.stringWidth(label), py + fm.getAscent() / 2 - 1);
        }
        for (double t : x.ticks) {
            int px = (int) Math.round(x.px(t));
            g.drawLine(px, TOP + PLOT_HEIGHT, px, TOP + PLOT_HEIGHT + 5);
            String label = x.label(t);
            g.drawString(label, px - fm.stringWidth(label) / 2, TOP + PLOT_HEIGHT + 7 + fm.getAscent());
        }
        g.drawString(xTitle, LEFT + PLOT_WIDTH / 2 - fm.stringWidth(xTitle) / 2, TOP + PLOT_HEIGHT + 12
                + 2 * fm.getHeight());
        Graphics2D r = (Graphics2D) g.create();
        r.rotate(-Math.PI / 2);
        r.drawString(yTitle, -(TOP + PLOT_HEIGHT / 2 + fm.stringWidth(yTitle) / 2), LEFT - 16 - widestY);
        r.dispose();
    }

    /** Data range and ticks of one axis. */
    private record Axis(boolean horizontal, boolean log, double min, double max, List<Double> ticks,
            NiceTicks linear) {
        double px(double v) {
            double f = log ? (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
                    : (v - min) / (max - min);
            f = Math.max(-0.02, Math.min(1.02, f));
            return horizontal ? LEFT + PLOT_WIDTH * f : TOP + PLOT_HEIGHT * (1 - f);
        }

        String label(double v) {
            if (linear != null) {
                return linear.label((int) Math.round((v - linear.first()) / linear.step()));
            }
            return Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3 ? String.format(Locale.ROOT, "%.0e", v) : NumberText.of(v);
        }
    }

    private Axis axis(boolean horizontal) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean log = horizontal ? logX : logY;
        for (Series s : series) {
            double[] values = horizontal ? s.x() : s.y();
            for (int i = 0; i < values.length; i++) {
                for (double v : new double[] {values[i], !horizontal && s.lo() != null ? s.lo()[i] : Double.NaN,
                    !horizontal && s.hi() != null ? s.hi()[i] : Double.NaN}) {
                    if (!Double.isNaN(v) && (!log || v > 0)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        if (!horizontal && !Double.isNaN(yMin)) {
            lo = yMin;
            hi = yMax;
        }
        if (lo == Double.POSITIVE_INFINITY) {
            lo = log ? 1 : 0;
            hi = log ? 10 : 1;
        }
        if (log) {
            double a = Math.pow(10, Math.floor(Math.log10(lo) + 1e-9));
            double b = Math.pow(10, Math.ceil(Math.log10(hi) - 1e-9));
            if (b <= a) {
                b = a * 10;
            }
            List<Double> ticks = new ArrayList<>();
            int decades = (int) Math.round(Math.log10(b / a));
            for (int k = 0; k <= decades; k++) {
                double base = a * Math.pow(10, k);
                ticks.add(base);
                if (decades <= 3 && k < decades) {
                    ticks.add(2 * base);
                    ticks.add(5 * base);
                }
            }
            return new Axis(horizontal, true, a, b, ticks, null);
        }
        NiceTicks nice = NiceTicks.covering(lo, hi, 6);
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; i < nice.count(); i++) {
            ticks.add(nice.value(i));
        }
        return new Axis(horizontal, false, nice.first(), nice.last(), ticks, nice);
    }
}
