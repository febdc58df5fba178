package org.ltpsim.spine.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ltpsim.camkii.CamkiiParameters;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.spine.SpineModel;
import org.ltpsim.spine.TestKernels;
import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.input.Protocols;
import org.ltpsim.spine.input.Stimulus;

/** Recording the state of chosen spines: sample times, exactness at and between step ends, and no side effects. */
class SpineTraceRecorderTest {
    private static final ParameterSet P = ParameterSet.defaults("spine").with("protocol.hfs_pulses", "20");
    private static final SpineModel M = SpineModel.from(P, false);
    private static final ParameterSet CAMKII = ParameterSet.defaults("camkii");

    /** HFS (20 pulses) on 120 spines and a silent pathway of 30: two branches, CaMKII in every spine. */
    private static SpineExperiment hfs(double afterMs) {
        return new SpineExperiment(M, List.of(new Pathway("a", Protocols.named("hfs", P), 120),
                new Pathway("b", Protocols.named("none", P), 30)), 7, afterMs, 0)
                .withCamkii(CamkiiParameters.from(CAMKII), 4);
    }

    private static SpineRunResult run(SpineExperiment e, int threads, TraceRequest request) {
        try (BlockExecutor executor = new BlockExecutor(threads)) {
            return new SpineSimulator(TestKernels.channels()).run(e, executor, done -> {}, request);
        }
    }

