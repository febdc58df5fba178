package org.ltpsim.camkii;

import org.ltpsim.params.ParameterSet;

/**
 * Rate constants of the four-state subunit scheme (see {@link HoloenzymePopulation}) and the switch criterion,
 * in the units of their names. Built from {@code data/camkii.toml} by {@link #from(ParameterSet)}; every value
 * there carries its unit, range and source.
 *
 * @param camOnMaxHz        maximal Ca2+/CaM binding rate per free subunit (saturating calcium)
 * @param camHalfMicroMolar calcium of half-maximal binding rate (Hill constant)
 * @param camHill           Hill coefficient of calcium for Ca2+/CaM binding
 * @param camOffHz          Ca2+/CaM dissociation from an unphosphorylated subunit
 * @param camOffTrappedHz   Ca2+/CaM dissociation from a T286-phosphorylated subunit (CaM trapping: slower)
 * @param autoHz            T286 autophosphorylation of a CaM-bound subunit whose left ring neighbour is active
 * @param pp1PerHoloenzyme  PP1 molecules per holoenzyme: a spine of H holoenzymes holds H * pp1PerHoloenzyme PP1
 *                          (fixed concentrations, volume scaling with CaMKII content, as in Miller et al. 2005)
 * @param pp1KcatHz         PP1 turnover number
 * @param pp1KmPerHoloenzyme PP1 Michaelis constant per holoenzyme, in phosphorylated subunits (K_M of a spine of H
 *                          holoenzymes is H * pp1KmPerHoloenzyme subunits)
 * @param pp1Inhibition     fraction of PP1 inhibited (0 = none, 1 = all; e.g. okadaic acid / inhibitor-1)
 * @param turnoverPerHour   replacement of a holoenzyme by an unphosphorylated one (0 = no turnover)
 * @param t286a             the T286A mutant: autophosphorylation impossible
 * @param inhibitorBlock    fraction of catalytic (autophosphorylation) activity blocked by the CaMKII inhibitor
 *                          (0 = no inhibitor)
 * @param onFraction        switch turns ON at this phosphorylated fraction
 * @param offFraction       switch turns OFF at this phosphorylated fraction (below onFraction: hysteresis)
 * @param ltpMinOnSec       mechanistic LTP: the switch stayed ON at least this long
 * @param pp1CalciumControl  PP1 activity controlled by calcium through calcineurin and inhibitor-1 (Lisman 1989;
 *                          Zhabotinsky 2000); false = PP1 activity fixed at its resting value
 * @param canHalfMicroMolar calcium of half-maximal calcineurin activity (Hill constant)
 * @param canHill           Hill coefficient of calcium for calcineurin
 * @param i1PkaHz           inhibitor-1 phosphorylation by PKA, per dephosphorylated I1 (calcium independent)
 * @param i1CanMaxHz        inhibitor-1 dephosphorylation by calcineurin at saturating calcium, per phospho-I1
 * @param i1InhibitionRatio total inhibitor-1 over the dissociation constant of phospho-I1 from PP1 (I1 / K_I)
 * @param pp1OverI1         total PP1 over total inhibitor-1 (below 1: PP1 is titrated by phospho-I1 at rest)
 * @param pp1RestMicroMolar calcium at which the PP1 capacity ({@code pp1PerHoloenzyme * pp1KcatHz}) is the active
 *                          PP1: the calcium factor is 1 there
 */
