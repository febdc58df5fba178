package org.ltpsim.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ltpsim.cli.experiment.SpineBatches;
import org.ltpsim.cli.io.Manifest;
import org.ltpsim.cli.io.OutputDirectory;
import org.ltpsim.cli.io.TableFormat;
import org.ltpsim.cli.scale.BlockJob;
import org.ltpsim.cli.scale.RunIdentity;
import org.ltpsim.cli.scale.ScaleOutOptions;
import org.ltpsim.cli.scale.ScaledRun;
import org.ltpsim.cli.spine.ExperimentOptions;
import org.ltpsim.cli.spine.ExperimentSetup;
import org.ltpsim.cli.spine.NoiseOptions;
import org.ltpsim.cli.sweep.DeterministicStep;
import org.ltpsim.cli.sweep.GridRefinement;
import org.ltpsim.cli.sweep.NoiseComparison;
import org.ltpsim.cli.sweep.Outcome;
import org.ltpsim.cli.sweep.PointReadouts;
import org.ltpsim.cli.sweep.SweepAxis;
import org.ltpsim.cli.sweep.SweepFold;
import org.ltpsim.cli.sweep.SweepConsole;
import org.ltpsim.cli.sweep.SweepGrid;
import org.ltpsim.cli.sweep.SweepPlot;
import org.ltpsim.cli.sweep.SweepTable;
import org.ltpsim.cli.sweep.ThresholdReport;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.parallel.Partial;
import org.ltpsim.params.NumberText;
import org.ltpsim.spine.SpineModel;
import org.ltpsim.spine.sim.BranchResult;
import org.ltpsim.spine.sim.SpineBlocks;
import org.ltpsim.spine.sim.SpineExperiment;
import org.ltpsim.spine.sim.SpineSimulator;
import org.ltpsim.stats.SigmoidFit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ltpsim sweep}: runs {@code run}'s experiment at every point of a parameter grid and writes one row of
 * pathway-A readouts per point ({@code sweep.csv}); for one swept parameter it also fits the LTP, LTD-onset (and
 * CaMKII ON) probabilities against it ({@code threshold.json}, {@code sweep.png}), optionally refining the grid near
 * the LTP threshold. Every value is checked, and every point's experiment built, before anything runs.
 */
@Command(name = "sweep", footerHeading = "%nExamples:%n",
        footer = {"  ltpsim sweep --protocol hfs --param protocol.hfs_pulses=10:100:10 \\",
            "      --spines 200 --out runs/pulses",
            "  ltpsim sweep --protocol hfs --param release.probability=0.1,0.2,0.4 \\",
            "      --format parquet --out runs/pr"},
        mixinStandardHelpOptions = true,
        description = {"Run the spine experiment at every point of a parameter grid; fit LTP / LTD thresholds.",
            "",
            "Writes DIR/sweep.csv (one row per grid point: the swept values, fraction_ltp / _ltd / _none with Wilson "
                    + "95%% intervals, net_plasticity, mean peak calcium, Q_max quantiles, CaMKII ON), and for one "
                    + "--param DIR/threshold.json (logistic maximum-likelihood fits of P(LTP), P(LTD onset: LTD or "
                    + "LTP) and P(CaMKII ON) with 95%% intervals) and DIR/sweep.png; see docs/sweeps.md.",
            "",
            "Random numbers (--streams): 'common' (default): every grid point runs with the same master seed, so "
                    + "branch b draws release, AMPA gating, NMDA gating and CaMKII numbers from the same four streams "
                    + "at every point, and neighbouring points differ mostly by the parameter's effect, not by luck. "
                    + "The streams stay in step only while the runs do: once a trajectory differs (more pulses, "
                    + "another voltage), later draws serve different events. 'independent': each point's seed is "
                    + "derived from --seed and the point's values; no stream is shared."})
public final class SweepCommand implements Callable<Integer> {
    @CommandLine.Mixin
    CommonOptions shared;

    @CommandLine.Mixin
    TableFormat tables;

    @CommandLine.Mixin
    ExperimentOptions experimentOptions;

    @Option(names = "--param", required = true, paramLabel = "KEY=VALUES",
            description = "a swept parameter: a data/spine.toml key, or camkii.KEY for data/camkii.toml, = a list "
                    + "V1,V2,... or START:STOP:N (N evenly spaced values, both ends included); repeatable: several "
                    + "make a grid, the first outermost")
    List<String> paramOptions = new ArrayList<>();

