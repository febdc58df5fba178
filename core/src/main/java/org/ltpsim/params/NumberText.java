package org.ltpsim.params;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Numbers as people write them in parameter files and messages: {@code 5000}, {@code 0.062}, {@code 0.0001},
 * {@code 1e-09}, never {@code 5000.0} or {@code 1.0E9}.
 */
public final class NumberText {
    private NumberText() {}

    /** Shortest plain decimal for ordinary magnitudes, scientific notation outside 1e-6 .. 1e15. */
    public static String of(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        double magnitude = Math.abs(value);
        if (value == 0 || (magnitude >= 1e-6 && magnitude < 1e15)) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
        return Double.toString(value).replace(".0E", "E").toLowerCase(Locale.ROOT);
    }

    /** The value followed by its unit; unit {@code "1"} (dimensionless) is left out. */
    public static String withUnit(double value, String unit) {
        return unit.equals("1") || unit.isEmpty() ? of(value) : of(value) + " " + unit;
    }
}
