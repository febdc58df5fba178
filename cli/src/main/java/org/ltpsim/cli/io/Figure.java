package org.ltpsim.cli.io;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Every figure ltpsim writes, as {@code NAME.png} and the same drawing as {@code NAME.svg} beside it: the figure's
 * java.awt drawing code runs twice, once on a raster image and once on VectorGraphics2D's recording Graphics2D,
 * whose commands {@link SvgDocument} writes as SVG (text as text, each polyline as one path). One drawing model for
 * both formats, so they cannot disagree; the same data give the same bytes in both.
 */
public final class Figure {
    /** Draws a figure on a white canvas of the figure's size. */
    @FunctionalInterface
    public interface Painter {
        void paint(Graphics2D g);
    }

    private Figure() {}

    /** Writes {@code png} and {@link #svgBeside(Path) its .svg twin}, both {@code widthPx} x {@code heightPx}. */
    public static void write(Path png, int widthPx, int heightPx, Painter painter) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(widthPx, heightPx, BufferedImage.TYPE_INT_RGB);
        Graphics2D raster = image.createGraphics();
        paint(raster, widthPx, heightPx, painter);
        if (!ImageIO.write(image, "png", png.toFile())) {
            throw new IOException("no PNG writer for " + png);
        }
        VectorGraphics2D vector = new VectorGraphics2D();
        paint(vector, widthPx, heightPx, painter);
        Files.writeString(svgBeside(png), SvgDocument.of(vector.getCommands(), widthPx, heightPx));
    }

    /** {@code dir/NAME.svg} for {@code dir/NAME.png}. */
    public static Path svgBeside(Path png) {
        String name = png.getFileName().toString();
        if (!name.endsWith(".png")) {
            throw new IllegalArgumentException("a figure is written as NAME.png (and NAME.svg): " + png);
        }
        return png.resolveSibling(name.substring(0, name.length() - ".png".length()) + ".svg");
    }

    private static void paint(Graphics2D g, int widthPx, int heightPx, Painter painter) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, widthPx, heightPx);
        painter.paint(g);
        g.dispose();
    }
}
