package org.ltpsim.sbml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ltpsim.network.ReactionNetwork;

/**
 * One case of the SBML Discrete Stochastic Models Test Suite (Evans, Gillespie &amp; Wilkinson 2008), read from the
 * copy in test resources ({@code /dsmts/NNNNN/}): the model and the exact mean and sd of each species at
 * t = 0, 1, ..., 50.
 *
 * @param folder  the sbml-test-suite case number, e.g. "00001"
 * @param name    the DSMTS name, e.g. "001-01"
 */
public record DsmtsCase(String folder, String name) {
    /** The 17 cases in the suite's order: birth-death, immigration-death, dimerisation, batch immigration. */
    public static final List<DsmtsCase> ALL = List.of(
            new DsmtsCase("00001", "001-01"), new DsmtsCase("00003", "001-03"), new DsmtsCase("00004", "001-04"),
            new DsmtsCase("00006", "001-06"), new DsmtsCase("00007", "001-07"), new DsmtsCase("00010", "001-10"),
            new DsmtsCase("00017", "001-17"), new DsmtsCase("00019", "001-19"), new DsmtsCase("00020", "002-01"),
            new DsmtsCase("00021", "002-02"), new DsmtsCase("00022", "002-03"), new DsmtsCase("00024", "002-05"),
            new DsmtsCase("00028", "002-09"), new DsmtsCase("00030", "003-01"), new DsmtsCase("00031", "003-02"),
            new DsmtsCase("00032", "003-03"), new DsmtsCase("00037", "004-01"));

    public static DsmtsCase named(String name) {
        return ALL.stream().filter(c -> c.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no DSMTS case " + name));
    }

    public String modelXml() {
        return resource(folder + "-sbml-l3v1.xml");
    }

    public ReactionNetwork network() {
        return SbmlImporter.parse(modelXml(), folder + "-sbml-l3v1.xml");
    }

    /** Reference mean by species id, each 51 values at t = 0..50. */
    public Map<String, double[]> referenceMean() {
        return table("dsmts-" + name + "-mean.csv");
    }

    /** Reference standard deviation by species id. */
    public Map<String, double[]> referenceSd() {
        return table("dsmts-" + name + "-sd.csv");
    }

    @Override
    public String toString() {
        return name;
    }

    private Map<String, double[]> table(String file) {
        String[] lines = resource(file).strip().split("\\R");
        String[] header = clean(lines[0]);
        if (!header[0].equalsIgnoreCase("time")) {
            throw new IllegalStateException(file + ": first column is " + header[0]);
        }
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = clean(lines[i]);
            double[] row = new double[cells.length];
            for (int j = 0; j < cells.length; j++) {
                row[j] = Double.parseDouble(cells[j]);
            }
            if (row[0] != i - 1) {
                throw new IllegalStateException(file + ": row " + i + " is at time " + row[0]);
            }
            rows.add(row);
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int j = 1; j < header.length; j++) {
            double[] column = new double[rows.size()];
            for (int t = 0; t < column.length; t++) {
                column[t] = rows.get(t)[j];
            }
            out.put(header[j], column);
        }
        return out;
    }

    private static String[] clean(String line) {
        String[] cells = line.split(",");
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].replace("\"", "").strip();
        }
        return cells;
    }

    private String resource(String file) {
        String path = "/dsmts/" + folder + "/" + file;
        try (InputStream in = DsmtsCase.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
