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
import java.util.Optional;
import org.ltpsim.camkii.CamkiiParameters;
import org.ltpsim.cli.UserInputException;
import org.ltpsim.cli.io.Manifest;
import org.ltpsim.cli.spine.PathwayReadouts;
import org.ltpsim.cli.sweep.TableCells;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.spine.ReceptorChannels;
import org.ltpsim.spine.sim.SeedExperiments;
import org.ltpsim.spine.sim.SpineExperiment;
import org.ltpsim.spine.sim.SpineRunResult;
import org.ltpsim.stats.WilsonInterval;

/**
 * {@code ltpsim experiment rules}: the rules of LTP that {@code ltpsim demo} prints (input specificity,
 * cooperativity, associativity, NMDA-receptor dependence under AP5, CaMKII T286 autophosphorylation), as data: one
 * row per condition and pathway with both readouts (calcium rule: LTP / LTD / none; CaMKII: switch ON at the end)
 * and Wilson 95% intervals. The experiments are core's {@link SeedExperiments}, each on {@code branches} branches
 * of {@code branch.spines_per_branch} spines, with CaMKII (defaults of data/camkii.toml) in every spine and the run
 * extended to {@value #AFTER_MS} ms after the last pulse (as the demo's CaMKII rows).
 */
public final class Rules {
    /** Default branches per condition. */
    public static final int DEFAULT_BRANCHES = 2;
    /** The run lasts this long after the last pulse, so that the CaMKII switch has settled. */
    static final double AFTER_MS = 5000;

    /** One condition: a run and which of its pathways a row reports. */
    record Condition(String experiment, String condition, SpineExperiment run, int[] pathways, String[] expected) {}

    /** One row of the table. */
    public record Row(String experiment, String condition, String pathway, String expected, PathwayReadouts readouts,
            double meanPeakCa, double meanQMax) {}

    private final ParameterSet params;
    private final int branches;
    private final long seed;

    public Rules(ParameterSet params, int branches, long seed) {
        if (branches < 1) {
            throw new UserInputException("--branches must be >= 1: " + branches);
        }
        int perBranch = params.getInt("branch.spines_per_branch");
        if (perBranch < 4) {
            throw new UserInputException("rules needs branch.spines_per_branch >= 4 (weak and strong inputs share a "
                    + "branch): " + perBranch);
        }
        this.params = params;
        this.branches = branches;
        this.seed = seed;
    }

    List<Condition> conditions() {
        SeedExperiments s = new SeedExperiments(params, seed);
        int perBranch = params.getInt("branch.spines_per_branch");
        int weak = Math.max(1, (int) Math.round(0.05 * perBranch));
        int tetanised = (int) Math.round(0.9 * perBranch);
        CamkiiParameters camkii = CamkiiParameters.from(ParameterSet.defaults("camkii"));
        int holoenzymes = ParameterSet.defaults("camkii").getInt("holoenzyme.per_spine");
        List<Condition> c = new ArrayList<>();
        c.add(new Condition("input specificity", tetanised + " of " + perBranch + " spines per branch tetanised; the "
                + "rest silent", withCamkii(s.inputSpecificity(tetanised * branches,
                (perBranch - tetanised) * branches), camkii, holoenzymes), new int[] {0, 1},
                new String[] {"tetanised: LTP", "silent: unchanged"}));
        c.add(new Condition("cooperativity", weak + " of " + perBranch + " spines per branch tetanised",
                withCamkii(s.cooperativity(weak, branches), camkii, holoenzymes), new int[] {0},
                new String[] {"no LTP"}));
        c.add(new Condition("cooperativity", (perBranch - weak) + " of " + perBranch + " spines per branch tetanised",
                withCamkii(s.cooperativity(perBranch - weak, branches), camkii, holoenzymes), new int[] {0},
                new String[] {"LTP"}));
        c.add(new Condition("associativity", "weak input alone (" + weak + " per branch)",
                withCamkii(s.associativity(weak, branches, false), camkii, holoenzymes), new int[] {0},
                new String[] {"no LTP"}));
        c.add(new Condition("associativity", "weak input with a strong one on the same branches",
                withCamkii(s.associativity(weak, branches, true), camkii, holoenzymes), new int[] {0, 1},
                new String[] {"weak: LTP", "strong: LTP"}));
        c.add(new Condition("AP5", "HFS (control)", withCamkii(s.hfs(perBranch * branches), camkii, holoenzymes),
                new int[] {0}, new String[] {"LTP"}));
        c.add(new Condition("AP5", "HFS with NMDA receptors blocked",
                withCamkii(s.hfsWithAp5(perBranch * branches), camkii, holoenzymes), new int[] {0},
                new String[] {"no LTP, CaMKII OFF"}));
        c.add(new Condition("T286A", "HFS with wild-type CaMKII",
                withCamkii(s.hfs(perBranch * branches), camkii, holoenzymes), new int[] {0},
                new String[] {"CaMKII ON"}));
        c.add(new Condition("T286A", "HFS with T286A mutant CaMKII",
                withCamkii(s.hfs(perBranch * branches), camkii.withT286a(), holoenzymes), new int[] {0},
                new String[] {"CaMKII OFF (no autophosphorylation)"}));
        return c;
    }

