package org.ltpsim.camkii;

import static org.ltpsim.camkii.SubunitLayout.PER_HOLOENZYME;
import static org.ltpsim.camkii.SubunitLayout.left;
import static org.ltpsim.camkii.SubunitLayout.right;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ltpsim.simd.CamkiiHazardKernel;
import org.ltpsim.simd.CamkiiStepRates;
import org.ltpsim.simd.CamkiiStepState;
import org.ltpsim.simd.VectorizationProvider;

/**
 * CaMKII holoenzymes subunit by subunit: the four-state ring scheme of Lisman and Zhabotinsky (Zhabotinsky 2000;
 * Miller, Zhabotinsky, Lisman and Wang 2005), with Ca2+/calmodulin binding made an explicit reversible step.
 *
 * <p>States of a subunit (one byte): {@link #INACTIVE}; {@link #CAM} (Ca2+/CaM bound, active, T286 free);
 * {@link #PHOSPHO_CAM} (T286-phosphorylated, CaM still bound: "trapped"); {@link #AUTONOMOUS} (T286-phosphorylated,
 * no CaM: calcium-independent activity). Reactions of one subunit, calcium {@code Ca} frozen over a step:
 * <pre>
 *   INACTIVE    -> CAM          kon(Ca) = onMax Ca^n / (Ca^n + K^n)           Ca2+/CaM binding
 *   CAM         -> INACTIVE     off                                            CaM unbinding
 *   CAM         -> PHOSPHO_CAM  auto, only if the left ring neighbour is active T286 autophosphorylation
 *   PHOSPHO_CAM -> AUTONOMOUS   offTrapped                                     CaM unbinding (trapping)
 *   AUTONOMOUS  -> PHOSPHO_CAM  kon(Ca)                                        CaM rebinding
 *   PHOSPHO_CAM -> CAM    }     Vmax / (Km + P), P = phosphorylated count      PP1, Michaelis-Menten: the
 *   AUTONOMOUS  -> INACTIVE }                                                  spine's total flux Vmax P/(Km+P)
 *   (Vmax = resting capacity x free PP1 fraction from the spine's inhibitor-1 state, see below)
 *   holoenzyme  -> 12 x INACTIVE  turnover                                     replacement (optional)
 * </pre>
 * Autophosphorylation is intersubunit (Hanson et al. 1994; Rich and Schulman 1998): the catalysing subunit is the
 * left-hand ring neighbour ({@code k-1 mod 6}), which must itself be active (CaM-bound or phosphorylated). An
 * isolated CaM-bound subunit therefore cannot start the switch: initiation needs two adjacent CaM-bound
 * subunits, which makes activation steeply calcium dependent, while a phosphorylated subunit keeps its right
 * neighbour phosphorylatable after calcium has fallen (the memory). Saturation of PP1 by the many phosphorylated
 * subunits of an ON spine is what makes the ON state stable (Lisman and Zhabotinsky 2001; Miller et al. 2005).
 *
 * <p>PP1 under calcium control (optional, {@link CamkiiParameters#pp1CalciumControl()}; Lisman 1989, Zhabotinsky
 * 2000): per spine the phosphorylated inhibitor-1 fraction p relaxes by {@code dp/dt = kPKA (1 - p) - kCaN h(Ca) p}
 * (calcineurin activity h a Hill function of calcium), integrated exactly over every step at that step's calcium
 * (the step kernel's Taylor form of exp(-k dt) for k dt <= 1e-3, {@code Math.exp} across silent jumps); PP1's Vmax
 * for a step follows the free PP1 of the tight-binding PP1 / phospho-I1 equilibrium at the step's start
 * ({@link CamkiiParameters#pp1FreeFraction(double)}). Modest sustained calcium frees PP1 (LTD side),
 * a brief high pulse barely moves p and the kinase wins.
 *
 * <p>Exact SSA per spine: the subunits sit in five reaction classes ({@link ClassPartition}), all members of a
 * class having the same reactions at the same rates, so the total propensity is a sum over five classes and an
 * event draws its class, its subunit (uniform within the class) and its reaction from one uniform number. The
 * event-free part of every fast step (kon, Vmax, phospho-I1 and the integrated hazard of every spine) is one pass of
 * {@link CamkiiHazardKernel#step} over the block (scalar or Vector API, bitwise equal); spines with an event then
 * run the event loop in ascending order. An
 * event consumes one uniform and one Exp(1) (ziggurat) variate and touches at most three subunits: O(1).
 */
final class HoloenzymePopulation extends TrackedPopulation implements CamkiiPopulation {
    static final byte INACTIVE = 0;
    static final byte CAM = 1;
    static final byte PHOSPHO_CAM = 2;
    static final byte AUTONOMOUS = 3;

    // Reaction classes, ordered so that the common transitions cross one boundary.
    static final int K_CAM_ISOLATED = 0; // CAM, left neighbour inactive: can only lose CaM
    static final int K_INACTIVE = 1;
    static final int K_CAM_PRIMED = 2; // CAM, left neighbour active: can be autophosphorylated
    static final int K_PHOSPHO_CAM = 3;
    static final int K_AUTONOMOUS = 4;
    static final int CLASSES = 5;
    /** Subunit states, members and positions (bytes in all) above which events read the next busy spine ahead. */
    static final long READ_AHEAD_ABOVE_BYTES = 1 << 20;

