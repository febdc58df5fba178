package org.ltpsim.spine.sim;

import java.util.List;
import org.ltpsim.spine.input.Pathway;

/**
 * Per-spine readouts of a run (arrays indexed by global spine id, see {@link SpineLayout}), per-pathway mean,
 * standard deviation and bin envelope of spine calcium against time, and the traces of any recorded spines.
 */
public final class SpineRunResult {
    /** Plasticity outcome of the calcium rule. */
    public enum Outcome { LTD, NONE, LTP }

    /**
     * The CaMKII readout of lasting potentiation at the end of the run: the switch ON without a break for at least
     * {@code switch.ltp_min_on_s} (LTP), OFF (NO_LTP), or ON for less than that (UNDECIDED: the run ended before
     * the criterion could be judged).
     */
    public enum CamkiiVerdict { LTP, NO_LTP, UNDECIDED }

    private final SpineExperiment experiment;
    private final SpineLayout layout;
    final double[] peakCaMicroMolar;
    final double[] qMaxMicroMolarSec;
    final double[] qEndMicroMolarSec;
    final double[] caElevatedMs;
    final double[] peakDepolarisationMv;
    final double[] caInfluxMicroMolar;
    final double[] nmdaOpenChannelMs;
    final int[] releases;
    final boolean[] camkiiOn;
    final boolean[] camkiiLtp;
    final double[] branchPeakDepolarisationMv;
    final double[][] traceMean;
    final double[][] traceSd;
    final double[][] traceMin;
    final double[][] traceMax;
    final List<SpineTrace> recordedTraces;
    final double traceBinMs;
    final long fastSteps;
    final long slowSteps;
    final long jumps;
    // expression runs only
    private final ExpressionResult expression;

    SpineRunResult(SpineExperiment experiment, SpineLayout layout, List<BranchResult> branches) {
        this(SpineAggregate.of(experiment, layout, branches), null);
    }

    SpineRunResult(SpineExperiment experiment, SpineLayout layout, List<BranchResult> branches, CellRecords cells) {
        this(SpineAggregate.of(experiment, layout, branches), experiment.expression() == null ? null
                : new ExpressionResult(experiment, layout, branches, cells));
    }

    /**
     * The result of a complete aggregate, whose per-spine arrays it takes over (not copied: the aggregate is not
     * used after this).
     *
     * @throws IllegalArgumentException when a branch of the experiment is missing
     */
    SpineRunResult(SpineAggregate run, ExpressionResult expression) {
        if (!run.complete()) {
            throw new IllegalArgumentException("the experiment has " + run.layout.branchCount() + " branches, got "
                    + run.branches);
        }
        this.experiment = run.experiment;
        this.layout = run.layout;
        peakCaMicroMolar = run.peakCaMicroMolar;
        qMaxMicroMolarSec = run.qMaxMicroMolarSec;
        qEndMicroMolarSec = run.qEndMicroMolarSec;
        caElevatedMs = run.caElevatedMs;
        peakDepolarisationMv = run.peakDepolarisationMv;
        caInfluxMicroMolar = run.caInfluxMicroMolar;
        nmdaOpenChannelMs = run.nmdaOpenChannelMs;
        releases = run.releases;
        camkiiOn = run.camkiiOn;
        camkiiLtp = run.camkiiLtp;
        branchPeakDepolarisationMv = run.branchPeakDepolarisationMv;
        int pathways = experiment.pathways().size();
        int bins = run.bins();
        traceMean = new double[pathways][bins];
        traceSd = new double[pathways][bins];
        traceMin = new double[pathways][bins];
        traceMax = new double[pathways][bins];
        for (int p = 0; p < pathways; p++) {
            int count = layout.pathwaySpineCount(p);
            for (int k = 0; k < bins; k++) {
                double mean = run.traceSum[p][k] / count;
                traceMean[p][k] = mean;
                traceSd[p][k] = run.traceStats[p][k].sampleSd();
                traceMin[p][k] = run.traceMinSum[p][k] / count;
                traceMax[p][k] = run.traceMaxSum[p][k] / count;
            }
        }
        traceBinMs = experiment.effectiveTraceBinMs();
        fastSteps = run.fastSteps;
        slowSteps = run.slowSteps;
        jumps = run.jumps;
        recordedTraces = List.copyOf(run.recordedTraces);
        this.expression = expression;
    }

    /** Whether the run had the expression layers (weights, tag, proteins). */
    public boolean hasExpression() {
        return expression != null;
    }

    /** The weights and late-phase readouts of an expression run; throws without the expression layers. */
    public ExpressionResult expression() {
        if (expression == null) {
            throw new IllegalStateException("the run had no expression layers");
        }
        return expression;
    }

    public SpineExperiment experiment() {
        return experiment;
    }

    public SpineLayout layout() {
        return layout;
    }

    public int spineCount() {
        return layout.spineCount();
    }

    public List<Pathway> pathways() {
        return experiment.pathways();
    }

    public double peakCaMicroMolar(int spine) {
        return peakCaMicroMolar[spine];
    }

    /** Maximum over the run of the calcium integral Q (uM s): the quantity the rule judges. */
    public double qMaxMicroMolarSec(int spine) {
        return qMaxMicroMolarSec[spine];
    }

