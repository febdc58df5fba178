package org.ltpsim.spine.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.ltpsim.camkii.CamkiiParameters;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.spine.SpineModel;
import org.ltpsim.spine.TestKernels;
import org.ltpsim.spine.expression.ExpressionModel;
import org.ltpsim.spine.expression.ExpressionSettings;
import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.input.Protocols;

/**
 * Quiet steps ({@code timestep.quiet_steps}): between LFS pulses the branch steps 2 ms at a time (or to the next
 * channel event) instead of 0.25 ms; and in the tail of each release ({@code timestep.fast_step_glutamate_mm}) it takes the
 * slow step instead of the fast one. Both checked against the fast step (0.05 ms) everywhere; and the quiet steps
 * of expression runs against 0.25 ms steps.
 */
class QuietStepTest {
    private static final ParameterSet CAMKII = ParameterSet.defaults("camkii");
    // short LFS (8 pulses at 1 Hz) on 12 branches of 50 spines, CaMKII on as in `ltpsim run`
    private static final ParameterSet LFS = ParameterSet.defaults("spine").with("protocol.lfs_pulses", "8")
            .with("branch.spines_per_branch", "50");
    // a 30-pulse HFS train at 100 Hz, the same branches: glutamate never clears between its pulses
    private static final ParameterSet HFS = ParameterSet.defaults("spine").with("protocol.hfs_pulses", "30")
            .with("branch.spines_per_branch", "50");
    private static final int SPINES = 600;
    private static final int BRANCHES = 12;

    private static SpineRunResult run(ParameterSet p, int threads, long seed) {
        return run(p, "lfs", threads, seed);
    }

    private static SpineRunResult run(ParameterSet p, String protocol, int threads, long seed) {
        SpineExperiment e = new SpineExperiment(SpineModel.from(p, false),
                List.of(new Pathway(protocol, Protocols.named(protocol, p), SPINES)), seed, 1000, 0)
                .withCamkii(CamkiiParameters.from(CAMKII), CAMKII.getInt("holoenzyme.per_spine"));
        try (BlockExecutor executor = new BlockExecutor(threads)) {
            return new SpineSimulator(TestKernels.channels()).run(e, executor);
        }
    }

    @Test
    void quietStepsAgreeWithTheFastStepEverywhere() {
        SpineRunResult quiet = run(LFS, 2, 11);
        SpineRunResult fast = run(LFS.with("timestep.slow_steps", "1").with("timestep.quiet_steps", "1"), 2, 11);
        assertEquals(BRANCHES, quiet.layout().branchCount());
        assertTrue(quiet.slowSteps() * 10 < fast.fastSteps(),
                "quiet steps take fewer steps: " + quiet.slowSteps() + " + " + quiet.fastSteps() + " vs "
                        + fast.fastSteps());
        // The two runs draw the same releases (the release stream is used only at pulses) but their channel and
        // CaMKII streams part at the first step that differs, so their readouts are different samples. Test per
        // readout: the difference of the means over 600 spines against 5 standard errors, each SE from the 12
        // (independent) branch means of each run; treating the runs as independent overstates the SE of the
        // difference (the shared releases correlate them positively), so the false-failure rate is below that of
        // Welch's t at |t| > 5 with ~22 df, 5e-5 per readout, 2e-4 for the four.
        assertSameMean("Q_max (uM s)", quiet, fast, quiet::qMaxMicroMolarSec, fast::qMaxMicroMolarSec);
        assertSameMean("Ca influx (uM)", quiet, fast, quiet::caInfluxMicroMolar, fast::caInfluxMicroMolar);
        assertSameMean("NMDA open channel time (ms)", quiet, fast, quiet::nmdaOpenChannelMs, fast::nmdaOpenChannelMs);
        assertSameMean("Ca elevated (ms)", quiet, fast, quiet::caElevatedMs, fast::caElevatedMs);
    }

