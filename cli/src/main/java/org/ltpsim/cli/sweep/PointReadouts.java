package org.ltpsim.cli.sweep;

import org.ltpsim.cli.spine.PathwayReadouts;
import org.ltpsim.spine.sim.SpineRunResult;
import org.ltpsim.stats.Quantiles;

/**
 * What a sweep keeps of one grid point's run: pathway A's counts and summaries (the per-spine arrays are dropped
 * as soon as these are taken, so a long sweep holds little memory).
 *
 * @param spines spines of pathway A
 * @param ruleLtp spines with calcium-rule LTP (Q_max &gt;= q_ltp)
 * @param ruleLtd spines with calcium-rule LTD (q_ltd &lt;= Q_max &lt; q_ltp)
 * @param meanPeakCaMicroMolar mean over the spines of the peak calcium
 * @param qMaxP10 10th percentile of Q_max, uM s (type-7 quantile)
 * @param qMaxP50 median of Q_max, uM s
 * @param qMaxP90 90th percentile of Q_max, uM s
 * @param camkii whether CaMKII was simulated (the camkii counts are 0 otherwise)
 * @param camkiiOn spines whose CaMKII switch is ON at the end
 * @param camkiiLtp spines with lasting CaMKII potentiation (ON for at least switch.ltp_min_on_s)
 * @param camkiiUndecided spines ON for less than that when the run ended
 */
public record PointReadouts(int spines, int ruleLtp, int ruleLtd, double meanPeakCaMicroMolar, double qMaxP10,
        double qMaxP50, double qMaxP90, boolean camkii, int camkiiOn, int camkiiLtp, int camkiiUndecided) {

    /** The readouts of pathway A (index 0) of {@code r}. */
    public static PointReadouts of(SpineRunResult r) {
        PathwayReadouts a = PathwayReadouts.of(r, 0);
        double[] q = new double[a.spines()];
        int n = 0;
        for (int i = 0; i < r.spineCount(); i++) {
            if (r.layout().pathwayOf(i) == 0) {
                q[n++] = r.qMaxMicroMolarSec(i);
            }
        }
        Quantiles quantiles = Quantiles.of(q);
        return new PointReadouts(a.spines(), a.ruleLtp(), a.ruleLtd(), r.mean(0, r::peakCaMicroMolar),
                quantiles.at(0.1), quantiles.at(0.5), quantiles.at(0.9), a.camkii(), a.camkiiOn(), a.camkiiLtp(),
                a.camkiiUndecided());
    }

    public int ruleNone() {
        return spines - ruleLtp - ruleLtd;
    }

    /** Spines past the LTD onset: Q_max &gt;= q_ltd, i.e. outcome LTD or LTP. */
    public int ltdOnset() {
        return ruleLtp + ruleLtd;
    }

    public double fraction(int count) {
        return (double) count / spines;
    }

    /** Lasting CaMKII potentiation can be judged for every spine. */
    public boolean camkiiLtpDecided() {
        return camkiiUndecided == 0;
    }
}