    public double qEndMicroMolarSec(int spine) {
        return qEndMicroMolarSec[spine];
    }

    /** Time with calcium more than 0.1 uM above rest, ms. */
    public double caElevatedMs(int spine) {
        return caElevatedMs[spine];
    }

    /** Largest depolarisation of the spine head above rest, mV. */
    public double peakDepolarisationMv(int spine) {
        return peakDepolarisationMv[spine];
    }

    /** Total calcium that entered (free concentration units, uM, before extrusion). */
    public double caInfluxMicroMolar(int spine) {
        return caInfluxMicroMolar[spine];
    }

    /** Integral of the number of open NMDA channels over time, channel ms. */
    public double nmdaOpenChannelMs(int spine) {
        return nmdaOpenChannelMs[spine];
    }

    public int releases(int spine) {
        return releases[spine];
    }

    /** Whether the run simulated CaMKII holoenzymes. */
    public boolean hasCamkii() {
        return experiment.camkii() != null;
    }

    /** The spine's CaMKII switch is ON at the end of the run (false without CaMKII). */
    public boolean camkiiOn(int spine) {
        return camkiiOn[spine];
    }

    /** The spine's CaMKII switch has been ON for at least switch.ltp_min_on_s (mechanistic LTP). */
    public boolean camkiiLtp(int spine) {
        return camkiiLtp[spine];
    }

    /** Fraction of the spines of {@code pathway} (all if -1) whose CaMKII switch is ON at the end. */
    /** The CaMKII verdict of one spine; only meaningful when {@link #hasCamkii()}. */
    public CamkiiVerdict camkiiVerdict(int spine) {
        if (camkiiLtp[spine]) {
            return CamkiiVerdict.LTP;
        }
        return camkiiOn[spine] ? CamkiiVerdict.UNDECIDED : CamkiiVerdict.NO_LTP;
    }

    public double fractionCamkiiOn(int pathway) {
        return mean(pathway, i -> camkiiOn[i] ? 1 : 0);
    }

    public double branchPeakDepolarisationMv(int branch) {
        return branchPeakDepolarisationMv[branch];
    }

    /** The calcium rule: Q_max &gt;= Q_LTP gives LTP, Q_LTD &lt;= Q_max &lt; Q_LTP gives LTD, else none. */
    public Outcome outcome(int spine) {
        double q = qMaxMicroMolarSec[spine];
        if (q >= experiment.model().qLtpMicroMolarSec()) {
            return Outcome.LTP;
        }
        return q >= experiment.model().qLtdMicroMolarSec() ? Outcome.LTD : Outcome.NONE;
    }

    /** Fraction of the spines of {@code pathway} (or all spines if -1) with {@code outcome}. */
    public double fraction(int pathway, Outcome outcome) {
        int hits = 0;
        int total = 0;
        for (int i = 0; i < spineCount(); i++) {
            if (pathway < 0 || layout.pathwayOf(i) == pathway) {
                total++;
                if (outcome(i) == outcome) {
                    hits++;
                }
            }
        }
        return total == 0 ? Double.NaN : (double) hits / total;
    }

    public int count(int pathway, Outcome outcome) {
        int hits = 0;
        for (int i = 0; i < spineCount(); i++) {
            if ((pathway < 0 || layout.pathwayOf(i) == pathway) && outcome(i) == outcome) {
                hits++;
            }
        }
        return hits;
    }

    /** Mean over the spines of {@code pathway} (all if -1) of a per-spine readout. */
    public double mean(int pathway, java.util.function.IntToDoubleFunction readout) {
        double sum = 0;
        int total = 0;
        for (int i = 0; i < spineCount(); i++) {
            if (pathway < 0 || layout.pathwayOf(i) == pathway) {
                sum += readout.applyAsDouble(i);
                total++;
            }
        }
        return sum / total;
    }

    public double traceBinMs() {
        return traceBinMs;
    }

    /** Mean calcium of the pathway's spines at time k * traceBinMs. */
    public double[] traceMeanMicroMolar(int pathway) {
        return traceMean[pathway].clone();
    }

    public double[] traceSdMicroMolar(int pathway) {
        return traceSd[pathway].clone();
    }

    /**
     * Envelope of the mean trace: the mean over the pathway's spines of each spine's lowest calcium at the step ends
     * in ((k - 1) * traceBinMs, k * traceBinMs]. With bins longer than a transient (a 1 Hz train over 15 minutes) the
     * sampled mean misses the peaks; {@link #traceMaxMicroMolar} keeps them.
     */
    public double[] traceMinMicroMolar(int pathway) {
        return traceMin[pathway].clone();
    }

    /** As {@link #traceMinMicroMolar}, with each spine's highest calcium in the bin. */
    public double[] traceMaxMicroMolar(int pathway) {
        return traceMax[pathway].clone();
    }

    /** Traces of the spines a {@link TraceRequest} asked for, in ascending spine id; empty if none. */
    public List<SpineTrace> recordedTraces() {
        return recordedTraces;
    }

    public long fastSteps() {
        return fastSteps;
    }

    public long slowSteps() {
        return slowSteps;
    }

    public long jumps() {
        return jumps;
    }
}
