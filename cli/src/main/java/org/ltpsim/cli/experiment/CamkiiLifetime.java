package org.ltpsim.cli.experiment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.ltpsim.camkii.CamkiiParameters;
import org.ltpsim.camkii.CamkiiPopulation;
import org.ltpsim.camkii.CamkiiPopulations;
import org.ltpsim.cli.UserInputException;
import org.ltpsim.cli.io.HistogramPercentiles;
import org.ltpsim.cli.io.Manifest;
import org.ltpsim.cli.io.ProgressBar;
import org.ltpsim.cli.sweep.TableCells;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.params.NumberText;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.rng.RandomStreams;

/**
 * {@code ltpsim experiment camkii-lifetime}: how long the CaMKII switch stays ON and OFF at resting calcium
 * against the number of holoenzymes per spine (Miller, Zhabotinsky, Lisman &amp; Wang 2005: lifetimes grow
 * exponentially with the number of holoenzymes). It replaces {@code scripts/camkii-lifetime-sweep.sh}: the same
 * model and thresholds as {@code ltpsim camkii --calcium const:REST --set switch.on_fraction=0.7 --set
 * switch.off_fraction=0.1}, with a period ending only when the other basin is reached.
 *
 * <p>Each holoenzyme number runs {@code spines} spines for {@code t_end(H)} seconds, in blocks of
 * {@value #BLOCK_SPINES} spines, each block with its own random stream (purpose "camkii-lifetime", block id from H
 * and the block), so the result is the same for any thread count. Mean lifetimes are the censoring-aware
 * maximum-likelihood estimate for an exponential (all time spent in the state, including the periods still
 * running at the end, divided by the periods that ended); their 95% interval is the exact one for exponential
 * waiting times with that many ended periods (chi-square, as Cox &amp; Oakes 1984 ch. 3), and the fit
 * ln(mean) = a + b H is weighted by the periods ended.
 */
public final class CamkiiLifetime {
    public static final String DEFAULT_HOLOENZYMES = "1,2,3,4,5,6";
    public static final int DEFAULT_SPINES = 64;
    static final int BLOCK_SPINES = 8;
    private static final int CHUNKS = 50;

    /** Lifetimes of one state at one holoenzyme number. */
    public record Lifetime(int ended, double exposureSec, double meanSec, double lo, double hi) {}

    /** One holoenzyme number; {@code onMillis} / {@code offMillis}: the completed periods (HdrHistogram, ms). */
    public record Row(int holoenzymes, int spines, double tEndSec, Lifetime on, Lifetime off, long events,
            Histogram onMillis, Histogram offMillis) {}

    private final ParameterSet set;
    private final List<Integer> holoenzymes;
    private final int spines;
    private final Double tEndSec;
    private final long seed;

    /**
     * @param camkiiSet the CaMKII parameters after --set
     * @param setKeys the keys given with --set: switch.on_fraction / switch.off_fraction among them keep the user's
     *     values, else the lifetime thresholds 0.7 / 0.1 apply
     */
    public CamkiiLifetime(ParameterSet camkiiSet, List<String> setKeys, String holoText, Integer spines,
            Double tEndSec, long seed) {
        ParameterSet s = camkiiSet;
        try {
            if (!setKeys.contains("switch.on_fraction")) {
                s = s.with("switch.on_fraction", "0.7");
            }
            if (!setKeys.contains("switch.off_fraction")) {
                s = s.with("switch.off_fraction", "0.1");
            }
            CamkiiParameters.from(s);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        this.set = s;
        this.holoenzymes = holoenzymes(holoText == null ? DEFAULT_HOLOENZYMES : holoText);
        this.spines = spines == null ? DEFAULT_SPINES : spines;
        if (this.spines < 1) {
            throw new UserInputException("--spines must be >= 1: " + this.spines);
        }
        if (tEndSec != null && !(tEndSec > 0 && tEndSec < 1e12)) {
            throw new UserInputException("--t-end must be a number of seconds > 0: " + tEndSec);
        }
        this.tEndSec = tEndSec;
        this.seed = seed;
    }

    /** The CaMKII parameters used (the switch thresholds of the lifetime measurement applied). */
    public ParameterSet parameters() {
        return set;
    }

    static List<Integer> holoenzymes(String text) {
        List<Integer> values = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String t = item.trim();
            if (!t.matches("\\d{1,4}") || Integer.parseInt(t) < 1) {
                throw new UserInputException("--holoenzymes " + text + ": '" + t + "' is not a whole number >= 1");
            }
            int h = Integer.parseInt(t);
            if (values.contains(h)) {
                throw new UserInputException("--holoenzymes " + text + ": " + h + " is listed twice");
            }
            values.add(h);
        }
        return values.stream().sorted().toList();
    }

