package org.ltpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every figure is written as PNG and as SVG beside it: the SVG is well-formed XML of the PNG's size, and it holds
 * the data series (one marker per grid point and outcome in sweep.svg, one path point per recorded sample in
 * traces.svg, one per calcium bin in calcium.svg) and its labels as text. The SVG is written by our own
 * {@link org.ltpsim.cli.io.Figure} writer (element by element in SvgDocumentTest).
 */
class FigureSvgTest {
    private static final String[] SHORT = {"--no-camkii", "--set", "protocol.after_ms=100", "--seed", "5"};

    @TempDir
    Path dir;

    @Test
    void runFiguresAsSvgHoldTheirSeries() throws Exception {
        Path out = dir.resolve("run");
        assertEquals(0, Main.execute(CliRun.concat(new String[] {"run", "--spines", "6", "--record", "0,2,4", "--set",
            "protocol.hfs_pulses=10", "--out", out.toString()}, SHORT)));
        Map<String, Document> svgs = svgTwins(out);
        assertEquals(List.of("calcium", "q_max", "traces"), List.copyOf(svgs.keySet()));

        // traces.svg: a calcium and a voltage path per recorded spine, one point per sample of traces.csv
        List<String> traces = Files.readAllLines(out.resolve("traces.csv"));
        int spineColumn = List.of(traces.get(0).split(",")).indexOf("spine");
        long samplesOfSpine0 = traces.stream().skip(1).filter(l -> l.split(",")[spineColumn].equals("0")).count();
        List<Integer> points = pathPoints(svgs.get("traces"));
        assertEquals(2 * 3, points.size(), points.toString());
        assertTrue(samplesOfSpine0 > 50, "enough samples to tell: " + samplesOfSpine0);
        for (int p : points) {
            assertEquals(samplesOfSpine0, p, "every recorded spine has as many samples: " + points);
        }
        // calcium.svg: the mean line has one point per row (bin) of calcium.csv
        long bins = Files.readAllLines(out.resolve("calcium.csv")).size() - 1;
        assertTrue(pathPoints(svgs.get("calcium")).contains((int) bins), bins + " in " + pathPoints(svgs.get(
                "calcium")));
        // ... and its legend and axis titles as text (the y title rotated, nothing else)
        List<String> texts = texts(svgs.get("calcium"));
        assertTrue(texts.contains("A: hfs (6 spines)"), texts.toString());
        assertTrue(texts.contains("time (s)"), texts.toString());
        NodeList textNodes = svgs.get("calcium").getElementsByTagName("text");
        List<String> rotated = new ArrayList<>();
        for (int i = 0; i < textNodes.getLength(); i++) {
            Element text = (Element) textNodes.item(i);
            if (text.hasAttribute("transform")) {
                rotated.add(text.getTextContent());
            }
        }
        assertEquals(List.of("spine [Ca2+] (uM)"), rotated);
    }

    @Test
    void sweepAndExperimentFiguresAsSvg() throws Exception {
        Path sweep = dir.resolve("sweep");
        assertEquals(0, Main.execute(CliRun.concat(new String[] {"sweep", "--param", "protocol.hfs_pulses=5,20,40",
            "--spines", "8", "--out", sweep.toString()}, SHORT)));
        Document svg = svgTwins(sweep).get("sweep");
        // one marker per grid point for each fitted outcome (LTP and LTD onset; no CaMKII here)
        assertEquals(3 * 2, svg.getElementsByTagName("ellipse").getLength());

        Path rules = dir.resolve("rules");
        assertEquals(0, Main.execute("experiment", "rules", "--branches", "1", "--set", "branch.spines_per_branch=8",
                "--set", "protocol.hfs_pulses=20", "--out", rules.toString()));
        assertEquals(List.of("rules"), List.copyOf(svgTwins(rules).keySet()));
    }

    @Test
    void weightFiguresAsSvg() throws Exception {
        Path out = dir.resolve("weights");
        assertEquals(0, Main.execute("run", "--spines", "10", "--set", "branch.spines_per_branch=10", "--set",
                "branch.input_resistance_mohm=5000", "--expression-set", "nucleus.reference_spines=10", "--seed", "4",
                "--protocol", "hfs", "--duration", "3min", "--test-pulses", "2min", "--out", out.toString()));
        Map<String, Document> svgs = svgTwins(out);
        assertTrue(svgs.keySet().containsAll(List.of("weights", "epsp", "calcium", "q_max")), svgs.keySet().toString());
    }

    /** For every NAME.png in {@code dir}: NAME.svg, parsed, of the PNG's width and height. */
    private static Map<String, Document> svgTwins(Path dir) throws Exception {
        Map<String, Document> svgs = new TreeMap<>();
        List<Path> pngs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.toString().endsWith(".png")).forEach(pngs::add);
        }
        assertTrue(!pngs.isEmpty(), "figures in " + dir);
        for (Path png : pngs) {
            String name = png.getFileName().toString().replaceFirst("\\.png$", "");
            Document svg = parse(dir.resolve(name + ".svg"));
            Element root = svg.getDocumentElement();
            assertEquals("svg", root.getTagName());
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(image.getWidth() + "px", root.getAttribute("width"), name);
            assertEquals(image.getHeight() + "px", root.getAttribute("height"), name);
            assertTrue(svg.getElementsByTagName("text").getLength() > 0, name + ": axis labels as text");
            svgs.put(name, svg);
        }
        return svgs;
    }

    private static Document parse(Path svg) throws Exception {
        assertTrue(Files.exists(svg), svg + " beside its PNG");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // the SVG 1.1 DOCTYPE names a DTD on the web: parse without fetching it
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(svg.toFile());
    }

    private static List<String> texts(Document svg) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = svg.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    /** The number of points (move-to and line-to commands) of each path element. */
    private static List<Integer> pathPoints(Document svg) throws IOException {
        List<Integer> points = new ArrayList<>();
        NodeList paths = svg.getElementsByTagName("path");
        for (int i = 0; i < paths.getLength(); i++) {
            String d = ((Element) paths.item(i)).getAttribute("d");
            points.add((int) d.chars().filter(c -> c == 'M' || c == 'L').count());
        }
        return points;
    }
}
