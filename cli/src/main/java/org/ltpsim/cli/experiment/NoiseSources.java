package org.ltpsim.cli.experiment;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ltpsim.cli.io.Manifest;
import org.ltpsim.cli.spine.NoiseOptions;
import org.ltpsim.cli.sweep.Outcome;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.spine.NoiseSource;

/**
 * {@code ltpsim experiment noise-sources}: which noise sets the threshold's position and width. The same sweep runs
 * with every source stochastic, with each source alone made mean-field ({@code --deterministic-sources S}), and with
 * all mean-field (the deterministic step). A source's share of the width is the fraction of the squared 10-90% width
 * that goes when it alone is made mean-field, {@code 1 - (W_without / W_all)^2} (independent small noises add in
 * variance; shares need not sum to 1 when they interact); its shift is {@code T_all - T_without}. Writes
 * noise_sources.csv, summary.json and noise_sources.png (each source's share, LTP and CaMKII ON).
 */
final class NoiseSources {
    private static final String[] COLUMNS = {"condition", "mean_field_sources", "ltp_threshold", "ltp_threshold_lo",
        "ltp_threshold_hi", "ltp_width_10_90", "ltp_width_lo", "ltp_width_hi", "ltp_width_share",
        "camkii_on_threshold", "camkii_on_threshold_lo", "camkii_on_threshold_hi", "camkii_on_width_10_90",
        "camkii_on_width_lo", "camkii_on_width_hi", "camkii_on_width_share"};

    record Output(NoiseThresholds.Result all, List<NoiseThresholds.Result> single, NoiseThresholds.Result none,
            ParameterSet params, String param) {}

    private final NoiseThresholds engine;
    private final String param;

    NoiseSources(ParameterSet params, String param, int spines, long seed) {
        this.param = param;
        this.engine = new NoiseThresholds(params, param, spines, seed);
    }

    Output run(int threads) {
        try (BlockExecutor executor = new BlockExecutor(threads)) {
            NoiseThresholds.Result all = engine.run("all stochastic", NoiseOptions.NONE, executor);
            List<NoiseThresholds.Result> single = new ArrayList<>();
            for (NoiseSource s : NoiseSource.values()) {
                single.add(engine.run(s.key() + " mean-field", NoiseOptions.NONE.withMeanField(EnumSet.of(s)),
                        executor));
            }
            NoiseThresholds.Result none = engine.run("all deterministic", NoiseOptions.deterministic(), executor);
            return new Output(all, single, none, engine.params(), param);
        }
    }

    /** 1 - (w / wAll)^2: the share of the squared width that goes with the source. */
    static double share(double wAll, double w) {
        return Double.isFinite(wAll) && Double.isFinite(w) && wAll > 0 ? 1 - (w / wAll) * (w / wAll) : Double.NaN;
    }

    static void write(Path dir, Output out) throws IOException {
        try (Writer w = Files.newBufferedWriter(dir.resolve("noise_sources.csv"), StandardCharsets.UTF_8)) {
            w.write(String.join(",", COLUMNS));
            w.write('\n');
            for (NoiseThresholds.Result r : conditions(out)) {
                w.write(row(r, out.all()));
            }
        }
        Manifest.json().writeValue(dir.resolve("summary.json").toFile(), summary(out));
        writeFigure(dir.resolve("noise_sources.png"), out);
    }

    private static List<NoiseThresholds.Result> conditions(Output out) {
        List<NoiseThresholds.Result> all = new ArrayList<>();
        all.add(out.all());
        all.addAll(out.single());
        all.add(out.none());
        return all;
    }

