package org.ltpsim.camkii;

import static org.ltpsim.camkii.SubunitLayout.PER_HOLOENZYME;
import static org.ltpsim.camkii.SubunitLayout.left;
import static org.ltpsim.camkii.SubunitLayout.right;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ltpsim.simd.CamkiiHazardKernel;
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
 * (calcineurin activity h a Hill function of calcium), integrated exactly at each calcium change and every
 * {@link #I1_UPDATE_SEC} while it relaxes; PP1's Vmax follows the free PP1 of the tight-binding PP1 / phospho-I1
 * equilibrium ({@link CamkiiParameters#pp1FreeFraction(double)}). Modest sustained calcium frees PP1 (LTD side),
 * a brief high pulse barely moves p and the kinase wins.
 *
 * <p>Exact SSA per spine: the subunits sit in five reaction classes ({@link ClassPartition}), all members of a
 * class having the same reactions at the same rates, so the total propensity is a sum over five classes and an
 * event draws its class, its subunit (uniform within the class) and its reaction from one uniform number. An
 * event consumes one uniform and one Exp(1) (ziggurat) variate and touches at most three subunits: O(1).
 */
final class HoloenzymePopulation implements CamkiiPopulation {
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
    /** Update interval of a relaxing phospho-I1 fraction at constant calcium (I1 time constants are >= seconds). */
    static final double I1_UPDATE_SEC = 0.02;
    /** A phospho-I1 fraction this close to its steady state is set to it and left alone. */
    static final double I1_SETTLED = 1e-6;

    private final int spines;
    private final int holoenzymes;
    private final int perSpine;
    private final byte[] state;
    private final ClassPartition part;
    private final double[] residual;
    private final double[] cachedCa;
    private final double[] cachedKonHz;
    /** PP1 Vmax of each spine, from its phospho-I1 fraction (calcineurin / inhibitor-1 control). */
    private final double[] cachedVmaxHz;
    /** Calcineurin activity h(Ca) at each spine's cached calcium. */
    private final double[] cachedCanActivity;
    /** Phosphorylated inhibitor-1 fraction of each spine, valid at {@link #i1TimeSec}. */
    private final double[] i1Phospho;
    private final double[] i1TimeSec;
    /** True while a spine's phospho-I1 sits at the steady state of its calcium (no update needed). */
    private final boolean[] i1Settled;
    /** Total propensity of each spine at its cached calcium and current state; NaN when unknown. */
    private final double[] cachedA0Hz;
    private final SwitchTracker tracker;
    private final UniformRandomProvider rng;
    private final ContinuousSampler exp;
    private final CamkiiParameters parameters;
    private final CamkiiHazardKernel hazardKernel;
    private final int[] pending;

    private final double offHz;
    private final double offTrappedHz;
    private final double autoHz;
    private final double vmaxHz;
    private final double kmSubunits;
    private final double turnoverPerHoloHz;
    private final int integerHill; // the Hill coefficient when it is a whole number 1..8, else 0
    private final double inverseHalfActivation;
    private final double onMaxHz;
    private final boolean pp1CalciumControl;
    private final int canIntegerHill; // as integerHill, for calcineurin
    private final double inverseCanHalf;
    private final double i1PkaHz;
    private final double i1CanMaxHz;
    private final double vmaxPerFreeHz; // Vmax at rest / free PP1 fraction at rest: Vmax(p) = this * free(p)

    private double timeSec;
    private long events;

    HoloenzymePopulation(CamkiiParameters parameters, int spines, int holoenzymes, UniformRandomProvider rng,
            boolean keepLifetimes) {
        this(parameters, spines, holoenzymes, rng, keepLifetimes,
                VectorizationProvider.getInstance().camkiiHazardKernel());
    }

    HoloenzymePopulation(CamkiiParameters parameters, int spines, int holoenzymes, UniformRandomProvider rng,
            boolean keepLifetimes, CamkiiHazardKernel hazardKernel) {
        this.parameters = parameters;
        this.hazardKernel = hazardKernel;
        this.pending = new int[spines];
        this.spines = spines;
        this.holoenzymes = holoenzymes;
        this.perSpine = Math.multiplyExact(holoenzymes, PER_HOLOENZYME);
        this.state = new byte[Math.multiplyExact(spines, perSpine)];
        this.part = new ClassPartition(spines, perSpine, CLASSES, K_INACTIVE);
        this.residual = new double[spines];
        this.cachedCa = new double[spines];
        this.cachedKonHz = new double[spines];
        this.cachedVmaxHz = new double[spines];
        this.cachedCanActivity = new double[spines];
        this.i1Phospho = new double[spines];
        this.i1TimeSec = new double[spines];
        this.i1Settled = new boolean[spines];
        this.cachedA0Hz = new double[spines];
        Arrays.fill(cachedCa, Double.NaN);
        Arrays.fill(cachedA0Hz, Double.NaN);
        this.tracker = new SwitchTracker(spines, perSpine, parameters.onFraction(), parameters.offFraction(),
                parameters.ltpMinOnSec(), keepLifetimes);
        this.rng = rng;
        this.exp = ZigguratSampler.Exponential.of(rng);
        this.offHz = parameters.camOffHz();
        this.offTrappedHz = parameters.camOffTrappedHz();
        this.autoHz = parameters.effectiveAutoHz();
        this.vmaxHz = parameters.pp1VmaxHz(holoenzymes);
        this.kmSubunits = parameters.pp1KmSubunits(holoenzymes);
        this.turnoverPerHoloHz = parameters.turnoverPerHour() / 3600.0;
        double hill = parameters.camHill();
        this.integerHill = hill == Math.rint(hill) && hill >= 1 && hill <= 8 ? (int) hill : 0;
        this.inverseHalfActivation = 1.0 / parameters.camHalfMicroMolar();
        this.onMaxHz = parameters.camOnMaxHz();
        this.pp1CalciumControl = parameters.pp1CalciumControl();
        double canHill = parameters.canHill();
        this.canIntegerHill = canHill == Math.rint(canHill) && canHill >= 1 && canHill <= 8 ? (int) canHill : 0;
        this.inverseCanHalf = 1.0 / parameters.canHalfMicroMolar();
        this.i1PkaHz = parameters.i1PkaHz();
        this.i1CanMaxHz = parameters.i1CanMaxHz();
        double i1Rest = parameters.i1PhosphoSteady(parameters.pp1RestMicroMolar());
        this.vmaxPerFreeHz = vmaxHz / parameters.pp1FreeFraction(i1Rest);
        Arrays.fill(i1Phospho, i1Rest);
        Arrays.fill(cachedVmaxHz, vmaxHz);
        for (int spine = 0; spine < spines; spine++) {
            residual[spine] = exp.sample();
        }
    }

    CamkiiParameters parameters() {
        return parameters;
    }

    @Override
    public void advance(double dtSec, double[] caMicroMolar) {
        checkStep(dtSec);
        if (caMicroMolar.length < spines) {
            throw new IllegalArgumentException("need calcium for " + spines + " spines, got " + caMicroMolar.length);
        }
        if (pp1CalciumControl) {
            updateInhibitor1(caMicroMolar, 0.0);
        }
        // spines without an event at unchanged calcium: one vectorisable pass; the rest run the event loop in
        // ascending order (the order in which they draw random numbers, whichever kernel ran)
        int busy = hazardKernel.integrate(dtSec, caMicroMolar, cachedCa, cachedA0Hz, residual, spines, pending);
        for (int k = 0; k < busy; k++) {
            int spine = pending[k];
            advanceSpine(spine, dtSec, caMicroMolar[spine]);
        }
        timeSec += dtSec;
    }

    @Override
    public void advanceUniform(double dtSec, double caMicroMolar) {
        checkStep(dtSec);
        if (pp1CalciumControl) {
            updateInhibitor1(null, caMicroMolar);
        }
        for (int spine = 0; spine < spines; spine++) {
            advanceSpine(spine, dtSec, caMicroMolar);
        }
        timeSec += dtSec;
    }

    private static void checkStep(double dtSec) {
        if (!(dtSec >= 0 && dtSec < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("dtSec must be finite and >= 0: " + dtSec);
        }
    }

    private double konHz(int spine, double caMicroMolar) {
        if (caMicroMolar != cachedCa[spine]) {
            // calcium changes every fast step while a spine is active: an integer Hill coefficient costs
            // multiplications instead of Math.pow
            if (!(caMicroMolar >= 0 && caMicroMolar < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("calcium must be finite and >= 0 uM: " + caMicroMolar);
            }
            double kon;
            if (integerHill > 0) {
                double ratio = caMicroMolar * inverseHalfActivation;
                double x = ratio;
                for (int k = 1; k < integerHill; k++) {
                    x *= ratio;
                }
                kon = onMaxHz * x / (1.0 + x);
            } else {
                kon = parameters.camOnHz(caMicroMolar);
            }
            cachedKonHz[spine] = kon;
            if (pp1CalciumControl) {
                cachedCanActivity[spine] = calcineurinActivity(caMicroMolar);
            }
            cachedCa[spine] = caMicroMolar;
            cachedA0Hz[spine] = Double.NaN; // the rates changed
        }
        return cachedKonHz[spine];
    }

    /**
     * Brings the spines' phospho-I1 fractions up to time {@link #timeSec} before a step at the given calcium:
     * exactly (exponential relaxation at the calcium of the past interval, frozen as in the SSA) when a spine's
     * calcium changes, and every {@link #I1_UPDATE_SEC} while it relaxes at constant calcium; a spine whose I1
     * has settled costs one comparison. A changed PP1 Vmax invalidates the spine's cached total propensity.
     */
    private void updateInhibitor1(double[] caMicroMolar, double uniformCa) {
        final double t = timeSec;
        for (int spine = 0; spine < spines; spine++) {
            final double ca = caMicroMolar == null ? uniformCa : caMicroMolar[spine];
            final boolean changed = ca != cachedCa[spine];
            if (!changed && (i1Settled[spine] || t - i1TimeSec[spine] < I1_UPDATE_SEC)) {
                continue;
            }
            if (cachedCa[spine] == cachedCa[spine]) { // not NaN: the spine has run at cachedCa since i1TimeSec
                final double k = i1PkaHz + i1CanMaxHz * cachedCanActivity[spine];
                final double steady = i1PkaHz / k;
                double p = steady + (i1Phospho[spine] - steady) * Math.exp(-k * (t - i1TimeSec[spine]));
                if (!changed && Math.abs(p - steady) < I1_SETTLED) {
                    p = steady;
                    i1Settled[spine] = true;
                }
                i1Phospho[spine] = p;
                cachedVmaxHz[spine] = vmaxPerFreeHz * parameters.pp1FreeFraction(p);
                cachedA0Hz[spine] = Double.NaN;
            }
            if (changed) {
                i1Settled[spine] = false;
            }
            i1TimeSec[spine] = t;
        }
    }

    /** Calcineurin activity h(Ca) = x / (1 + x), x = (Ca / K_CaN)^n. */
    private double calcineurinActivity(double caMicroMolar) {
        double x;
        if (canIntegerHill > 0) {
            double ratio = caMicroMolar * inverseCanHalf;
            x = ratio;
            for (int k = 1; k < canIntegerHill; k++) {
                x *= ratio;
            }
        } else {
            x = Math.pow(caMicroMolar * inverseCanHalf, parameters.canHill());
        }
        return x / (1.0 + x);
    }

    /** Exact SSA of one spine over {@code dtSec}: integrate the total propensity against the Exp(1) residual. */
    private void advanceSpine(int spine, double dtSec, double caMicroMolar) {
        // fast path of a step without an event: same calcium as the spine's last step, so its total propensity
        // is still cached, and the integrated hazard stays below the residual (no uniform, no exponential)
        if (caMicroMolar == cachedCa[spine]) {
            final double hazard = cachedA0Hz[spine] * dtSec; // NaN if unknown: falls through
            if (hazard <= residual[spine]) {
                residual[spine] -= hazard;
                return;
            }
        }
        final double konHz = konHz(spine, caMicroMolar);
        final double vmaxHz = cachedVmaxHz[spine];
        final double offHz = this.offHz;
        final double primedHz = offHz + autoHz;
        final double offTrappedHz = this.offTrappedHz;
        final double turnoverHz = turnoverPerHoloHz * holoenzymes;
        final ClassPartition part = this.part;
        double resid = residual[spine];
        double remaining = dtSec;
        while (true) {
            // prepare: class propensities
            final int nIsolated = part.count(spine, K_CAM_ISOLATED);
            final int nInactive = part.count(spine, K_INACTIVE);
            final int nPrimed = part.count(spine, K_CAM_PRIMED);
            final int nPhosphoCam = part.count(spine, K_PHOSPHO_CAM);
            final int nAutonomous = part.count(spine, K_AUTONOMOUS);
            final int phosphorylated = nPhosphoCam + nAutonomous;
            final double dephosHz = phosphorylated == 0 ? 0.0 : vmaxHz / (kmSubunits + phosphorylated);
            final double c1 = nInactive * konHz;
            final double c2 = c1 + nPrimed * primedHz;
            final double c3 = c2 + nIsolated * offHz;
            final double c4 = c3 + nPhosphoCam * (offTrappedHz + dephosHz);
            final double c5 = c4 + nAutonomous * (konHz + dephosHz);
            final double a0 = c5 + turnoverHz;
            // select tau: does the integrated hazard reach the residual within the step?
            if (!(a0 * remaining > resid)) {
                resid -= a0 * remaining;
                cachedA0Hz[spine] = a0; // valid until the next event or calcium change
                break;
            }
            remaining -= resid / a0;
            if (remaining < 0) {
                remaining = 0;
            }
            final double eventSec = timeSec + (dtSec - remaining);
            // select and fire the reaction
            while (true) {
                final double target = rng.nextDouble() * a0;
                if (target < c1) {
                    int i = part.member(spine, K_INACTIVE, index(target / konHz, nInactive));
                    setState(spine, i, CAM);
                } else if (target < c2) {
                    double x = (target - c1) / primedHz;
                    int index = index(x, nPrimed);
                    int i = part.member(spine, K_CAM_PRIMED, index);
                    if ((x - index) * primedHz < offHz) {
                        setState(spine, i, INACTIVE);
                    } else {
                        setState(spine, i, PHOSPHO_CAM);
                        tracker.update(spine, phosphorylated + 1, eventSec);
                    }
                } else if (target < c3) {
                    int i = part.member(spine, K_CAM_ISOLATED, index((target - c2) / offHz, nIsolated));
                    setState(spine, i, INACTIVE);
                } else if (target < c4) {
                    double rate = offTrappedHz + dephosHz;
                    double x = (target - c3) / rate;
                    int index = index(x, nPhosphoCam);
                    int i = part.member(spine, K_PHOSPHO_CAM, index);
                    if ((x - index) * rate < offTrappedHz) {
                        setState(spine, i, AUTONOMOUS);
                    } else {
                        setState(spine, i, CAM);
                        tracker.update(spine, phosphorylated - 1, eventSec);
                    }
                } else if (target < c5) {
                    double rate = konHz + dephosHz;
                    double x = (target - c4) / rate;
                    int index = index(x, nAutonomous);
                    int i = part.member(spine, K_AUTONOMOUS, index);
                    if ((x - index) * rate < konHz) {
                        setState(spine, i, PHOSPHO_CAM);
                    } else {
                        setState(spine, i, INACTIVE);
                        tracker.update(spine, phosphorylated - 1, eventSec);
                    }
                } else if (target < a0 && turnoverHz > 0) {
                    int holo = index((target - c5) / turnoverPerHoloHz, holoenzymes);
                    replaceHoloenzyme(spine, holo);
                    tracker.update(spine, phosphorylatedSubunits(spine), eventSec);
                } else {
                    continue; // target landed on a boundary by rounding: draw again
                }
                break;
            }
            events++;
            resid = exp.sample();
        }
        residual[spine] = resid;
    }

    private static int index(double x, int count) {
        int index = (int) x;
        return index < count ? index : count - 1;
    }

    /** Sets a subunit's state and re-files it and, if its activity changed, its right neighbour. */
    private void setState(int spine, int i, byte newState) {
        final int base = spine * perSpine;
        final byte old = state[base + i];
        state[base + i] = newState;
        part.move(spine, i, classOf(newState, state[base + left(i)] != INACTIVE));
        if ((old == INACTIVE) != (newState == INACTIVE)) {
            int r = right(i);
            if (state[base + r] == CAM) {
                part.move(spine, r, newState != INACTIVE ? K_CAM_PRIMED : K_CAM_ISOLATED);
            }
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
    public int spineCount() {
        return spines;
    }

    @Override
    public int holoenzymesPerSpine() {
        return holoenzymes;
    }

    @Override
    public int subunitCount(int spine) {
        return perSpine;
    }

    @Override
    public double timeSec() {
        return timeSec;
    }

    @Override
    public int phosphorylatedSubunits(int spine) {
        return part.count(spine, K_PHOSPHO_CAM) + part.count(spine, K_AUTONOMOUS);
    }

    @Override
    public int activeSubunits(int spine) {
        return perSpine - part.count(spine, K_INACTIVE);
    }

    @Override
    public int autonomousSubunits(int spine) {
        return part.count(spine, K_AUTONOMOUS);
    }

    @Override
    public boolean isOn(int spine) {
        return tracker.isOn(spine);
    }

    @Override
    public double onSinceSec(int spine) {
        return tracker.onSinceSec(spine);
    }

    @Override
    public double stateSinceSec(int spine) {
        return tracker.stateSinceSec(spine);
    }

    @Override
    public double longestOnSec(int spine) {
        return tracker.longestOnSec(spine, timeSec);
    }

    @Override
    public boolean hasLtp(int spine) {
        return tracker.hasLtp(spine, timeSec);
    }

    @Override
    public SwitchLifetimes lifetimes() {
        return tracker.lifetimes();
    }

    @Override
    public int subunitState(int spine, int subunit) {
        return state[spine * perSpine + subunit];
    }

    @Override
    public long eventCount() {
        return events;
    }

    @Override
    public double pp1ActivityFactor(int spine) {
        return vmaxHz > 0 ? cachedVmaxHz[spine] / vmaxHz : 1.0;
    }

    /** Phosphorylated inhibitor-1 fraction of a spine at its last update (tests). */
    double i1Phospho(int spine) {
        return i1Phospho[spine];
    }

    /** Consistency check for tests: every subunit filed in the class its state and left neighbour imply. */
    boolean classesConsistent() {
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
