package org.ltpsim.cli.experiment;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ltpsim.cli.UserInputException;
import org.ltpsim.cli.io.Manifest;
import org.ltpsim.cli.spine.NoiseOptions;
import org.ltpsim.cli.sweep.Outcome;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.params.NumberText;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.stats.PowerLawFit;
import org.ltpsim.stats.SigmoidFit;

/**
 * {@code ltpsim experiment noise-scaling}: the LTP threshold's 10-90% width against the system size K
 * ({@code --scale}: release sites, receptors and holoenzymes times K, contributions divided by K), with the fitted
 * exponent of width ~ K^b and its 95% interval (the system-size expansion predicts b = -1/2 while the noise is
 * small), and the deterministic step for reference. Writes noise_scaling.csv, summary.json, noise_scaling.png.
 */
final class NoiseScaling {
    static final String DEFAULT_SCALES = "1,4,16,64";
    private static final String[] COLUMNS = {"scale", "ltp_threshold", "ltp_threshold_lo", "ltp_threshold_hi",
        "ltp_width_10_90", "ltp_width_lo", "ltp_width_hi", "camkii_on_threshold", "camkii_on_width_10_90",
        "camkii_on_width_lo", "camkii_on_width_hi", "mean_peak_ca_uM_at_first_value"};

    record Output(List<NoiseThresholds.Result> scales, NoiseThresholds.Result deterministic, PowerLawFit ltpExponent,
            PowerLawFit camkiiExponent, ParameterSet params, String param) {}

    private final NoiseThresholds engine;
    private final double[] scales;
    private final String param;

    NoiseScaling(ParameterSet params, String param, String scalesText, int spines, long seed) {
        this.param = param;
        this.engine = new NoiseThresholds(params, param, spines, seed);
        this.scales = scales(scalesText);
    }

