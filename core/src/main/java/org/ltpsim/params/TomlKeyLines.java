package org.ltpsim.params;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line numbers of {@code [section]} headers and {@code key = ...} lines in a TOML text, found by a plain scan.
 * The TOML parser reports a position only for syntax errors; this gives errors about a key's value (unknown key,
 * out of range) a line too. A scan cannot see inside multi-line strings, which parameter files do not use; a key
 * it cannot find gets its section's line, or 0 (unknown).
 */
final class TomlKeyLines {
    private static final Pattern HEADER = Pattern.compile("^\\s*\\[\\s*([^\\[\\]]+?)\\s*\\]");
    private static final Pattern KEY = Pattern.compile("^\\s*([A-Za-z0-9_.\\-\"' ]+?)\\s*=");

    private final Map<String, Integer> keyLines = new HashMap<>();
    private final Map<String, Integer> sectionLines = new HashMap<>();

    TomlKeyLines(String text) {
        String section = "";
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            Matcher header = HEADER.matcher(lines[i]);
            if (header.find()) {
                section = bareKey(header.group(1));
                sectionLines.putIfAbsent(section, lineNumber);
                continue;
            }
            Matcher key = KEY.matcher(lines[i]);
            if (key.find()) {
                String bare = bareKey(key.group(1));
                keyLines.putIfAbsent(section.isEmpty() ? bare : section + "." + bare, lineNumber);
            }
        }
    }

    /** The 1-based line of {@code key} ({@code section.name}), else of its section's header, else 0. */
    int lineOf(String key) {
        Integer line = keyLines.get(key);
        if (line != null) {
            return line;
        }
        int dot = key.lastIndexOf('.');
        return dot < 0 ? 0 : sectionLines.getOrDefault(key.substring(0, dot), 0);
    }

    /** {@code "a" . b} -> {@code a.b}: quotes and the spaces around dots removed. */
    private static String bareKey(String raw) {
        return raw.replace("\"", "").replace("'", "").replaceAll("\\s*\\.\\s*", ".").trim();
    }
}