    /** The same short LFS with the expression layers (one neuron), run to 9 s through {@link NeuronRunner}. */
    private static SpineRunResult runExpression(ParameterSet p, int threads, long seed) {
        SpineExperiment e = new SpineExperiment(SpineModel.from(p, false),
                List.of(new Pathway("lfs", Protocols.named("lfs", p), SPINES)), seed, 1000, 0)
                .withCamkii(CamkiiParameters.from(CAMKII), CAMKII.getInt("holoenzyme.per_spine"))
                .withExpression(ExpressionSettings.of(ExpressionModel.from(ParameterSet.defaults("expression"), false,
                        false)).withDurationMs(9000).withRecordEveryMs(1000));
        try (BlockExecutor executor = new BlockExecutor(threads)) {
            return NeuronRunner.run(e, TestKernels.channels(), executor, new SimulatedWork(d -> {}), null, false);
        }
    }

    @Test
    void expressionRunsTakeQuietStepsAndAgreeWithTheSlowStep() {
        // expression runs share the plain runs' branch loop, so they take quiet steps between pulses too; the
        // reference is the former stepping at the slow step (quiet_steps = slow_steps). 600 spines on 12 branches,
        // 5 standard errors per readout from the 12 branch means of each run, as above: false-failure rate below
        // 2e-4 for the four readouts; fixed seed.
        SpineRunResult quiet = runExpression(LFS, 2, 13);
        SpineRunResult slow = runExpression(LFS.with("timestep.quiet_steps", "5"), 2, 13);
        assertTrue(quiet.slowSteps() * 3 < slow.slowSteps(),
                "quiet steps take fewer steps: " + quiet.slowSteps() + " vs " + slow.slowSteps());
        String ref = "the slow step";
        assertSameMeanAs(ref, "Q_max (uM s)", quiet, slow, quiet::qMaxMicroMolarSec, slow::qMaxMicroMolarSec);
        assertSameMeanAs(ref, "Ca influx (uM)", quiet, slow, quiet::caInfluxMicroMolar, slow::caInfluxMicroMolar);
        assertSameMeanAs(ref, "NMDA open channel time (ms)", quiet, slow, quiet::nmdaOpenChannelMs,
                slow::nmdaOpenChannelMs);
        assertSameMeanAs(ref, "Ca elevated (ms)", quiet, slow, quiet::caElevatedMs, slow::caElevatedMs);
        assertTrue(quiet.expression().conservationViolations().isEmpty());
    }

    @Test
    void expressionQuietStepsAreTheSameBytesOnOneOrTwoThreads() {
        ParameterSet p = LFS.with("protocol.lfs_pulses", "3");
        SpineRunResult one = runExpression(p, 1, 5);
        SpineRunResult two = runExpression(p, 2, 5);
        assertArrayEquals(one.qMaxMicroMolarSec, two.qMaxMicroMolarSec);
        assertArrayEquals(one.peakCaMicroMolar, two.peakCaMicroMolar);
        for (int i = 0; i < SPINES; i++) {
            assertEquals(one.caInfluxMicroMolar(i), two.caInfluxMicroMolar(i), 0.0);
            assertEquals(one.camkiiOn(i), two.camkiiOn(i));
        }
        assertTrue(one.mean(0, one::qMaxMicroMolarSec) > 0, "something happened");
    }

    @Test
    void slowStepsInTheGlutamateTailAgreeWithTheFastStepEverywhere() {
        SpineRunResult tail = run(HFS, "hfs", 2, 13);
        SpineRunResult fast = run(HFS.with("timestep.fast_step_glutamate_mm", "0"), "hfs", 2, 13);
        assertTrue(tail.fastSteps() * 3 < fast.fastSteps() * 2,
                "the tails take slow steps: " + tail.fastSteps() + " fast steps vs " + fast.fastSteps());
        // as above: 600 spines in 12 branches per run, |difference| < 5 SE per readout, false-failure rate below
        // 5e-5 per readout, 3e-4 for the six
        assertSameMean("Q_max (uM s)", tail, fast, tail::qMaxMicroMolarSec, fast::qMaxMicroMolarSec);
        assertSameMean("Ca influx (uM)", tail, fast, tail::caInfluxMicroMolar, fast::caInfluxMicroMolar);
        assertSameMean("NMDA open channel time (ms)", tail, fast, tail::nmdaOpenChannelMs, fast::nmdaOpenChannelMs);
        assertSameMean("Ca elevated (ms)", tail, fast, tail::caElevatedMs, fast::caElevatedMs);
        assertSameMean("peak depolarisation (mV)", tail, fast, tail::peakDepolarisationMv,
                fast::peakDepolarisationMv);
        assertSameMean("peak Ca (uM)", tail, fast, tail::peakCaMicroMolar, fast::peakCaMicroMolar);
    }

