package org.ltpsim.spine.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.spine.FixedOpenChannels;
import org.ltpsim.spine.SpineModel;
import org.ltpsim.spine.TestKernels;
import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.input.Protocols;
import org.ltpsim.spine.input.Stimulus;

class SpineSimulationTest {
    private static final ParameterSet DEFAULTS = ParameterSet.defaults("spine");
    private static final SpineModel M = SpineModel.defaults();

    private static SpineRunResult run(SpineModel model, org.ltpsim.spine.ChannelFactory channels, int threads,
            double afterMs, Pathway... pathways) {
        try (BlockExecutor executor = new BlockExecutor(threads)) {
            return new SpineSimulator(channels).run(new SpineExperiment(model, List.of(pathways), 5, afterMs, 0),
                    executor);
        }
    }

    @Test
    void layoutSpreadsPathwaysRoundRobinOverBranches() {
        Stimulus none = Protocols.named("none", DEFAULTS);
        SpineLayout layout = new SpineLayout(List.of(new Pathway("a", none, 150), new Pathway("b", none, 50)), 100);
        assertEquals(2, layout.branchCount());
        assertEquals(100, layout.spinesOn(0));
        assertEquals(100, layout.spinesOn(1));
        assertEquals(75, java.util.stream.IntStream.range(0, 100).filter(i -> layout.pathwayOf(i) == 0).count());
        assertEquals(1, layout.branchOf(100));
        assertEquals(1, layout.indexInPathway(100)); // pathway a, j = 1 -> branch 1
    }

    @Test
    void voltageReachesTheResistiveSteadyState() {
        // 10 spines, each with 5 AMPA channels always open, no input: the backward-Euler solution must settle on
        // the steady state of the resistive star network.
        int n = 10;
        int open = 5;
        SpineRunResult r = run(M, new FixedOpenChannels(open, 0), 1, 500,
                new Pathway("p", Protocols.named("none", DEFAULTS), n));
        double gA = open * M.ampaConductanceNs();
        double gn = M.neckConductanceNs();
        double gLs = M.headLeakNs();
        double gd = M.branchLeakNs();
        double el = M.restMv();
        // spine: gA (0 - Vs) + gn (Vd - Vs) + gLs (El - Vs) = 0 -> Vs = (gn Vd + gLs El) / (gA + gn + gLs)
        // dendrite: gd (El - Vd) + n gn (Vs - Vd) = 0
        double s = gA + gn + gLs;
        double vd = (gd * el + n * gn * gLs * el / s) / (gd + n * gn - n * gn * gn / s);
        double vs = (gn * vd + gLs * el) / s;
        assertEquals(vd - el, r.branchPeakDepolarisationMv(0), 1e-9 * Math.abs(vd - el));
        assertEquals(vs - el, r.peakDepolarisationMv(0), 1e-9 * Math.abs(vs - el));
    }

    @Test
    void calciumReachesInfluxTimesTauAndQIntegratesIt() {
        // 1 spine with 1 NMDA channel always open: steady calcium = rest + J tau with
        // J = f g B(V) (E_Ca - V) / (2 F vol (1 + kappa)).
        SpineRunResult r = run(M, new FixedOpenChannels(0, 1), 1, 3000,
                new Pathway("p", Protocols.named("none", DEFAULTS), 1));
        double v = M.restMv() + r.peakDepolarisationMv(0);
        double influx = M.nmdaCaFraction() * M.nmdaConductanceNs() * M.mgUnblocked(v) * (M.nmdaCaReversalMv() - v)
                * M.calciumPerPicoAmp();
        double uInf = influx * M.extrusionTauMs();
        assertEquals(M.caRestMicroMolar() + uInf, r.peakCaMicroMolar(0), 1e-9 * uInf);
        // Q' = (Ca - rest) - Q / tau_Q from 0 over 3 s: u_inf tau_Q (1 - exp(-T/tau_Q)) less the rise deficit,
        // which is below u_inf * (tau_Ca + tau_m) = u_inf * 34 ms (1.1% of the total here)
        double tauQ = M.qTauMs();
        double plateau = uInf * tauQ * (1 - Math.exp(-3000 / tauQ)) / 1000;
        assertEquals(plateau, r.qEndMicroMolarSec(0), 0.012 * plateau);
        assertEquals(r.qEndMicroMolarSec(0), r.qMaxMicroMolarSec(0), 1e-15, "Q rises monotonically here");
    }

