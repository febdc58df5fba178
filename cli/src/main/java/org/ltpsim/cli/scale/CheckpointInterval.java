package org.ltpsim.cli.scale;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ltpsim.cli.UserInputException;

/** {@code --checkpoint-every DURATION}: a number and a unit, {@code ms}, {@code s}, {@code min} or {@code h}. */
public final class CheckpointInterval {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|sec|min|m|h)");
    /** A checkpoint more often than this would spend the run writing checkpoints. */
    static final long MIN_NANOS = 100_000_000L;

    private CheckpointInterval() {}

    /** The interval in nanoseconds. */
    public static long parseNanos(String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UserInputException("--checkpoint-every must be a duration such as 30s, 5min or 2h: '" + text
                    + "'");
        }
        double value = Double.parseDouble(m.group(1));
        double unitNanos = switch (m.group(2)) {
            case "ms" -> 1e6;
            case "s", "sec" -> 1e9;
            case "m", "min" -> 60e9;
            case "h" -> 3600e9;
            default -> throw new AssertionError(m.group(2));
        };
        double nanos = value * unitNanos;
        if (nanos < MIN_NANOS || nanos > 1e9 * 3600 * 24 * 365) {
            throw new UserInputException("--checkpoint-every must be between 0.1s and a year: '" + text + "'");
        }
        return (long) nanos;
    }
}
