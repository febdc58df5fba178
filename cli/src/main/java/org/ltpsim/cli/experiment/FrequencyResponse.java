package org.ltpsim.cli.experiment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ltpsim.cli.UserInputException;
import org.ltpsim.cli.io.Manifest;
import org.ltpsim.cli.spine.ExperimentSetup;
import org.ltpsim.cli.spine.NoiseOptions;
import org.ltpsim.cli.sweep.PointReadouts;
import org.ltpsim.cli.sweep.SweepAxis;
import org.ltpsim.cli.sweep.TableCells;
import org.ltpsim.params.NumberText;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.rng.RandomStreams;
import org.ltpsim.spine.sim.SpineExperiment;
import org.ltpsim.spine.sim.SpineRunResult;
import org.ltpsim.stats.WilsonInterval;

/**
 * {@code ltpsim experiment frequency-response}: a train of {@code protocol.lfs_pulses} (900) presynaptic pulses at
 * each of several rates (Dudek &amp; Bear 1992: 900 pulses at 0.5-50 Hz give LTD at low and LTP at high rates), the
 * calcium-rule outcome of every spine, and the rate at which net plasticity crosses from depression to
 * potentiation ({@link Crossover}).
 *
 * <p>It is a one-parameter sweep of {@code protocol.lfs_rate_hz} under {@code --protocol lfs}, built with the
 * sweep's machinery ({@link SweepAxis} checks the frequency list, {@link ExperimentSetup} builds each point,
 * {@link PointReadouts} reads it), with common random numbers: every frequency runs with the master seed. Spines
 * sit {@value #SPINES_PER_BRANCH} to a branch, all stimulated (the demo's LFS branch), unless
 * {@code --set branch.spines_per_branch=K} says otherwise. CaMKII is not simulated (30 minutes of biology at
 * 0.5 Hz); the readout is the calcium rule.
 */
public final class FrequencyResponse {
    /** Default frequencies, Hz. */
    public static final String DEFAULT_FREQUENCIES = "0.5,1,2,3,5,10,20,50,100";
    /** Default spines per frequency: 3 branches of 20 (a few minutes for the default grid on 2 shared cores). */
    public static final int DEFAULT_SPINES = 60;
    /** Spines per branch unless --set gives branch.spines_per_branch. */
    public static final int SPINES_PER_BRANCH = 20;
    static final String RATE_KEY = "protocol.lfs_rate_hz";

    /** One frequency's readouts. */
    public record Point(double hz, PointReadouts readouts, double meanQMax) {
        double net() {
            return readouts.fraction(readouts.ruleLtp() - readouts.ruleLtd());
        }
    }

    /** Everything the experiment measured. */
    public record Result(List<Point> points, Crossover.Estimate crossover, ParameterSet params, int pulses,
            int spinesPerBranch) {}

    private final ParameterSet params;
    private final List<Double> frequencies;
    private final int spines;
    private final long seed;
    private NoiseOptions noise = NoiseOptions.NONE;

    /**
     * Checks everything before anything runs: the frequency list (as {@code --param protocol.lfs_rate_hz=...}
     * would be), and every point's experiment.
     *
     * @param base parameters after --params, --set, --mg
     * @param setKeys the keys given with --set (branch.spines_per_branch among them keeps the user's value)
     */
    public FrequencyResponse(ParameterSet base, List<String> setKeys, String frequencyText, int spines, long seed) {
        if (setKeys.contains(RATE_KEY)) {
            throw new UserInputException("--set " + RATE_KEY + " is the swept parameter of frequency-response: "
                    + "give the rates with --frequencies");
        }
        ParameterSet params = base;
        if (!setKeys.contains("branch.spines_per_branch")) {
            params = params.with("branch.spines_per_branch", Integer.toString(SPINES_PER_BRANCH));
        }
        this.params = params;
        this.frequencies = frequencies(frequencyText, params);
        if (spines < 1) {
            throw new UserInputException("--spines must be >= 1: " + spines);
        }
        this.spines = spines;
        this.seed = seed;
    }

    /** The frequencies, checked and sorted (rising). */
    static List<Double> frequencies(String text, ParameterSet params) {
        SweepAxis axis;
        String prefix = "--param " + RATE_KEY + "=" + text + ": ";
        try {
            axis = SweepAxis.parse(RATE_KEY + "=" + text, params, null);
        } catch (UserInputException e) {
            String message = e.getMessage();
            if (message.startsWith(prefix)) {
                message = message.substring(prefix.length());
            }
            if (message.startsWith("one value is not a sweep")) {
                message = "one frequency is not a response curve: give 2 or more";
            }
            throw new UserInputException("--frequencies " + text + ": " + message, e);
        }
        return axis.values().stream().sorted(Comparator.naturalOrder()).toList();
    }

    public List<Double> frequencies() {
        return frequencies;
    }

    /** The same experiment under other noise options (--deterministic, --deterministic-sources, --scale). */
    FrequencyResponse withNoise(NoiseOptions options) {
        this.noise = options;
        return this;
    }

