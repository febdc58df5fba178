package org.ltpsim.spine.expression;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ltpsim.camkii.CamkiiPopulation;
import org.ltpsim.channels.ChannelPopulation;

/**
 * The slow layers of the spines of one branch: AMPA receptor trafficking with slots, CP-AMPARs, spine growth and
 * its consolidation, the synaptic tag and NMDA receptor insertion. Every receptor moved here is an individual
 * channel of the branch's channel populations: an inserted receptor is a new channel (resting), a removed one is a
 * channel chosen uniformly among the spine's receptors of its kind and deleted, so a potentiated spine has more
 * channels that gate stochastically.
 *
 * <p>Per spine, counts: synaptic GluA2-containing ({@code s2}) and GluA2-lacking ({@code scp}) AMPARs, their
 * reserve pools ({@code r2}, {@code rcp}), stable slots, unconsolidated slots by Erlang stage, the growth capacity
 * left, the tag's stage, synaptic and reserve NMDARs and the priming flag. Reactions (rates in docs/expression.md;
 * F = the spine's PP1 activity relative to rest, D = the CaMKII drive, a Hill function of the autonomous fraction):
 * <pre>
 *   R2 + free slot -> S2                 kExo R2 free                   basal exocytosis (GluA2-containing)
 *   S2 -> R2, Scp -> Rcp                 kEndo (1 + g (F - 1)) S        endocytosis, phosphatase-driven above rest
 *   Scp + R2 -> S2 + Rcp                 kSwap Scp                      CP-AMPAR replacement (Plant et al. 2006)
 *   Rcp + growth -> Scp + new slot       kIns D growth / F, anchored    CaMKII-driven insertion (PP1 opposes it)
 *   slot(stage j) -> slot(stage j+1)     kU U_j; the last stage is lost  unconsolidated slot lifetime (Erlang)
 *   slot(any stage) -> stable slot       kCap c(P) U, tagged spine only  capture of proteins: consolidation
 *   slot -> (lost)                       kRem (F - 1) slots             phosphatase-driven slot loss (LTD)
 *   tag stage -> stage - 1               kTag                            tag lifetime (Erlang)
 *   NMDA reserve -> synaptic             kNin NR / F, primed spine only  activity-driven NMDAR insertion
 *   NMDA synaptic -> reserve             kNret (1 + g (F - 1)) (NS - NS0)+   return of the extra NMDARs
 *   primed -> not primed                 kPrime
 * </pre>
 * A lost slot that leaves more receptors than slots sends one receptor (GluA2-lacking with probability
 * Scp / S) to its reserve. Receptors are neither made nor destroyed: S2 + Scp + R2 + Rcp and NS + NR are
 * constant per spine ({@link #checkConservation}). The tag is set to its top stage when the spine's CaMKII switch
 * turns ON or its calcium integral crosses the LTP threshold; priming by a burst of releases (group I mGluR
 * activation, independent of NMDAR calcium: Cohen &amp; Abraham 1996, Lan et al. 2001). The drive inserts only at
 * an <em>anchored</em> spine: its calcium integral reached {@code camkii_drive.anchoring_q_um_s} (CaMKII binding to
 * GluN2B needs strong Ca2+/CaM: Bayer et al. 2001); it stays anchored while its switch is ON, and for
 * {@code camkii_drive.anchoring_hold_s} after Q fell below the threshold otherwise.
 *
 * <p>Exact SSA per spine for propensities frozen over each slow step: the drives D and F are frozen at the
 * trapezoid average of their values at the step's start and end (the CaMKII population has advanced over the step
 * before this layer does), the protein factor c(P) at the value the neuron's synchronisation point handed out.
 * Each spine integrates its total propensity against an Exp(1) residual (Kurtz's random time change, as the CaMKII
 * kernel), so a step without an event costs O(1). Random numbers: one Exp(1) (ziggurat) and one uniform per event,
 * one more bounded int to pick the channel a removal deletes and one more uniform when a lost slot evicts a receptor
 * or a slot is chosen among stages. Not thread-safe: one branch, one task.
 */