    /** Simulated time for H holoenzymes: 5e4 s x 2^(H-1) (the script's table: about 30+ ended periods per spine). */
    double tEnd(int h) {
        return tEndSec != null ? tEndSec : 5e4 * Math.pow(2, Math.min(h, 20) - 1);
    }

    private record Block(int h, int index, int first, int count) {}

    private record BlockResult(double[] onDurations, double[] offDurations, int firstOffs, double firstOffSec,
            double censoredOnSec, double censoredOffSec, long events, Histogram onMillis, Histogram offMillis) {}

    public List<Row> run(int threads) {
        CamkiiParameters parameters = CamkiiParameters.from(set);
        double ca = set.get("calcium.rest_uM");
        List<Block> blocks = new ArrayList<>();
        for (int h : holoenzymes) {
            for (int b = 0; b * BLOCK_SPINES < spines; b++) {
                blocks.add(new Block(h, b, b * BLOCK_SPINES, Math.min(BLOCK_SPINES, spines - b * BLOCK_SPINES)));
            }
        }
        AtomicLong done = new AtomicLong();
        List<BlockResult> results;
        try (BlockExecutor executor = new BlockExecutor(threads);
                ProgressBar progress = new ProgressBar(System.err, "camkii-lifetime", (long) blocks.size() * CHUNKS)) {
            results = executor.map(blocks.size(), i -> {
                Block block = blocks.get(i);
                CamkiiPopulation pop = CamkiiPopulations.create(parameters, block.count(), block.h(),
                        RandomStreams.forBlock(seed, "camkii-lifetime", block.h() * 1_000_000L + block.index()), true);
                double end = tEnd(block.h());
                for (int k = 1; k <= CHUNKS; k++) {
                    pop.advanceUniform(end * k / CHUNKS - pop.timeSec(), ca);
                    progress.update(done.incrementAndGet());
                }
                double censoredOn = 0;
                double censoredOff = 0;
                for (int s = 0; s < block.count(); s++) {
                    double running = pop.timeSec() - pop.stateSinceSec(s);
                    if (pop.isOn(s)) {
                        censoredOn += running;
                    } else {
                        censoredOff += running;
                    }
                }
                double[] firstOff = pop.lifetimes().firstOffDurationsSec();
                double firstSum = 0;
                for (double d : firstOff) {
                    firstSum += d;
                }
                return new BlockResult(pop.lifetimes().onDurationsSec(), pop.lifetimes().offDurationsSec(),
                        firstOff.length, firstSum, censoredOn, censoredOff, pop.eventCount(),
                        pop.lifetimes().onMillis(), pop.lifetimes().offMillis());
            });
        }
        List<Row> rows = new ArrayList<>();
        int i = 0;
        for (int h : holoenzymes) {
            int onEnded = 0;
            int offEnded = 0;
            double onExposure = 0;
            double offExposure = 0;
            long events = 0;
            Histogram onMillis = new Histogram(3);
            Histogram offMillis = new Histogram(3);
            onMillis.setAutoResize(true);
            offMillis.setAutoResize(true);
            while (i < blocks.size() && blocks.get(i).h() == h) {
                BlockResult r = results.get(i++);
                onMillis.add(r.onMillis());
                offMillis.add(r.offMillis());
                onEnded += r.onDurations().length;
                offEnded += r.offDurations().length + r.firstOffs();
                for (double d : r.onDurations()) {
                    onExposure += d;
                }
                for (double d : r.offDurations()) {
                    offExposure += d;
                }
                onExposure += r.censoredOnSec();
                offExposure += r.firstOffSec() + r.censoredOffSec();
                events += r.events();
            }
            rows.add(new Row(h, spines, tEnd(h), lifetime(onEnded, onExposure), lifetime(offEnded, offExposure),
                    events, onMillis, offMillis));
        }
        return rows;
    }