    private static SpineExperiment withCamkii(SpineExperiment e, CamkiiParameters camkii, int holoenzymes) {
        return new SpineExperiment(e.model(), e.pathways(), e.seed(), AFTER_MS, e.traceBinMs())
                .withCamkii(camkii, holoenzymes);
    }

    /** Runs every condition; empty when {@code runs} computes only a shard. */
    public Optional<List<Row>> run(SpineRuns runs) {
        List<Condition> conditions = conditions();
        Optional<List<SpineRunResult>> results = runs.run(new ReceptorChannels(), conditions.stream().map(Condition::run).toList(),
                Map.of("parameters", params.values(), "branches", branches), "rules");
        if (results.isEmpty()) {
            return Optional.empty();
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            rows.addAll(rows(conditions.get(i), results.get().get(i)));
        }
        return Optional.of(rows);
    }

    private static List<Row> rows(Condition c, SpineRunResult r) {
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < c.pathways().length; k++) {
            int p = c.pathways()[k];
            rows.add(new Row(c.experiment(), c.condition(), r.pathways().get(p).name(), c.expected()[k],
                    PathwayReadouts.of(r, p), r.mean(p, r::peakCaMicroMolar), r.mean(p, r::qMaxMicroMolarSec)));
        }
        return rows;
    }

    static final List<String> COLUMNS = List.of("experiment", "condition", "pathway", "spines", "fraction_ltp",
            "fraction_ltp_lo", "fraction_ltp_hi", "fraction_ltd", "fraction_ltd_lo", "fraction_ltd_hi",
            "fraction_none", "fraction_camkii_on", "fraction_camkii_on_lo", "fraction_camkii_on_hi",
            "mean_peak_ca_uM", "mean_q_max_uM_s", "expected");

    static void write(Path dir, List<Row> rows, int branches, ParameterSet params) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("rules.csv"), StandardCharsets.UTF_8)) {
            w.write(String.join(",", COLUMNS));
            w.write('\n');
            for (Row row : rows) {
                PathwayReadouts r = row.readouts();
                List<String> cells = new ArrayList<>(List.of(quote(row.experiment()), quote(row.condition()),
                        quote(row.pathway()), Integer.toString(r.spines())));
                TableCells.addFraction(cells, r.ruleLtp(), r.spines());
                TableCells.addFraction(cells, r.ruleLtd(), r.spines());
                cells.add(TableCells.fixed(r.fraction(r.ruleNone())));
                TableCells.addFraction(cells, r.camkiiOn(), r.spines());
                cells.add(TableCells.general(row.meanPeakCa()));
                cells.add(TableCells.general(row.meanQMax()));
                cells.add(quote(row.expected()));
                w.write(String.join(",", cells));
                w.write('\n');
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("experiment", "rules");
        summary.put("branches_per_condition", branches);
        summary.put("spines_per_branch", params.getInt("branch.spines_per_branch"));
        summary.put("after_ms", AFTER_MS);
        summary.put("readouts", "calcium rule (fraction_ltp: Q_max >= rule.q_ltp_um_s; fraction_ltd: "
                + "rule.q_ltd_um_s <= Q_max < rule.q_ltp_um_s) and CaMKII (fraction_camkii_on: switch ON at the end "
                + "of the run); intervals: Wilson 95%, treating spines as independent (spines of a branch share its "
                + "voltage, so with few branches the true spread is larger)");
        List<Map<String, Object>> list = new ArrayList<>();
        for (Row row : rows) {
            PathwayReadouts r = row.readouts();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("experiment", row.experiment());
            m.put("condition", row.condition());
            m.put("pathway", row.pathway());
            m.put("spines", r.spines());
            m.put("fraction_ltp", interval(r.ruleLtp(), r.spines()));
            m.put("fraction_ltd", interval(r.ruleLtd(), r.spines()));
            m.put("fraction_camkii_on", interval(r.camkiiOn(), r.spines()));
            m.put("expected", row.expected());
            list.add(m);
        }
        summary.put("rows", list);
        Manifest.json().writeValue(dir.resolve("summary.json").toFile(), summary);
        figure(dir.resolve("rules.png"), rows);
    }

    private static Map<String, Object> interval(int count, int spines) {
        WilsonInterval w = WilsonInterval.of95(count, spines);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", FrequencyResponse.round6((double) count / spines));
        m.put("ci95", List.of(FrequencyResponse.round6(w.lower()), FrequencyResponse.round6(w.upper())));
        return m;
    }

    /** Both readouts per row as points with Wilson bars against the row number. */
    private static void figure(Path file, List<Row> rows) throws IOException {
        int n = rows.size();
        double[] x = new double[n];
        double[] x2 = new double[n];
        double[][] ltp = new double[3][n];
        double[][] on = new double[3][n];
        for (int i = 0; i < n; i++) {
            PathwayReadouts r = rows.get(i).readouts();
            x[i] = i + 1;
            x2[i] = i + 1.2;
            WilsonInterval a = WilsonInterval.of95(r.ruleLtp(), r.spines());
            WilsonInterval b = WilsonInterval.of95(r.camkiiOn(), r.spines());
            ltp[0][i] = r.fraction(r.ruleLtp());
            ltp[1][i] = a.lower();
            ltp[2][i] = a.upper();
            on[0][i] = r.fraction(r.camkiiOn());
            on[1][i] = b.lower();
            on[2][i] = b.upper();
        }
        ExperimentFigure.Series sLtp = new ExperimentFigure.Series("P(LTP), calcium rule", ExperimentFigure.RED, x,
                ltp[0], ltp[1], ltp[2], false);
        ExperimentFigure.Series sOn = new ExperimentFigure.Series("P(CaMKII ON)", ExperimentFigure.GREEN, x2, on[0],
                on[1], on[2], false);
        new ExperimentFigure("Rules of LTP: rows of rules.csv", "row of rules.csv", "fraction of spines", false, false)
                .yRange(0, 1).add(sLtp).add(sOn).unjoined().write(file);
    }

    static List<String> console(List<Row> rows) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-3s %-18s %-52s %-10s %5s  %-22s %-22s %-22s %s", "row", "experiment",
                "condition", "pathway", "n", "LTP [95% CI]", "LTD [95% CI]", "CaMKII ON [95% CI]", "expected"));
        int i = 1;
        for (Row row : rows) {
            PathwayReadouts r = row.readouts();
            lines.add(String.format(Locale.ROOT, "%-3d %-18s %-52s %-10s %5d  %-22s %-22s %-22s %s", i++,
                    row.experiment(), row.condition(), row.pathway(), r.spines(), cell(r.ruleLtp(), r.spines()),
                    cell(r.ruleLtd(), r.spines()), cell(r.camkiiOn(), r.spines()), row.expected()));
        }
        return lines;
    }

    private static String cell(int count, int spines) {
        WilsonInterval w = WilsonInterval.of95(count, spines);
        return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", (double) count / spines, w.lower(), w.upper());
    }

    /** A CSV text cell: quoted when it holds a comma or a quote. */
    static String quote(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