public final class SynapseExpression {
    // reaction indices, for counters
    static final int EXO = 0;
    static final int ENDO_CI = 1;
    static final int ENDO_CP = 2;
    static final int SWAP = 3;
    static final int INSERT = 4;
    static final int SLOT_STAGE = 5;
    static final int CAPTURE = 6;
    static final int SLOT_LOSS = 7;
    static final int TAG_DECAY = 8;
    static final int NMDA_IN = 9;
    static final int NMDA_OUT = 10;
    static final int UNPRIME = 11;
    static final int REACTIONS = 12;

    private final ExpressionModel m;
    private final int n;
    private final int stages;
    private final ChannelPopulation ampa;
    private final ChannelPopulation ampaCp;
    private final ChannelPopulation nmda;
    private final UniformRandomProvider rng;
    private final ZigguratSampler.Exponential exp;
    private final double exoHz;

    // per spine counts
    private final int[] s2;
    private final int[] scp;
    private final int[] r2;
    private final int[] rcp;
    private final int[] stable;
    private final int[] unconsolidated; // [spine * stages + stage]
    private final int[] unconsolidatedTotal;
    private final int[] growth;
    private final int[] tag;
    private final int[] nmdaSynaptic;
    private final int[] nmdaReserve;
    private final int[] nmdaInitial;
    private final boolean[] primed;
    private final boolean[] cpEverInserted;
    // per spine, drives at the start of the current slow step and the switch state then
    private final double[] driveStart;
    private final double[] pp1Start;
    private final boolean[] switchOn;
    private final double[] residual;
    private final double[] calciumScale;
    // flags raised by the fast loop, consumed at the next slow step
    private final boolean[] inducedFlag;
    private final boolean[] primingFlag;
    private final boolean[] inductionArmed;
    // CaMKII anchoring: Q reached the threshold since the last slow step / Q is above it now / hold left (s)
    private final boolean[] anchorFlag;
    private final boolean[] aboveAnchor;
    private final double[] anchorHoldSec;
    // channel ids per spine and kind
    private final IdLists ciIds;
    private final IdLists cpIds;
    private final IdLists nmdaIds;

    private double proteinFactor; // c(P) = P / (P + K) for this synchronisation interval
    private int inductionsSinceSync;
    private int capturesSinceSync;
    private final long[] reactionCounts = new long[REACTIONS];