    private final byte[] state;
    private final ClassPartition part;
    /** Per-spine arrays of the step kernel: propensity coefficients, phospho-I1, residual, kon and Vmax. */
    private final CamkiiStepState st;
    /** The kernel's rate constants; null when a Hill coefficient is not a whole number 1..8 (scalar path). */
    private final CamkiiStepRates rates;
    private final UniformRandomProvider rng;
    private final ContinuousSampler exp;
    private final CamkiiParameters parameters;
    private final CamkiiHazardKernel hazardKernel;
    private final int[] pending;
    /**
     * Whether {@link #advance} reads the next busy spine's subunit lines ahead ({@link #touch}): by default when the
     * subunit arrays outgrow a core's L2 cache ({@link #READ_AHEAD_ABOVE_BYTES}; 10,000 spines of 192 subunits take
     * 5.8 MB), where an event otherwise waits on main memory for each of its lines.
     */
    private final boolean readAhead;
    private int touchedSum; // the sum of the reads ahead, kept so that the compiler cannot drop them
    /**
     * Lumped silence ({@link #advanceSilence}), per spine: the autonomous count of its "settled" phosphorylated
     * subunits ({@link #lumpedPhosphorylated} of them) at {@link #lumpedAtSec}, their CaM chains not drawn since;
     * -1 when the spine is not lumped (its states are exact). Subunits phosphorylated since are listed apart
     * ({@link #newcomers}), each CaM-bound at its own time.
     */
    private final int[] lumpedAutonomous;
    private final int[] lumpedPhosphorylated;
    private final double[] lumpedAtSec;
    private NewcomerLists newcomers; // made at the first lumped step
    private double lumpedKonHz = Double.NaN; // kon of the lumped spines' CaM chains (the silence's calcium)
    private boolean anyLumped; // whether some spine's lumpedAutonomous may be >= 0 (settleAll's fast exit)

    private final double offHz;
    private final double offTrappedHz;
    private final double autoHz;
    private final double vmaxHz;
    private final double kmSubunits;
    private final double turnoverPerHoloHz;
    private final boolean pp1CalciumControl;
    private final double i1PkaHz;
    private final double i1CanMaxHz;
    private final double vmaxPerFreeHz; // Vmax at rest / free PP1 fraction at rest: Vmax(p) = this * free(p)

    private double[] uniformCa; // advanceUniform's calcium array (kernel-sized steps)
    private final CamChains readChains = new CamChains(); // the CaM chains since the last read (often one grid step)
    private final CamChains chains = new CamChains(); // over any other interval

    HoloenzymePopulation(CamkiiParameters parameters, int spines, int holoenzymes, UniformRandomProvider rng,
            boolean keepLifetimes) {
        this(parameters, spines, holoenzymes, rng, keepLifetimes,
                VectorizationProvider.getInstance().camkiiHazardKernel());
    }

    HoloenzymePopulation(CamkiiParameters parameters, int spines, int holoenzymes, UniformRandomProvider rng,
            boolean keepLifetimes, CamkiiHazardKernel hazardKernel) {
        this(parameters, spines, holoenzymes, rng, keepLifetimes, hazardKernel,
                subunitBytes(spines, holoenzymes) > READ_AHEAD_ABOVE_BYTES);
    }

    /** Bytes of subunit state, members and positions of a population (3 a subunit at <= 256 per spine, else 9). */
    static long subunitBytes(int spines, int holoenzymes) {
        int perSpine = Math.multiplyExact(holoenzymes, PER_HOLOENZYME);
        return (long) spines * perSpine * (1 + ClassPartition.bytesPerSubunit(perSpine));
    }

    /** @param readAhead whether events read the next busy spine ahead (a speed choice: the results are the same) */
    HoloenzymePopulation(CamkiiParameters parameters, int spines, int holoenzymes, UniformRandomProvider rng,
            boolean keepLifetimes, CamkiiHazardKernel hazardKernel, boolean readAhead) {
        super(spines, holoenzymes, parameters.onFraction(), parameters.offFraction(), parameters.ltpMinOnSec(),
                keepLifetimes);
        this.parameters = parameters;
        this.hazardKernel = hazardKernel;
        this.pending = new int[spines];
        this.lumpedAutonomous = new int[spines];
        this.lumpedPhosphorylated = new int[spines];
        this.lumpedAtSec = new double[spines];
        Arrays.fill(lumpedAutonomous, -1);
        this.state = new byte[Math.multiplyExact(spines, perSpine)];
        this.part = ClassPartition.of(spines, perSpine, CLASSES, K_INACTIVE);
        this.readAhead = readAhead;
        this.st = new CamkiiStepState(spines);
        this.rng = rng;
        this.exp = ZigguratSampler.Exponential.of(rng);
        this.offHz = parameters.camOffHz();
        this.offTrappedHz = parameters.camOffTrappedHz();
        this.autoHz = parameters.effectiveAutoHz();
        this.vmaxHz = parameters.pp1VmaxHz(holoenzymes);
        this.kmSubunits = parameters.pp1KmSubunits(holoenzymes);
        this.turnoverPerHoloHz = parameters.turnoverPerHour() / 3600.0;
        this.pp1CalciumControl = parameters.pp1CalciumControl();
        this.i1PkaHz = parameters.i1PkaHz();
        this.i1CanMaxHz = parameters.i1CanMaxHz();
        double i1Rest = parameters.i1PhosphoSteady(parameters.pp1RestMicroMolar());
        this.vmaxPerFreeHz = vmaxHz / parameters.pp1FreeFraction(i1Rest);
        this.rates = stepRates(parameters, holoenzymes);
        Arrays.fill(st.i1Phospho, i1Rest);
        for (int spine = 0; spine < spines; spine++) {
            st.residual[spine] = exp.sample();
            updateCoefficients(spine);
        }
    }

