package org.ltpsim.cli.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ltpsim.params.NumberText;
import org.ltpsim.stats.SigmoidFit;
import org.ltpsim.stats.WilsonInterval;

/** The console summary of a sweep: a table of the grid points (the first rows of sweep.csv) and the fits. */
public final class SweepConsole {
    /** Longer grids are cut here on the console; sweep.csv has every row. */
    private static final int MAX_ROWS = 40;

    private SweepConsole() {}

    public static List<String> lines(List<SweepAxis> axes, List<SweepTable.Row> rows,
            Map<Outcome, ThresholdReport.OutcomeFit> fits,
            ThresholdReport.Refinement refinement) {
        List<String> lines = new ArrayList<>();
        StringBuilder header = new StringBuilder();
        for (SweepAxis axis : axes) {
            header.append(String.format(Locale.ROOT, "%-" + width(axis) + "s  ", axis.key()));
        }
        lines.add(header.append("LTP    [95% CI]        LTD    [95% CI]        none   peak Ca (uM)").toString());
        List<SweepTable.Row> sorted = new ArrayList<>(rows);
        if (axes.size() == 1) {
            sorted.sort((a, b) -> Double.compare(a.point().value(0), b.point().value(0)));
        }
        for (SweepTable.Row row : sorted.subList(0, Math.min(MAX_ROWS, sorted.size()))) {
            StringBuilder line = new StringBuilder();
            for (int a = 0; a < axes.size(); a++) {
                line.append(String.format(Locale.ROOT, "%-" + width(axes.get(a)) + "s  ",
                        NumberText.of(row.point().value(a)) + (row.round() > 0 ? " +" : "")));
            }
            PointReadouts r = row.readouts();
            line.append(fraction(r.ruleLtp(), r.spines())).append("  ").append(fraction(r.ruleLtd(), r.spines()))
                    .append(String.format(Locale.ROOT, "  %.3f  %.3g", r.fraction(r.ruleNone()),
                            r.meanPeakCaMicroMolar()));
            lines.add(line.toString());
        }
        if (sorted.size() > MAX_ROWS) {
            lines.add("... " + (sorted.size() - MAX_ROWS) + " more rows in sweep.csv");
        }
        if (rows.stream().anyMatch(r -> r.round() > 0)) {
            lines.add("(+: added by --refine)");
        }
        String key = axes.get(0).key();
        for (Map.Entry<Outcome, ThresholdReport.OutcomeFit> entry : fits.entrySet()) {
            lines.add(fitLine(label(entry.getKey()), key, entry.getValue().primary()));
        }
        if (refinement != null) {
            lines.add(String.format(Locale.ROOT, "refine: %d round%s, %s: %s", refinement.rounds(),
                    refinement.rounds() == 1 ? "" : "s", refinement.reached() ? "target reached" : "target not reached",
                    refinement.stoppedBecause()));
        }
        return lines;
    }

    private static int width(SweepAxis axis) {
        return Math.max(axis.key().length(), 8);
    }

    private static String fraction(int count, int spines) {
        WilsonInterval w = WilsonInterval.of95(count, spines);
        return String.format(Locale.ROOT, "%.3f  [%.3f, %.3f]", (double) count / spines, w.lower(), w.upper());
    }

    private static String label(Outcome outcome) {
        return switch (outcome) {
            case LTP -> "LTP threshold";
            case LTD -> "LTD onset";
            case CAMKII_ON -> "CaMKII ON threshold";
        };
    }

    static String fitLine(String label, String key, SigmoidFit fit) {
        if (!fit.identified()) {
            return label + ": not identified: " + fit.reason();
        }
        String line = String.format(Locale.ROOT, "%s: %s = %s, 95%% CI %s; 10-90 width %s, 95%% CI %s", label, key,
                number(fit.threshold()), interval(fit.thresholdCi()), number(fit.width1090()),
                interval(fit.widthCi()));
        if (fit.deviance().degreesOfFreedom() > 0) {
            line += String.format(Locale.ROOT, "; deviance %.3g on %d dof (p = %.3g), dispersion %.3g",
                    fit.deviance().value(), fit.deviance().degreesOfFreedom(), fit.deviance().pValue(),
                    fit.deviance().dispersion());
        }
        return fit.reason() == null ? line : line + " (" + fit.reason() + ")";
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4g", value) : "unbounded";
    }

    private static String interval(SigmoidFit.Interval interval) {
        return "[" + number(interval.lower()) + ", " + number(interval.upper()) + "]";
    }
}
