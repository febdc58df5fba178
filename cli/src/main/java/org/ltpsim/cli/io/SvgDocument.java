package org.ltpsim.cli.io;

import de.erichseifert.vectorgraphics2d.intermediate.commands.AffineTransformCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.Command;
import de.erichseifert.vectorgraphics2d.intermediate.commands.CreateCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DisposeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DrawShapeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DrawStringCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.FillShapeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetBackgroundCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetColorCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetCompositeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetFontCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetHintCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetPaintCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetStrokeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetTransformCommand;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * SVG text from the drawing commands VectorGraphics2D recorded: one element per drawing command (a path holds its
 * whole polyline in one {@code d} string), written straight into a StringBuilder. It replaces VectorGraphics2D's own
 * SVG back end, which builds an XML DOM and serialises it with javax.xml.transform: about a second of a 1,000-spine
 * run's fixed cost (cold classes, 240 KB of full-precision coordinates), against tens of milliseconds here.
 *
 * <p>Coordinates are rounded to 1/100 px. Lines and rectangles stay {@code line} and {@code rect}, ellipses
 * {@code ellipse} (when not rotated), every other shape a {@code path}; text is {@code text} with the font's generic
 * family (sans-serif, serif, monospace), so the file does not depend on the fonts installed where it was written.
 * Commands a figure does not use (images, clips, XOR mode) are refused rather than dropped silently.
 */
final class SvgDocument {
    /** The graphics state a command sees; {@code create()} pushes a copy, {@code dispose()} pops it. */
    private static final class State {
        Color color = Color.BLACK;
        Stroke stroke = new BasicStroke(1f);
        Font font = new Font(Font.DIALOG, Font.PLAIN, 12);
        AffineTransform transform = new AffineTransform();

        State copy() {
            State s = new State();
            s.color = color;
            s.stroke = stroke;
            s.font = font;
            s.transform = new AffineTransform(transform);
            return s;
        }
    }

    private final StringBuilder svg = new StringBuilder(64 * 1024);
    private final Deque<State> saved = new ArrayDeque<>();
    private State state = new State();

    private SvgDocument() {}