    /** The kernel's constants, or null when a Hill coefficient is not a whole number 1..8. */
    static CamkiiStepRates stepRates(CamkiiParameters parameters, int holoenzymes) {
        int hill = wholeHill(parameters.camHill());
        int canHill = wholeHill(parameters.canHill());
        boolean control = parameters.pp1CalciumControl();
        if (hill == 0 || (control && canHill == 0)) {
            return null;
        }
        double vmaxHz = parameters.pp1VmaxHz(holoenzymes);
        double i1Rest = parameters.i1PhosphoSteady(parameters.pp1RestMicroMolar());
        return new CamkiiStepRates(parameters.camOnMaxHz(), parameters.camHalfMicroMolar(), hill, control,
                Math.max(1, canHill), parameters.canHalfMicroMolar(), parameters.i1PkaHz(), parameters.i1CanMaxHz(),
                parameters.pp1OverI1(), parameters.i1InhibitionRatio(), vmaxHz / parameters.pp1FreeFraction(i1Rest),
                vmaxHz, parameters.pp1KmSubunits(holoenzymes));
    }

    private static int wholeHill(double hill) {
        return hill == Math.rint(hill) && hill >= 1 && hill <= 8 ? (int) hill : 0;
    }

    CamkiiParameters parameters() {
        return parameters;
    }

    @Override
    public void advance(double dtSec, double[] caMicroMolar) {
        checkStep(dtSec);
        settleAll();
        if (caMicroMolar.length < spines) {
            throw new IllegalArgumentException("need calcium for " + spines + " spines, got " + caMicroMolar.length);
        }
        if (rates == null || !rates.fitsOneStep(dtSec)) {
            // a Hill coefficient the kernel cannot take, or a step too long for its Taylor form of the I1
            // relaxation: spine by spine with Math.exp, exactly as advanceUniform does
            for (int spine = 0; spine < spines; spine++) {
                advanceSpineAlone(spine, dtSec, caMicroMolar[spine]);
            }
            timeSec += dtSec;
            return;
        }
        // one pass over all spines (kon, Vmax, phospho-I1, hazard); spines with an event run the event loop in
        // ascending order (the order in which they draw random numbers, whichever kernel ran)
        int busy = hazardKernel.step(rates, dtSec, caMicroMolar, st, spines, pending);
        int touched = 0;
        for (int k = 0; k < busy; k++) {
            int spine = pending[k];
            if (readAhead && k + 1 < busy) {
                touched += touch(pending[k + 1]);
            }
            assert validCalcium(caMicroMolar[spine]) : "calcium " + caMicroMolar[spine] + " uM at spine " + spine;
            advanceSpine(spine, dtSec, st.konHz[spine], st.vmaxHz[spine]);
        }
        touchedSum += touched;
        timeSec += dtSec;
    }

    /**
     * As {@link #advance} with every spine at {@code caMicroMolar}, and the same arithmetic: a step the kernel can take
     * runs through it (so both calls give the same bits), a longer one (a silent jump) spine by spine with the exact
     * phospho-I1 relaxation ({@code Math.exp}).
     */
    @Override
    public void advanceUniform(double dtSec, double caMicroMolar) {
        checkStep(dtSec);
        checkCalcium(caMicroMolar);
        settleAll();
        if (rates != null && rates.fitsOneStep(dtSec) && spines > 0) {
            if (uniformCa == null || uniformCa[0] != caMicroMolar) {
                uniformCa = new double[spines];
                Arrays.fill(uniformCa, caMicroMolar);
            }
            advance(dtSec, uniformCa);
            return;
        }
        for (int spine = 0; spine < spines; spine++) {
            advanceSpineAlone(spine, dtSec, caMicroMolar);
        }
        timeSec += dtSec;
    }