    /**
     * @param ampa the branch's GluA2-containing AMPA channels, {@code ampa.channelCount(i)} synaptic at spine i
     * @param ampaCp the branch's GluA2-lacking AMPA channels (none at the start)
     * @param nmda the branch's NMDA channels
     * @param camkii the branch's CaMKII (its autonomous fraction and PP1 activity drive trafficking)
     * @param rng the branch's "trafficking" stream
     */
    public SynapseExpression(ExpressionModel model, ChannelPopulation ampa, ChannelPopulation ampaCp,
            ChannelPopulation nmda, CamkiiPopulation camkii, UniformRandomProvider rng) {
        this.m = model;
        this.n = ampa.spineCount();
        if (ampaCp.spineCount() != n || nmda.spineCount() != n || camkii.spineCount() != n) {
            throw new IllegalArgumentException("populations of different sizes: " + n + ", " + ampaCp.spineCount()
                    + ", " + nmda.spineCount() + ", " + camkii.spineCount());
        }
        this.stages = model.unconsolidatedStages();
        this.ampa = ampa;
        this.ampaCp = ampaCp;
        this.nmda = nmda;
        this.rng = rng;
        this.exp = ZigguratSampler.Exponential.of(rng);
        s2 = new int[n];
        scp = new int[n];
        r2 = new int[n];
        rcp = new int[n];
        stable = new int[n];
        unconsolidated = new int[n * stages];
        unconsolidatedTotal = new int[n];
        growth = new int[n];
        tag = new int[n];
        nmdaSynaptic = new int[n];
        nmdaReserve = new int[n];
        nmdaInitial = new int[n];
        primed = new boolean[n];
        cpEverInserted = new boolean[n];
        driveStart = new double[n];
        pp1Start = new double[n];
        switchOn = new boolean[n];
        residual = new double[n];
        calciumScale = new double[n];
        inducedFlag = new boolean[n];
        primingFlag = new boolean[n];
        inductionArmed = new boolean[n];
        Arrays.fill(inductionArmed, true);
        anchorFlag = new boolean[n];
        aboveAnchor = new boolean[n];
        anchorHoldSec = new double[n];
        ciIds = IdLists.of(ampa);
        cpIds = IdLists.of(ampaCp);
        nmdaIds = IdLists.of(nmda);
        int synaptic0 = n == 0 ? 0 : ampa.channelCount(0);
        exoHz = n == 0 ? 0 : model.exocytosisHz(synaptic0);
        for (int i = 0; i < n; i++) {
            if (ampa.channelCount(i) != synaptic0 || ampaCp.channelCount(i) != 0) {
                throw new IllegalArgumentException("every spine must start with the same GluA2-containing AMPARs and "
                        + "no GluA2-lacking ones");
            }
            s2[i] = ampa.channelCount(i);
            r2[i] = model.reserveGluA2();
            rcp[i] = model.reserveGluA1();
            stable[i] = model.stableSlots();
            growth[i] = model.growthCapacity();
            nmdaSynaptic[i] = nmda.channelCount(i);
            nmdaInitial[i] = nmdaSynaptic[i];
            nmdaReserve[i] = model.nmdaReserve();
            driveStart[i] = model.drive(autonomousFraction(camkii, i));
            pp1Start[i] = camkii.pp1ActivityFactor(i);
            switchOn[i] = camkii.isOn(i);
            calciumScale[i] = 1.0;
            residual[i] = exp.sample();
        }
    }

    private static double autonomousFraction(CamkiiPopulation camkii, int spine) {
        return (double) camkii.autonomousSubunits(spine) / camkii.subunitCount(spine);
    }

    /**
     * The fast loop saw the spine's calcium integral cross the LTP threshold (strong, LTP-level calcium). It sets the
     * tag; it counts as one induction for the nucleus unless the spine's last induction has not yet ended (its
     * integral has not fallen back below the LTD threshold since: {@link #calciumSettled}).
     */
    public void induced(int spine) {
        inducedFlag[spine] = true;
    }

    /**
     * The spine's calcium integral rose to ({@code above}) or fell below {@code camkii_drive.anchoring_q_um_s}: the
     * fast loop reports each crossing; a rise is remembered until the next slow step even if Q falls again before it.
     */
    public void anchoringCalcium(int spine, boolean above) {
        aboveAnchor[spine] = above;
        anchorFlag[spine] |= above;
    }

    /** The spine's calcium integral fell below the LTD threshold: its next LTP-level crossing is a new induction. */
    public void calciumSettled(int spine) {
        inductionArmed[spine] = true;
    }

    /** The fast loop saw a burst of releases at the spine activate its group I mGluRs (priming). */
    public void primedByMglur(int spine) {
        primingFlag[spine] = true;
    }

    /** The protein factor c(P) = P / (P + K) the spines see until the next synchronisation point. */
    public void setProteinLevel(double units) {
        if (!(units >= 0)) {
            throw new IllegalArgumentException("protein units must be >= 0: " + units);
        }
        proteinFactor = units / (units + m.captureHalfUnits());
    }

    /** LTP-level induction events since the last call (for the nucleus). */
    public int drainInductions() {
        int k = inductionsSinceSync;
        inductionsSinceSync = 0;
        return k;
    }

    /** Protein units captured since the last call. */
    public int drainCaptures() {
        int k = capturesSinceSync;
        capturesSinceSync = 0;
        return k;
    }

