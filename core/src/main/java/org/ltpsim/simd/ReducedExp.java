package org.ltpsim.simd;

/**
 * {@code exp(y)} to a few ulps with IEEE operations only, so the same bits on every CPU and at every vector width,
 * and without a table, so that vector lanes need no gather: Cody &amp; Waite's reduction
 * {@code y = n ln2 + r}, {@code n = rint(y / ln2)}, {@code |r| <= ln2 / 2} (ln2 in two parts, the first with 21
 * trailing zero bits, so {@code n ln2_hi} is exact), {@code exp(r)} by its Taylor polynomial of degree 13 (truncation
 * {@code |r|^14 / 14! < 5e-18}, below a twentieth of an ulp), times {@code 2^n} made from its exponent bits (exact).
 * Used for {@code |y| <= 16} (the Mg2+ block's exponent for |V| up to 258 mV at the default slope); outside that, and
 * for NaN, {@code StrictMath.exp} itself. The Mg2+ block evaluates it once per spine and step with a conducting NMDA
 * channel ({@code StrictMath.exp} was 16% of a 10,000-spine HFS); {@link PanamaSpineStepKernel} runs the same
 * operations lane by lane.
 */
public final class ReducedExp {
    /** The polynomial's range: {@code |y| <= MAX_ARGUMENT}. */
    static final double MAX_ARGUMENT = 16;
    static final double LOG2_E = 1.4426950408889634;
    /** ln 2 = LN2_HI + LN2_LO; LN2_HI has 21 trailing zero bits (fdlibm's split). */
    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;
    /**
     * {@code (x + ROUNDING) - ROUNDING} is {@code Math.rint(x)} for {@code |x| <= 2^51} (round to nearest, ties to
     * even, at the unit spacing of doubles near 1.5 * 2^52): the rounding that vector lanes can do.
     */
    static final double ROUNDING = 0x1.8p52;
    /** {@code 1 / k!} for k = 0 .. 13. */
    static final double[] INVERSE_FACTORIALS = inverseFactorials();

    private ReducedExp() {}

    private static double[] inverseFactorials() {
        double[] c = new double[14];
        double factorial = 1;
        for (int k = 0; k < c.length; k++) {
            factorial *= Math.max(k, 1);
            c[k] = 1.0 / factorial; // k! is exact in a double up to 18!, so one rounding
        }
        return c;
    }

    /** {@code exp(y)}: the reduction and polynomial for {@code |y| <= 16}, else {@code StrictMath.exp}. */
    public static double exp(double y) {
        if (!(Math.abs(y) <= MAX_ARGUMENT)) {
            return StrictMath.exp(y);
        }
        double shifted = y * LOG2_E + ROUNDING;
        double n = shifted - ROUNDING;
        double r = (y - n * LN2_HI) - n * LN2_LO;
        double[] c = INVERSE_FACTORIALS;
        double p = c[13];
        for (int k = 12; k >= 0; k--) {
            p = p * r + c[k];
        }
        return p * twoTo(shifted);
    }

    /**
     * {@code 2^n} for {@code shifted = n + 1.5 * 2^52} ({@code |n| <= 1022}): {@code n} is the low bits of {@code
     * shifted}'s significand, so {@code 2^n}'s exponent field is {@code bits(shifted) - bits(1.5 * 2^52) + 1023}
     * (integer arithmetic only, which vector lanes do without a double-to-long conversion).
     */
    static double twoTo(double shifted) {
        return Double.longBitsToDouble(
                (Double.doubleToRawLongBits(shifted) + (1023L - Double.doubleToRawLongBits(ROUNDING))) << 52);
    }
}
