package org.ltpsim.cli.spine;

import java.math.BigDecimal;

/**
 * Axis ticks at round values: a step of 1, 2 or 5 x 10^k chosen so that about {@code target} ticks cover the
 * range, the axis end rounded out to a whole step, and labels with just the decimals the step needs.
 *
 * @param first the first tick (the axis start)
 * @param step distance between ticks
 * @param count number of ticks; the axis ends at {@code first + (count - 1) * step}
 */
public record NiceTicks(double first, double step, int count) {
    /** Ticks from {@code min} (rounded down to a step) through at least {@code max} (rounded up). */
    public static NiceTicks covering(double min, double max, int target) {
        if (!(max > min)) {
            max = min + (min == 0 ? 1 : Math.abs(min) * 0.1);
        }
        double step = niceStep((max - min) / Math.max(1, target));
        double first = Math.floor(min / step + 1e-9) * step;
        int count = (int) Math.ceil((max - first) / step - 1e-9) + 1;
        return new NiceTicks(first, step, Math.max(2, count));
    }

    /** Ticks from 0 through at least {@code max} at whole-number steps, for counts. */
    public static NiceTicks coveringCounts(double max, int target) {
        double step = Math.max(1, niceStep(Math.max(1, max) / Math.max(1, target)));
        int count = (int) Math.ceil(Math.max(1, max) / step - 1e-9) + 1;
        return new NiceTicks(0, step, count);
    }

    /** The smallest 1, 2 or 5 x 10^k that is at least {@code roughStep} (> 0). */
    public static double niceStep(double roughStep) {
        double power = StrictMath.pow(10, Math.floor(StrictMath.log10(roughStep)));
        for (double m : new double[] {1, 2, 5}) {
            if (m * power >= roughStep * (1 - 1e-12)) {
                return m * power;
            }
        }
        return 10 * power;
    }

    public double value(int i) {
        return first + i * step;
    }

    /** The axis end: the last tick. */
    public double last() {
        return value(count - 1);
    }

    /** Label of tick {@code i}: as many decimals as the step has, no more (0.05 -> "0.05", 200 -> "200"). */
    public String label(int i) {
        int decimals = Math.max(0, BigDecimal.valueOf(step).stripTrailingZeros().scale());
        return BigDecimal.valueOf(value(i)).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString()
                .replaceFirst("^-(0(\\.0*)?)$", "$1");
    }
}
