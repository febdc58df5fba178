package org.ltpsim.spine.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.ltpsim.spine.ChannelFactory;
import org.ltpsim.spine.SpineModel;
import org.ltpsim.spine.input.Pathway;

/**
 * The deterministic limit needs one branch per experiment, and few spines on it. With every source of noise
 * mean-field, every spine of a pathway sees the same input from the same initial state, so all are identical, and
 * every branch carrying the same mix of pathways is identical too. When each pathway's spines divide evenly over
 * the branches (c_p per branch), one branch with c_p / g spines per pathway (g = gcd of the c_p) stands for all:
 * the branch compartment's capacitance, leak and clamp conductance are divided by g, which leaves the star
 * network's equations for each spine exactly as they are with g times as many spines. That branch is simulated once
 * per experiment and every branch's result is expanded from it, so the outputs have the full experiment's shape.
 *
 * <p>Experiments that do not divide evenly are simulated branch by branch (still deterministic, just slower).
 */
final class DeterministicBranches {
    private final ConcurrentHashMap<Integer, BranchResult> reduced = new ConcurrentHashMap<>();

    /** Whether {@code experiment} can be reduced (with {@code factory} deterministic and no spine recorded). */
    static boolean reducible(ChannelFactory factory, SpineExperiment experiment, SpineLayout layout,
            TraceRequest traces) {
        if (!factory.deterministic() || traces != null || experiment.expression() != null) {
            return false;
        }
        int branches = layout.branchCount();
        for (Pathway p : experiment.pathways()) {
            if (p.spineCount() % branches != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Branch {@code branch} of experiment {@code index}: from the one reduced branch of that experiment, simulated
     * on first use ({@code work} hears of its ticks then; of the branch's ticks on every later use).
     */
    BranchResult branch(int index, SpineExperiment experiment, SpineLayout layout, int branch, ChannelFactory factory,
            SimulatedWork work) {
        boolean[] ran = new boolean[1];
        BranchResult one = reduced.computeIfAbsent(index, k -> {
            ran[0] = true;
            return simulateReduced(experiment, layout, factory, work);
        });
        if (!ran[0]) {
            work.add(SpineBlocks.ticks(experiment));
        }
        return expand(one, experiment, layout, branch);
    }

    private static BranchResult simulateReduced(SpineExperiment experiment, SpineLayout layout, ChannelFactory factory,
            SimulatedWork work) {
        int branches = layout.branchCount();
        List<Pathway> pathways = experiment.pathways();
        int g = 0;
        for (Pathway p : pathways) {
            g = gcd(g, p.spineCount() / branches);
        }
        List<Pathway> few = new ArrayList<>();
        int spines = 0;
        for (Pathway p : pathways) {
            int count = p.spineCount() / branches / g;
            few.add(new Pathway(p.name(), p.stimulus(), count));
            spines += count;
        }
        SpineModel model = withBranchDividedBy(experiment.model(), g, spines);
        SpineLayout one = new SpineLayout(few, spines);
        return new BranchSimulation(model, factory, few, one, 0, experiment.seed(), experiment.endMs(),
                experiment.effectiveTraceBinMs(), experiment.camkii(), experiment.holoenzymesPerSpine(), null)
                .run(work);
    }

    /** Branch {@code branch}'s result: each spine a copy of the reduced spine of its pathway; sums scaled up. */
    private static BranchResult expand(BranchResult one, SpineExperiment experiment, SpineLayout layout, int branch) {
        int pathways = experiment.pathways().size();
        int bins = one.traceSum[0].length;
        int n = layout.spinesOn(branch);
        int first = layout.firstSpine(branch);
        int[] perPathwayHere = new int[pathways];
        for (int k = 0; k < n; k++) {
            perPathwayHere[layout.pathwayOf(first + k)]++;
        }
        // the reduced branch holds its pathways' spines in order: the first spine of pathway p is at start[p]
        int[] start = new int[pathways];
        int[] reducedCount = new int[pathways];
        int branches = layout.branchCount();
        int g = 0;
        for (Pathway p : experiment.pathways()) {
            g = gcd(g, p.spineCount() / branches);
        }
        int at = 0;
        for (int p = 0; p < pathways; p++) {
            start[p] = at;
            reducedCount[p] = experiment.pathways().get(p).spineCount() / branches / g;
            at += reducedCount[p];
        }
        BranchResult r = new BranchResult(n, pathways, bins);
        for (int k = 0; k < n; k++) {
            int s = start[layout.pathwayOf(first + k)];
            r.peakCaMicroMolar[k] = one.peakCaMicroMolar[s];
            r.qMaxMicroMolarSec[k] = one.qMaxMicroMolarSec[s];
            r.qEndMicroMolarSec[k] = one.qEndMicroMolarSec[s];
            r.caElevatedMs[k] = one.caElevatedMs[s];
            r.peakDepolarisationMv[k] = one.peakDepolarisationMv[s];
            r.caInfluxMicroMolar[k] = one.caInfluxMicroMolar[s];
            r.nmdaOpenChannelMs[k] = one.nmdaOpenChannelMs[s];
            r.releases[k] = one.releases[s];
            r.camkiiOn[k] = one.camkiiOn[s];
            r.camkiiLtp[k] = one.camkiiLtp[s];
        }
        for (int p = 0; p < pathways; p++) {
            if (reducedCount[p] == 0) {
                continue;
            }
            double factor = (double) perPathwayHere[p] / reducedCount[p];
            for (int b = 0; b < bins; b++) {
                r.traceSum[p][b] = one.traceSum[p][b] * factor;
                r.traceSumSquaredDeviations[p][b] = one.traceSumSquaredDeviations[p][b] * factor; // k copies: k x the deviations
                r.traceMinSum[p][b] = one.traceMinSum[p][b] * factor;
                r.traceMaxSum[p][b] = one.traceMaxSum[p][b] * factor;
            }
        }
        r.peakBranchDepolarisationMv = one.peakBranchDepolarisationMv;
        r.fastSteps = one.fastSteps;
        r.slowSteps = one.slowSteps;
        r.jumps = one.jumps;
        return r;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /**
     * The model with {@code g} times fewer spines per branch: the branch compartment's capacitance, leak and clamp
     * divided by g (each spine's equations unchanged), {@code spines} per branch.
     */
    static SpineModel withBranchDividedBy(SpineModel m, int g, int spines) {
        return new SpineModel(m.releaseProbability(), m.releaseSites(), m.glutamatePeakMilliMolar(),
                m.glutamateTauMs(), m.ampaChannels(), m.ampaConductanceNs(), m.ampaReversalMv(), m.nmdaChannels(),
                m.nmdaConductanceNs(), m.nmdaReversalMv(), m.mgMilliMolar(), m.mgKMilliMolar(), m.mgSlopePerMv(),
                m.nmdaCaFraction(), m.nmdaCaReversalMv(), m.headVolumeUm3(), m.headCapacitancePf(), m.headLeakNs(),
                m.neckConductanceNs(), spines, m.branchLeakNs() / g, m.branchCapacitancePf() / g, m.restMv(),
                m.clampConductanceNs() / g, m.caRestMicroMolar(), m.kappa(), m.extrusionTauMs(), m.qTauMs(),
                m.qLtdMicroMolarSec(), m.qLtpMicroMolarSec(), m.fastStepMs(), m.slowSteps(), m.quietSteps(),
                m.glutamateToleranceMilliMolar(), m.fastStepGlutamateMilliMolar(), m.voltageToleranceMv(),
                m.calciumToleranceMicroMolar(), m.ap5());
    }
}
