package org.ltpsim.cli.sweep;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ltpsim.cli.io.Figure;
import org.ltpsim.stats.SigmoidFit;
import org.ltpsim.stats.WilsonInterval;

/**
 * {@code sweep.png} and {@code sweep.svg}: the fraction of spines with each fitted outcome against the swept value,
 * with Wilson 95% bars, the fitted logistic curves and a dashed line at each identified threshold (java.awt,
 * headless).
 */
public final class SweepPlot {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;
    private static final int LEFT = 80;
    private static final int RIGHT = 230;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;

    private SweepPlot() {}

    public static void write(Path file, SweepAxis axis, List<SweepTable.Row> rows,
            Map<Outcome, ThresholdReport.OutcomeFit> fits) throws IOException {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (SweepTable.Row row : rows) {
            min = Math.min(min, row.point().value(0));
            max = Math.max(max, row.point().value(0));
        }
        double pad = (max - min) * 0.05;
        Axes axes = new Axes(min - pad, max + pad);
        Figure.write(file, WIDTH, HEIGHT, g -> {
            frame(g, axes, axis);
            int legend = 0;
            for (Map.Entry<Outcome, ThresholdReport.OutcomeFit> entry : fits.entrySet()) {
                Color colour = colour(entry.getKey());
                drawOutcome(g, axes, rows, entry.getKey(), entry.getValue().primary(), colour);
                g.setColor(colour);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
                g.drawString(legendText(entry.getKey(), entry.getValue().primary()), WIDTH - RIGHT + 15,
                        TOP + 20 + 18 * legend++);
            }
        });
    }

    /** Pixel mapping of the data range. */
    private record Axes(double xMin, double xMax) {
        double px(double x) {
            return LEFT + (WIDTH - LEFT - RIGHT) * (x - xMin) / (xMax - xMin);
        }

        double py(double p) {
            return TOP + (HEIGHT - TOP - BOTTOM) * (1 - p);
        }
    }

    private static void frame(Graphics2D g, Axes axes, SweepAxis axis) {
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawRect(LEFT, TOP, plotW, plotH);
        for (int i = 0; i <= 5; i++) {
            int py = (int) Math.round(axes.py(i / 5.0));
            g.drawLine(LEFT - 5, py, LEFT, py);
            g.drawString(String.format(Locale.ROOT, "%.1f", i / 5.0), LEFT - 35, py + 5);
            double x = axes.xMin() + (axes.xMax() - axes.xMin()) * i / 5;
            int px = (int) Math.round(axes.px(x));
            g.drawLine(px, TOP + plotH, px, TOP + plotH + 5);
            g.drawString(tick(x), px - 15, TOP + plotH + 20);
        }
        String unit = axis.parameter().unit();
        g.drawString(axis.key() + (unit.equals("1") ? "" : " (" + unit + ")"), LEFT + plotW / 2 - 80, HEIGHT - 15);
        g.rotate(-Math.PI / 2);
        g.drawString("fraction of spines (Wilson 95%)", -(TOP + plotH / 2 + 95), 25);
        g.rotate(Math.PI / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("Sweep of " + axis.key() + ": outcome fractions and logistic fits", LEFT, TOP - 15);
    }

    private static void drawOutcome(Graphics2D g, Axes axes, List<SweepTable.Row> rows, Outcome outcome,
            SigmoidFit fit, Color colour) {
        g.setColor(colour);
        g.setStroke(new BasicStroke(1.4f));
        for (SweepTable.Row row : rows) {
            PointReadouts r = row.readouts();
            int k = outcome.count(r);
            WilsonInterval w = WilsonInterval.of95(k, r.spines());
            double px = axes.px(row.point().value(0));
            g.drawLine((int) Math.round(px), (int) Math.round(axes.py(w.lower())), (int) Math.round(px),
                    (int) Math.round(axes.py(w.upper())));
            double py = axes.py(r.fraction(k));
            g.fillOval((int) Math.round(px) - 4, (int) Math.round(py) - 4, 8, 8);
        }
        if (!fit.identified()) {
            return;
        }
        Path2D curve = new Path2D.Double();
        int steps = 400;
        for (int i = 0; i <= steps; i++) {
            double x = axes.xMin() + (axes.xMax() - axes.xMin()) * i / steps;
            double py = axes.py(fit.probability(x));
            if (i == 0) {
                curve.moveTo(axes.px(x), py);
            } else {
                curve.lineTo(axes.px(x), py);
            }
        }
        g.setStroke(new BasicStroke(2f));
        g.draw(curve);
        if (fit.threshold() >= axes.xMin() && fit.threshold() <= axes.xMax()) {
            g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
            int px = (int) Math.round(axes.px(fit.threshold()));
            g.drawLine(px, TOP, px, HEIGHT - BOTTOM);
        }
    }

    /** 4 significant digits, trailing zeros dropped. */
    private static String tick(double x) {
        return new java.math.BigDecimal(x).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static Color colour(Outcome outcome) {
        return switch (outcome) {
            case LTP -> new Color(0xD62728);
            case LTD -> new Color(0x1F77B4);
            case CAMKII_ON -> new Color(0x2CA02C);
        };
    }

    private static String legendText(Outcome outcome, SigmoidFit fit) {
        String name = switch (outcome) {
            case LTP -> "LTP";
            case LTD -> "LTD onset (LTD or LTP)";
            case CAMKII_ON -> "CaMKII ON at end";
        };
        return fit.identified() ? String.format(Locale.ROOT, "%s: %.4g", name, fit.threshold())
                : name + ": not identified";
    }
}
