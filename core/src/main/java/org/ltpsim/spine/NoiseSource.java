package org.ltpsim.spine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The sources of noise of the spine model, each of which can be made mean-field (its large-number limit). */
public enum NoiseSource {
    /** Vesicle release: Bernoulli per site, or its mean. */
    RELEASE,
    /** AMPA receptor gating: channel by channel, or state fractions times the receptor number. */
    AMPA,
    /** NMDA receptor gating, as AMPA. */
    NMDA,
    /** CaMKII holoenzymes: subunit by subunit, or subunit state fractions. */
    CAMKII;

    /** The name on the command line. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** All names, in order, comma-separated. */
    public static String keys() {
        List<String> keys = new ArrayList<>();
        for (NoiseSource s : values()) {
            keys.add(s.key());
        }
        return String.join(",", keys);
    }

    /**
     * A comma-separated list of source names (any subset, any order, case-insensitive).
     *
     * @throws IllegalArgumentException naming the first unknown or repeated value, or an empty list
     */
    public static Set<NoiseSource> parseList(String text) {
        Set<NoiseSource> sources = EnumSet.noneOf(NoiseSource.class);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no source named (known: " + keys() + ")");
        }
        for (String part : text.split(",", -1)) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            NoiseSource found = null;
            for (NoiseSource s : values()) {
                if (s.key().equals(name)) {
                    found = s;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("unknown source '" + part.trim() + "' (known: " + keys() + ")");
            }
            if (!sources.add(found)) {
                throw new IllegalArgumentException("source '" + name + "' is named twice");
            }
        }
        return sources;
    }
}