    /**
     * A silent stretch at constant calcium, lumped: the CaM binding and unbinding of T286-phosphorylated subunits
     * (AUTONOMOUS to PHOSPHO_CAM and back, most of an ON spine's events at rest) are not simulated one by one. Neither
     * reaction changes a subunit's phosphorylation or activity, and no other rate depends on them, so the one outcome
     * they decide is that of a dephosphorylation (PHOSPHO_CAM to CAM, AUTONOMOUS to INACTIVE); and each phosphorylated
     * subunit's CaM is an independent two-state chain while it stays phosphorylated. So the rest of the scheme runs as
     * an exact SSA without them, and a chain is drawn only when its outcome is needed, over the whole time since it was
     * last known (the chains are Markov: one draw over the interval has the distribution of any finer sequence):
     * <ul>
     * <li>the spine's phosphorylated subunits as of {@code lumpedAtSec} are exchangeable, A of P autonomous then. A
     *     dephosphorylation picks one uniformly: autonomous then with probability A / P (one bounded int), now by its
     *     chain's transition since (one uniform); the others stay as they were, A or A - 1 of P - 1;</li>
     * <li>a subunit phosphorylated during the silence is CaM-bound at that time, its chain kept apart
     *     ({@link NewcomerLists}) and drawn alone (one uniform) if it is dephosphorylated;</li>
     * <li>a read of the count ({@link #autonomousSubunits}) draws everything to the present: Bin(A, P(auto to CaM))
     *     leave and Bin(P - A, P(CaM to auto)) join, one uniform per newcomer, and the count then covers them all.</li>
     * </ul>
     * The counts (phosphorylated, autonomous, active) so have their exact distribution at every event and every read,
     * and a silent step with no event and no read costs O(1) and no random number. What is not kept: which of the
     * subunits known at a read carry CaM. A dephosphorylated one is autonomous with the right probability, but no
     * longer more likely CaM-bound for having been phosphorylated within the last few seconds before that read
     * (1/(kon + off_trapped) = 4 s at rest); and when the spine leaves silence the count is dealt to subunits picked at
     * random ({@link #settle}). Tested against the exact kernel (switch lifetimes; the ON state over an hour, read at
     * every step or only at the end): LumpedSilenceTest.
     */
    @Override
    public void advanceSilence(double dtSec, double caMicroMolar) {
        checkStep(dtSec);
        checkCalcium(caMicroMolar);
        // the same for every spine: kon, the I1 relaxation
        final double kon = rates != null ? rates.konHz(caMicroMolar) : parameters.camOnHz(caMicroMolar);
        if (anyLumped && kon != lumpedKonHz) {
            settleAll(); // the chains drawn so far ran at the previous silence's kon
        }
        lumpedKonHz = kon;
        if (newcomers == null) {
            newcomers = new NewcomerLists(spines, perSpine);
        }
        final double i1Hz = i1PkaHz + i1CanMaxHz * calcineurinActivity(caMicroMolar);
        final double i1Steady = i1PkaHz / i1Hz;
        final double i1Decay = Math.exp(-i1Hz * dtSec);
        for (int spine = 0; spine < spines; spine++) {
            double p = st.i1Phospho[spine];
            double vmax = rates != null ? rates.vmaxHz(p)
                    : pp1CalciumControl ? vmaxPerFreeHz * parameters.pp1FreeFraction(p) : vmaxHz;
            advanceSpineLumped(spine, dtSec, kon, vmax);
            if (pp1CalciumControl) {
                st.i1Phospho[spine] = i1Steady + (p - i1Steady) * i1Decay;
            }
        }
        timeSec += dtSec;
        anyLumped = true;
    }

    /**
     * {@link #advanceSpine} without the CaM reactions of phosphorylated subunits (see {@link #advanceSilence}): the
     * remaining propensity against the Exp(1) residual; a phosphorylation lists the subunit as a newcomer, a
     * dephosphorylation draws the one chain it needs. The subunits' states are made to agree with the counts when the
     * spine leaves silence ({@link #settle}); the kernel's coefficients then too.
     */
    private void advanceSpineLumped(int spine, double dtSec, double konHz, double vmaxHz) {
        final double offHz = this.offHz;
        final double primedHz = offHz + autoHz;
        final double turnoverHz = turnoverPerHoloHz * holoenzymes;
        final ClassPartition part = this.part;
        if (lumpedAutonomous[spine] < 0) {
            startLumping(spine, timeSec);
        }
        double resid = st.residual[spine];
        double remaining = dtSec;
        while (true) {
            // prepare: class propensities, phosphorylated subunits' CaM left out
            final int nIsolated = part.count(spine, K_CAM_ISOLATED);
            final int nInactive = part.count(spine, K_INACTIVE);
            final int nPrimed = part.count(spine, K_CAM_PRIMED);
            final int nPhosphoCam = part.count(spine, K_PHOSPHO_CAM);
            final int phosphorylated = nPhosphoCam + part.count(spine, K_AUTONOMOUS);
            final double dephosHz = phosphorylated == 0 ? 0.0 : vmaxHz / (kmSubunits + phosphorylated);
            final double c1 = nInactive * konHz;
            final double c2 = c1 + nPrimed * primedHz;
            final double c3 = c2 + nIsolated * offHz;
            final double c4 = c3 + phosphorylated * dephosHz;
            final double a0 = c4 + turnoverHz;
            // select tau
            if (!(a0 * remaining > resid)) {
                resid -= a0 * remaining;
                break;
            }
            remaining -= resid / a0;
            if (remaining < 0) {
                remaining = 0;
            }
            final double eventSec = timeSec + (dtSec - remaining);
            // select and fire the reaction (u a0 can exceed c4 + turnover by rounding: draw again)
            while (true) {
                final double target = rng.nextDouble() * a0;
                if (target < c1) {
                    setState(spine, part.member(spine, K_INACTIVE, index(target / konHz, nInactive)), CAM);
                } else if (target < c2) {
                    double x = (target - c1) / primedHz;
                    int index = index(x, nPrimed);
                    int i = part.member(spine, K_CAM_PRIMED, index);
                    if ((x - index) * primedHz < offHz) {
                        setState(spine, i, INACTIVE);
                    } else {
                        setState(spine, i, PHOSPHO_CAM); // joins with CaM bound
                        newcomers.add(spine, i, eventSec);
                        tracker.update(spine, phosphorylated + 1, eventSec);
                    }
                } else if (target < c3) {
                    setState(spine, part.member(spine, K_CAM_ISOLATED, index((target - c2) / offHz, nIsolated)),
                            INACTIVE);
                } else if (target < c4) {
                    // PP1: a phosphorylated subunit picked uniformly; its chain decides whether it was autonomous
                    int index = index((target - c3) / dephosHz, phosphorylated);
                    int i = index < nPhosphoCam ? part.member(spine, K_PHOSPHO_CAM, index)
                            : part.member(spine, K_AUTONOMOUS, index - nPhosphoCam);
                    setState(spine, i, autonomousAt(spine, i, eventSec, konHz) ? INACTIVE : CAM);
                    tracker.update(spine, phosphorylated - 1, eventSec);
                } else if (target < a0 && turnoverHz > 0) {
                    settle(spine, eventSec);
                    replaceHoloenzyme(spine, index((target - c4) / turnoverPerHoloHz, holoenzymes));
                    startLumping(spine, eventSec);
                    tracker.update(spine, phosphorylatedSubunits(spine), eventSec);
                } else {
                    continue; // target landed on a boundary by rounding: draw again
                }
                break;
            }
            events++;
            resid = exp.sample();
        }
        st.residual[spine] = resid;
    }

