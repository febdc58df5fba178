package org.ltpsim.cli.spine;

import java.util.ArrayList;
import java.util.List;
import org.ltpsim.cli.UserInputException;
import org.ltpsim.params.ParameterSet;

/** Repeatable KEY=VALUE options ({@code --set}, {@code --camkii-set}, {@code --expression-set}): read one way. */
public final class KeyValueOptions {
    private KeyValueOptions() {}

    /**
     * {@code base} with each of {@code assignments} applied in order; a malformed one, or a bad key, unit or value,
     * is one line naming {@code option}.
     */
    public static ParameterSet apply(ParameterSet base, List<String> assignments, String option) {
        ParameterSet set = base;
        try {
            for (String assignment : assignments) {
                int eq = assignment.indexOf('=');
                if (eq <= 0) {
                    throw new UserInputException(option + " expects KEY=VALUE: '" + assignment + "'");
                }
                set = set.with(assignment.substring(0, eq).trim(), assignment.substring(eq + 1));
            }
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        return set;
    }

    /** The keys of KEY=VALUE options, as given (a value without '=' is all key). */
    public static List<String> keys(List<String> assignments) {
        List<String> keys = new ArrayList<>();
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            keys.add((eq < 0 ? assignment : assignment.substring(0, eq)).trim());
        }
        return keys;
    }
}