    private ExperimentSetup setup() {
        return new ExperimentSetup(params, false, List.of(new ExperimentSetup.Input("A", "lfs", null, spines)), null,
                false, Map.of("A", "protocol lfs"), List.of(), List.of(), false).withNoise(noise);
    }

    /** Every frequency's experiment (built now so that a bad combination fails before anything runs). */
    List<SpineExperiment> experiments() {
        ExperimentSetup setup = setup();
        List<SpineExperiment> experiments = new ArrayList<>();
        for (double hz : frequencies) {
            try {
                experiments.add(setup.build(seed, Map.of(RATE_KEY, NumberText.of(hz)), Map.of()).experiment());
            } catch (UserInputException e) {
                throw new UserInputException("frequency " + NumberText.of(hz) + " Hz: " + e.getMessage(), e);
            }
        }
        return experiments;
    }

    /** Runs every frequency; empty when {@code runs} computes only a shard. */
    public Optional<Result> run(SpineRuns runs) {
        Optional<List<SpineRunResult>> results = runs.run(noise.channels(), experiments(),
                Map.of("parameters", params.values(), "frequencies_hz", frequencies, "noise", noise.describe()),
                "frequency-response");
        if (results.isEmpty()) {
            return Optional.empty();
        }
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < frequencies.size(); i++) {
            SpineRunResult r = results.get().get(i);
            points.add(new Point(frequencies.get(i), PointReadouts.of(r), r.mean(0, r::qMaxMicroMolarSec)));
        }
        int n = points.size();
        double[] hz = new double[n];
        int[] ltp = new int[n];
        int[] ltd = new int[n];
        int[] count = new int[n];
        for (int i = 0; i < n; i++) {
            hz[i] = points.get(i).hz();
            ltp[i] = points.get(i).readouts().ruleLtp();
            ltd[i] = points.get(i).readouts().ruleLtd();
            count[i] = points.get(i).readouts().spines();
        }
        long bootstrapSeed = RandomStreams.forBlock(seed, "crossover-interval", 0).nextLong();
        return Optional.of(new Result(points, Crossover.estimate(hz, ltp, ltd, count, bootstrapSeed), params,
                params.getInt("protocol.lfs_pulses"), params.getInt("branch.spines_per_branch")));
    }

    static final List<String> COLUMNS = List.of("frequency_hz", "fraction_ltp", "fraction_ltp_lo", "fraction_ltp_hi",
            "fraction_ltd", "fraction_ltd_lo", "fraction_ltd_hi", "fraction_none", "net_plasticity",
            "mean_q_max_uM_s", "q_max_p10_uM_s", "q_max_p50_uM_s", "q_max_p90_uM_s", "mean_peak_ca_uM", "spines",
            "ltp_spines", "ltd_spines");

    static void writeTable(Path file, Result result) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", COLUMNS));
            w.write('\n');
            for (Point p : result.points()) {
                PointReadouts r = p.readouts();
                List<String> cells = new ArrayList<>();
                cells.add(NumberText.of(p.hz()));
                TableCells.addFraction(cells, r.ruleLtp(), r.spines());
                TableCells.addFraction(cells, r.ruleLtd(), r.spines());
                cells.add(TableCells.fixed(r.fraction(r.ruleNone())));
                cells.add(TableCells.fixed(p.net()));
                cells.add(TableCells.general(p.meanQMax()));
                cells.add(TableCells.general(r.qMaxP10()));
                cells.add(TableCells.general(r.qMaxP50()));
                cells.add(TableCells.general(r.qMaxP90()));
                cells.add(TableCells.general(r.meanPeakCaMicroMolar()));
                cells.add(Integer.toString(r.spines()));
                cells.add(Integer.toString(r.ruleLtp()));
                cells.add(Integer.toString(r.ruleLtd()));
                w.write(String.join(",", cells));
                w.write('\n');
            }
        }
    }

    static Map<String, Object> summary(Result result) {
        Crossover.Estimate c = result.crossover();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("experiment", "frequency-response");
        s.put("protocol", result.pulses() + " presynaptic pulses at each frequency (protocol lfs, "
                + RATE_KEY + " swept)");
        s.put("frequencies_hz", result.points().stream().map(Point::hz).toList());
        s.put("spines_per_frequency", result.points().get(0).readouts().spines());
        s.put("spines_per_branch", result.spinesPerBranch());
        s.put("readout", "calcium rule: LTP if Q_max >= rule.q_ltp_um_s ("
                + NumberText.of(result.params().get("rule.q_ltp_um_s")) + " uM s), LTD if Q_max >= rule.q_ltd_um_s ("
                + NumberText.of(result.params().get("rule.q_ltd_um_s")) + " uM s); net_plasticity = fraction_ltp - "
                + "fraction_ltd");
        s.put("crossover_hz", c.found() ? round6(c.hz()) : null);
        s.put("crossover_hz_ci95", c.found() && !Double.isNaN(c.lo()) ? List.of(round6(c.lo()), round6(c.hi())) : null);
        s.put("crossover_definition", "the first frequency, rising, where net plasticity crosses from < 0 to >= 0, "
                + "by linear interpolation of net plasticity in log frequency between the two neighbouring grid "
                + "frequencies");
        s.put("crossover_interval_method", "2.5th and 97.5th percentiles of the crossover over " + Crossover.REPLICATES
                + " seeded draws of every frequency's (LTP, LTD, none) fractions from their Dirichlet posterior "
                + "(Jeffreys prior: counts + 1/2), each draw's curve interpolated as above; replicates without a "
                + "crossing are left out. Treats spines as independent (spines of a branch share its voltage, so it "
                + "is too narrow with few branches) and the interpolation between grid points as exact");
        s.put("crossover_replicates_without_crossing", c.replicates() == 0 ? null : c.replicatesWithoutCrossing());
        s.put("reason", c.reason());
        s.put("random_numbers", "common: every frequency runs with the master seed, so branch b draws release, AMPA "
                + "and NMDA numbers from the same streams at every frequency");
        return s;
    }

    static void writeFigure(Path file, Result result) throws IOException {
        int n = result.points().size();
        double[] hz = new double[n];
        double[][] ltp = new double[3][n];
        double[][] ltd = new double[3][n];
        double[] net = new double[n];
        for (int i = 0; i < n; i++) {
            Point p = result.points().get(i);
            PointReadouts r = p.readouts();
            hz[i] = p.hz();
            WilsonInterval a = WilsonInterval.of95(r.ruleLtp(), r.spines());
            WilsonInterval b = WilsonInterval.of95(r.ruleLtd(), r.spines());
            ltp[0][i] = r.fraction(r.ruleLtp());
            ltp[1][i] = a.lower();
            ltp[2][i] = a.upper();
            ltd[0][i] = r.fraction(r.ruleLtd());
            ltd[1][i] = b.lower();
            ltd[2][i] = b.upper();
            net[i] = p.net();
        }
        Crossover.Estimate c = result.crossover();
        ExperimentFigure figure = new ExperimentFigure(String.format(Locale.ROOT,
                "Frequency response: %d pulses, %d spines per frequency", result.pulses(),
                result.points().get(0).readouts().spines()), "stimulation frequency (Hz)",
                "fraction of spines / net plasticity", true, false)
                .yRange(-1, 1).horizontalLine(0)
                .add(new ExperimentFigure.Series("P(LTP)", ExperimentFigure.RED, hz, ltp[0], ltp[1], ltp[2], false))
                .add(new ExperimentFigure.Series("P(LTD)", ExperimentFigure.BLUE, hz, ltd[0], ltd[1], ltd[2], false))
                .add(new ExperimentFigure.Series("net = LTP - LTD", ExperimentFigure.BLACK, hz, net, null, null,
                        true));
        if (c.found()) {
            figure.marker(c.hz(), c.lo(), c.hi(), String.format(Locale.ROOT, "crossover %s Hz%s",
                    NumberText.of(round3(c.hz())), Double.isNaN(c.lo()) ? "" : String.format(Locale.ROOT,
                    "\n95%% CI [%s, %s]", NumberText.of(round3(c.lo())), NumberText.of(round3(c.hi())))));
        }
        figure.write(file);
    }

    /** Console lines: the table and the crossover. */
    static List<String> console(Result result) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-12s %-6s %-16s %-6s %-16s %-6s %-7s %s", "frequency_hz", "LTP",
                "[95% CI]", "LTD", "[95% CI]", "none", "net", "mean Q_max (uM s)"));
        for (Point p : result.points()) {
            PointReadouts r = p.readouts();
            WilsonInterval a = WilsonInterval.of95(r.ruleLtp(), r.spines());
            WilsonInterval b = WilsonInterval.of95(r.ruleLtd(), r.spines());
            lines.add(String.format(Locale.ROOT, "%-12s %.3f  [%.3f, %.3f]   %.3f  [%.3f, %.3f]   %.3f  %+.3f  %.4g",
                    NumberText.of(p.hz()), r.fraction(r.ruleLtp()), a.lower(), a.upper(), r.fraction(r.ruleLtd()),
                    b.lower(), b.upper(), r.fraction(r.ruleNone()), p.net(), p.meanQMax()));
        }
        Crossover.Estimate c = result.crossover();
        if (c.found()) {
            lines.add(String.format(Locale.ROOT, "crossover (LTD -> LTP): %.4g Hz, 95%% CI %s", c.hz(),
                    Double.isNaN(c.lo()) ? "unknown (" + c.reason() + ")"
                    : String.format(Locale.ROOT, "[%.4g, %.4g]", c.lo(), c.hi())));
        } else {
            lines.add("crossover (LTD -> LTP): none: " + c.reason());
        }
        return lines;
    }

    static void write(Path dir, Result result) throws IOException {
        writeTable(dir.resolve("frequency_response.csv"), result);
        Manifest.json().writeValue(dir.resolve("summary.json").toFile(), summary(result));
        writeFigure(dir.resolve("frequency_response.png"), result);
    }

    static double round6(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.6g", v));
    }

    static double round3(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.3g", v));
    }
}