    /** The spine's states are exact now (at {@code atSec}): its counts become the lumped ones. */
    private void startLumping(int spine, double atSec) {
        assert newcomers.count(spine) == 0 : "spine " + spine + " starts lumping with newcomers";
        lumpedAutonomous[spine] = part.count(spine, K_AUTONOMOUS);
        lumpedPhosphorylated[spine] = phosphorylatedSubunits(spine);
        lumpedAtSec[spine] = atSec;
    }

    /**
     * Whether phosphorylated subunit {@code i} of a lumped spine, about to be dephosphorylated, is autonomous at
     * {@code atSec}; takes it out of the lumped counts. A newcomer: its own chain since it joined with CaM bound (one
     * uniform). One of the exchangeable settled subunits: autonomous at {@code lumpedAtSec} with probability A / P
     * (one bounded int), then its chain since (one uniform).
     */
    private boolean autonomousAt(int spine, int i, double atSec, double konHz) {
        int slot = newcomers.slotOf(spine, i);
        if (slot >= 0) {
            chains.set(atSec - newcomers.joinedSec(spine, slot), konHz, offTrappedHz);
            newcomers.remove(spine, slot);
            return rng.nextDouble() < chains.join;
        }
        int settled = lumpedPhosphorylated[spine];
        assert settled > 0 : "no settled phosphorylated subunit at spine " + spine;
        boolean wasAutonomous = rng.nextInt(settled) < lumpedAutonomous[spine];
        lumpedPhosphorylated[spine] = settled - 1;
        if (wasAutonomous) {
            lumpedAutonomous[spine]--;
        }
        chains.set(atSec - lumpedAtSec[spine], konHz, offTrappedHz);
        double u = rng.nextDouble();
        return wasAutonomous ? !(u < chains.leave) : u < chains.join;
    }

    /**
     * A lumped spine's exact autonomous count at {@code atSec} (see {@link #advanceSilence}): the settled subunits'
     * chains drawn over the time since (two binomial draws), each newcomer's alone (one uniform); all of them are
     * settled at {@code atSec} after.
     */
    private int drawLumped(int spine, double atSec) {
        final double konHz = lumpedKonHz;
        int autonomous = lumpedAutonomous[spine];
        int settled = lumpedPhosphorylated[spine];
        double sinceSec = atSec - lumpedAtSec[spine];
        if (settled > 0 && sinceSec > 0) {
            if (!readChains.isSet(sinceSec, konHz)) {
                readChains.set(sinceSec, konHz, offTrappedHz);
            }
            autonomous = readChains.draw(rng, autonomous, settled);
        }
        for (int k = 0, n = newcomers.count(spine); k < n; k++) {
            chains.set(atSec - newcomers.joinedSec(spine, k), konHz, offTrappedHz);
            if (rng.nextDouble() < chains.join) {
                autonomous++;
            }
        }
        assert settled + newcomers.count(spine) == phosphorylatedSubunits(spine) : "lumped counts at spine " + spine;
        newcomers.clear(spine);
        lumpedAutonomous[spine] = autonomous;
        lumpedPhosphorylated[spine] = phosphorylatedSubunits(spine);
        lumpedAtSec[spine] = atSec;
        return autonomous;
    }

    /** Makes every lumped spine's states agree with its exact autonomous count, in spine order. */
    private void settleAll() {
        if (!anyLumped) {
            return;
        }
        for (int spine = 0; spine < spines; spine++) {
            settle(spine, timeSec);
        }
        anyLumped = false;
    }

    /** Makes the spine's states agree with its exact autonomous count at {@code atSec}, if it is lumped. */
    private void settle(int spine, double atSec) {
        if (lumpedAutonomous[spine] >= 0) {
            relabel(spine, drawLumped(spine, atSec));
            lumpedAutonomous[spine] = -1;
            updateCoefficients(spine);
        }
    }