    /** The SVG document, {@code widthPx} x {@code heightPx}, of {@code commands} in their recorded order. */
    static String of(Iterable<Command<?>> commands, int widthPx, int heightPx) {
        SvgDocument doc = new SvgDocument();
        doc.svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "version=\"1.1\" width=\"").append(widthPx).append("px\" height=\"").append(heightPx)
                .append("px\" viewBox=\"0 0 ").append(widthPx).append(' ').append(heightPx).append("\">\n");
        for (Command<?> command : commands) {
            doc.apply(command);
        }
        return doc.svg.append("</svg>\n").toString();
    }

    private void apply(Command<?> command) {
        switch (command) {
            case DrawShapeCommand draw -> shape(draw.getValue(), false);
            case FillShapeCommand fill -> shape(fill.getValue(), true);
            case DrawStringCommand text -> text(text.getValue(), text.getX(), text.getY());
            case SetColorCommand c -> state.color = c.getValue();
            case SetPaintCommand p when p.getValue() instanceof Color c -> state.color = c;
            case SetStrokeCommand s -> state.stroke = s.getValue();
            case SetFontCommand f -> state.font = f.getValue();
            case AffineTransformCommand t -> state.transform.concatenate(t.getValue());
            case SetTransformCommand t -> state.transform = new AffineTransform(t.getValue());
            case CreateCommand c -> {
                saved.push(state);
                state = state.copy();
            }
            case DisposeCommand d -> state = saved.isEmpty() ? state : saved.pop();
            // hints are for rasterising; the background and composite of our figures are drawn as fills
            case SetHintCommand h -> { }
            case SetBackgroundCommand b -> { }
            case SetCompositeCommand c -> { }
            default -> throw new IllegalStateException("figure SVG: drawing command not supported: "
                    + command.getClass().getSimpleName());
        }
    }

    private void shape(Shape shape, boolean fill) {
        AffineTransform t = state.transform;
        if (t.isIdentity() && shape instanceof Line2D line) {
            svg.append("<line x1=\"");
            number(line.getX1()).append("\" y1=\"");
            number(line.getY1()).append("\" x2=\"");
            number(line.getX2()).append("\" y2=\"");
            number(line.getY2()).append('"');
        } else if (t.isIdentity() && shape instanceof Rectangle2D rect) {
            svg.append("<rect x=\"");
            number(rect.getX()).append("\" y=\"");
            number(rect.getY()).append("\" width=\"");
            number(rect.getWidth()).append("\" height=\"");
            number(rect.getHeight()).append('"');
        } else if (t.isIdentity() && shape instanceof Ellipse2D e) {
            svg.append("<ellipse cx=\"");
            number(e.getCenterX()).append("\" cy=\"");
            number(e.getCenterY()).append("\" rx=\"");
            number(e.getWidth() / 2).append("\" ry=\"");
            number(e.getHeight() / 2).append('"');
        } else {
            svg.append("<path d=\"");
            path(shape.getPathIterator(t));
            svg.append('"');
        }
        svg.append(" style=\"");
        if (fill) {
            paint("fill", state.color);
            svg.append("stroke:none");
        } else {
            svg.append("fill:none;");
            paint("stroke", state.color);
            stroke();
        }
        svg.append("\"/>\n");
    }

    /** M, L, Q, C and Z commands, one per segment, with the current transform already applied. */
    private void path(PathIterator it) {
        double[] c = new double[6];
        boolean first = true;
        for (; !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            if (!first) {
                svg.append(' ');
            }
            first = false;
            switch (type) {
                case PathIterator.SEG_MOVETO -> points("M", c, 1);
                case PathIterator.SEG_LINETO -> points("L", c, 1);
                case PathIterator.SEG_QUADTO -> points("Q", c, 2);
                case PathIterator.SEG_CUBICTO -> points("C", c, 3);
                default -> svg.append('Z');
            }
        }
    }

    private void points(String op, double[] c, int count) {
        svg.append(op);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                svg.append(' ');
            }
            number(c[2 * i]).append(',');
            number(c[2 * i + 1]);
        }
    }

    private void text(String text, double x, double y) {
        svg.append("<text x=\"");
        number(x).append("\" y=\"");
        number(y).append('"');
        AffineTransform t = state.transform;
        if (!t.isIdentity()) {
            svg.append(" transform=\"matrix(");
            number(t.getScaleX()).append(' ');
            number(t.getShearY()).append(' ');
            number(t.getShearX()).append(' ');
            number(t.getScaleY()).append(' ');
            number(t.getTranslateX()).append(' ');
            number(t.getTranslateY()).append(")\"");
        }
        Font f = state.font;
        svg.append(" style=\"");
        paint("fill", state.color);
        svg.append("stroke:none;font-family:").append(family(f)).append(";font-size:").append(f.getSize())
                .append("px;");
        if (f.isBold()) {
            svg.append("font-weight:bold;");
        }
        if (f.isItalic()) {
            svg.append("font-style:italic;");
        }
        svg.append("\">");
        escape(text);
        svg.append("</text>\n");
    }

    /** The CSS generic family of Java's logical fonts; another family by name, falling back to sans-serif. */
    private static String family(Font f) {
        return switch (f.getName()) {
            case Font.SERIF -> "serif";
            case Font.MONOSPACED, Font.DIALOG_INPUT -> "monospace";
            case Font.SANS_SERIF, Font.DIALOG -> "sans-serif";
            default -> "'" + f.getName().replaceAll("[^A-Za-z0-9 _-]", "") + "',sans-serif";
        };
    }

    private void paint(String what, Color c) {
        svg.append(what).append(":rgb(").append(c.getRed()).append(',').append(c.getGreen()).append(',')
                .append(c.getBlue()).append(");");
        if (c.getAlpha() < 255) {
            svg.append(what).append("-opacity:");
            number(c.getAlpha() / 255.0).append(';');
        }
    }

    private void stroke() {
        if (state.stroke instanceof BasicStroke s) {
            if (s.getLineWidth() != 1f) {
                svg.append("stroke-width:");
                number(s.getLineWidth()).append(';');
            }
            svg.append(switch (s.getEndCap()) {
                case BasicStroke.CAP_BUTT -> "stroke-linecap:butt;";
                case BasicStroke.CAP_ROUND -> "stroke-linecap:round;";
                default -> "stroke-linecap:square;";
            });
            svg.append(switch (s.getLineJoin()) {
                case BasicStroke.JOIN_ROUND -> "stroke-linejoin:round";
                case BasicStroke.JOIN_BEVEL -> "stroke-linejoin:bevel";
                default -> "stroke-linejoin:miter";
            });
        }
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> svg.append("&amp;");
                case '<' -> svg.append("&lt;");
                case '>' -> svg.append("&gt;");
                case '"' -> svg.append("&quot;");
                default -> svg.append(ch);
            }
        }
    }

    /** {@code v} rounded to 1/100, without trailing zeros: the same digits on every JVM (integer arithmetic). */
    private StringBuilder number(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalStateException("figure SVG: coordinate " + v);
        }
        long hundredths = Math.round(v * 100);
        if (hundredths < 0) {
            svg.append('-');
            hundredths = -hundredths;
        }
        svg.append(hundredths / 100);
        long frac = hundredths % 100;
        if (frac != 0) {
            svg.append('.').append((char) ('0' + frac / 10));
            if (frac % 10 != 0) {
                svg.append((char) ('0' + frac % 10));
            }
        }
        return svg;
    }
}
