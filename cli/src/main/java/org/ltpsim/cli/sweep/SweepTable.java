package org.ltpsim.cli.sweep;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ltpsim.params.NumberText;

/**
 * {@code sweep.csv}: one row per grid point, pathway A. Columns: the swept values named by their keys, then the
 * calcium rule's fractions with Wilson 95% intervals, {@code net_plasticity} = fraction_ltp - fraction_ltd, mean
 * peak calcium, Q_max quantiles, the CaMKII columns when CaMKII ran, the counts behind the fractions, and
 * {@code refine_round} with {@code --refine}. Numbers are written locale-independently with fixed formats, so the
 * same counts give the same bytes.
 */
public final class SweepTable {
    private SweepTable() {}

    /** One row: the point, its readouts and the refinement round that added it (0: the grid). */
    public record Row(SweepGrid.Point point, PointReadouts readouts, int round) {}

    /** The header columns for these axes. */
    public static List<String> header(List<SweepAxis> axes, boolean camkii, boolean refine) {
        List<String> columns = new ArrayList<>();
        axes.forEach(axis -> columns.add(axis.key()));
        columns.addAll(List.of("fraction_ltp", "fraction_ltp_lo", "fraction_ltp_hi", "fraction_ltd",
                "fraction_ltd_lo", "fraction_ltd_hi", "fraction_none", "net_plasticity", "mean_peak_ca_uM",
                "q_max_p10_uM_s", "q_max_p50_uM_s", "q_max_p90_uM_s"));
        if (camkii) {
            columns.addAll(List.of("fraction_camkii_on", "fraction_camkii_on_lo", "fraction_camkii_on_hi",
                    "fraction_camkii_ltp"));
        }
        columns.addAll(List.of("spines", "ltp_spines", "ltd_spines"));
        if (camkii) {
            columns.add("camkii_on_spines");
        }
        if (refine) {
            columns.add("refine_round");
        }
        return columns;
    }

    public static void write(Path file, List<SweepAxis> axes, boolean camkii, boolean refine, List<Row> rows)
            throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", header(axes, camkii, refine)));
            w.write('\n');
            for (Row row : rows) {
                w.write(line(row, camkii, refine));
                w.write('\n');
            }
        }
    }

    static String line(Row row, boolean camkii, boolean refine) {
        PointReadouts r = row.readouts();
        List<String> cells = new ArrayList<>();
        for (double value : row.point().values()) {
            cells.add(NumberText.of(value));
        }
        TableCells.addFraction(cells, r.ruleLtp(), r.spines());
        TableCells.addFraction(cells, r.ruleLtd(), r.spines());
        cells.add(TableCells.fixed(r.fraction(r.ruleNone())));
        cells.add(TableCells.fixed(r.fraction(r.ruleLtp() - r.ruleLtd())));
        cells.add(TableCells.general(r.meanPeakCaMicroMolar()));
        cells.add(TableCells.general(r.qMaxP10()));
        cells.add(TableCells.general(r.qMaxP50()));
        cells.add(TableCells.general(r.qMaxP90()));
        if (camkii) {
            TableCells.addFraction(cells, r.camkiiOn(), r.spines());
            cells.add(r.camkiiLtpDecided() ? TableCells.fixed(r.fraction(r.camkiiLtp())) : "");
        }
        cells.add(Integer.toString(r.spines()));
        cells.add(Integer.toString(r.ruleLtp()));
        cells.add(Integer.toString(r.ruleLtd()));
        if (camkii) {
            cells.add(Integer.toString(r.camkiiOn()));
        }
        if (refine) {
            cells.add(Integer.toString(row.round()));
        }
        return String.join(",", cells);
    }
}