    /**
     * A phosphorylated subunit's CaM chain over one interval: the probabilities of leaving the autonomous state (CaM
     * binds) and of joining it (CaM leaves), shares of 1 - exp(-k dt), k = kon + off_trapped.
     */
    private static final class CamChains {
        private double dtSec = Double.NaN;
        private double konHz = Double.NaN;
        private double leave;
        private double join;

        /** Whether the chains were last set for this interval and kon. */
        boolean isSet(double dtSec, double konHz) {
            return this.dtSec == dtSec && this.konHz == konHz;
        }

        void set(double dtSec, double konHz, double offTrappedHz) {
            this.dtSec = dtSec;
            this.konHz = konHz;
            double k = konHz + offTrappedHz;
            double x = k * dtSec;
            // 1 - exp(-x); Taylor below 1e-3 (error < x^4 / 24 < 5e-14), where the difference would cancel
            double relaxed = x < 1e-3 ? x * (1 - x * (0.5 - x / 6)) : 1 - Math.exp(-x);
            leave = k > 0 ? konHz / k * relaxed : 0.0;
            join = k > 0 ? offTrappedHz / k * relaxed : 0.0;
        }

        /** The autonomous count after the interval: Bin(P - A, join) join, Bin(A, leave) leave. */
        int draw(UniformRandomProvider rng, int autonomous, int phosphorylated) {
            return autonomous + BinomialInversion.sample(rng, phosphorylated - autonomous, join)
                    - BinomialInversion.sample(rng, autonomous, leave);
        }
    }

    /** Makes the spine's autonomous state count {@code autonomous}, changing subunits picked at random. */
    private void relabel(int spine, int autonomous) {
        for (int net = autonomous - part.count(spine, K_AUTONOMOUS); net != 0; net -= Integer.signum(net)) {
            if (net > 0) {
                setState(spine, part.member(spine, K_PHOSPHO_CAM, rng.nextInt(part.count(spine, K_PHOSPHO_CAM))),
                        AUTONOMOUS);
            } else {
                setState(spine, part.member(spine, K_AUTONOMOUS, rng.nextInt(part.count(spine, K_AUTONOMOUS))),
                        PHOSPHO_CAM);
            }
            events++;
        }
    }

    private static void checkCalcium(double caMicroMolar) {
        if (!validCalcium(caMicroMolar)) {
            throw new IllegalArgumentException("calcium must be finite and >= 0 uM: " + caMicroMolar);
        }
    }

    private static boolean validCalcium(double caMicroMolar) {
        return caMicroMolar >= 0 && caMicroMolar < Double.POSITIVE_INFINITY;
    }

    /**
     * One spine over {@code dtSec} at constant calcium without the kernel (silent jumps, or Hill coefficients the
     * kernel cannot take): kon and Vmax at the start, the exact event loop, then phospho-I1 relaxed exactly
     * ({@code Math.exp}) over the interval.
     */
    private void advanceSpineAlone(int spine, double dtSec, double caMicroMolar) {
        assert validCalcium(caMicroMolar) : "calcium " + caMicroMolar + " uM at spine " + spine;
        double kon = rates != null ? rates.konHz(caMicroMolar) : parameters.camOnHz(caMicroMolar);
        double p = st.i1Phospho[spine];
        double vmax = rates != null ? rates.vmaxHz(p)
                : pp1CalciumControl ? vmaxPerFreeHz * parameters.pp1FreeFraction(p) : vmaxHz;
        advanceSpine(spine, dtSec, kon, vmax);
        if (pp1CalciumControl) {
            double k = i1PkaHz + i1CanMaxHz * calcineurinActivity(caMicroMolar);
            double steady = i1PkaHz / k;
            st.i1Phospho[spine] = steady + (p - steady) * Math.exp(-k * dtSec);
        }
    }

    /** Calcineurin activity h(Ca) = x / (1 + x), x = (Ca / K_CaN)^n. */
    private double calcineurinActivity(double caMicroMolar) {
        if (rates != null) {
            return rates.calcineurinActivity(caMicroMolar);
        }
        double x = Math.pow(caMicroMolar / parameters.canHalfMicroMolar(), parameters.canHill());
        return x / (1.0 + x);
    }

    /** The kernel's per-spine coefficients from the spine's class counts (after events). */
    private void updateCoefficients(int spine) {
        final int nIsolated = part.count(spine, K_CAM_ISOLATED);
        final int nInactive = part.count(spine, K_INACTIVE);
        final int nPrimed = part.count(spine, K_CAM_PRIMED);
        final int nPhosphoCam = part.count(spine, K_PHOSPHO_CAM);
        final int nAutonomous = part.count(spine, K_AUTONOMOUS);
        st.konWeight[spine] = nInactive + nAutonomous;
        st.constantHz[spine] = constantHz(nPrimed, nIsolated, nPhosphoCam);
        st.phosphorylated[spine] = nPhosphoCam + nAutonomous;
    }

    /** The part of a spine's propensity that depends neither on calcium nor on PP1. */
    private double constantHz(int nPrimed, int nIsolated, int nPhosphoCam) {
        return nPrimed * (offHz + autoHz) + nIsolated * offHz + nPhosphoCam * offTrappedHz
                + turnoverPerHoloHz * holoenzymes;
    }