    /**
     * Censoring-aware mean and its exact 95% interval: with k ended periods and total time T, 2T / mean is
     * chi-square with 2k degrees of freedom, so mean is in [2T / chi2(0.975, 2k), 2T / chi2(0.025, 2k)].
     */
    static Lifetime lifetime(int ended, double exposure) {
        if (ended == 0) {
            return new Lifetime(0, exposure, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Lifetime(ended, exposure, exposure / ended, 2 * exposure / chiSquareQuantile(0.975, 2 * ended),
                2 * exposure / chiSquareQuantile(0.025, 2 * ended));
    }

    /** Chi-square quantile with even dof 2k by bisection on the Poisson form of its CDF. */
    static double chiSquareQuantile(double p, int dof) {
        double lo = 0;
        double hi = dof + 20 * Math.sqrt(2.0 * dof) + 20;
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            if (chiSquareCdfEven(mid, dof) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** P(X <= x) for chi-square with even dof = 2k: 1 - sum_{j<k} e^{-x/2} (x/2)^j / j!. */
    static double chiSquareCdfEven(double x, int dof) {
        int k = dof / 2;
        double half = x / 2;
        double term = Math.exp(-half);
        double sum = term;
        for (int j = 1; j < k; j++) {
            term *= half / j;
            sum += term;
        }
        return 1 - sum;
    }

    /** Weighted least squares of ln(mean) on H (weights: periods ended): {a, b}; NaN with fewer than 2 points. */
    static double[] fit(List<Row> rows, boolean on) {
        double sw = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int points = 0;
        for (Row r : rows) {
            Lifetime l = on ? r.on() : r.off();
            if (l.ended() == 0) {
                continue;
            }
            double w = l.ended();
            double y = Math.log(l.meanSec());
            sw += w;
            sx += w * r.holoenzymes();
            sy += w * y;
            sxx += w * r.holoenzymes() * r.holoenzymes();
            sxy += w * r.holoenzymes() * y;
            points++;
        }
        double denominator = sw * sxx - sx * sx;
        if (points < 2 || denominator == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double b = (sw * sxy - sx * sy) / denominator;
        return new double[] {(sy - b * sx) / sw, b};
    }

    static final List<String> COLUMNS = List.of("holoenzymes", "spines", "t_end_s", "on_periods_ended",
            "mean_on_s", "mean_on_lo_s", "mean_on_hi_s", "off_periods_ended", "mean_off_s", "mean_off_lo_s",
            "mean_off_hi_s", "events");

    void write(Path dir, List<Row> rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("camkii_lifetime.csv"), StandardCharsets.UTF_8)) {
            w.write(String.join(",", COLUMNS));
            w.write('\n');
            for (Row r : rows) {
                w.write(String.join(",", Integer.toString(r.holoenzymes()), Integer.toString(r.spines()),
                        NumberText.of(r.tEndSec()), Integer.toString(r.on().ended()), g(r.on().meanSec()),
                        g(r.on().lo()), g(r.on().hi()), Integer.toString(r.off().ended()), g(r.off().meanSec()),
                        g(r.off().lo()), g(r.off().hi()), Long.toString(r.events())));
                w.write('\n');
            }
        }
        double[] on = fit(rows, true);
        double[] off = fit(rows, false);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("experiment", "camkii-lifetime");
        s.put("calcium_uM", set.get("calcium.rest_uM"));
        s.put("switch", "ON at >= " + NumberText.of(set.get("switch.on_fraction")) + " of subunits phosphorylated, "
                + "OFF at <= " + NumberText.of(set.get("switch.off_fraction")) + "; a period ends only when the other "
                + "threshold is crossed");
        s.put("spines_per_holoenzyme_number", spines);
        s.put("mean_definition", "censoring-aware maximum likelihood for exponential lifetimes: time in the state "
                + "(including periods still running at the end) / periods that ended; 95% interval exact for "
                + "exponential waiting times (chi-square with 2 x ended dof)");
        s.put("fit", "ln(mean lifetime) = a + b H, least squares weighted by periods ended");
        s.put("on_growth_per_holoenzyme", Double.isNaN(on[1]) ? null : FrequencyResponse.round6(Math.exp(on[1])));
        s.put("off_growth_per_holoenzyme", Double.isNaN(off[1]) ? null : FrequencyResponse.round6(Math.exp(off[1])));
        s.put("on_fit_ln", Double.isNaN(on[1]) ? null : List.of(FrequencyResponse.round6(on[0]),
                FrequencyResponse.round6(on[1])));
        s.put("off_fit_ln", Double.isNaN(off[1]) ? null : List.of(FrequencyResponse.round6(off[0]),
                FrequencyResponse.round6(off[1])));
        s.put("percentiles_definition", "periods that began and ended with a switch (periods still running at the "
                + "end are not in them, so with few ended periods they understate long lifetimes), from an "
                + "HdrHistogram of milliseconds at 3 significant digits, in s");
        List<Map<String, Object>> percentiles = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("holoenzymes", r.holoenzymes());
            p.put("on", HistogramPercentiles.seconds(r.onMillis()));
            p.put("off", HistogramPercentiles.seconds(r.offMillis()));
            percentiles.add(p);
        }
        s.put("lifetime_percentiles", percentiles);
        Manifest.json().writeValue(dir.resolve("summary.json").toFile(), s);
        int n = rows.size();
        double[] x = new double[n];
        double[][] onS = new double[3][n];
        double[][] offS = new double[3][n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            x[i] = r.holoenzymes();
            onS[0][i] = r.on().meanSec();
            onS[1][i] = r.on().lo();
            onS[2][i] = r.on().hi();
            offS[0][i] = r.off().meanSec();
            offS[1][i] = r.off().lo();
            offS[2][i] = r.off().hi();
        }
        new ExperimentFigure("CaMKII switch lifetimes at rest (" + NumberText.of(set.get("calcium.rest_uM"))
                + " uM Ca)", "holoenzymes per spine", "mean lifetime (s), log scale", false, true)
                .add(new ExperimentFigure.Series("ON", ExperimentFigure.RED, x, onS[0], onS[1], onS[2], false))
                .add(new ExperimentFigure.Series("OFF", ExperimentFigure.BLUE, x, offS[0], offS[1], offS[2], false))
                .write(dir.resolve("camkii_lifetime.png"));
    }

    List<String> console(List<Row> rows) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-11s %-10s %-40s %-40s", "holoenzymes", "t_end_s",
                "mean ON s [95% CI] (ended)", "mean OFF s [95% CI] (ended)"));
        for (Row r : rows) {
            lines.add(String.format(Locale.ROOT, "%-11d %-10s %-40s %-40s", r.holoenzymes(),
                    NumberText.of(r.tEndSec()), cell(r.on()), cell(r.off())));
        }
        double[] on = fit(rows, true);
        double[] off = fit(rows, false);
        lines.add(String.format(Locale.ROOT, "lifetime growth per holoenzyme: ON x%.3g, OFF x%.3g", Math.exp(on[1]),
                Math.exp(off[1])));
        return lines;
    }

    private static String cell(Lifetime l) {
        return l.ended() == 0 ? "- (0)" : String.format(Locale.ROOT, "%.4g [%.4g, %.4g] (%d)", l.meanSec(), l.lo(),
                l.hi(), l.ended());
    }

    private static String g(double v) {
        return Double.isNaN(v) ? "" : TableCells.general(v);
    }
}