    @Option(names = "--refine", paramLabel = "WIDTH",
            description = "one --param only: add grid points near the LTP threshold until its 95%% interval is "
                    + "narrower than WIDTH (in the parameter's unit), at most " + GridRefinement.MAX_ROUNDS
                    + " rounds")
    Double refineWidth;

    @Option(names = "--streams", defaultValue = "common", paramLabel = "common|independent",
            description = "random numbers across grid points (default: ${DEFAULT-VALUE}; see above)")
    String streams;

    @Option(names = "--compare-deterministic", description = "one --param only: also run the grid in the "
            + "deterministic limit, locate each outcome's step (bisection), and report both thresholds with the shift "
            + "and broadening caused by noise (threshold.json: deterministic, noise_effect; console)")
    boolean compareDeterministic;

    @CommandLine.Mixin
    ScaleOutOptions scaleOut;

    @Override
    public Integer call() throws IOException {
        ScaledRun scaled = scaleOut.start();
        OutputDirectory output = shared.claimDirectory().tables(tables);
        int threadCount = shared.threadCount();
        boolean common = streams(streams);
        ExperimentSetup setup = experimentOptions.resolveWithoutCrossChecks();
        List<SweepAxis> axes = axes(setup);
        if (refineWidth != null) {
            if (axes.size() != 1) {
                throw new UserInputException("--refine needs exactly one --param (it refines a threshold), got "
                        + axes.size());
            }
            if (!(refineWidth > 0) || Double.isInfinite(refineWidth)) {
                throw new UserInputException("--refine WIDTH must be a number > 0: " + refineWidth);
            }
            scaled.refuseWith("--refine", "its rounds depend on the fits of the whole grid; sweep the refined "
                    + "values as a grid instead");
        }
        if (compareDeterministic) {
            if (axes.size() != 1) {
                throw new UserInputException("--compare-deterministic needs exactly one --param (it compares "
                        + "thresholds), got " + axes.size());
            }
            if (setup.noise().isDeterministic()) {
                throw new UserInputException("--compare-deterministic compares a stochastic sweep with the "
                        + "deterministic limit: drop --deterministic");
            }
            scaled.refuseWith("--compare-deterministic", "its bisection depends on the whole grid");
        }
        SweepGrid grid = new SweepGrid(axes);
        List<SweepGrid.Point> points = grid.points();
        List<SpineExperiment> experiments = build(setup, grid, points, common);
        checkEveryAxisMatters(grid, points, experiments);

        SpineBlocks blocks = new SpineBlocks(setup.noise().channels(), experiments, null).withoutTraceSums();
        SweepFold fold = new SweepFold(blocks);
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("parameters", setup.spineParams().values());
        described.put("camkii_parameters", setup.camkii() ? setup.camkiiParams().values() : null);
        described.put("pathway_inputs", setup.inputDescriptions());
        described.put("grid", gridText(axes));
        described.put("random_numbers", randomNumbersText(common));
        if (!setup.noise().equals(NoiseOptions.NONE)) {
            described.put("noise", setup.noise().describe());
        }
        RunIdentity identity = new RunIdentity("sweep", shared.seed(), scaled.arguments(),
                Manifest.parametersSha256(described), null, blocks.blockCount());
        BlockJob<BranchResult, SweepFold.State> job = new BlockJob<>("sweep", blocks.blockCount(), blocks::run, fold,
                fold.codec(), false, blocks::work, blocks::reportingTo);

        SpineSimulator simulator = new SpineSimulator(setup.noise().channels());
        Map<Outcome, DeterministicStep> steps = new EnumMap<>(Outcome.class);
        List<SweepTable.Row> rows = new ArrayList<>();
        ThresholdReport.Refinement refinement = null;
        Map<Outcome, ThresholdReport.OutcomeFit> fits = new EnumMap<>(Outcome.class);
        try (BlockExecutor executor = new BlockExecutor(threadCount)) {
            Optional<Partial<BranchResult, SweepFold.State>> partial = scaled.obtainUnlessShard(job, identity, executor,
                    "sweep", output, range -> System.out.printf(Locale.ROOT,
                            "sweep: shard %s (%s of %d: grid point x branch) written to %s%n", scaled.shard(),
                            range.describe(), blocks.blockCount(), shared.out()));
            if (partial.isEmpty()) {
                return 0;
            }
            List<PointReadouts> readouts = partial.get().state().readouts();
            for (int i = 0; i < points.size(); i++) {
                rows.add(new SweepTable.Row(points.get(i), readouts.get(i), 0));
            }
            if (axes.size() == 1) {
                if (refineWidth != null) {
                    refinement = refine(simulator, executor, setup, grid, rows, common);
                }
                for (Outcome outcome : Outcome.values()) {
                    if (outcome != Outcome.CAMKII_ON || setup.camkii()) {
                        fits.put(outcome, ThresholdReport.OutcomeFit.of(outcome.groups(rows)));
                    }
                }
                if (compareDeterministic) {
                    steps.putAll(deterministicSteps(executor, setup, grid, rows));
                }
            }
        }
        double wallSec = scaled.wallTimeSec();
        SpineExperiment first = experiments.get(0);
        Manifest manifest = new Manifest(scaled.commandText(), shared.seed(),
                scaled.threads(threadCount))
                .parameters(setup.spineParams().values()).put("drug", setup.drugText())
                .put("pathways", RunCommand.describe(first.pathways()))
                .put("pathway_inputs", setup.inputDescriptions()).put("grid", gridText(axes))
                .put("grid_points", rows.size()).put("random_numbers", randomNumbersText(common));
        if (setup.camkii()) {
            manifest.put("camkii_parameters", setup.camkiiParams().values());
        }
        if (!setup.noise().equals(NoiseOptions.NONE)) {
            manifest.put("noise", setup.noise().describe());
        }
        scaled.annotate(manifest);
        manifest.wallTimeSec(wallSec);
        final ThresholdReport.Refinement refined = refinement;
        final boolean refine = refineWidth != null;
        output.write(manifest, dir -> {
            SweepTable.write(dir.resolve("sweep.csv"), axes, setup.camkii(), refine, rows);
            if (!fits.isEmpty()) {
                com.fasterxml.jackson.databind.node.ObjectNode report = ThresholdReport.json(axes.get(0), rows, fits,
                        definitions(first.model(), axes.get(0)), randomNumbersText(common), refined);
                if (!steps.isEmpty()) {
                    NoiseComparison.addTo(report, fits, steps);
                }
                Manifest.json().writeValue(dir.resolve("threshold.json").toFile(), report);
                SweepPlot.write(dir.resolve("sweep.png"), axes.get(0), rows, fits);
            }
        });
        scaled.finished();
        System.out.printf(Locale.ROOT, "sweep: %d grid points x %d spines in %.2f s; results in %s%n", rows.size(),
                rows.get(0).readouts().spines(), wallSec, shared.out());
        SweepConsole.lines(axes, rows, fits, refined).forEach(System.out::println);
        if (!steps.isEmpty()) {
            NoiseComparison.lines(axes.get(0).key(), fits, steps).forEach(System.out::println);
        }
        return 0;
    }