    /**
     * Exact SSA of one spine over {@code dtSec} with kon and Vmax frozen: integrate the total propensity against the
     * Exp(1) residual; at each event pick the class, the subunit and the reaction from one uniform.
     */
    private void advanceSpine(int spine, double dtSec, double konHz, double vmaxHz) {
        final double offHz = this.offHz;
        final double primedHz = offHz + autoHz;
        final double offTrappedHz = this.offTrappedHz;
        final double turnoverHz = turnoverPerHoloHz * holoenzymes;
        final ClassPartition part = this.part;
        double resid = st.residual[spine];
        double remaining = dtSec;
        int fired = 0;
        while (true) {
            // prepare: class propensities
            final int nIsolated = part.count(spine, K_CAM_ISOLATED);
            final int nInactive = part.count(spine, K_INACTIVE);
            final int nPrimed = part.count(spine, K_CAM_PRIMED);
            final int nPhosphoCam = part.count(spine, K_PHOSPHO_CAM);
            final int nAutonomous = part.count(spine, K_AUTONOMOUS);
            final int phosphorylated = nPhosphoCam + nAutonomous;
            // total propensity in the kernel's form (CamkiiStepRates.totalHz), so that a spine the kernel found
            // quiet would be found quiet here too
            final double a0 = (double) (nInactive + nAutonomous) * konHz
                    + constantHz(nPrimed, nIsolated, nPhosphoCam)
                    + (double) phosphorylated * vmaxHz / (kmSubunits + (double) phosphorylated);
            // select tau: does the integrated hazard reach the residual within the step?
            if (!(a0 * remaining > resid)) {
                resid -= a0 * remaining;
                break;
            }
            final double dephosHz = phosphorylated == 0 ? 0.0 : vmaxHz / (kmSubunits + phosphorylated);
            final double c1 = nInactive * konHz;
            final double c2 = c1 + nPrimed * primedHz;
            final double c3 = c2 + nIsolated * offHz;
            final double c4 = c3 + nPhosphoCam * (offTrappedHz + dephosHz);
            final double c5 = c4 + nAutonomous * (konHz + dephosHz);
            final double c6 = c5 + turnoverHz;
            remaining -= resid / a0;
            if (remaining < 0) {
                remaining = 0;
            }
            final double eventSec = timeSec + (dtSec - remaining);
            // select and fire the reaction (u a0 can exceed c6 by rounding: draw again)
            while (true) {
                final double target = rng.nextDouble() * Math.min(a0, c6);
                if (target < c1) {
                    int i = part.member(spine, K_INACTIVE, index(target / konHz, nInactive));
                    refile(spine, i, CAM, K_INACTIVE, leftActive(spine, i) ? K_CAM_PRIMED : K_CAM_ISOLATED);
                    refileRight(spine, i, true);
                } else if (target < c2) {
                    double x = (target - c1) / primedHz;
                    int index = index(x, nPrimed);
                    int i = part.member(spine, K_CAM_PRIMED, index);
                    if ((x - index) * primedHz < offHz) {
                        refile(spine, i, INACTIVE, K_CAM_PRIMED, K_INACTIVE);
                        refileRight(spine, i, false);
                    } else {
                        refile(spine, i, PHOSPHO_CAM, K_CAM_PRIMED, K_PHOSPHO_CAM);
                        tracker.update(spine, phosphorylated + 1, eventSec);
                    }
                } else if (target < c3) {
                    int i = part.member(spine, K_CAM_ISOLATED, index((target - c2) / offHz, nIsolated));
                    refile(spine, i, INACTIVE, K_CAM_ISOLATED, K_INACTIVE);
                    refileRight(spine, i, false);
                } else if (target < c4) {
                    double rate = offTrappedHz + dephosHz;
                    double x = (target - c3) / rate;
                    int index = index(x, nPhosphoCam);
                    int i = part.member(spine, K_PHOSPHO_CAM, index);
                    if ((x - index) * rate < offTrappedHz) {
                        refile(spine, i, AUTONOMOUS, K_PHOSPHO_CAM, K_AUTONOMOUS);
                    } else {
                        refile(spine, i, CAM, K_PHOSPHO_CAM, leftActive(spine, i) ? K_CAM_PRIMED : K_CAM_ISOLATED);
                        tracker.update(spine, phosphorylated - 1, eventSec);
                    }
                } else if (target < c5) {
                    double rate = konHz + dephosHz;
                    double x = (target - c4) / rate;
                    int index = index(x, nAutonomous);
                    int i = part.member(spine, K_AUTONOMOUS, index);
                    if ((x - index) * rate < konHz) {
                        refile(spine, i, PHOSPHO_CAM, K_AUTONOMOUS, K_PHOSPHO_CAM);
                    } else {
                        refile(spine, i, INACTIVE, K_AUTONOMOUS, K_INACTIVE);
                        refileRight(spine, i, false);
                        tracker.update(spine, phosphorylated - 1, eventSec);
                    }
                } else if (target < c6 && turnoverHz > 0) {
                    int holo = index((target - c5) / turnoverPerHoloHz, holoenzymes);
                    replaceHoloenzyme(spine, holo);
                    tracker.update(spine, phosphorylatedSubunits(spine), eventSec);
                } else {
                    continue; // target landed on a boundary by rounding: draw again
                }
                break;
            }
            events++;
            fired++;
            resid = exp.sample();
        }
        st.residual[spine] = resid;
        if (fired > 0) {
            updateCoefficients(spine);
        }
    }

