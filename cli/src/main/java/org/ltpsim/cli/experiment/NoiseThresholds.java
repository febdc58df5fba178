package org.ltpsim.cli.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ltpsim.cli.UserInputException;
import org.ltpsim.cli.spine.ExperimentSetup;
import org.ltpsim.cli.spine.NoiseOptions;
import org.ltpsim.cli.sweep.DeterministicStep;
import org.ltpsim.cli.sweep.Outcome;
import org.ltpsim.cli.sweep.PointReadouts;
import org.ltpsim.cli.sweep.SweepAxis;
import org.ltpsim.cli.sweep.SweepGrid;
import org.ltpsim.cli.sweep.SweepTable;
import org.ltpsim.cli.sweep.ThresholdReport;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.spine.sim.SpineExperiment;
import org.ltpsim.spine.sim.SpineSimulator;
import org.ltpsim.stats.SigmoidFit;

/**
 * The shared engine of {@code noise-scaling} and {@code noise-sources}: one pathway of HFS-type stimulation on one
 * branch, a one-parameter sweep of stimulus strength (default {@link #DEFAULT_PARAM}), run under given noise options,
 * and the thresholds of calcium-rule LTP and of the CaMKII switch: logistic fits for a stochastic condition, the
 * bisected step for the deterministic one. Every grid point uses the master seed (common random numbers).
 */
final class NoiseThresholds {
    static final String DEFAULT_PARAM = "protocol.hfs_pulses=4:64:16";
    static final int DEFAULT_SPINES = 100;

    /** One condition's thresholds. */
    record Result(String name, NoiseOptions noise, List<SweepTable.Row> rows, SigmoidFit ltp, SigmoidFit camkiiOn,
            DeterministicStep ltpStep, DeterministicStep camkiiStep) {
        boolean deterministic() {
            return noise.isDeterministic();
        }

        /** Threshold of the outcome: the fit's, or the step's. */
        double threshold(Outcome o) {
            return deterministic() ? step(o).threshold() : fit(o).identified() ? fit(o).threshold() : Double.NaN;
        }

        /** 10-90% width: the fit's, 0 for a step. */
        double width(Outcome o) {
            return deterministic() ? (Double.isFinite(step(o).threshold()) ? 0.0 : Double.NaN)
                    : fit(o).identified() ? fit(o).width1090() : Double.NaN;
        }

        SigmoidFit.Interval thresholdCi(Outcome o) {
            return deterministic() ? new SigmoidFit.Interval(step(o).lower(), step(o).upper()) : fit(o).thresholdCi();
        }

        SigmoidFit.Interval widthCi(Outcome o) {
            return deterministic() ? new SigmoidFit.Interval(0, 0) : fit(o).widthCi();
        }

        String reason(Outcome o) {
            return deterministic() ? step(o).reason() : fit(o).reason();
        }

        SigmoidFit fit(Outcome o) {
            return o == Outcome.LTP ? ltp : camkiiOn;
        }

        DeterministicStep step(Outcome o) {
            return o == Outcome.LTP ? ltpStep : camkiiStep;
        }
    }

    private final ExperimentSetup base;
    private final SweepAxis axis;
    private final SweepGrid grid;
    private final long seed;

    NoiseThresholds(ParameterSet params, String param, int spines, long seed) {
        if (spines < 2) {
            throw new UserInputException("--spines must be >= 2: " + spines);
        }
        ParameterSet camkii = ParameterSet.defaults("camkii");
        this.axis = SweepAxis.parse(param, params, camkii);
        this.grid = new SweepGrid(List.of(axis));
        this.base = new ExperimentSetup(params, false, List.of(new ExperimentSetup.Input("A", "hfs", null, spines)),
                camkii, false, Map.of("A", "protocol hfs"), List.of(), List.of(), false);
        this.seed = seed;
        build(NoiseOptions.NONE, axis.values().get(0)); // a bad combination fails before anything runs
    }

    SweepAxis axis() {
        return axis;
    }

    ParameterSet params() {
        return base.spineParams();
    }

    private SpineExperiment build(NoiseOptions noise, double value) {
        SweepGrid.Point point = new SweepGrid.Point(new double[] {value});
        return base.withNoise(noise).build(seed, grid.spineValues(point), grid.camkiiValues(point)).experiment();
    }

    /** Runs the sweep under {@code noise} and finds both thresholds. */
    Result run(String name, NoiseOptions noise, BlockExecutor executor) {
        List<SpineExperiment> experiments = new ArrayList<>();
        List<SweepGrid.Point> points = grid.points();
        for (SweepGrid.Point p : points) {
            experiments.add(build(noise, p.value(0)));
        }
        SpineSimulator simulator = new SpineSimulator(noise.channels());
        List<SweepTable.Row> rows = SpineBatches.run(simulator, executor, experiments, name,
                (i, r) -> new SweepTable.Row(points.get(i), PointReadouts.of(r), 0));
        if (!noise.isDeterministic()) {
            return new Result(name, noise, rows, ThresholdReport.OutcomeFit.of(Outcome.LTP.groups(rows)).primary(),
                    ThresholdReport.OutcomeFit.of(Outcome.CAMKII_ON.groups(rows)).primary(), null, null);
        }
        return new Result(name, noise, rows, null, null, step(Outcome.LTP, rows, simulator, noise, executor),
                step(Outcome.CAMKII_ON, rows, simulator, noise, executor));
    }

    private DeterministicStep step(Outcome outcome, List<SweepTable.Row> rows, SpineSimulator simulator,
            NoiseOptions noise, BlockExecutor executor) {
        List<Double> values = rows.stream().map(r -> r.point().value(0)).toList();
        List<Boolean> at = rows.stream().map(r -> outcome.count(r.readouts()) * 2 > r.readouts().spines()).toList();
        double range = values.get(values.size() - 1) - values.get(0);
        return DeterministicStep.locate(values, at, v -> {
            PointReadouts r = PointReadouts.of(simulator.run(build(noise, v), executor));
            return outcome.count(r) * 2 > r.spines();
        }, axis.parameter().unit().equals("count"), Math.abs(range) * 1e-4);
    }
}
