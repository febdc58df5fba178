package org.ltpsim.spine.input;

import java.util.Locale;

/**
 * Durations written with a unit, as a person writes them: {@code 250ms}, {@code 1.5 s}, {@code 30min},
 * {@code 3h}. Units: ms, s, min, h (also sec, m, hr, hours...). Returned in ms.
 */
public final class Durations {
    private Durations() {}

    /** Parses a duration with its unit; a bare number is refused (say which unit). */
    public static double parseMs(String text) {
        return parseMs(text, null);
    }

    /**
     * Parses a duration; a bare number is taken in {@code bareUnit} ("ms", "s", ...) or refused if that is null.
     * Negative, NaN and infinite durations are refused.
     */
    public static double parseMs(String text, String bareUnit) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a duration is needed, e.g. 30min or 3h");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        int split = t.length();
        while (split > 0 && Character.isLetter(t.charAt(split - 1))) {
            split--;
        }
        String number = t.substring(0, split).trim();
        String unit = t.substring(split);
        if (unit.isEmpty()) {
            if (bareUnit == null) {
                throw new IllegalArgumentException("duration '" + text.trim() + "' needs a unit: ms, s, min or h "
                        + "(e.g. 30min, 3h)");
            }
            unit = bareUnit;
        }
        double factor = switch (unit) {
            case "ms" -> 1;
            case "s", "sec", "secs", "second", "seconds" -> 1e3;
            case "min", "mins", "m", "minute", "minutes" -> 60e3;
            case "h", "hr", "hrs", "hour", "hours" -> 3600e3;
            default -> throw new IllegalArgumentException("duration '" + text.trim() + "': unknown unit '" + unit
                    + "' (ms, s, min or h)");
        };
        double value;
        try {
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("duration '" + text.trim() + "' is not a number with a unit "
                    + "(e.g. 30min, 3h)");
        }
        double ms = value * factor;
        if (!(ms >= 0) || Double.isInfinite(ms)) {
            throw new IllegalArgumentException("duration '" + text.trim() + "' must be finite and >= 0");
        }
        return ms;
    }

    /** A short form for outputs: whole hours, minutes or seconds when exact, else ms. */
    public static String format(double ms) {
        if (ms > 0 && ms % 3600e3 == 0) {
            return (long) (ms / 3600e3) + "h";
        }
        if (ms > 0 && ms % 60e3 == 0) {
            return (long) (ms / 60e3) + "min";
        }
        if (ms > 0 && ms % 1e3 == 0) {
            return (long) (ms / 1e3) + "s";
        }
        return java.math.BigDecimal.valueOf(ms).stripTrailingZeros().toPlainString() + "ms";
    }
}
