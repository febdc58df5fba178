package org.ltpsim.rng;

/**
 * The two random variates of an exact SSA step, computed from raw 64-bit generator output with plain IEEE
 * additions, multiplications and one division, so that the scalar methods and the SIMD-lane kernel
 * ({@code org.ltpsim.simd.PanamaSsaLanes}) produce bit-identical values from the same bits.
 *
 * <p>{@link Math#log} cannot serve: it is an intrinsic whose result may differ in the last bit from any vector
 * logarithm. {@link #log} is our own: argument reduction to {@code [sqrt(1/2), sqrt(2))} and the odd series of
 * {@code log(1+f) = 2 atanh(f/(2+f))} with the minimax coefficients of Sun's fdlibm {@code e_log.c}; it is accurate
 * to about one ulp (a test checks it against {@code Math.log}).
 */
public final class SsaVariates {
    /** Bits of 1.0: OR-ed with 52 random mantissa bits it gives a double in [1, 2). */
    public static final long ONE_BITS = 0x3FF0000000000000L;
    /** Bits of sqrt(1/2): the reduction puts the mantissa in [sqrt(1/2), sqrt(2)). */
    public static final long SQRT_HALF_BITS = 0x3FE6A09E667F3BCDL;
    /** ln 2 split in a high part with trailing zero bits (so k * LN2_HI is exact) and the rest. */
    public static final double LN2_HI = Double.longBitsToDouble(0x3FE62E42FEE00000L);
    public static final double LN2_LO = Double.longBitsToDouble(0x3DEA39EF35793C76L);
    public static final double LG1 = 6.666666666666735130e-01;
    public static final double LG2 = 3.999999999940941908e-01;
    public static final double LG3 = 2.857142874366239149e-01;
    public static final double LG4 = 2.222219843214978396e-01;
    public static final double LG5 = 1.818357216161805012e-01;
    public static final double LG6 = 1.531383769920937332e-01;
    public static final double LG7 = 1.479819860511658591e-01;

    private SsaVariates() {}

    /** Uniform on {@code [0, 1 - 2^-52]} from the top 52 bits: a multiple of 2^-52, never 1. */
    public static double uniform(long bits) {
        return Double.longBitsToDouble((bits >>> 12) | ONE_BITS) - 1.0;
    }

    /** Unit-mean exponential variate {@code -log(u)} with u uniform on {@code [2^-52, 1]} (top 52 bits). */
    public static double exponential(long bits) {
        double u = 2.0 - Double.longBitsToDouble((bits >>> 12) | ONE_BITS);
        return -log(u);
    }

    /**
     * Natural logarithm of a positive normal double (not for 0, subnormals, infinity or NaN: the SSA never
     * passes them).
     */
    public static double log(double x) {
        assert x >= Double.MIN_NORMAL && x < Double.POSITIVE_INFINITY : x;
        long bits = Double.doubleToRawLongBits(x);
        long k = (bits - SQRT_HALF_BITS) >> 52; // x = 2^k * m, m in [sqrt(1/2), sqrt(2))
        double m = Double.longBitsToDouble(bits - (k << 52));
        double f = m - 1.0;
        double s = f / (2.0 + f);
        double z = s * s;
        double w = z * z;
        double odd = w * (LG2 + w * (LG4 + w * LG6));
        double even = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
        double r = even + odd;
        double hfsq = 0.5 * f * f;
        double dk = k;
        return dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
    }
}
