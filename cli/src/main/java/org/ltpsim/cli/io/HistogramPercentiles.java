package org.ltpsim.cli.io;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Percentiles of a wide-range distribution (switch lifetimes: milliseconds to years) from an HdrHistogram of
 * milliseconds, for summary.json: {@code count}, {@code p10_s}, {@code p25_s}, {@code median_s}, {@code p75_s},
 * {@code p90_s}, {@code p99_s} and {@code max_s}, in seconds, to the histogram's precision (3 significant digits in
 * ltpsim's); the percentiles are null when the histogram is empty.
 */
public final class HistogramPercentiles {
    private static final double[] PERCENTILES = {10, 25, 50, 75, 90, 99};
    private static final String[] NAMES = {"p10_s", "p25_s", "median_s", "p75_s", "p90_s", "p99_s"};

    private HistogramPercentiles() {}

    public static Map<String, Object> seconds(Histogram millis) {
        Map<String, Object> m = new LinkedHashMap<>();
        long count = millis.getTotalCount();
        m.put("count", count);
        for (int i = 0; i < PERCENTILES.length; i++) {
            m.put(NAMES[i], count == 0 ? null : millis.getValueAtPercentile(PERCENTILES[i]) / 1e3);
        }
        m.put("max_s", count == 0 ? null : millis.getMaxValue() / 1e3);
        return m;
    }
}
