package org.ltpsim.camkii;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Pearson's chi-square goodness of fit against exact probabilities. Adjacent bins are pooled until each pooled
 * bin expects at least 5 counts (a remainder joins the last pooled bin); df = pooled bins - 1.
 */
final class ChiSquare {
    private ChiSquare() {}

    static double pValue(long[] observed, double[] probabilities) {
        long n = 0;
        for (long o : observed) {
            n += o;
        }
        List<double[]> bins = new ArrayList<>(); // {expected, observed}
        double expected = 0;
        double seen = 0;
        for (int i = 0; i < observed.length; i++) {
            expected += probabilities[i] * n;
            seen += observed[i];
            if (expected >= 5) {
                bins.add(new double[] {expected, seen});
                expected = 0;
                seen = 0;
            }
        }
        if (bins.isEmpty()) {
            return 1.0;
        }
        double[] last = bins.get(bins.size() - 1);
        last[0] += expected;
        last[1] += seen;
        if (bins.size() < 2) {
            return 1.0;
        }
        double statistic = 0;
        for (double[] bin : bins) {
            statistic += (bin[1] - bin[0]) * (bin[1] - bin[0]) / bin[0];
        }
        return ChiSquaredDistribution.of(bins.size() - 1).survivalProbability(statistic);
    }

    /**
     * Two-sample chi-square test of homogeneity: do counts {@code a} and {@code b} over the same bins come from one
     * distribution? Adjacent bins are pooled until each pooled bin holds at least 10 counts of the two together.
     */
    static double homogeneityPValue(long[] a, long[] b) {
        long na = 0;
        long nb = 0;
        for (int i = 0; i < a.length; i++) {
            na += a[i];
            nb += b[i];
        }
        List<long[]> bins = new ArrayList<>();
        long pa = 0;
        long pb = 0;
        for (int i = 0; i < a.length; i++) {
            pa += a[i];
            pb += b[i];
            if (pa + pb >= 10) {
                bins.add(new long[] {pa, pb});
                pa = 0;
                pb = 0;
            }
        }
        if (bins.isEmpty()) {
            return 1.0;
        }
        bins.get(bins.size() - 1)[0] += pa;
        bins.get(bins.size() - 1)[1] += pb;
        if (bins.size() < 2) {
            return 1.0;
        }
        double n = na + nb;
        double statistic = 0;
        for (long[] bin : bins) {
            double column = bin[0] + bin[1];
            double ea = column * na / n;
            double eb = column * nb / n;
            statistic += (bin[0] - ea) * (bin[0] - ea) / ea + (bin[1] - eb) * (bin[1] - eb) / eb;
        }
        return ChiSquaredDistribution.of(bins.size() - 1).survivalProbability(statistic);
    }
}