public record CamkiiParameters(
        double camOnMaxHz, double camHalfMicroMolar, double camHill, double camOffHz, double camOffTrappedHz,
        double autoHz, double pp1PerHoloenzyme, double pp1KcatHz, double pp1KmPerHoloenzyme, double pp1Inhibition,
        double turnoverPerHour, boolean t286a, double inhibitorBlock,
        double onFraction, double offFraction, double ltpMinOnSec,
        boolean pp1CalciumControl, double canHalfMicroMolar, double canHill, double i1PkaHz, double i1CanMaxHz,
        double i1InhibitionRatio, double pp1OverI1, double pp1RestMicroMolar) {

    /** The parameter set's file name under data/. */
    public static final String PARAMETER_SET = "camkii";

    public CamkiiParameters {
        requireNonNegative("camOnMaxHz", camOnMaxHz);
        requirePositive("camHalfMicroMolar", camHalfMicroMolar);
        requirePositive("camHill", camHill);
        requireNonNegative("camOffHz", camOffHz);
        requireNonNegative("camOffTrappedHz", camOffTrappedHz);
        requireNonNegative("autoHz", autoHz);
        requireNonNegative("pp1PerHoloenzyme", pp1PerHoloenzyme);
        requireNonNegative("pp1KcatHz", pp1KcatHz);
        requireNonNegative("pp1KmPerHoloenzyme", pp1KmPerHoloenzyme);
        requireFraction("pp1Inhibition", pp1Inhibition);
        requireNonNegative("turnoverPerHour", turnoverPerHour);
        requireFraction("inhibitorBlock", inhibitorBlock);
        requireNonNegative("ltpMinOnSec", ltpMinOnSec);
        requirePositive("canHalfMicroMolar", canHalfMicroMolar);
        requirePositive("canHill", canHill);
        requirePositive("i1PkaHz", i1PkaHz);
        requireNonNegative("i1CanMaxHz", i1CanMaxHz);
        requireNonNegative("i1InhibitionRatio", i1InhibitionRatio);
        requirePositive("pp1OverI1", pp1OverI1);
        requireNonNegative("pp1RestMicroMolar", pp1RestMicroMolar);
        if (!(offFraction >= 0 && offFraction < onFraction && onFraction <= 1)) {
            throw new IllegalArgumentException("switch fractions need 0 <= off < on <= 1: off=" + offFraction
                    + ", on=" + onFraction);
        }
    }

    /**
     * The earlier form without calcium control of PP1 (PP1 activity fixed): tests at fixed calcium and the
     * exact-kernel checks use it.
     */
    public CamkiiParameters(double camOnMaxHz, double camHalfMicroMolar, double camHill, double camOffHz,
            double camOffTrappedHz, double autoHz, double pp1PerHoloenzyme, double pp1KcatHz,
            double pp1KmPerHoloenzyme, double pp1Inhibition, double turnoverPerHour, boolean t286a,
            double inhibitorBlock, double onFraction, double offFraction, double ltpMinOnSec) {
        this(camOnMaxHz, camHalfMicroMolar, camHill, camOffHz, camOffTrappedHz, autoHz, pp1PerHoloenzyme, pp1KcatHz,
                pp1KmPerHoloenzyme, pp1Inhibition, turnoverPerHour, t286a, inhibitorBlock, onFraction, offFraction,
                ltpMinOnSec, false, 0.3, 3, 1, 0, 0, 1, 0.1);
    }

    /** Reads the {@code camkii} parameter set (defaults from data/camkii.toml, possibly overridden). */
    public static CamkiiParameters from(ParameterSet set) {
        return new CamkiiParameters(
                set.get("cam.on_max_hz"), set.get("cam.half_activation_uM"), set.get("cam.hill"),
                set.get("cam.off_hz"), set.get("cam.off_trapped_hz"),
                set.get("autophosphorylation.rate_hz"),
                set.get("pp1.per_holoenzyme"), set.get("pp1.kcat_hz"), set.get("pp1.km_subunits_per_holoenzyme"),
                set.get("pp1.inhibition"),
                set.get("turnover.rate_per_hour"), false, 0.0,
                set.get("switch.on_fraction"), set.get("switch.off_fraction"), set.get("switch.ltp_min_on_s"),
                set.get("pp1_activation.enabled") != 0, set.get("pp1_activation.calcineurin_half_uM"),
                set.get("pp1_activation.calcineurin_hill"), set.get("pp1_activation.i1_pka_hz"),
                set.get("pp1_activation.i1_calcineurin_max_hz"),
                set.get("pp1_activation.i1_over_ki"), set.get("pp1_activation.pp1_over_i1"),
                set.get("calcium.rest_uM"));
    }

    /** The built-in defaults of data/camkii.toml. */
    public static CamkiiParameters defaults() {
        return from(ParameterSet.defaults(PARAMETER_SET));
    }

    /** The T286A mutant (Giese et al. 1998): no autophosphorylation. */
    public CamkiiParameters withT286a() {
        return new CamkiiParameters(camOnMaxHz, camHalfMicroMolar, camHill, camOffHz, camOffTrappedHz, autoHz,
                pp1PerHoloenzyme, pp1KcatHz, pp1KmPerHoloenzyme, pp1Inhibition, turnoverPerHour, true, inhibitorBlock,
                onFraction, offFraction, ltpMinOnSec, pp1CalciumControl, canHalfMicroMolar, canHill, i1PkaHz, i1CanMaxHz,
                i1InhibitionRatio, pp1OverI1, pp1RestMicroMolar);
    }

    /** A CaMKII inhibitor (AIP-like, catalytic site) blocking {@code block} of autophosphorylation. */
    public CamkiiParameters withInhibitor(double block) {
        return new CamkiiParameters(camOnMaxHz, camHalfMicroMolar, camHill, camOffHz, camOffTrappedHz, autoHz,
                pp1PerHoloenzyme, pp1KcatHz, pp1KmPerHoloenzyme, pp1Inhibition, turnoverPerHour, t286a, block,
                onFraction, offFraction, ltpMinOnSec, pp1CalciumControl, canHalfMicroMolar, canHill, i1PkaHz, i1CanMaxHz,
                i1InhibitionRatio, pp1OverI1, pp1RestMicroMolar);
    }

    /** The same with {@code count} PP1 molecules in a spine of {@code holoenzymes} holoenzymes. */
    public CamkiiParameters withPp1PerSpine(double count, int holoenzymes) {
        if (!(count >= 0) || holoenzymes < 1) {
            throw new IllegalArgumentException("PP1 per spine must be >= 0 (got " + count + ") and holoenzymes >= 1");
        }
        return new CamkiiParameters(camOnMaxHz, camHalfMicroMolar, camHill, camOffHz, camOffTrappedHz, autoHz,
                count / holoenzymes, pp1KcatHz, pp1KmPerHoloenzyme, pp1Inhibition, turnoverPerHour, t286a, inhibitorBlock,
                onFraction, offFraction, ltpMinOnSec, pp1CalciumControl, canHalfMicroMolar, canHill, i1PkaHz, i1CanMaxHz,
                i1InhibitionRatio, pp1OverI1, pp1RestMicroMolar);
    }

    /** The same with a fraction {@code inhibition} of PP1 inhibited. */
    public CamkiiParameters withPp1Inhibition(double inhibition) {
        return new CamkiiParameters(camOnMaxHz, camHalfMicroMolar, camHill, camOffHz, camOffTrappedHz, autoHz,
                pp1PerHoloenzyme, pp1KcatHz, pp1KmPerHoloenzyme, inhibition, turnoverPerHour, t286a, inhibitorBlock,
                onFraction, offFraction, ltpMinOnSec, pp1CalciumControl, canHalfMicroMolar, canHill, i1PkaHz, i1CanMaxHz,
                i1InhibitionRatio, pp1OverI1, pp1RestMicroMolar);
    }

    /** The same with calcium control of PP1 switched on or off (the PP1 activity then stays at its resting value). */
    public CamkiiParameters withPp1CalciumControl(boolean on) {
        return new CamkiiParameters(camOnMaxHz, camHalfMicroMolar, camHill, camOffHz, camOffTrappedHz, autoHz,
                pp1PerHoloenzyme, pp1KcatHz, pp1KmPerHoloenzyme, pp1Inhibition, turnoverPerHour, t286a, inhibitorBlock,
                onFraction, offFraction, ltpMinOnSec, on, canHalfMicroMolar, canHill, i1PkaHz, i1CanMaxHz,
                i1InhibitionRatio, pp1OverI1, pp1RestMicroMolar);
    }

    /** Calcineurin activity relative to its maximum at {@code caMicroMolar}: a Hill function. */
    public double calcineurinActivity(double caMicroMolar) {
        if (!(caMicroMolar >= 0)) {
            throw new IllegalArgumentException("calcium must be >= 0 uM: " + caMicroMolar);
        }
        double x = Math.pow(caMicroMolar / canHalfMicroMolar, canHill);
        return x / (1.0 + x);
    }

    /**
     * Steady-state phosphorylated inhibitor-1 fraction at a calcium: {@code kPKA / (kPKA + kCaN h(Ca))}, from
     * {@code dp/dt = kPKA (1 - p) - kCaN h(Ca) p}.
     */
    public double i1PhosphoSteady(double caMicroMolar) {
        return i1PkaHz / (i1PkaHz + i1CanMaxHz * calcineurinActivity(caMicroMolar));
    }

    /**
     * PP1 activity factor at phosphorylated I1 fraction {@code i1Phospho}: free PP1 at that fraction over free PP1
     * at the resting steady state, so that the {@code pp1} capacity is the active PP1 at resting calcium. 1 when the
     * control is off.
     */
    public double pp1Factor(double i1Phospho) {
        if (!pp1CalciumControl) {
            return 1.0;
        }
        return pp1FreeFraction(i1Phospho) / pp1FreeFraction(i1PhosphoSteady(pp1RestMicroMolar));
    }

    /**
     * Free PP1 fraction when a fraction {@code i1Phospho} of inhibitor-1 is phosphorylated: the tight-binding
     * (quadratic) equilibrium of PP1 + phospho-I1, in units of total I1: PP1 {@code e}, phospho-I1 {@code p},
     * K_I {@code 1/R}. While phospho-I1 exceeds PP1 almost all PP1 is bound; it is freed once calcineurin brings
     * phospho-I1 below total PP1 (a threshold, Lisman 1989; Zhabotinsky 2000).
     */
    public double pp1FreeFraction(double i1Phospho) {
        if (i1InhibitionRatio == 0) {
            return 1.0;
        }
        double e = pp1OverI1;
        double k = 1.0 / i1InhibitionRatio;
        double b = e - i1Phospho - k;
        double root = Math.sqrt(b * b + 4.0 * k * e);
        // free = (b + root) / 2, written without cancellation when b < 0
        double free = b >= 0 ? 0.5 * (b + root) : 2.0 * k * e / (root - b);
        return free / e;
    }

    /** Effective autophosphorylation rate: 0 for T286A, reduced by the inhibitor. */
    public double effectiveAutoHz() {
        return t286a ? 0.0 : autoHz * (1.0 - inhibitorBlock);
    }

    /**
     * Maximal dephosphorylation flux of a spine of {@code holoenzymes} at resting calcium: kcat * active PP1,
     * subunits per second (times {@link #pp1CalciumFactor(double)} at other calcium).
     */
    public double pp1VmaxHz(int holoenzymes) {
        return pp1KcatHz * pp1PerHoloenzyme * holoenzymes * (1.0 - pp1Inhibition);
    }

    /** PP1 Michaelis constant of a spine of {@code holoenzymes}, in phosphorylated subunits. */
    public double pp1KmSubunits(int holoenzymes) {
        return pp1KmPerHoloenzyme * holoenzymes;
    }

    /** Ca2+/CaM binding rate per free subunit at calcium {@code caMicroMolar}: a Hill function. */
    public double camOnHz(double caMicroMolar) {
        if (!(caMicroMolar >= 0)) {
            throw new IllegalArgumentException("calcium must be >= 0 uM: " + caMicroMolar);
        }
        double x = Math.pow(caMicroMolar / camHalfMicroMolar, camHill);
        return camOnMaxHz * x / (1.0 + x);
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0: " + value);
        }
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be finite and > 0: " + value);
        }
    }

    private static void requireFraction(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1]: " + value);
        }
    }
}