    /**
     * Advances every spine by one slow step of {@code dtSec}; {@code camkii} has already advanced over it. First the
     * flags of the fast loop (induction, priming) and CaMKII switch-ON transitions set tags and priming at the start of
     * the step; then each spine runs its exact SSA with the drives frozen at their trapezoid averages.
     */
    public void advance(double dtSec, CamkiiPopulation camkii) {
        if (!(dtSec >= 0 && dtSec < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("dtSec must be finite and >= 0: " + dtSec);
        }
        for (int i = 0; i < n; i++) {
            boolean on = camkii.isOn(i);
            if (inducedFlag[i] || (on && !switchOn[i])) {
                if (inducedFlag[i] && inductionArmed[i]) {
                    inductionsSinceSync++;
                    inductionArmed[i] = false;
                }
                tag[i] = m.tagStages();
            }
            switchOn[i] = on;
            inducedFlag[i] = false;
            // anchoring: renewed while Q is (or was, within the step) above the threshold or the switch is ON; else
            // the hold, counted from the end of this step, runs down (threshold 0: always anchored, no gate)
            boolean anchored = anchorHoldSec[i] > 0 || m.anchoringQMicroMolarSec() <= 0;
            if (anchorFlag[i] || aboveAnchor[i] || (on && anchorHoldSec[i] > 0)) {
                anchorHoldSec[i] = m.anchoringHoldSec() + dtSec;
                anchored = true;
            } else if (anchorHoldSec[i] > 0) {
                anchorHoldSec[i] = Math.max(0.0, anchorHoldSec[i] - dtSec);
            }
            anchorFlag[i] = false;
            if (primingFlag[i]) {
                primed[i] = true;
                primingFlag[i] = false;
            }
            // growth capacity is never given back (only an insertion uses it), so a spine without it has no use for
            // the drive again: its autonomous count is not read (in silence a read draws CaMKII's lumped CaM chains)
            double driveEnd = growth[i] > 0 ? m.drive(autonomousFraction(camkii, i)) : 0.0;
            double pp1End = camkii.pp1ActivityFactor(i);
            double drive = 0.5 * (driveStart[i] + driveEnd);
            double pp1 = 0.5 * (pp1Start[i] + pp1End);
            driveStart[i] = driveEnd;
            pp1Start[i] = pp1End;
            advanceSpine(i, dtSec, anchored ? drive : 0.0, pp1);
        }
    }

    /** Exact SSA of one spine over dtSec with frozen drives. */
    private void advanceSpine(int i, double dtSec, double drive, double pp1) {
        final double above = Math.max(0.0, pp1 - 1.0);
        final double endoHz = m.endocytosisHz() * (1 + m.endocytosisGain() * above);

        final double insertHz = pp1 > 0 ? m.insertionHz() * drive / Math.max(1.0, pp1) : 0.0;
        final double slotLossHz = m.slotRemovalHz() * above;
        final double captureHz = m.captureHz() * proteinFactor;
        final double phosphatase = 1 + m.endocytosisGain() * above;
        final double nmdaInHz = m.nmdaInsertionHz() / Math.max(1.0, pp1);
        final double nmdaOutHz = m.nmdaReturnHz() * phosphatase;
        double resid = residual[i];
        double remaining = dtSec;
        boolean changedSlots = false;
        while (true) {
            // prepare: propensities of the spine's reactions at its current counts
            final int syn = s2[i] + scp[i];
            final int u = unconsolidatedTotal[i];
            final int slots = stable[i] + u;
            final int free = Math.max(0, slots - syn);
            final double a0e = exoHz * r2[i] * free;
            final double a1 = a0e + endoHz * s2[i];
            final double a2 = a1 + endoHz * scp[i];
            final double a3 = a2 + (r2[i] > 0 ? m.cpReplacementHz() * scp[i] : 0.0);
            final double a4 = a3 + (rcp[i] > 0 ? insertHz * growth[i] : 0.0);
            final double a5 = a4 + m.unconsolidatedStageHz() * u;
            final double a6 = a5 + (tag[i] > 0 ? captureHz * u : 0.0);
            final double a7 = a6 + slotLossHz * slots;
            final double a8 = a7 + (tag[i] > 0 ? m.tagStageHz() : 0.0);
            final double a9 = a8 + (primed[i] ? nmdaInHz * nmdaReserve[i] : 0.0);
            final double a10 = a9 + nmdaOutHz * Math.max(0, nmdaSynaptic[i] - nmdaInitial[i]);
            final double a0 = a10 + (primed[i] ? m.primingHz() : 0.0);
            // select tau: does the integrated hazard reach the residual within the step?
            if (!(a0 * remaining > resid)) {
                resid -= a0 * remaining;
                break;
            }
            remaining -= resid / a0;
            if (remaining < 0) {
                remaining = 0;
            }
            // select and fire one reaction
            double target = rng.nextDouble() * a0;
            int reaction;
            if (target < a0e) {
                reaction = EXO;
            } else if (target < a1) {
                reaction = ENDO_CI;
            } else if (target < a2) {
                reaction = ENDO_CP;
            } else if (target < a3) {
                reaction = SWAP;
            } else if (target < a4) {
                reaction = INSERT;
            } else if (target < a5) {
                reaction = SLOT_STAGE;
            } else if (target < a6) {
                reaction = CAPTURE;
            } else if (target < a7) {
                reaction = SLOT_LOSS;
            } else if (target < a8) {
                reaction = TAG_DECAY;
            } else if (target < a9) {
                reaction = NMDA_IN;
            } else if (target < a10) {
                reaction = NMDA_OUT;
            } else {
                reaction = UNPRIME;
            }
            changedSlots |= fire(i, reaction);
            reactionCounts[reaction]++;
            resid = exp.sample();
        }
        residual[i] = resid;
        if (changedSlots) {
            updateCalciumScale(i);
        }
    }

    /** Fires one reaction of spine i; returns whether its slot count changed. */
    private boolean fire(int i, int reaction) {
        switch (reaction) {
            case EXO -> {
                r2[i]--;
                s2[i]++;
                ciIds.add(i, ampa.insert(i));
            }
            case ENDO_CI -> {
                s2[i]--;
                r2[i]++;
                ampa.remove(ciIds.removeRandom(i, rng));
            }
            case ENDO_CP -> {
                scp[i]--;
                rcp[i]++;
                ampaCp.remove(cpIds.removeRandom(i, rng));
            }
            case SWAP -> {
                scp[i]--;
                rcp[i]++;
                ampaCp.remove(cpIds.removeRandom(i, rng));
                r2[i]--;
                s2[i]++;
                ciIds.add(i, ampa.insert(i));
            }
            case INSERT -> {
                rcp[i]--;
                growth[i]--;
                scp[i]++;
                cpEverInserted[i] = true;
                cpIds.add(i, ampaCp.insert(i));
                unconsolidated[i * stages]++;
                unconsolidatedTotal[i]++;
                return true;
            }
            case SLOT_STAGE -> {
                int stage = pickStage(i);
                unconsolidated[i * stages + stage]--;
                if (stage + 1 < stages) {
                    unconsolidated[i * stages + stage + 1]++;
                } else {
                    unconsolidatedTotal[i]--;
                    evictIfCrowded(i);
                    return true;
                }
            }
            case CAPTURE -> {
                int stage = pickStage(i);
                unconsolidated[i * stages + stage]--;
                unconsolidatedTotal[i]--;
                stable[i]++;
                capturesSinceSync++;
            }
            case SLOT_LOSS -> {
                int slots = stable[i] + unconsolidatedTotal[i];
                if (rng.nextInt(slots) < stable[i]) {
                    stable[i]--;
                } else {
                    unconsolidated[i * stages + pickStage(i)]--;
                    unconsolidatedTotal[i]--;
                }
                evictIfCrowded(i);
                return true;
            }
            case TAG_DECAY -> tag[i]--;
            case NMDA_IN -> {
                nmdaReserve[i]--;
                nmdaSynaptic[i]++;
                nmdaIds.add(i, nmda.insert(i));
            }
            case NMDA_OUT -> {
                nmdaSynaptic[i]--;
                nmdaReserve[i]++;
                nmda.remove(nmdaIds.removeRandom(i, rng));
            }
            case UNPRIME -> primed[i] = false;
            default -> throw new AssertionError(reaction);
        }
        return false;
    }

    /** A stage of one of the spine's unconsolidated slots, chosen uniformly among them (one uniform). */
    private int pickStage(int i) {
        int k = rng.nextInt(unconsolidatedTotal[i]);
        int base = i * stages;
        for (int j = 0; j < stages; j++) {
            k -= unconsolidated[base + j];
            if (k < 0) {
                return j;
            }
        }
        throw new AssertionError("stage counts do not add up at spine " + i);
    }

    /** After a slot was lost: if receptors now outnumber slots, one goes to its reserve. */
    private void evictIfCrowded(int i) {
        int syn = s2[i] + scp[i];
        if (syn <= stable[i] + unconsolidatedTotal[i]) {
            return;
        }
        if (rng.nextInt(syn) < scp[i]) {
            scp[i]--;
            rcp[i]++;
            ampaCp.remove(cpIds.removeRandom(i, rng));
        } else {
            s2[i]--;
            r2[i]++;
            ampa.remove(ciIds.removeRandom(i, rng));
        }
    }

    private void updateCalciumScale(int i) {
        double ratio = (double) (stable[i] + unconsolidatedTotal[i]) / m.stableSlots();
        calciumScale[i] = m.volumeExponent() == 0 || ratio <= 0 ? 1.0 : Math.pow(ratio, -m.volumeExponent());
    }

    // ---------------------------------------------------------------- readouts

    public int spineCount() {
        return n;
    }

    /** Synaptic AMPARs (both kinds): the weight in units of one receptor's conductance. */
    public int synapticAmpa(int spine) {
        return s2[spine] + scp[spine];
    }

    public int synapticGluA2Lacking(int spine) {
        return scp[spine];
    }

    public int reserveAmpa(int spine) {
        return r2[spine] + rcp[spine];
    }

    public int slots(int spine) {
        return stable[spine] + unconsolidatedTotal[spine];
    }

    public int stableSlots(int spine) {
        return stable[spine];
    }

    public int unconsolidatedSlots(int spine) {
        return unconsolidatedTotal[spine];
    }

    public int growthLeft(int spine) {
        return growth[spine];
    }

    public boolean tagged(int spine) {
        return tag[spine] > 0;
    }

    public boolean primed(int spine) {
        return primed[spine];
    }

    public int synapticNmda(int spine) {
        return nmdaSynaptic[spine];
    }

    public int reserveNmda(int spine) {
        return nmdaReserve[spine];
    }

    /** Calcium per unit of Ca current relative to the unstimulated spine: 1 / relative head volume. */
    public double calciumScale(int spine) {
        return calciumScale[spine];
    }

    /** Relative head volume (slots / stable slots of an unstimulated spine)^exponent. */
    public double relativeVolume(int spine) {
        return 1.0 / calciumScale[spine];
    }

    /** Reactions fired so far, by kind (see the constants). */
    public long[] reactionCounts() {
        return reactionCounts.clone();
    }

    /**
     * The invariants, or a message naming the first one broken: per spine S2 + Scp + R2 + Rcp and NS + NR keep their
     * initial totals, no count is negative, and the channel populations hold exactly the synaptic receptors.
     */
    public String checkConservation() {
        for (int i = 0; i < n; i++) {
            int initialAmpa = ciIds.initial(i) + m.reserveGluA2() + m.reserveGluA1();
            if (s2[i] + scp[i] + r2[i] + rcp[i] != initialAmpa) {
                return "spine " + i + ": AMPARs " + (s2[i] + scp[i] + r2[i] + rcp[i]) + " != " + initialAmpa;
            }
            if (nmdaSynaptic[i] + nmdaReserve[i] != nmdaInitial[i] + m.nmdaReserve()) {
                return "spine " + i + ": NMDARs " + (nmdaSynaptic[i] + nmdaReserve[i]) + " != "
                        + (nmdaInitial[i] + m.nmdaReserve());
            }
            if (Math.min(Math.min(s2[i], scp[i]), Math.min(r2[i], rcp[i])) < 0 || stable[i] < 0 || growth[i] < 0
                    || nmdaSynaptic[i] < 0 || nmdaReserve[i] < 0 || unconsolidatedTotal[i] < 0) {
                return "spine " + i + ": a negative count";
            }
            int sum = 0;
            for (int j = 0; j < stages; j++) {
                sum += unconsolidated[i * stages + j];
            }
            if (sum != unconsolidatedTotal[i]) {
                return "spine " + i + ": unconsolidated stages add to " + sum + ", total " + unconsolidatedTotal[i];
            }
            if (ampa.channelCount(i) != s2[i] || ampaCp.channelCount(i) != scp[i]
                    || nmda.channelCount(i) != nmdaSynaptic[i]) {
                return "spine " + i + ": channels " + ampa.channelCount(i) + "/" + ampaCp.channelCount(i) + "/"
                        + nmda.channelCount(i) + " != receptors " + s2[i] + "/" + scp[i] + "/" + nmdaSynaptic[i];
            }
            if (s2[i] + scp[i] > stable[i] + unconsolidatedTotal[i]) {
                return "spine " + i + ": " + (s2[i] + scp[i]) + " receptors in " + (stable[i] + unconsolidatedTotal[i])
                        + " slots";
            }
        }
        return null;
    }

    /**
     * Channel ids per spine, for one population: a flat array with a fixed capacity per spine that doubles when
     * full. The initial channels of spine i are the ids the population handed out at construction, in spine order.
     */
    private static final class IdLists {
        private final int[] count;
        private final int[] initial;
        private int[][] ids;

        private IdLists(int spines) {
            count = new int[spines];
            initial = new int[spines];
            ids = new int[spines][];
        }

        static IdLists of(ChannelPopulation population) {
            int spines = population.spineCount();
            IdLists lists = new IdLists(spines);
            int id = 0;
            for (int i = 0; i < spines; i++) {
                int c = population.channelCount(i);
                lists.ids[i] = new int[Math.max(4, c + c / 2)];
                for (int k = 0; k < c; k++, id++) {
                    if (!population.isLive(id) || population.spineOf(id) != i) {
                        throw new IllegalStateException("the channel kernel does not number its initial channels in "
                                + "spine order (id " + id + ")");
                    }
                    lists.ids[i][k] = id;
                }
                lists.count[i] = c;
                lists.initial[i] = c;
            }
            return lists;
        }

        int initial(int spine) {
            return initial[spine];
        }

        void add(int spine, int id) {
            if (count[spine] == ids[spine].length) {
                ids[spine] = Arrays.copyOf(ids[spine], ids[spine].length * 2);
            }
            ids[spine][count[spine]++] = id;
        }

        /** Removes a uniformly chosen id of the spine (one bounded int) and returns it. */
        int removeRandom(int spine, UniformRandomProvider rng) {
            int c = count[spine];
            if (c == 0) {
                throw new IllegalStateException("no channel to remove at spine " + spine);
            }
            int k = rng.nextInt(c);
            int id = ids[spine][k];
            ids[spine][k] = ids[spine][c - 1];
            count[spine] = c - 1;
            return id;
        }
    }
}