    @Test
    void theGlutamateStepIsTheFastStepAtThePeakWhateverTheSlowStep() {
        for (long slow : new long[] {1, 5, 10, 40}) {
            assertEquals(1, BranchSimulation.glutamateStepTicks(1.0, 1.0, slow), "peak, slow " + slow);
            assertEquals(1, BranchSimulation.glutamateStepTicks(0.26, 1.0, slow), "0.26 mM, slow " + slow);
            assertEquals(Math.min(2, slow), BranchSimulation.glutamateStepTicks(0.25, 1.0, slow), "0.25 mM");
            assertEquals(Math.min(5, slow), BranchSimulation.glutamateStepTicks(0.04, 1.0, slow), "0.04 mM");
            assertEquals(Math.min(10, slow), BranchSimulation.glutamateStepTicks(0.01, 1.0, slow), "0.01 mM");
            assertEquals(1, BranchSimulation.glutamateStepTicks(1e-4, 0.0, slow), "reference 0: the fast step");
        }
    }

    @Test
    void quietStepsAreTheSameBytesOnOneOrTwoThreads() {
        ParameterSet p = LFS.with("protocol.lfs_pulses", "3");
        SpineRunResult one = run(p, 1, 5);
        SpineRunResult two = run(p, 2, 5);
        assertArrayEquals(one.qMaxMicroMolarSec, two.qMaxMicroMolarSec);
        assertArrayEquals(one.peakCaMicroMolar, two.peakCaMicroMolar);
        assertArrayEquals(one.peakDepolarisationMv, two.peakDepolarisationMv);
        assertArrayEquals(one.traceMeanMicroMolar(0), two.traceMeanMicroMolar(0));
        for (int i = 0; i < SPINES; i++) {
            assertEquals(one.caInfluxMicroMolar(i), two.caInfluxMicroMolar(i), 0.0);
            assertEquals(one.camkiiOn(i), two.camkiiOn(i));
        }
        assertTrue(one.mean(0, one::qMaxMicroMolarSec) > 0, "something happened");
    }

    private static void assertSameMean(String what, SpineRunResult a, SpineRunResult b, IntToDoubleFunction ra,
            IntToDoubleFunction rb) {
        assertSameMeanAs("the fast step everywhere", what, a, b, ra, rb);
    }

    private static void assertSameMeanAs(String reference, String what, SpineRunResult a, SpineRunResult b,
            IntToDoubleFunction ra, IntToDoubleFunction rb) {
        double[] ma = branchMeans(a, ra);
        double[] mb = branchMeans(b, rb);
        double meanA = mean(ma);
        double meanB = mean(mb);
        double se = Math.sqrt(variance(ma) / BRANCHES + variance(mb) / BRANCHES);
        System.out.printf("%s: longer steps %.6g, %s %.6g, SE %.3g%n", what, meanA, reference, meanB, se);
        // not vacuous: the test resolves differences of a fifth of the mean
        assertTrue(5 * se < 0.2 * Math.abs(meanB), what + ": SE " + se + " too large against " + meanB);
        assertEquals(meanB, meanA, 5 * se, what + ": longer steps vs " + reference);
    }

    private static double[] branchMeans(SpineRunResult r, IntToDoubleFunction readout) {
        double[] sum = new double[BRANCHES];
        int[] count = new int[BRANCHES];
        for (int i = 0; i < SPINES; i++) {
            int b = r.layout().branchOf(i);
            sum[b] += readout.applyAsDouble(i);
            count[b]++;
        }
        for (int b = 0; b < BRANCHES; b++) {
            sum[b] /= count[b];
        }
        return sum;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double variance(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.length - 1);
    }
}
