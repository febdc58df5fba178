package org.ltpsim.cli.sweep;

import java.util.List;
import java.util.Locale;
import org.ltpsim.stats.WilsonInterval;

/**
 * The cells of the outcome tables ({@code sweep.csv}, {@code frequency_response.csv}, {@code rules.csv}): one format
 * for each kind of number, so that the tables read alike.
 */
public final class TableCells {
    private TableCells() {}

    /** {@code count / spines} and its Wilson 95% interval: three cells. */
    public static void addFraction(List<String> cells, int count, int spines) {
        WilsonInterval interval = WilsonInterval.of95(count, spines);
        cells.add(fixed((double) count / spines));
        cells.add(fixed(interval.lower()));
        cells.add(fixed(interval.upper()));
    }

    /** Fractions: 6 decimals. */
    public static String fixed(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    /** Concentrations and integrals: 6 significant digits. */
    public static String general(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }
}
