package org.ltpsim.cli.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SVG text of recorded drawing commands: elements, coordinates, styles and graphics state, element by element. */
class SvgDocumentTest {
    @Test
    void polylineIsOnePathWithEveryPointRoundedToHundredths() {
        VectorGraphics2D g = new VectorGraphics2D();
        g.setColor(new Color(10, 20, 30));
        g.setStroke(new BasicStroke(1.6f));
        Path2D line = new Path2D.Double();
        line.moveTo(90, 449.50000000000006);
        line.lineTo(90.3925, 448.578834);
        line.lineTo(-0.004, 12.346);
        g.draw(line);
        assertEquals(List.of("<path d=\"M90,449.5 L90.39,448.58 L0,12.35\" style=\"fill:none;stroke:rgb(10,20,30);"
                + "stroke-width:1.6;stroke-linecap:square;stroke-linejoin:miter\"/>"), body(g, 100, 50));
    }

    @Test
    void linesRectanglesAndTranslucentFillsKeepTheirElements() {
        VectorGraphics2D g = new VectorGraphics2D();
        g.setStroke(new BasicStroke(1f)); // java.awt's default: square caps, mitred joins
        g.drawLine(1, 2, 3, 4);
        g.setColor(new Color(255, 0, 0, 51));
        g.fillRect(5, 6, 7, 8);
        g.fillOval(10, 20, 4, 6);
        assertEquals(List.of(
                "<line x1=\"1\" y1=\"2\" x2=\"3\" y2=\"4\" style=\"fill:none;stroke:rgb(0,0,0);"
                        + "stroke-linecap:square;stroke-linejoin:miter\"/>",
                "<rect x=\"5\" y=\"6\" width=\"7\" height=\"8\" style=\"fill:rgb(255,0,0);fill-opacity:0.2;"
                        + "stroke:none\"/>",
                "<ellipse cx=\"12\" cy=\"23\" rx=\"2\" ry=\"3\" style=\"fill:rgb(255,0,0);fill-opacity:0.2;"
                        + "stroke:none\"/>"), body(g, 100, 50));
    }

    @Test
    void rotatedTextCarriesItsTransformUntilDisposedAndTextIsEscaped() {
        VectorGraphics2D g = new VectorGraphics2D();
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        Graphics2D r = (Graphics2D) g.create();
        r.rotate(-Math.PI / 2);
        r.drawString("[Ca2+] <uM>", -30, 20);
        r.dispose();
        g.drawString("A & B", 5, 6); // after dispose: not rotated, and the font set before create() still holds
        assertEquals(List.of(
                "<text x=\"-30\" y=\"20\" transform=\"matrix(0 -1 1 0 0 0)\" style=\"fill:rgb(0,0,0);stroke:none;"
                        + "font-family:sans-serif;font-size:14px;font-weight:bold;\">[Ca2+] &lt;uM&gt;</text>",
                "<text x=\"5\" y=\"6\" style=\"fill:rgb(0,0,0);stroke:none;font-family:sans-serif;font-size:14px;"
                        + "font-weight:bold;\">A &amp; B</text>"), body(g, 100, 50));
    }

    @Test
    void documentHasTheFigureSizeAndRefusesWhatItCannotWrite() {
        String svg = SvgDocument.of(new VectorGraphics2D().getCommands(), 900, 540);
        assertTrue(svg.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/"
                + "svg\" version=\"1.1\" width=\"900px\" height=\"540px\" viewBox=\"0 0 900 540\">\n"), svg);
        assertTrue(svg.endsWith("</svg>\n"), svg);
        VectorGraphics2D g = new VectorGraphics2D();
        g.drawImage(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), 0, 0, null);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SvgDocument.of(g.getCommands(), 10, 10));
        assertTrue(e.getMessage().contains("DrawImageCommand"), e.getMessage());
    }

    /** The element lines between the svg tags. */
    private static List<String> body(VectorGraphics2D g, int widthPx, int heightPx) {
        List<String> lines = SvgDocument.of(g.getCommands(), widthPx, heightPx).lines().toList();
        return lines.subList(2, lines.size() - 1);
    }
}
