package org.ltpsim.simd;

/**
 * {@code exp(y)} to a few ulps with IEEE operations only, so the same bits on every CPU and at every vector width:
 * {@code exp(k / 64) exp(r)}, the first factor from a table of {@code StrictMath.exp(k / 64)} made once for
 * {@code |k| <= 1024} ({@code |y| <= 16}), the second, {@code |r| <= 1/128}, by its Taylor polynomial of degree 6
 * (truncation {@code r^7 / 7! < 4e-19}, far below half an ulp); outside the table {@code StrictMath.exp} itself.
 * The Mg2+ block of the spine model evaluates it once per spine and step with an open NMDA channel
 * ({@code StrictMath.exp} was 16% of a 10,000-spine HFS); {@link PanamaSpineStepKernel} evaluates the same
 * operations lane by lane.
 */
public final class TableExp {
    static final int STEPS_PER_UNIT = 64;
    static final int TABLE_HALF = 1024;
    /** {@code GRID[k + TABLE_HALF] = StrictMath.exp(k / 64)}. */
    static final double[] GRID = grid();
    /**
     * {@code (x + ROUNDING) - ROUNDING} is {@code Math.rint(x)} for {@code |x| <= 2^51} (round to nearest, ties to
     * even, at the unit spacing of doubles near 1.5 * 2^52): the rounding that vector lanes can do.
     */
    static final double ROUNDING = 0x1.8p52;

    private TableExp() {}

    private static double[] grid() {
        double[] grid = new double[2 * TABLE_HALF + 1];
        for (int k = -TABLE_HALF; k <= TABLE_HALF; k++) {
            grid[k + TABLE_HALF] = StrictMath.exp((double) k / STEPS_PER_UNIT);
        }
        return grid;
    }

    /** {@code exp(y)}: table times Taylor polynomial, or {@code StrictMath.exp} outside the table (and for NaN). */
    public static double exp(double y) {
        double scaled = y * STEPS_PER_UNIT;
        if (!(Math.abs(scaled) <= TABLE_HALF)) {
            return StrictMath.exp(y);
        }
        double k = (scaled + ROUNDING) - ROUNDING;
        return GRID[(int) k + TABLE_HALF] * taylor(y - k / STEPS_PER_UNIT);
    }

    /** {@code exp(r)} for {@code |r| <= 1/128}: Taylor to degree 6, Horner's scheme. */
    static double taylor(double r) {
        return 1 + r * (1 + r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720))))));
    }
}
