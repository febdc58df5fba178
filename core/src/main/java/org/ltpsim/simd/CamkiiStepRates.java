package org.ltpsim.simd;

/**
 * The rate constants of one CaMKII fast step that are the same for every spine (the four-state ring scheme of
 * {@code org.ltpsim.camkii.HoloenzymePopulation}), and the scalar reference of the per-spine arithmetic that
 * {@link CamkiiHazardKernel#step} performs: CaM binding {@code kon(Ca)}, the PP1 Vmax from the spine's phospho-I1
 * fraction, the total propensity, and the exact relaxation of phospho-I1 over the step. The Panama twin performs the
 * same IEEE operations in the same order, so both give the same bits.
 *
 * <p>Hill functions need an integer coefficient 1..8 (evaluated by multiplication, as {@code Math.pow} has no
 * bitwise-equal vector form); a caller with another coefficient uses its own scalar code.
 */
public final class CamkiiStepRates {
    /** Largest {@code (kPKA + kCaN_max) dt} of one kernel step: {@link #relaxation} is a Taylor polynomial there. */
    public static final double MAX_I1_EXPONENT = 1e-3;

    final double onMaxHz;
    final double inverseHalfActivation;
    final int hill;
    final boolean pp1Control;
    final int canHill;
    final double inverseCanHalf;
    final double i1PkaHz;
    final double i1CanMaxHz;
    final boolean freeAlways; // no inhibitor-1 binding (ratio 0): the free PP1 fraction is 1
    final double pp1OverI1; // e
    final double ki; // k = 1 / (I1 / K_I)
    final double fourKe; // 4.0 * k * e
    final double twoKe; // 2.0 * k * e
    final double vmaxPerFreeHz;
    final double vmaxHz; // constant Vmax when PP1 is not under calcium control
    final double kmSubunits;

    /**
     * @param hill Hill coefficient of CaM binding (1..8)
     * @param canHill Hill coefficient of calcineurin (1..8; unused without PP1 control)
     * @param i1InhibitionRatio I1 / K_I (0: PP1 is never bound, its free fraction is 1)
     * @param vmaxPerFreeHz PP1 Vmax per unit free fraction (PP1 control on)
     * @param vmaxHz PP1 Vmax (PP1 control off)
     */
    public CamkiiStepRates(double onMaxHz, double halfActivationMicroMolar, int hill, boolean pp1Control,
            int canHill, double canHalfMicroMolar, double i1PkaHz, double i1CanMaxHz, double pp1OverI1,
            double i1InhibitionRatio, double vmaxPerFreeHz, double vmaxHz, double kmSubunits) {
        if (hill < 1 || hill > 8 || (pp1Control && (canHill < 1 || canHill > 8))) {
            throw new IllegalArgumentException("Hill coefficients must be whole numbers 1..8: " + hill + ", " + canHill);
        }
        this.onMaxHz = onMaxHz;
        this.inverseHalfActivation = 1.0 / halfActivationMicroMolar;
        this.hill = hill;
        this.pp1Control = pp1Control;
        this.canHill = canHill;
        this.inverseCanHalf = 1.0 / canHalfMicroMolar;
        this.i1PkaHz = i1PkaHz;
        this.i1CanMaxHz = i1CanMaxHz;
        this.freeAlways = i1InhibitionRatio == 0;
        this.pp1OverI1 = pp1OverI1;
        this.ki = freeAlways ? 0.0 : 1.0 / i1InhibitionRatio;
        this.fourKe = 4.0 * ki * pp1OverI1;
        this.twoKe = 2.0 * ki * pp1OverI1;
        this.vmaxPerFreeHz = vmaxPerFreeHz;
        this.vmaxHz = vmaxHz;
        this.kmSubunits = kmSubunits;
    }

    /** Whether a step of {@code dtSec} is short enough for one kernel step ({@link #MAX_I1_EXPONENT}). */
    public boolean fitsOneStep(double dtSec) {
        return !pp1Control || (i1PkaHz + i1CanMaxHz) * dtSec <= MAX_I1_EXPONENT;
    }

    /** {@code ratio^n} by {@code n - 1} multiplications, left to right. */
    static double power(double ratio, int n) {
        double x = ratio;
        for (int k = 1; k < n; k++) {
            x *= ratio;
        }
        return x;
    }

    /** CaM binding rate per inactive (or autonomous) subunit: {@code onMax x / (1 + x)}, {@code x = (Ca/K)^n}. */
    public double konHz(double caMicroMolar) {
        double x = power(caMicroMolar * inverseHalfActivation, hill);
        return onMaxHz * x / (1.0 + x);
    }

    /** Calcineurin activity {@code x / (1 + x)}, {@code x = (Ca/K_CaN)^n}. */
    public double calcineurinActivity(double caMicroMolar) {
        double x = power(caMicroMolar * inverseCanHalf, canHill);
        return x / (1.0 + x);
    }

    /** PP1 Vmax of a spine whose phospho-I1 fraction is {@code i1Phospho} (the tight-binding equilibrium). */
    public double vmaxHz(double i1Phospho) {
        if (!pp1Control) {
            return vmaxHz;
        }
        if (freeAlways) {
            return vmaxPerFreeHz;
        }
        double e = pp1OverI1;
        double b = e - i1Phospho - ki;
        double root = Math.sqrt(b * b + fourKe);
        // free = (b + root) / 2, written without cancellation when b < 0
        double free = b >= 0 ? 0.5 * (b + root) : twoKe / (root - b);
        return vmaxPerFreeHz * (free / e);
    }

    /** Total propensity of a spine: {@code A kon + B + P Vmax / (Km + P)}. */
    public double totalHz(double konWeight, double constantHz, double phosphorylated, double konHz, double vmaxHz) {
        return konWeight * konHz + constantHz + phosphorylated * vmaxHz / (kmSubunits + phosphorylated);
    }

    /**
     * Phospho-I1 after {@code dtSec} at constant calcium (calcineurin activity {@code h}), exactly:
     * {@code p' = s + (p - s) exp(-k dt)}, {@code k = kPKA + kCaN h}, {@code s = kPKA / k}, with {@code exp(-z)} as
     * the Taylor polynomial of degree 4 (z <= {@link #MAX_I1_EXPONENT}: truncation below 1e-17, under half an ulp).
     */
    public double relaxation(double i1Phospho, double canActivity, double dtSec) {
        double k = i1PkaHz + i1CanMaxHz * canActivity;
        double steady = i1PkaHz / k;
        double z = k * dtSec;
        assert !(z > MAX_I1_EXPONENT) : z; // NaN passes: an invalid calcium is rejected by the caller
        return steady + (i1Phospho - steady) * expMinus(z);
    }

    /** {@code exp(-z)} for {@code 0 <= z <= MAX_I1_EXPONENT}: Horner form of the degree-4 Taylor polynomial. */
    static double expMinus(double z) {
        return 1.0 + z * (-1.0 + z * (0.5 + z * (MINUS_SIXTH + z * TWENTY_FOURTH)));
    }

    static final double MINUS_SIXTH = -1.0 / 6;
    static final double TWENTY_FOURTH = 1.0 / 24;
}