    private static double max(SpineTrace t, java.util.function.IntToDoubleFunction value) {
        double m = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < t.sampleCount(); k++) {
            m = Math.max(m, value.applyAsDouble(k));
        }
        return m;
    }

    @Test
    void samplesLieAtWholeMultiplesOfTheIntervalUpToTheEnd() {
        SpineExperiment e = hfs(200);
        SpineRunResult r = run(e, 1, new TraceRequest(new int[] {0, 7, 140}, 0.25));
        long endTick = Math.round(e.endMs() / M.fastStepMs());
        assertEquals(2, r.layout().branchCount());
        List<SpineTrace> traces = r.recordedTraces();
        assertEquals(List.of(0, 7, 140), traces.stream().map(SpineTrace::spine).toList());
        assertEquals(r.layout().pathwayOf(140), traces.get(2).pathway());
        assertEquals(1, traces.get(2).pathway(), "spine 140 is on the second branch, pathway b");
        for (SpineTrace t : traces) {
            assertEquals(endTick / 5 + 1, t.sampleCount());
            assertEquals(0.25 * (t.sampleCount() - 1), t.timeMs(t.sampleCount() - 1), 1e-9);
            assertEquals(M.caRestMicroMolar(), t.caMicroMolar(0), "t = 0 is the initial state");
            assertEquals(M.restMv(), t.vMv(0));
        }
        assertEquals(new TraceRequest(new int[] {0}, 0.25).samplesPerSpine(e), traces.get(0).sampleCount());
        // the silent pathway's spine sees the branch depolarisation but no glutamate, so no calcium
        assertTrue(max(traces.get(2), traces.get(2)::vMv) > M.restMv() + 1);
        assertEquals(M.caRestMicroMolar(), max(traces.get(2), traces.get(2)::caMicroMolar));
        assertEquals(0, (int) max(traces.get(2), traces.get(2)::nmdaOpen));
    }

    @Test
    void recordingChangesNoResultAndTracesAreTheSameOnOneOrTwoThreads() {
        SpineExperiment e = hfs(300);
        TraceRequest request = new TraceRequest(new int[] {3, 60, 61, 149}, 0.5);
        SpineRunResult plain = run(e, 1, null);
        SpineRunResult one = run(e, 1, request);
        SpineRunResult two = run(e, 2, request);
        for (SpineRunResult r : List.of(one, two)) {
            assertArrayEquals(plain.peakCaMicroMolar, r.peakCaMicroMolar);
            assertArrayEquals(plain.qMaxMicroMolarSec, r.qMaxMicroMolarSec);
            assertArrayEquals(plain.qEndMicroMolarSec, r.qEndMicroMolarSec);
            assertArrayEquals(plain.peakDepolarisationMv, r.peakDepolarisationMv);
            assertArrayEquals(plain.nmdaOpenChannelMs, r.nmdaOpenChannelMs);
            assertArrayEquals(plain.releases, r.releases);
            assertArrayEquals(plain.camkiiOn, r.camkiiOn);
            assertArrayEquals(plain.traceMeanMicroMolar(0), r.traceMeanMicroMolar(0));
            assertArrayEquals(plain.traceMaxMicroMolar(0), r.traceMaxMicroMolar(0));
            assertEquals(plain.fastSteps(), r.fastSteps());
            assertEquals(plain.slowSteps(), r.slowSteps());
            assertEquals(plain.jumps(), r.jumps());
        }
        assertTrue(plain.recordedTraces().isEmpty());
        assertEquals(4, one.recordedTraces().size());
        for (int s = 0; s < 4; s++) {
            SpineTrace a = one.recordedTraces().get(s);
            SpineTrace b = two.recordedTraces().get(s);
            assertArrayEquals(a.caMicroMolar, b.caMicroMolar);
            assertArrayEquals(a.qMicroMolarSec, b.qMicroMolarSec);
            assertArrayEquals(a.vMv, b.vMv);
            assertArrayEquals(a.camkiiPhosphorylatedFraction, b.camkiiPhosphorylatedFraction);
            assertArrayEquals(a.ampaOpen, b.ampaOpen);
            assertArrayEquals(a.nmdaOpen, b.nmdaOpen);
        }
        assertTrue(max(one.recordedTraces().get(0), one.recordedTraces().get(0)::camkiiPhosphorylatedFraction) > 0,
                "CaMKII of a stimulated spine is recorded");
    }

    /**
     * Sampling at every fast step sees every step end, so the recorded peaks of calcium (monotone within a step) and
     * voltage (held over a step) are the run's readouts exactly. Q is not monotone within a step: it can peak inside
     * a 0.25 ms slow step, a hair above the readout, which is taken at step ends. Sampling every 1 ms can miss a
     * calcium peak by at most the decay over 1 ms: after its peak calcium falls no faster than pure extrusion (the
     * influx is never negative), so the next sample is at least rest + (peak - rest) exp(-1 ms / tau).
     */
    @Test
    void recordedExtremesMatchTheReadouts() {
        SpineExperiment e = hfs(300);
        int[] spines = {0, 1, 2, 30, 100};
        SpineRunResult fine = run(e, 1, new TraceRequest(spines, M.fastStepMs()));
        SpineRunResult coarse = run(e, 1, new TraceRequest(spines, 1.0));
        for (int s = 0; s < spines.length; s++) {
            int id = spines[s];
            SpineTrace t = fine.recordedTraces().get(s);
            assertEquals(fine.peakCaMicroMolar(id), max(t, t::caMicroMolar), "spine " + id);
            double qMax = fine.qMaxMicroMolarSec(id);
            assertTrue(max(t, t::qMicroMolarSec) >= qMax && max(t, t::qMicroMolarSec) <= qMax * (1 + 1e-5),
                    "spine " + id + ": " + max(t, t::qMicroMolarSec) + " vs Q_max " + qMax);
            assertEquals(fine.peakDepolarisationMv(id), max(t, t::vMv) - M.restMv(), "spine " + id);
            assertEquals(fine.qEndMicroMolarSec(id), t.qMicroMolarSec(t.sampleCount() - 1), "spine " + id);
            SpineTrace c = coarse.recordedTraces().get(s);
            double peak = coarse.peakCaMicroMolar(id);
            double rest = M.caRestMicroMolar();
            assertTrue(max(c, c::caMicroMolar) <= peak, "spine " + id);
            assertTrue(max(c, c::caMicroMolar) >= rest + (peak - rest) * Math.exp(-1.0 / M.extrusionTauMs()),
                    "spine " + id + ": " + max(c, c::caMicroMolar) + " vs peak " + peak);
            assertEquals(coarse.qEndMicroMolarSec(id), c.qMicroMolarSec(c.sampleCount() - 1));
        }
        assertTrue(fine.peakCaMicroMolar(0) > 1, "the stimulated spines see calcium transients");
    }

    /**
     * Q is the leaky integral of calcium: integrating the recorded calcium independently (trapezoid rule on the
     * 0.05 ms samples, 4 of 5 of them inside 0.25 ms slow steps once glutamate has cleared) must give the recorded Q.
     * The trapezoid rule's own error here is ~2e-7 of Q_max; calcium held at the step-end value inside slow steps
     * (off by up to 2% of the excess there) gives ~3e-4.
     */
    @Test
    void recordedQIsTheLeakyIntegralOfTheRecordedCalcium() {
        SpineRunResult r = run(hfs(400), 1, new TraceRequest(new int[] {0, 5, 9}, M.fastStepMs()));
        double h = M.fastStepMs();
        double decay = Math.exp(-h / M.qTauMs());
        double rest = M.caRestMicroMolar();
        for (SpineTrace t : r.recordedTraces()) {
            double q = 0;
            double worst = 0;
            for (int k = 0; k + 1 < t.sampleCount(); k++) {
                double u0 = t.caMicroMolar(k) - rest;
                double u1 = t.caMicroMolar(k + 1) - rest;
                q = q * decay + 1e-3 * h / 2 * (u0 * decay + u1);
                worst = Math.max(worst, Math.abs(q - t.qMicroMolarSec(k + 1)));
            }
            double qMax = r.qMaxMicroMolarSec(t.spine());
            assertTrue(qMax > 0.05, "spine " + t.spine() + " Q_max " + qMax);
            assertTrue(worst < 1e-5 * qMax, "spine " + t.spine() + ": |Q - integral| up to " + worst + " of " + qMax);
        }
    }

    /**
     * Inside a silence jump (one step of tens of seconds) the samples are the closed-form decay at zero influx, with
     * the voltage at rest and every channel closed: from each sample the next follows by the test's own formula.
     */
    @Test
    void samplesInsideASilenceJumpFollowTheExactDecay() {
        Stimulus twoPulses = Stimulus.presynaptic("two", new double[] {10, 60_010});
        SpineExperiment e = new SpineExperiment(M, List.of(new Pathway("p", twoPulses, 20)), 11, 100, 0);
        double every = 20;
        SpineRunResult r = run(e, 1, new TraceRequest(java.util.stream.IntStream.range(0, 20).toArray(), every));
        assertTrue(r.jumps() >= 1);
        double tau = M.extrusionTauMs();
        double tauQ = M.qTauMs();
        double rest = M.caRestMicroMolar();
        int checked = 0;
        int spines = 0;
        for (SpineTrace t : r.recordedTraces()) {
            if (r.qMaxMicroMolarSec(t.spine()) == 0) {
                continue; // no NMDA opening after the first pulse: nothing decays
            }
            spines++;
            int k = 0;
            while (t.vMv(k) != M.restMv() || t.timeMs(k) < 20) { // first sample inside the jump
                k++;
            }
            assertTrue(t.timeMs(k) < 10_000, "jump begins at " + t.timeMs(k) + " ms");
            for (; t.timeMs(k + 1) < 60_010 && t.qMicroMolarSec(k + 1) > 1e-12; k++) {
                assertEquals(M.restMv(), t.vMv(k + 1), "t = " + t.timeMs(k + 1));
                assertEquals(0, t.ampaOpen(k + 1) + t.nmdaOpen(k + 1));
                double u = t.caMicroMolar(k) - rest;
                assertEquals(u * Math.exp(-every / tau), t.caMicroMolar(k + 1) - rest, 1e-15);
                double q = t.qMicroMolarSec(k) * Math.exp(-every / tauQ)
                        + u * (Math.exp(-every / tau) - Math.exp(-every / tauQ)) / (1 / tauQ - 1 / tau) * 1e-3;
                assertEquals(q, t.qMicroMolarSec(k + 1), 1e-9 * q, "t = " + t.timeMs(k + 1));
                checked++;
            }
        }
        assertTrue(spines >= 3 && checked > 100, spines + " spines, pairs checked " + checked);
    }

    @Test
    void badRequestsAreRefusedBeforeTheRun() {
        SpineExperiment e = hfs(100);
        assertThrows(IllegalArgumentException.class, () -> new TraceRequest(new int[0], 1));
        assertThrows(IllegalArgumentException.class, () -> new TraceRequest(new int[] {3, 3}, 1));
        assertThrows(IllegalArgumentException.class, () -> new TraceRequest(new int[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> new TraceRequest(new int[] {1}, Double.NaN));
        IllegalArgumentException notOnGrid = assertThrows(IllegalArgumentException.class,
                () -> run(e, 1, new TraceRequest(new int[] {1}, 0.03)));
        assertTrue(notOnGrid.getMessage().contains("whole number"), notOnGrid.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> run(e, 1, new TraceRequest(new int[] {1, 150}, 1)));
        assertTrue(missing.getMessage().contains("spine 150 does not exist"), missing.getMessage());
    }
}
