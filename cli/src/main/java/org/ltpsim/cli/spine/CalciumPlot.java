package org.ltpsim.cli.spine;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** A PNG of mean +- sd spine calcium against time, one colour per pathway (java.awt, headless). */
public final class CalciumPlot {
    private static final Color[] COLOURS = {new Color(0xD62728), new Color(0x1F77B4), new Color(0x2CA02C),
        new Color(0x9467BD), new Color(0xFF7F0E), new Color(0x8C564B)};

    /** One curve: a label, mean and sd per bin. */
    public record Series(String label, double[] mean, double[] sd) {}

    private CalciumPlot() {}

    public static void write(Path file, String title, double binMs, List<Series> series) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int width = 900;
        int height = 520;
        int left = 80;
        int right = 20;
        int top = 40;
        int bottom = 60;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int bins = series.get(0).mean().length;
        double tMaxSec = Math.max(1e-9, (bins - 1) * binMs / 1000);
        double yMax = 0;
        for (Series s : series) {
            for (int k = 0; k < bins; k++) {
                yMax = Math.max(yMax, s.mean()[k] + s.sd()[k]);
            }
        }
        yMax = niceCeiling(Math.max(yMax, 0.1));
        int plotW = width - left - right;
        int plotH = height - top - bottom;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawRect(left, top, plotW, plotH);
        for (int i = 0; i <= 5; i++) {
            double y = yMax * i / 5;
            int py = top + plotH - (int) Math.round(plotH * i / 5.0);
            g.drawLine(left - 5, py, left, py);
            g.drawString(String.format(Locale.ROOT, "%.2f", y), left - 50, py + 5);
            double t = tMaxSec * i / 5;
            int px = left + (int) Math.round(plotW * i / 5.0);
            g.drawLine(px, top + plotH, px, top + plotH + 5);
            g.drawString(String.format(Locale.ROOT, t < 10 ? "%.2f" : "%.0f", t), px - 15, top + plotH + 20);
        }
        g.drawString("time (s)", left + plotW / 2 - 25, height - 15);
        g.rotate(-Math.PI / 2);
        g.drawString("spine [Ca2+] (uM), mean +- sd", -(top + plotH / 2 + 100), 25);
        g.rotate(Math.PI / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, left, top - 15);
        for (int s = 0; s < series.size(); s++) {
            Series curve = series.get(s);
            Color c = COLOURS[s % COLOURS.length];
            Path2D band = new Path2D.Double();
            Path2D line = new Path2D.Double();
            for (int k = 0; k < bins; k++) {
                double x = left + plotW * (k * binMs / 1000) / tMaxSec;
                double y = top + plotH * (1 - Math.min(1, (curve.mean()[k] + curve.sd()[k]) / yMax));
                if (k == 0) {
                    band.moveTo(x, y);
                } else {
                    band.lineTo(x, y);
                }
                double ym = top + plotH * (1 - Math.min(1, curve.mean()[k] / yMax));
                if (k == 0) {
                    line.moveTo(x, ym);
                } else {
                    line.lineTo(x, ym);
                }
            }
            for (int k = bins - 1; k >= 0; k--) {
                double x = left + plotW * (k * binMs / 1000) / tMaxSec;
                double y = top + plotH * (1 - Math.max(0, curve.mean()[k] - curve.sd()[k]) / yMax);
                band.lineTo(x, y);
            }
            band.closePath();
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 50));
            g.fill(band);
            g.setColor(c);
            g.setStroke(new BasicStroke(1.6f));
            g.draw(line);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.drawString(curve.label(), left + plotW - 260, top + 20 + 18 * s);
        }
        g.dispose();
        ImageIO.write(image, "png", path(file));
    }

    private static java.io.File path(Path file) {
        return file.toFile();
    }

    private static double niceCeiling(double x) {
        double p = Math.pow(10, Math.floor(Math.log10(x)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= x) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
