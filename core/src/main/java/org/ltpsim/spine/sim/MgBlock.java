package org.ltpsim.spine.sim;

import java.util.Arrays;
import org.ltpsim.spine.SpineModel;

/**
 * The Jahr &amp; Stevens (1990) Mg2+ unblocked fraction {@code B(V) = 1 / (1 + exp(-s V) [Mg] / K)} of each spine,
 * kept per spine and updated as its voltage moves, because the branch step needs it for every spine with an open
 * NMDA channel twice a step and {@code StrictMath.exp} was 16% of a 10,000-spine HFS (JFR).
 *
 * <p>{@code exp(-s V') = exp(-s V) exp(x)} with {@code x = -s (V' - V)}; while {@code |x| <= 1/64} the second factor
 * is its Taylor polynomial of degree 6 (truncation {@code x^7 / 7! < 5e-17}, below half an ulp), else, and after
 * 32 such updates in a row, the exponential is recomputed with {@code StrictMath.exp}. IEEE operations only, so the
 * same bits on every CPU; the error against {@link SpineModel#mgUnblocked} stays within 1e-13 relative
 * ({@code MgBlockTest}: at most a few ulps per update, 32 updates).
 */
final class MgBlock {
    private static final double TAYLOR_LIMIT = 1.0 / 64;
    private static final int CHAIN_LIMIT = 32;

    private final SpineModel m;
    private final double[] voltageMv; // voltage of the remembered values (NaN: none)
    private final double[] expFactor; // exp(-s V) at that voltage
    private final double[] unblocked; // B at that voltage
    private final int[] chain; // incremental updates since the last exact exp

    MgBlock(SpineModel model, int spines) {
        m = model;
        voltageMv = new double[spines];
        Arrays.fill(voltageMv, Double.NaN);
        expFactor = new double[spines];
        unblocked = new double[spines];
        chain = new int[spines];
    }

    /** B at spine {@code i}'s voltage {@code vMv}. */
    double unblocked(int i, double vMv) {
        double v0 = voltageMv[i];
        if (vMv == v0) {
            return unblocked[i];
        }
        double x = -m.mgSlopePerMv() * (vMv - v0); // NaN when nothing is remembered
        double e;
        if (Math.abs(x) <= TAYLOR_LIMIT && chain[i] < CHAIN_LIMIT) {
            double p = 1 + x * (1 + x * (1.0 / 2 + x * (1.0 / 6 + x * (1.0 / 24 + x * (1.0 / 120 + x * (1.0 / 720))))));
            e = expFactor[i] * p;
            chain[i]++;
        } else {
            e = StrictMath.exp(-m.mgSlopePerMv() * vMv);
            chain[i] = 0;
        }
        double b = 1.0 / (1.0 + e * m.mgMilliMolar() / m.mgKMilliMolar());
        voltageMv[i] = vMv;
        expFactor[i] = e;
        unblocked[i] = b;
        return b;
    }
}
