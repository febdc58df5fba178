package org.ltpsim.params;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeySuggestionsTest {
    private static final List<String> KEYS = List.of("ampa.channels_per_spine", "nmda.channels_per_spine",
            "nmda.mg_mm", "calcium.rest_um", "cam.hill");

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, KeySuggestions.levenshtein("hill", "hill"));
        assertEquals(1, KeySuggestions.levenshtein("hil", "hill"));
        assertEquals(1, KeySuggestions.levenshtein("hull", "hill"));
        assertEquals(3, KeySuggestions.levenshtein("kitten", "sitting"));
        assertEquals(4, KeySuggestions.levenshtein("", "hill"));
    }

    @Test
    void suggestsNearKeysOnly() {
        assertEquals(List.of("nmda.channels_per_spine"), KeySuggestions.nearest("nmda.chanels_per_spine", KEYS));
        assertEquals(List.of("calcium.rest_um"), KeySuggestions.nearest("calcium.rest_uM", KEYS), "case ignored");
        assertEquals(List.of("nmda.mg_mm"), KeySuggestions.nearest("mg_mm", KEYS), "no section");
        assertEquals(List.of("nmda.mg_mm"), KeySuggestions.nearest("ampa.mg_mm", KEYS), "wrong section");
        assertEquals(List.of("ampa.channels_per_spine", "nmda.channels_per_spine"),
                KeySuggestions.nearest("channels_per_spine", KEYS), "ties: all, in order");
        assertEquals(List.of(), KeySuggestions.nearest("nmda.bogus", KEYS));
        assertEquals(List.of(), KeySuggestions.nearest("x", KEYS));
    }

    @Test
    void listsReadAsEnglish() {
        assertEquals("'a'", KeySuggestions.orList(List.of("a")));
        assertEquals("'a' or 'b'", KeySuggestions.orList(List.of("a", "b")));
        assertEquals("'a', 'b' or 'c'", KeySuggestions.orList(List.of("a", "b", "c")));
    }
}