    /**
     * Reads every 64th byte (a cache line's worth) of the spine's subunit states, member list and positions, and
     * returns their sum: called for the next busy spine before this one's events run, so that its lines arrive
     * meanwhile (Java has no prefetch instruction; the reads change nothing).
     */
    private int touch(int spine) {
        final int base = spine * perSpine;
        int sum = part.touch(spine);
        for (int k = 0; k < perSpine; k += 64) {
            sum += state[base + k];
        }
        return sum;
    }

    /**
     * Sets a subunit's state and moves it from class {@code from} to {@code to}: {@link #setState} with the classes
     * named, as the event loop knows them from the reaction (a subunit's class follows from its state and its left
     * neighbour's activity); when the subunit's activity changes, {@link #refileRight} must follow.
     */
    private void refile(int spine, int i, byte newState, int from, int to) {
        state[spine * perSpine + i] = newState;
        part.move(spine, i, from, to);
    }

    /** After subunit {@code i}'s activity changed: its CaM-bound right neighbour is primed exactly when i is active. */
    private void refileRight(int spine, int i, boolean active) {
        int r = right(i);
        if (state[spine * perSpine + r] == CAM) {
            part.move(spine, r, active ? K_CAM_ISOLATED : K_CAM_PRIMED, active ? K_CAM_PRIMED : K_CAM_ISOLATED);
        }
    }

    private boolean leftActive(int spine, int i) {
        return state[spine * perSpine + left(i)] != INACTIVE;
    }

    private static int index(double x, int count) {
        int index = (int) x;
        return index < count ? index : count - 1;
    }

    /**
     * Sets a subunit's state and re-files it and, if its activity changed, its right neighbour (a CaM-bound
     * neighbour was primed exactly when this subunit was active).
     */
    private void setState(int spine, int i, byte newState) {
        final byte old = state[spine * perSpine + i];
        final boolean leftActive = leftActive(spine, i);
        refile(spine, i, newState, classOf(old, leftActive), classOf(newState, leftActive));
        if ((old == INACTIVE) != (newState == INACTIVE)) {
            refileRight(spine, i, newState != INACTIVE);
        }
    }

    private static int classOf(byte s, boolean leftActive) {
        return switch (s) {
            case INACTIVE -> K_INACTIVE;
            case CAM -> leftActive ? K_CAM_PRIMED : K_CAM_ISOLATED;
            case PHOSPHO_CAM -> K_PHOSPHO_CAM;
            default -> K_AUTONOMOUS;
        };
    }

    private void replaceHoloenzyme(int spine, int holo) {
        final int base = spine * perSpine;
        for (int k = 0; k < PER_HOLOENZYME; k++) {
            int i = holo * PER_HOLOENZYME + k;
            state[base + i] = INACTIVE;
            part.move(spine, i, K_INACTIVE);
        }
    }

    @Override
    public int phosphorylatedSubunits(int spine) {
        return part.count(spine, K_PHOSPHO_CAM) + part.count(spine, K_AUTONOMOUS);
    }

    @Override
    public int activeSubunits(int spine) {
        return perSpine - part.count(spine, K_INACTIVE);
    }

    /**
     * The spine's autonomous count; in a lumped silence ({@link #advanceSilence}) drawn here, exactly, from the CaM
     * chains since the last read: a read consumes random numbers (callers read in a fixed order), and a second read
     * at the same time returns the same count.
     */
    @Override
    public int autonomousSubunits(int spine) {
        return lumpedAutonomous[spine] >= 0 ? drawLumped(spine, timeSec) : part.count(spine, K_AUTONOMOUS);
    }

    @Override
    public boolean hasLtp(int spine) {
        return tracker.hasLtp(spine, timeSec);
    }

    @Override
    public int subunitState(int spine, int subunit) {
        settle(spine, timeSec);
        return state[spine * perSpine + subunit];
    }

    @Override
    public double pp1ActivityFactor(int spine) {
        if (!(vmaxHz > 0) || !pp1CalciumControl) {
            return 1.0;
        }
        // from the spine's current phospho-I1, so it is up to date after steps and silent jumps alike
        return vmaxPerFreeHz * parameters.pp1FreeFraction(st.i1Phospho[spine]) / vmaxHz;
    }

    /** Whether events read the next busy spine ahead (tests). */
    boolean readsAhead() {
        return readAhead;
    }

    /** Phosphorylated inhibitor-1 fraction of a spine at its last update (tests). */
    double i1Phospho(int spine) {
        return st.i1Phospho[spine];
    }

    /** Consistency check for tests: every subunit filed in the class its state and left neighbour imply. */
    boolean classesConsistent() {
        settleAll();
        for (int spine = 0; spine < spines; spine++) {
            int base = spine * perSpine;
            for (int i = 0; i < perSpine; i++) {
                int expected = classOf(state[base + i], state[base + left(i)] != INACTIVE);
                if (part.classOf(spine, i) != expected) {
                    return false;
                }
            }
            int total = 0;
            for (int c = 0; c < CLASSES; c++) {
                int n = part.count(spine, c);
                for (int j = 0; j < n; j++) {
                    if (part.classOf(spine, part.member(spine, c, j)) != c) {
                        return false;
                    }
                }
                total += n;
            }
            if (total != perSpine) {
                return false;
            }
        }
        return true;
    }
}
