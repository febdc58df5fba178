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
 */
public record CamkiiParameters(
        double camOnMaxHz, double camHalfMicroMolar, double camHill, double camOffHz, double camOffTrappedHz,
        double autoHz, double pp1PerHoloenzyme, double pp1KcatHz, double pp1KmPerHoloenzyme, double pp1Inhibition,
        double turnoverPerHour, boolean t286a, double inhibitorBlock,
        double onFraction, double offFraction, double ltpMinOnSec) {

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
        if (!(offFraction >= 0 && offFraction < onFraction && onFraction <= 1)) {
            throw new IllegalArgumentException("switch fractions need 0 <= off < on <= 1: off=" + offFraction
                    + ", on=" + onFraction);
        }
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
                set.get("switch.on_fraction"), set.get("switch.off_fraction"), set.get("switch.ltp_min_on_s"));
    }

    /** The built-in defaults of data/camkii.toml. */
    public static CamkiiParameters defaults() {
        return from(ParameterSet.defaults(PARAMETER_SET));
    }

    /** The T286A mutant (Giese et al. 1998): no autophosphorylation. */
    public CamkiiParameters withT286a() {
        return new CamkiiParameters(camOnMaxHz, camHalfMicroMolar, camHill, camOffHz, camOffTrappedHz, autoHz,
                pp1PerHoloenzyme, pp1KcatHz, pp1KmPerHoloenzyme, pp1Inhibition, turnoverPerHour, true, inhibitorBlock,
                onFraction, offFraction, ltpMinOnSec);
    }

    /** A CaMKII inhibitor (AIP-like, catalytic site) blocking {@code block} of autophosphorylation. */
    public CamkiiParameters withInhibitor(double block) {
        return new CamkiiParameters(camOnMaxHz, camHalfMicroMolar, camHill, camOffHz, camOffTrappedHz, autoHz,
                pp1PerHoloenzyme, pp1KcatHz, pp1KmPerHoloenzyme, pp1Inhibition, turnoverPerHour, t286a, block,
                onFraction, offFraction, ltpMinOnSec);
    }

    /** The same with {@code count} PP1 molecules in a spine of {@code holoenzymes} holoenzymes. */
    public CamkiiParameters withPp1PerSpine(double count, int holoenzymes) {
        if (!(count >= 0) || holoenzymes < 1) {
            throw new IllegalArgumentException("PP1 per spine must be >= 0 (got " + count + ") and holoenzymes >= 1");
        }
        return new CamkiiParameters(camOnMaxHz, camHalfMicroMolar, camHill, camOffHz, camOffTrappedHz, autoHz,
                count / holoenzymes, pp1KcatHz, pp1KmPerHoloenzyme, pp1Inhibition, turnoverPerHour, t286a, inhibitorBlock,
                onFraction, offFraction, ltpMinOnSec);
    }

    /** The same with a fraction {@code inhibition} of PP1 inhibited. */
    public CamkiiParameters withPp1Inhibition(double inhibition) {
        return new CamkiiParameters(camOnMaxHz, camHalfMicroMolar, camHill, camOffHz, camOffTrappedHz, autoHz,
                pp1PerHoloenzyme, pp1KcatHz, pp1KmPerHoloenzyme, inhibition, turnoverPerHour, t286a, inhibitorBlock,
                onFraction, offFraction, ltpMinOnSec);
    }

    /** Effective autophosphorylation rate: 0 for T286A, reduced by the inhibitor. */
    public double effectiveAutoHz() {
        return t286a ? 0.0 : autoHz * (1.0 - inhibitorBlock);
    }

    /** Maximal dephosphorylation flux of a spine of {@code holoenzymes}: kcat * active PP1, subunits per second. */
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
