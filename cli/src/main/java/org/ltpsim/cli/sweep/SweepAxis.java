package org.ltpsim.cli.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.ltpsim.cli.UserInputException;
import org.ltpsim.params.NumberText;
import org.ltpsim.params.ParameterSet;

/**
 * One swept parameter: a {@code data/} key and the values it takes, from {@code --param KEY=V1,V2,...} or
 * {@code --param KEY=START:STOP:N} (N evenly spaced values, both ends included).
 *
 * <p>Spine keys ({@code data/spine.toml}) are written as they are; CaMKII keys ({@code data/camkii.toml}) take the
 * prefix {@code camkii.}, e.g. {@code camkii.holoenzyme.per_spine} (the two sets share section names such as
 * {@code calcium}). Every value is checked here against the key's unit and allowed range, so a bad grid is refused
 * before anything runs.
 *
 * @param option the option text as given, for messages
 * @param key the key as written on the command line (with {@code camkii.} for CaMKII keys)
 * @param camkii whether the key is a CaMKII parameter
 * @param parameter the parameter's definition (unit, range) from its set
 * @param values the grid values in the order given, at least 2, distinct
 */
public record SweepAxis(String option, String key, boolean camkii, ParameterSet.Parameter parameter,
        List<Double> values) {
    /** The prefix that marks a CaMKII key. */
    public static final String CAMKII_PREFIX = "camkii.";
    /** A plain decimal number: no NaN, infinity, hex or unit. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");
    /** Range values are rounded to this many significant digits, so 0.1:0.9:9 gives 0.2, not 0.19999999999999998. */
    private static final MathContext RANGE_DIGITS = new MathContext(12);

    public SweepAxis {
        values = List.copyOf(values);
    }

    /**
     * Parses one {@code --param} option against the spine set and the CaMKII set ({@code camkiiSet} null with
     * {@code --no-camkii}). Every problem is one line naming the option: unknown key (with "did you mean"), no
     * values, a value that is not a number, a range with N &lt; 2, a fractional N or equal ends, a value listed twice,
     * a fraction for a whole-number key, or a value outside the key's range.
     */
    public static SweepAxis parse(String option, ParameterSet spineSet, ParameterSet camkiiSet) {
        int eq = option.indexOf('=');
        if (eq <= 0) {
            throw bad(option, "expects KEY=V1,V2,... or KEY=START:STOP:N");
        }
        String key = option.substring(0, eq).trim();
        String text = option.substring(eq + 1).trim();
        boolean camkii = key.startsWith(CAMKII_PREFIX);
        ParameterSet set = camkii ? camkiiSetOrRefuse(option, key, camkiiSet) : spineSet;
        String setKey = camkii ? key.substring(CAMKII_PREFIX.length()) : key;
        ParameterSet.Parameter parameter = parameter(option, set, setKey, camkii);
        if (text.isEmpty()) {
            throw bad(option, "no values: give V1,V2,... or START:STOP:N");
        }
        List<Double> values = text.contains(":") ? range(option, text) : list(option, text);
        if (values.size() < 2) {
            throw bad(option, "one value is not a sweep: give 2 or more (for a fixed value use --set"
                    + (camkii ? " / --camkii-set" : "") + ")");
        }
        boolean whole = parameter.unit().equals("count") && parameter.value() == Math.rint(parameter.value());
        for (int i = 0; i < values.size(); i++) {
            double value = values.get(i);
            if (values.subList(0, i).contains(value)) {
                throw bad(option, NumberText.of(value) + " is listed twice (each grid point runs once)");
            }
            if (whole && value != Math.rint(value)) {
                throw bad(option, key + " is a whole number (unit count) but the grid has " + NumberText.of(value)
                        + (text.contains(":") ? "; choose START, STOP and N so that (STOP - START) / (N - 1) is whole"
                        : ""));
            }
            try {
                set.with(setKey, NumberText.of(value)); // the key's own range check
            } catch (IllegalArgumentException e) {
                throw bad(option, e.getMessage());
            }
        }
        return new SweepAxis(option, key, camkii, parameter, values);
    }

    /** The key inside its own parameter set (without the {@code camkii.} prefix). */
    public String setKey() {
        return camkii ? key.substring(CAMKII_PREFIX.length()) : key;
    }

    /** The value as the text handed to {@link ParameterSet#with}: the shortest plain decimal. */
    public static String text(double value) {
        return NumberText.of(value);
    }

    private static ParameterSet camkiiSetOrRefuse(String option, String key, ParameterSet camkiiSet) {
        if (camkiiSet == null) {
            throw bad(option, key + " is a CaMKII parameter, but CaMKII is off (--no-camkii)");
        }
        return camkiiSet;
    }

    private static ParameterSet.Parameter parameter(String option, ParameterSet set, String setKey, boolean camkii) {
        try {
            return set.parameter(setKey);
        } catch (IllegalArgumentException e) {
            String hint = !camkii && ParameterSet.defaults("camkii").has(setKey)
                    ? "; sweep CaMKII keys as " + CAMKII_PREFIX + setKey : "";
            throw bad(option, e.getMessage() + hint);
        }
    }

    private static List<Double> list(String option, String text) {
        List<Double> values = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            values.add(number(option, item.trim(), "value"));
        }
        return values;
    }

    private static List<Double> range(String option, String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 3) {
            throw bad(option, "a range is START:STOP:N, e.g. 5:60:12");
        }
        double start = number(option, parts[0].trim(), "START");
        double stop = number(option, parts[1].trim(), "STOP");
        String count = parts[2].trim();
        if (!count.matches("\\d+")) {
            throw bad(option, "N = '" + count + "' must be a whole number of grid points, at least 2");
        }
        int n;
        try {
            n = Integer.parseInt(count);
        } catch (NumberFormatException e) {
            throw bad(option, "N = " + count + " is too many grid points");
        }
        if (n < 2) {
            throw bad(option, "N = " + n + " grid points is not a sweep: N must be at least 2");
        }
        if (start == stop) {
            throw bad(option, "START and STOP are both " + NumberText.of(start) + ": nothing to sweep");
        }
        List<Double> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double value = i == n - 1 ? stop : start + (stop - start) * i / (n - 1);
            values.add(new BigDecimal(value).round(RANGE_DIGITS).doubleValue());
        }
        return values;
    }

    private static double number(String option, String text, String what) {
        if (text.isEmpty()) {
            throw bad(option, "an empty " + what + " (two commas, or a comma at an end?)");
        }
        if (!NUMBER.matcher(text).matches()) {
            throw bad(option, what + " '" + text + "' is not a number (give plain numbers in the key's unit)");
        }
        return Double.parseDouble(text);
    }

    private static UserInputException bad(String option, String problem) {
        return new UserInputException("--param " + option + ": " + problem);
    }
}