    /**
     * The deterministic limit of the sweep: every grid value run with every source mean-field (one reduced branch
     * each), then each outcome's step bisected.
     */
    private Map<Outcome, DeterministicStep> deterministicSteps(BlockExecutor executor, ExperimentSetup setup,
            SweepGrid grid, List<SweepTable.Row> rows) {
        ExperimentSetup limit = setup.withNoise(NoiseOptions.deterministic());
        SpineSimulator simulator = new SpineSimulator(NoiseOptions.deterministic().channels());
        SweepAxis axis = grid.axes().get(0);
        List<Double> values = rows.stream().map(r -> r.point().value(0)).distinct().sorted().toList();
        List<SweepGrid.Point> points = values.stream().map(v -> new SweepGrid.Point(new double[] {v})).toList();
        List<SpineExperiment> experiments = new ArrayList<>();
        for (SweepGrid.Point point : points) {
            experiments.add(limit.build(shared.seed(), grid.spineValues(point), grid.camkiiValues(point)).experiment());
        }
        List<SweepTable.Row> limitRows = run(simulator, executor, experiments, points, 0, "deterministic");
        boolean whole = axis.parameter().unit().equals("count");
        double range = values.get(values.size() - 1) - values.get(0);
        Map<Outcome, DeterministicStep> steps = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            if (outcome == Outcome.CAMKII_ON && !setup.camkii()) {
                continue;
            }
            List<Boolean> at = limitRows.stream().map(r -> outcome.count(r.readouts()) * 2 > r.readouts().spines())
                    .toList();
            steps.put(outcome, DeterministicStep.locate(values, at, v -> {
                SweepGrid.Point point = new SweepGrid.Point(new double[] {v});
                SpineExperiment e = limit.build(shared.seed(), grid.spineValues(point), grid.camkiiValues(point)).experiment();
                PointReadouts r = PointReadouts.of(simulator.run(e, executor));
                return outcome.count(r) * 2 > r.spines();
            }, whole, range * 1e-4));
        }
        return steps;
    }

    private static boolean streams(String streams) {
        return switch (streams.toLowerCase(Locale.ROOT)) {
            case "common" -> true;
            case "independent" -> false;
            default -> throw new UserInputException("--streams must be common or independent: '" + streams + "'");
        };
    }

    /** Parses every --param; refuses a key given twice or also fixed by --set, --mg or --camkii-set. */
    private List<SweepAxis> axes(ExperimentSetup setup) {
        List<SweepAxis> axes = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (String option : paramOptions) {
            SweepAxis axis = SweepAxis.parse(option, setup.spineParams(), setup.camkiiParams());
            if (!keys.add(axis.key())) {
                throw new UserInputException("--param " + axis.key() + " is given twice: give all its values in one "
                        + "--param");
            }
            boolean fixed = axis.camkii() ? setup.camkiiSetKeys().contains(axis.setKey())
                    : setup.setKeys().contains(axis.setKey());
            if (fixed) {
                throw new UserInputException("--param " + axis.key() + " is swept but also fixed by --"
                        + (axis.camkii() ? "camkii-set" : "set") + " " + axis.setKey() + ": give one");
            }
            if (!axis.camkii() && axis.setKey().equals("nmda.mg_mm") && setup.mgGiven()) {
                throw new UserInputException("--param nmda.mg_mm is swept but also fixed by --mg: give one");
            }
            axes.add(axis);
        }
        return axes;
    }

    /** Every point's experiment, built now so that a bad combination fails before anything runs. */
    private List<SpineExperiment> build(ExperimentSetup setup, SweepGrid grid, List<SweepGrid.Point> points,
            boolean common) {
        List<SpineExperiment> experiments = new ArrayList<>();
        for (SweepGrid.Point point : points) {
            try {
                experiments.add(setup.build(pointSeed(common, point),
                        grid.spineValues(point), grid.camkiiValues(point)).experiment());
            } catch (UserInputException e) {
                throw new UserInputException("grid point " + describe(grid, point) + ": " + e.getMessage(), e);
            }
        }
        return experiments;
    }

    /** The master seed of a grid point: --seed with common streams, else derived from the point's values. */
    private long pointSeed(boolean common, SweepGrid.Point point) {
        return common ? shared.seed() : SweepGrid.independentSeed(shared.seed(), point);
    }

    /**
     * Refuses an axis whose values do not change the experiment (e.g. protocol.lfs_pulses under --protocol hfs):
     * compares the experiments at the first two values of the axis, the other axes at their first values.
     */
    private static void checkEveryAxisMatters(SweepGrid grid, List<SweepGrid.Point> points,
            List<SpineExperiment> experiments) {
        List<SweepAxis> axes = grid.axes();
        int stride = 1;
        for (int a = axes.size() - 1; a >= 0; a--) {
            if (sameExceptSeed(experiments.get(0), experiments.get(stride))) {
                throw new UserInputException("--param " + axes.get(a).option() + ": " + axes.get(a).key()
                        + " does not change this experiment (every value runs the same model and stimulus; a "
                        + "protocol key of another protocol?); sweep a key that the experiment uses");
            }
            assert points.get(stride).value(a) != points.get(0).value(a);
            stride *= axes.get(a).values().size();
        }
    }

    private static boolean sameExceptSeed(SpineExperiment a, SpineExperiment b) {
        return a.model().equals(b.model()) && a.pathways().equals(b.pathways()) && a.afterMs() == b.afterMs()
                && Objects.equals(a.camkii(), b.camkii()) && a.holoenzymesPerSpine() == b.holoenzymesPerSpine();
    }

    /** Runs the experiments in batches (bounded memory), keeping pathway A's readouts of each. */
    private static List<SweepTable.Row> run(SpineSimulator simulator, BlockExecutor executor,
            List<SpineExperiment> experiments, List<SweepGrid.Point> points, int round, String label) {
        return SpineBatches.run(simulator, executor, experiments, label,
                (i, result) -> new SweepTable.Row(points.get(i), PointReadouts.of(result), round));
    }

    /** {@code --refine}: rounds of new values near the LTP threshold until its interval is narrow enough. */
    private ThresholdReport.Refinement refine(SpineSimulator simulator, BlockExecutor executor, ExperimentSetup setup,
            SweepGrid grid, List<SweepTable.Row> rows, boolean common) {
        SweepAxis axis = grid.axes().get(0);
        for (int round = 1; ; round++) {
            SigmoidFit fit = ThresholdReport.OutcomeFit.of(Outcome.LTP.groups(rows)).primary();
            if (GridRefinement.reached(fit, refineWidth)) {
                return new ThresholdReport.Refinement(refineWidth, round - 1, true, "the LTP threshold's 95% interval "
                        + "is narrower than " + NumberText.of(refineWidth));
            }
            if (round > GridRefinement.MAX_ROUNDS) {
                return new ThresholdReport.Refinement(refineWidth, round - 1, false, "the cap of "
                        + GridRefinement.MAX_ROUNDS + " rounds was reached");
            }
            List<Double> existing = rows.stream().map(r -> r.point().value(0)).toList();
            GridRefinement.Step step = GridRefinement.next(fit, axis, existing, refineWidth);
            if (step.values().isEmpty()) {
                return new ThresholdReport.Refinement(refineWidth, round - 1, false, step.reason());
            }
            List<SweepGrid.Point> points = new ArrayList<>();
            List<SpineExperiment> experiments = new ArrayList<>();
            for (double value : step.values()) {
                SweepGrid.Point point = new SweepGrid.Point(new double[] {value});
                try {
                    experiments.add(setup.build(pointSeed(common, point),
                            grid.spineValues(point), grid.camkiiValues(point)).experiment());
                    points.add(point);
                } catch (UserInputException e) {
                    System.err.println("ltpsim: warning: --refine skips " + axis.key() + " = "
                            + NumberText.of(value) + ": " + e.getMessage());
                }
            }
            if (points.isEmpty()) {
                return new ThresholdReport.Refinement(refineWidth, round - 1, false, "no new value near the "
                        + "threshold gives a valid experiment");
            }
            rows.addAll(run(simulator, executor, experiments, points, round, "refine " + round));
        }
    }

    private static String describe(SweepGrid grid, SweepGrid.Point point) {
        List<String> parts = new ArrayList<>();
        for (int a = 0; a < grid.axes().size(); a++) {
            parts.add(grid.axes().get(a).key() + "=" + NumberText.of(point.value(a)));
        }
        return String.join(", ", parts);
    }

    private static Map<String, List<Double>> gridText(List<SweepAxis> axes) {
        Map<String, List<Double>> grid = new LinkedHashMap<>();
        axes.forEach(axis -> grid.put(axis.key(), axis.values()));
        return grid;
    }

    static String randomNumbersText(boolean common) {
        return common ? "common: every grid point uses the master seed, so branch b draws release, AMPA, NMDA and "
                + "CaMKII numbers from the same streams at every point (in step until the trajectories differ)"
                : "independent: each grid point's master seed is derived from the seed and the point's values; no "
                + "stream is shared between points";
    }

    /** The outcome definitions in words, with the rule's thresholds (or "swept" when the axis is one of them). */
    private static Map<Outcome, String> definitions(SpineModel model, SweepAxis axis) {
        String qLtp = axis.key().equals("rule.q_ltp_um_s") ? "the swept value"
                : NumberText.of(model.qLtpMicroMolarSec()) + " uM s";
        String qLtd = axis.key().equals("rule.q_ltd_um_s") ? "the swept value"
                : NumberText.of(model.qLtdMicroMolarSec()) + " uM s";
        Map<Outcome, String> definitions = new EnumMap<>(Outcome.class);
        definitions.put(Outcome.LTP, "calcium-rule LTP of a pathway-A spine: Q_max >= rule.q_ltp_um_s (" + qLtp + ")");
        definitions.put(Outcome.LTD, "LTD onset: Q_max >= rule.q_ltd_um_s (" + qLtd + "), i.e. the spine's outcome is "
                + "LTD or LTP. The rule's LTD is a band (q_ltd <= Q_max < q_ltp), so P(LTD) itself rises and falls; "
                + "its onset is the threshold a rising curve can fit");
        definitions.put(Outcome.CAMKII_ON, "the spine's CaMKII switch is ON at the end of the run (>= "
                + "switch.on_fraction of subunits T286-phosphorylated)");
        return definitions;
    }
}
