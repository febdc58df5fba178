package org.ltpsim.params;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean" for parameter keys: the known keys nearest to a mistyped one by Levenshtein edit distance.
 *
 * <p>A key is compared whole ({@code nmda.chanels_per_spine}) and by its name after the section
 * ({@code chanels_per_spine}, one extra edit for a different section), so a key under the wrong section, or with
 * no section, still finds its full key. Case is ignored. Only keys within a small distance count: at most 2 edits,
 * or a quarter of the name's length for long names.
 */
public final class KeySuggestions {
    /** More than this many equally near keys is no longer a useful hint. */
    private static final int MAX_SUGGESTIONS = 3;

    private KeySuggestions() {}

    /** The known keys nearest to {@code wanted}, in the order of {@code known}; empty when none is near. */
    public static List<String> nearest(String wanted, Collection<String> known) {
        String wantedLower = wanted.toLowerCase(Locale.ROOT);
        String wantedName = name(wantedLower);
        int threshold = Math.max(2, wantedName.length() / 4);
        int best = Integer.MAX_VALUE;
        List<String> nearest = new ArrayList<>();
        for (String key : known) {
            String keyLower = key.toLowerCase(Locale.ROOT);
            int sectionPenalty = section(keyLower).equals(section(wantedLower)) ? 0 : 1;
            int distance = Math.min(levenshtein(wantedLower, keyLower),
                    levenshtein(wantedName, name(keyLower)) + sectionPenalty);
            if (distance > threshold || distance > best) {
                continue;
            }
            if (distance < best) {
                best = distance;
                nearest.clear();
            }
            nearest.add(key);
        }
        return nearest.size() > MAX_SUGGESTIONS ? List.of() : nearest;
    }

    /** {@code "'a'"}, {@code "'a' or 'b'"}, {@code "'a', 'b' or 'c'"}. */
    public static String orList(List<String> keys) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                text.append(i == keys.size() - 1 ? " or " : ", ");
            }
            text.append('\'').append(keys.get(i)).append('\'');
        }
        return text.toString();
    }

    /** Insertions, deletions and substitutions that turn {@code a} into {@code b} (two-row dynamic programme). */
    public static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String section(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? "" : key.substring(0, dot);
    }

    private static String name(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }
}
