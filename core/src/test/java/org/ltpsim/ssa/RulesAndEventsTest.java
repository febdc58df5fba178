package org.ltpsim.ssa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ltpsim.network.AssignmentRule;
import org.ltpsim.network.NetworkBuilder;
import org.ltpsim.network.NetworkEvent;
import org.ltpsim.network.ReactionNetwork;
import org.ltpsim.network.StateFunction;

/** The direct method's rules and events against exact expectations (and tau-leaping's against the same). */
class RulesAndEventsTest {
    private static final double MU = 0.5;

    /**
     * A -> 0 at 0.5 A from A = 3; a time event adds 3 molecules at t = 2; a state event counts extinctions
     * (trigger A &lt;= 0); a rule keeps y = 2 A. Each molecule dies independently, so with p = e^{-mu t},
     * q = e^{-mu (t - 2)}: E[A] = 3p (+ 3q after t = 2), Var[A] = 3p(1-p) (+ 3q(1-q)); the number of extinctions
     * by t is (1-p)^3 before t = 2 and (1-p2)^3 + (1-q)^3 (1 - p2 q)^3 after (p2 = e^{-2 mu}; the survivors of
     * t = 2 and the 3 new molecules must all die). n = 20,000; 13 times x 2 quantities checked at |z| &lt; 4:
     * chance failure below 2e-3 for a random seed.
     */
    @Test
    void ruleTimeEventAndStateEventMatchTheExactExpectations() {
        ReactionNetwork network = deathWithEvents();
        int n = 20_000;
        EnsembleSpec spec = new EnsembleSpec(n, 6, 0.5, 4242, 2, SimulationMethod.SSA);
        assertEquals(SsaAlgorithm.DIRECT, EnsembleSimulator.choose(network, spec));
        EnsembleResult result = EnsembleSimulator.run(network, spec);
        assertEquals("ssa-direct", result.algorithm());
        for (int k = 0; k < result.timeCount(); k++) {
            double t = result.timeSec(k);
            double p = Math.exp(-MU * t);
            double meanA = 3 * p;
            double varA = 3 * p * (1 - p);
            double p2 = Math.exp(-2 * MU);
            double extinctBefore2 = Math.pow(1 - Math.min(p, 1), 3);
            double meanInd;
            double varInd;
            if (t >= 2) {
                double q = Math.exp(-MU * (t - 2));
                meanA += 3 * q;
                varA += 3 * q * (1 - q);
                double i1 = Math.pow(1 - p2, 3);
                double i2 = Math.pow(1 - q, 3) * Math.pow(1 - p2 * q, 3);
                double both = i1 * Math.pow(1 - q, 3);
                meanInd = i1 + i2;
                varInd = i1 + i2 + 2 * both - meanInd * meanInd;
            } else {
                meanInd = extinctBefore2;
                varInd = meanInd * (1 - meanInd);
            }
            assertZ(result, k, 0, meanA, varA, n);
            if (varInd > 0) {
                assertZ(result, k, 2, meanInd, varInd, n);
            } else {
                assertEquals(0.0, result.mean(k, 2));
            }
            // the rule: y = 2A in every realisation, so its statistics are exactly twice A's
            assertEquals(2 * result.mean(k, 0), result.mean(k, 1));
            assertEquals(2 * result.sd(k, 0), result.sd(k, 1));
        }
        // the output at t = 2 is taken after the event there: 3 e^{-1} + 3
        assertEquals(3 * Math.exp(-1) + 3, result.mean(4, 0), 4 * Math.sqrt(3 * Math.exp(-1) * (1 - Math.exp(-1)) / n));
    }

    /** Assignments are evaluated on the pre-event state and applied together: a swap swaps. */
    @Test
    void eventAssignmentsUseThePreEventState() {
        NetworkBuilder b = new NetworkBuilder("swap");
        int a = b.species("A", 1);
        int c = b.species("B", 2);
        b.event(new NetworkEvent("swap", 1.0, null, false, new int[] {a, c},
                new StateFunction[] {(x, t) -> x[c], (x, t) -> x[a]}));
        // fires at t = 0 because its trigger (time >= 0) was false before the start
        int z = b.species("Z", 0);
        b.event(new NetworkEvent("atZero", 0.0, null, false, new int[] {z}, new StateFunction[] {(x, t) -> 7}));
        ReactionNetwork network = b.build();
        EnsembleResult result = EnsembleSimulator.run(network, new EnsembleSpec(3, 2, 0.5, 1, 1, SimulationMethod.SSA));
        assertEquals(1.0, result.mean(1, 0)); // t = 0.5
        assertEquals(2.0, result.mean(1, 1));
        assertEquals(2.0, result.mean(2, 0)); // t = 1: after the event
        assertEquals(1.0, result.mean(2, 1));
        assertEquals(7.0, result.mean(0, 2));
    }

    /** Tau-leaping honours the same time event and rule (it leaps to exactly t = 2). */
    @Test
    void tauLeapingFiresTimeEventsExactly() {
        EnsembleResult result = EnsembleSimulator.run(deathWithEvents(),
                new EnsembleSpec(2_000, 6, 0.5, 4243, 2, SimulationMethod.TAU));
        assertEquals("tau-leaping", result.algorithm());
        int n = 2_000;
        for (int k = 0; k < result.timeCount(); k++) {
            double t = result.timeSec(k);
            double p = Math.exp(-MU * t);
            double meanA = 3 * p + (t >= 2 ? 3 * Math.exp(-MU * (t - 2)) : 0);
            double varA = 3 * p * (1 - p) + (t >= 2 ? 3 * Math.exp(-MU * (t - 2)) * (1 - Math.exp(-MU * (t - 2))) : 0);
            assertZ(result, k, 0, meanA, varA, n);
            assertEquals(2 * result.mean(k, 0), result.mean(k, 1));
        }
    }

    private static ReactionNetwork deathWithEvents() {
        NetworkBuilder b = new NetworkBuilder("death-with-events");
        int a = b.species("A", 3);
        int y = b.species("y", 0);
        int ind = b.species("extinctions", 0);
        b.reaction("death", MU, new int[] {a}, new int[] {});
        b.rule(new AssignmentRule("y", y, (x, t) -> 2 * x[a], new int[] {a}));
        b.event(new NetworkEvent("refill", 2.0, null, false, new int[] {a},
                new StateFunction[] {(x, t) -> x[a] + 3}));
        b.event(new NetworkEvent("extinct", Double.NaN, (x, t) -> x[a] <= 0 ? 1.0 : 0.0, false,
                new int[] {ind}, new StateFunction[] {(x, t) -> x[ind] + 1}));
        return b.build();
    }

    private static void assertZ(EnsembleResult result, int k, int s, double exactMean, double exactVariance, int n) {
        if (exactVariance == 0) {
            assertEquals(exactMean, result.mean(k, s), 1e-12, "t = " + result.timeSec(k) + ", species " + s);
            return;
        }
        double z = Math.sqrt(n) * (result.mean(k, s) - exactMean) / Math.sqrt(exactVariance);
        assertTrue(Math.abs(z) < 4, "t = " + result.timeSec(k) + ", species " + s + ": mean " + result.mean(k, s)
                + " vs " + exactMean + " (z = " + z + ")");
    }
}