    private static String row(NoiseThresholds.Result r, NoiseThresholds.Result all) {
        List<String> c = new ArrayList<>();
        c.add(r.name().replace(' ', '_'));
        c.add(String.join("+", r.noise().sourceKeys()));
        for (Outcome o : new Outcome[] {Outcome.LTP, Outcome.CAMKII_ON}) {
            c.add(NoiseScaling.num(r.threshold(o)));
            c.add(NoiseScaling.num(r.thresholdCi(o).lower()));
            c.add(NoiseScaling.num(r.thresholdCi(o).upper()));
            c.add(NoiseScaling.num(r.width(o)));
            c.add(NoiseScaling.num(r.widthCi(o).lower()));
            c.add(NoiseScaling.num(r.widthCi(o).upper()));
            c.add(NoiseScaling.num(share(all.width(o), r.width(o))));
        }
        return String.join(",", c) + "\n";
    }

    static Map<String, Object> summary(Output out) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("experiment", "noise-sources");
        s.put("swept", out.param());
        s.put("share_definition", "1 - (width with the source mean-field / width with all stochastic)^2; shift = "
                + "threshold all stochastic - threshold with the source mean-field");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (NoiseThresholds.Result r : conditions(out)) {
            Map<String, Object> m = NoiseScaling.conditionSummary(r);
            for (Outcome o : new Outcome[] {Outcome.LTP, Outcome.CAMKII_ON}) {
                @SuppressWarnings("unchecked")
                Map<String, Object> t = (Map<String, Object>) m.get(o.jsonName());
                t.put("width_share", NoiseScaling.finite(share(out.all().width(o), r.width(o))));
                t.put("shift", NoiseScaling.finite(out.all().threshold(o) - r.threshold(o)));
            }
            rows.add(m);
        }
        s.put("conditions", rows);
        for (Outcome o : new Outcome[] {Outcome.LTP, Outcome.CAMKII_ON}) {
            s.put("dominant_source_" + o.jsonName(), dominant(out, o));
        }
        return s;
    }

    /** The source whose mean-field version removes the largest share of the width, or null. */
    static String dominant(Output out, Outcome o) {
        String best = null;
        double top = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < out.single().size(); i++) {
            double sh = share(out.all().width(o), out.single().get(i).width(o));
            if (Double.isFinite(sh) && sh > top) {
                top = sh;
                best = NoiseSource.values()[i].key();
            }
        }
        return best;
    }

    static void writeFigure(Path file, Output out) throws IOException {
        int n = out.single().size();
        double[] x = new double[n];
        double[] x2 = new double[n];
        double[] ltp = new double[n];
        double[] cam = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1 - 0.1; // the two outcomes side by side at each source
            x2[i] = i + 1 + 0.1;
            ltp[i] = share(out.all().width(Outcome.LTP), out.single().get(i).width(Outcome.LTP));
            cam[i] = share(out.all().width(Outcome.CAMKII_ON), out.single().get(i).width(Outcome.CAMKII_ON));
        }
        new ExperimentFigure("Share of the threshold width per noise source (1 release, 2 AMPA, 3 NMDA, 4 CaMKII)",
                "source made mean-field", "share of squared 10-90% width", false, false)
                .add(new ExperimentFigure.Series("LTP (calcium rule)", ExperimentFigure.RED, x, ltp, zeros(ltp),
                        ltp, false))
                .add(new ExperimentFigure.Series("CaMKII ON", ExperimentFigure.BLUE, x2, cam, zeros(cam), cam, false))
                .unjoined().horizontalLine(0).write(file);
    }

    /** Bars drawn as stems (error bars) from 0 to the value. */
    private static double[] zeros(double[] v) {
        double[] z = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            z[i] = Double.isFinite(v[i]) ? Math.min(0, v[i]) : Double.NaN;
        }
        return z;
    }

    static List<String> console(Output out) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-22s %s  |  %s", "condition", "LTP threshold [95%] w width [95%]",
                "CaMKII ON"));
        for (NoiseThresholds.Result r : conditions(out)) {
            lines.add(String.format(Locale.ROOT, "%-22s %s  |  %s", r.name(), NoiseScaling.cell(r, Outcome.LTP),
                    NoiseScaling.cell(r, Outcome.CAMKII_ON)));
        }
        lines.add("dominant source of the width: LTP " + dominant(out, Outcome.LTP) + ", CaMKII ON "
                + dominant(out, Outcome.CAMKII_ON));
        return lines;
    }
}
