package org.ltpsim.spine.input;

/**
 * One input pathway: a stimulus delivered to {@code spineCount} spines. Spines of all pathways are spread over
 * the branches round-robin, so every branch carries the same mix (and coactive pathways share depolarisation).
 */
public record Pathway(String name, Stimulus stimulus, int spineCount) {
    public Pathway {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a pathway needs a name");
        }
        if (spineCount < 1) {
            throw new IllegalArgumentException("pathway '" + name + "' is empty: spine count must be >= 1, was "
                    + spineCount);
        }
    }
}
