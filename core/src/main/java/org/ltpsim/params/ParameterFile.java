package org.ltpsim.params;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A user's parameter file applied to a {@link ParameterSet}; see {@link ParameterSet#withOverridesFile(Path)} for
 * the two forms a key may take. Every refusal is one line that starts with the file name and the line of the key
 * ({@code mine.toml:14: ...}), or line and column for malformed TOML ({@code mine.toml:3:9: ...}).
 */
final class ParameterFile {
    private static final TomlMapper TOML = new TomlMapper();
    private static final Set<String> TABLE_FIELDS = Set.of("value", "unit", "min", "max", "source");

    private final String shownName;
    private final TomlKeyLines lines;

    private ParameterFile(String shownName, TomlKeyLines lines) {
        this.shownName = shownName;
        this.lines = lines;
    }

    static ParameterSet apply(ParameterSet set, Path file) {
        String shownName = file.toString();
        String text = read(file, shownName);
        JsonNode root = parse(text, shownName);
        return new ParameterFile(shownName, new TomlKeyLines(text)).applyTo(set, root);
    }

    private static String read(Path file, String shownName) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(shownName + ": is a directory, not a parameter file");
        }
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(shownName + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(shownName + ": permission denied", e);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(shownName + ": not a text file (not UTF-8)", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(shownName + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(String text, String shownName) {
        try {
            return TOML.readTree(text);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? shownName
                    : shownName + ":" + at.getLineNr() + ":" + at.getColumnNr();
            String message = e.getOriginalMessage();
            if (message.startsWith("More data after value")) {
                message += " (a value with its unit needs quotes: \"12 ms\")"; // the usual cause in parameter files
            }
            throw new IllegalArgumentException(where + ": malformed TOML: " + message, e);
        } catch (IOException e) {
            throw new IllegalArgumentException(shownName + ": malformed TOML: " + e.getMessage(), e);
        }
    }

    private ParameterSet applyTo(ParameterSet set, JsonNode root) {
        ParameterSet result = set;
        for (Iterator<Map.Entry<String, JsonNode>> top = root.fields(); top.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = top.next();
            String name = entry.getKey();
            JsonNode node = entry.getValue();
            if (!isSection(set, name, node)) {
                throw error(name, "'" + name + "' is outside any [section]" + suggestion(set, name)
                        + "; write [section] then key = value");
            }
            for (Iterator<Map.Entry<String, JsonNode>> keys = node.fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> key = keys.next();
                result = applyEntry(result, name + "." + key.getKey(), key.getValue());
            }
        }
        return result;
    }

    /** A table is a section unless it is a parameter's own table ({@code value = ...}) written without one. */
    private static boolean isSection(ParameterSet set, String name, JsonNode node) {
        if (!node.isObject()) {
            return false;
        }
        boolean knownSection = set.all().keySet().stream().anyMatch(key -> key.startsWith(name + "."));
        return knownSection || !node.has("value");
    }

    private ParameterSet applyEntry(ParameterSet set, String key, JsonNode node) {
        if (!set.has(key)) {
            Optional<String> owner = set.shippedSetHolding(key);
            throw error(key, owner.isPresent()
                    ? "unknown parameter '" + key + "' in the " + set.name() + " set: this looks like a "
                            + owner.get() + " parameter file"
                    : set.unknownKeyMessage(key));
        }
        String valueText = node.isObject() ? valueOfTable(set.parameter(key), node) : scalarText(key, node);
        try {
            return set.with(key, valueText);
        } catch (IllegalArgumentException e) {
            throw error(key, e.getMessage());
        }
    }

    /**
     * The full form copied from {@code data/NAME.toml}: only {@code value} may be edited. A changed unit or range
     * would silently change what the model means by the number, so both are refused; {@code source} is free text.
     */
    private String valueOfTable(ParameterSet.Parameter declared, JsonNode table) {
        String key = declared.key();
        for (Iterator<String> fields = table.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!TABLE_FIELDS.contains(field)) {
                throw error(key, key + " has a field '" + field + "'; a parameter table has value, unit, min, max, "
                        + "source");
            }
        }
        if (!table.has("value")) {
            throw error(key, key + " has no value; write " + key.substring(key.lastIndexOf('.') + 1)
                    + " = { value = ... } or just = ...");
        }
        if (table.has("unit") && !table.get("unit").asText().equals(declared.unit())) {
            throw error(key, key + " has unit '" + table.get("unit").asText() + "', but its unit is '"
                    + declared.unit() + "': units are fixed, give the value in " + declared.unit());
        }
        checkBound(declared, table, "min", declared.min());
        checkBound(declared, table, "max", declared.max());
        return scalarText(key, table.get("value"));
    }

    private void checkBound(ParameterSet.Parameter declared, JsonNode table, String field, double declaredBound) {
        if (!table.has(field)) {
            return;
        }
        JsonNode bound = table.get(field);
        if (!bound.isNumber() || bound.asDouble() != declaredBound) {
            throw error(declared.key(), declared.key() + " has " + field + " = " + scalarText(declared.key(), bound)
                    + ", but the allowed range is fixed at " + declared.rangeText()
                    + ": edit only the value (or delete min and max)");
        }
    }

    private String scalarText(String key, JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        throw error(key, key + " = " + node + " is not a number");
    }

    private static String suggestion(ParameterSet set, String name) {
        List<String> near = KeySuggestions.nearest(name, set.all().keySet());
        return near.isEmpty() ? "" : " (did you mean " + KeySuggestions.orList(near) + "?)";
    }

    private IllegalArgumentException error(String key, String message) {
        int line = lines.lineOf(key);
        return new IllegalArgumentException(shownName + (line > 0 ? ":" + line : "") + ": " + message);
    }
}