    @Test
    void sameSeedSameResultOnOneOrTwoThreads() {
        ParameterSet p = DEFAULTS.with("protocol.hfs_pulses", "20");
        SpineModel m = SpineModel.from(p, false);
        Pathway a = new Pathway("a", Protocols.named("hfs", p), 250);
        Pathway b = new Pathway("b", Protocols.named("tbs", p), 60);
        SpineRunResult one = run(m, TestKernels.channels(), 1, 300, a, b);
        SpineRunResult two = run(m, TestKernels.channels(), 2, 300, a, b);
        assertEquals(4, one.layout().branchCount());
        assertArrayEquals(one.peakCaMicroMolar, two.peakCaMicroMolar);
        assertArrayEquals(one.qMaxMicroMolarSec, two.qMaxMicroMolarSec);
        assertArrayEquals(one.peakDepolarisationMv, two.peakDepolarisationMv);
        assertArrayEquals(one.releases, two.releases);
        assertArrayEquals(one.traceMeanMicroMolar(0), two.traceMeanMicroMolar(0));
        assertArrayEquals(one.traceSdMicroMolar(1), two.traceSdMicroMolar(1));
        assertTrue(one.mean(0, one::qMaxMicroMolarSec) > 0, "something happened");
    }

    @Test
    void silentBranchesJumpToTheirNextInput() {
        // two pulses 60 s apart: the branch must cross the silence in one jump, not in steps
        Stimulus s = Stimulus.presynaptic("two", new double[] {10, 60_010});
        SpineRunResult r = run(M, TestKernels.channels(), 1, 2000, new Pathway("p", s, 20));
        double steppedMs = (r.fastSteps() + r.slowSteps() * M.slowSteps()) * M.fastStepMs();
        assertTrue(r.jumps() >= 1, "jumps " + r.jumps());
        assertTrue(steppedMs < 10_000, "stepped through " + steppedMs + " ms of 62 s");
        // calcium is back at rest at the end, and Q has decayed back towards 0
        double[] trace = r.traceMeanMicroMolar(0);
        assertEquals(M.caRestMicroMolar(), trace[trace.length - 1], 1e-3);
    }

    @Test
    void halvingTheFastStepLeavesTheCalciumIntegralUnchanged() {
        // HFS on 400 spines (4 branches) at the default 0.05 ms and at 0.025 ms (slow step 0.25 ms in both).
        // Different step grids consume the random streams differently, so the two runs are independent samples:
        // per-spine Q_max has sd ~0.25 uM s, the difference of two means of 400 has SE ~0.018 (~0.035 allowing
        // for correlation within a branch); the tolerance 0.1 uM s (~10% of the mean) is about 3 such SE.
        ParameterSet half = DEFAULTS.with("timestep.fast_ms", "0.025").with("timestep.slow_steps", "10");
        Pathway hfs = new Pathway("hfs", Protocols.named("hfs", DEFAULTS), 400);
        SpineRunResult coarse = run(M, TestKernels.channels(), 2, 1000, hfs);
        SpineRunResult fine = run(SpineModel.from(half, false), TestKernels.channels(), 2, 1000, hfs);
        double qCoarse = coarse.mean(0, coarse::qMaxMicroMolarSec);
        double qFine = fine.mean(0, fine::qMaxMicroMolarSec);
        assertEquals(qFine, qCoarse, 0.1, "mean Q_max at 0.05 vs 0.025 ms");
        assertEquals(fine.mean(0, fine::peakDepolarisationMv), coarse.mean(0, coarse::peakDepolarisationMv), 2.0,
                "mean peak depolarisation (mV)");
    }
}