    static double[] scales(String text) {
        String[] parts = text.split(",", -1);
        double[] k = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                k[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UserInputException("--scales: '" + parts[i].trim() + "' is not a number", e);
            }
            if (!(k[i] > 0) || Double.isInfinite(k[i])) {
                throw new UserInputException("--scales: every scale must be a number > 0: '" + parts[i].trim() + "'");
            }
            for (int j = 0; j < i; j++) {
                if (k[j] == k[i]) {
                    throw new UserInputException("--scales: " + parts[i].trim() + " is listed twice");
                }
            }
        }
        if (k.length < 3) {
            throw new UserInputException("--scales needs at least 3 scales to fit an exponent: '" + text + "'");
        }
        return k;
    }

    Output run(int threads) {
        List<NoiseThresholds.Result> results = new ArrayList<>();
        NoiseThresholds.Result limit;
        try (BlockExecutor executor = new BlockExecutor(threads)) {
            for (double k : scales) {
                results.add(engine.run("scale " + NumberText.of(k), NoiseOptions.NONE.withScale(k), executor));
            }
            limit = engine.run("deterministic", NoiseOptions.deterministic(), executor);
        }
        return new Output(results, limit, exponent(results, Outcome.LTP), exponent(results, Outcome.CAMKII_ON),
                engine.params(), param);
    }

    private PowerLawFit exponent(List<NoiseThresholds.Result> results, Outcome o) {
        int n = results.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = scales[i];
            y[i] = results.get(i).width(o);
            lo[i] = results.get(i).widthCi(o).lower();
            hi[i] = results.get(i).widthCi(o).upper();
        }
        return PowerLawFit.fit(x, y, lo, hi);
    }

    static void write(Path dir, Output out) throws IOException {
        try (Writer w = Files.newBufferedWriter(dir.resolve("noise_scaling.csv"), StandardCharsets.UTF_8)) {
            w.write(String.join(",", COLUMNS));
            w.write('\n');
            for (NoiseThresholds.Result r : out.scales()) {
                w.write(row(NumberText.of(r.noise().scale()), r));
            }
            w.write(row("inf", out.deterministic()));
        }
        Manifest.json().writeValue(dir.resolve("summary.json").toFile(), summary(out));
        writeFigure(dir.resolve("noise_scaling.png"), out);
    }

    private static String row(String scale, NoiseThresholds.Result r) {
        List<String> cells = new ArrayList<>();
        cells.add(scale);
        cells.add(num(r.threshold(Outcome.LTP)));
        cells.add(num(r.thresholdCi(Outcome.LTP).lower()));
        cells.add(num(r.thresholdCi(Outcome.LTP).upper()));
        cells.add(num(r.width(Outcome.LTP)));
        cells.add(num(r.widthCi(Outcome.LTP).lower()));
        cells.add(num(r.widthCi(Outcome.LTP).upper()));
        cells.add(num(r.threshold(Outcome.CAMKII_ON)));
        cells.add(num(r.width(Outcome.CAMKII_ON)));
        cells.add(num(r.widthCi(Outcome.CAMKII_ON).lower()));
        cells.add(num(r.widthCi(Outcome.CAMKII_ON).upper()));
        cells.add(num(r.rows().get(0).readouts().meanPeakCaMicroMolar()));
        return String.join(",", cells) + "\n";
    }

    static String num(double v) {
        return Double.isFinite(v) ? NumberText.of(org.ltpsim.cli.sweep.ThresholdReportAccess.rounded(v)) : "";
    }

    static Map<String, Object> summary(Output out) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("experiment", "noise-scaling");
        s.put("swept", out.param());
        s.put("scales", out.scales().stream().map(r -> r.noise().scale()).toList());
        s.put("ltp_width_exponent", exponent(out.ltpExponent()));
        s.put("camkii_on_width_exponent", exponent(out.camkiiExponent()));
        s.put("expected_exponent", -0.5);
        s.put("exponent_method", "weighted least squares of ln(width_10_90) on ln(scale), weights from each width's "
                + "95% interval (se = (ln hi - ln lo) / 3.92), normal 95% interval");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (NoiseThresholds.Result r : out.scales()) {
            rows.add(conditionSummary(r));
        }
        rows.add(conditionSummary(out.deterministic()));
        s.put("conditions", rows);
        return s;
    }

    static Map<String, Object> conditionSummary(NoiseThresholds.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("scale", r.deterministic() ? null : r.noise().scale());
        m.put("mean_field_sources", r.noise().sourceKeys());
        for (Outcome o : new Outcome[] {Outcome.LTP, Outcome.CAMKII_ON}) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("threshold", finite(r.threshold(o)));
            t.put(r.deterministic() ? "bracket" : "threshold_ci95", interval(r.thresholdCi(o)));
            t.put("width_10_90", finite(r.width(o)));
            t.put("width_ci95", interval(r.widthCi(o)));
            t.put("reason", r.reason(o));
            m.put(o.jsonName(), t);
        }
        return m;
    }

    private static Map<String, Object> exponent(PowerLawFit f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("exponent", finite(f.exponent()));
        m.put("standard_error", finite(f.standardError()));
        m.put("ci95", Double.isFinite(f.lower()) ? List.of(finite(f.lower()), finite(f.upper())) : null);
        m.put("points", f.points());
        return m;
    }

    static Double finite(double v) {
        return Double.isFinite(v) ? org.ltpsim.cli.sweep.ThresholdReportAccess.rounded(v) : null;
    }

    static List<Double> interval(SigmoidFit.Interval i) {
        if (Double.isNaN(i.lower()) && Double.isNaN(i.upper())) {
            return null;
        }
        List<Double> l = new ArrayList<>();
        l.add(finite(i.lower()));
        l.add(finite(i.upper()));
        return l;
    }

    static void writeFigure(Path file, Output out) throws IOException {
        int n = out.scales().size();
        double[] k = new double[n];
        double[][] ltp = new double[3][n];
        double[][] cam = new double[3][n];
        for (int i = 0; i < n; i++) {
            NoiseThresholds.Result r = out.scales().get(i);
            k[i] = r.noise().scale();
            ltp[0][i] = r.width(Outcome.LTP);
            ltp[1][i] = r.widthCi(Outcome.LTP).lower();
            ltp[2][i] = r.widthCi(Outcome.LTP).upper();
            cam[0][i] = r.width(Outcome.CAMKII_ON);
            cam[1][i] = r.widthCi(Outcome.CAMKII_ON).lower();
            cam[2][i] = r.widthCi(Outcome.CAMKII_ON).upper();
        }
        double[] ref = new double[n];
        for (int i = 0; i < n; i++) {
            ref[i] = Double.isFinite(ltp[0][0]) ? ltp[0][0] * Math.pow(k[i] / k[0], -0.5) : Double.NaN;
        }
        PowerLawFit f = out.ltpExponent();
        new ExperimentFigure(String.format(Locale.ROOT, "Threshold width against system size (LTP exponent %s)",
                Double.isFinite(f.exponent()) ? String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", f.exponent(),
                f.lower(), f.upper()) : "not fitted"), "scale K", "10-90% width (" + out.param().split("=")[0] + ")",
                true, true)
                .add(new ExperimentFigure.Series("LTP (calcium rule)", ExperimentFigure.RED, k, ltp[0], ltp[1],
                        ltp[2], false))
                .add(new ExperimentFigure.Series("CaMKII ON", ExperimentFigure.BLUE, k, cam[0], cam[1], cam[2],
                        false))
                .add(new ExperimentFigure.Series("K^-1/2 from K = " + NumberText.of(k[0]), ExperimentFigure.BLACK, k,
                        ref, null, null, true))
                .write(file);
    }

    static List<String> console(Output out) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-14s %-32s %-32s", "scale", "LTP threshold [95%] width [95%]",
                "CaMKII ON threshold, width [95%]"));
        for (NoiseThresholds.Result r : out.scales()) {
            lines.add(line(NumberText.of(r.noise().scale()), r));
        }
        lines.add(line("deterministic", out.deterministic()));
        PowerLawFit f = out.ltpExponent();
        PowerLawFit c = out.camkiiExponent();
        lines.add(String.format(Locale.ROOT, "width ~ K^b: LTP b = %s; CaMKII ON b = %s (expected -0.5)",
                expText(f), expText(c)));
        return lines;
    }

    private static String expText(PowerLawFit f) {
        return Double.isFinite(f.exponent()) ? String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", f.exponent(),
                f.lower(), f.upper()) : "not fitted (" + f.points() + " widths with intervals)";
    }

    private static String line(String name, NoiseThresholds.Result r) {
        return String.format(Locale.ROOT, "%-14s %s  |  %s", name, cell(r, Outcome.LTP), cell(r, Outcome.CAMKII_ON));
    }

    static String cell(NoiseThresholds.Result r, Outcome o) {
        if (!Double.isFinite(r.threshold(o))) {
            return "not identified: " + r.reason(o);
        }
        return String.format(Locale.ROOT, "%s [%s, %s] w %s [%s, %s]", num(r.threshold(o)),
                num(r.thresholdCi(o).lower()), num(r.thresholdCi(o).upper()), num(r.width(o)),
                num(r.widthCi(o).lower()), num(r.widthCi(o).upper()));
    }
}
