package org.ltpsim.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A named set of model parameters, each with its value, unit, allowed range and source.
 *
 * <p>Defaults live in TOML files under {@code data/} (on the classpath as {@code /data/NAME.toml}); each entry is
 * an inline table:
 * <pre>
 * [calcium]
 * tau_extrusion_ms = { value = 14, unit = "ms", min = 1, max = 1000, source = "Sabatini 2002 ..." }
 * </pre>
 * and is addressed as {@code calcium.tau_extrusion_ms}. Overrides (a user file of plain {@code key = value}
 * entries under the same sections, or {@code --set key=value}) may change values only: an unknown key, a
 * non-numeric value, a unit other than the declared one, or a value outside [min, max] is refused with one line
 * naming the key and the value. Instances are immutable.
 */
public final class ParameterSet {
    private static final TomlMapper TOML = new TomlMapper();

    /** One parameter: value in {@code unit}, allowed range, and where the value comes from. */
    public record Parameter(String key, double value, String unit, double min, double max, String source) {}

    private final String name;
    private final Map<String, Parameter> parameters;

    private ParameterSet(String name, Map<String, Parameter> parameters) {
        this.name = name;
        this.parameters = Collections.unmodifiableMap(parameters);
    }

    /** Loads the defaults {@code /data/NAME.toml} from the classpath. */
    public static ParameterSet defaults(String name) {
        String resource = "/data/" + name + ".toml";
        try (InputStream in = ParameterSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in parameter set missing from the classpath: " + resource);
            }
            return parseDefaults(name, TOML.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in parameters " + resource, e);
        }
    }

    /** Parses a defaults file (every entry a table with value, unit, min, max, source). */
    public static ParameterSet parseDefaults(String name, String tomlText) {
        try {
            return parseDefaults(name, TOML.readTree(tomlText));
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed parameter file " + name + ": " + oneLine(e), e);
        }
    }

    private static ParameterSet parseDefaults(String name, JsonNode root) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> sections = root.fields(); sections.hasNext(); ) {
            Map.Entry<String, JsonNode> section = sections.next();
            for (Iterator<Map.Entry<String, JsonNode>> entries = section.getValue().fields(); entries.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = entries.next();
                String key = section.getKey() + "." + entry.getKey();
                JsonNode spec = entry.getValue();
                for (String field : new String[] {"value", "unit", "min", "max", "source"}) {
                    if (!spec.has(field)) {
                        throw new IllegalArgumentException("parameter set " + name + ": " + key + " lacks '" + field + "'");
                    }
                }
                Parameter parameter = new Parameter(key, spec.get("value").asDouble(), spec.get("unit").asText(),
                        spec.get("min").asDouble(), spec.get("max").asDouble(), spec.get("source").asText());
                if (parameter.source().isBlank()) {
                    throw new IllegalArgumentException("parameter set " + name + ": " + key + " has no source");
                }
                checkRange(parameter, parameter.value());
                parameters.put(key, parameter);
            }
        }
        return new ParameterSet(name, parameters);
    }

    /** Applies a user file of {@code [section] key = value} overrides; values may be numbers or "12 ms". */
    public ParameterSet withOverridesFile(Path file) {
        JsonNode root;
        try {
            root = TOML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read parameter file " + file + ": " + oneLine(e), e);
        }
        ParameterSet result = this;
        for (Iterator<Map.Entry<String, JsonNode>> sections = root.fields(); sections.hasNext(); ) {
            Map.Entry<String, JsonNode> section = sections.next();
            if (!section.getValue().isObject()) {
                throw new IllegalArgumentException("parameter file " + file + ": '" + section.getKey()
                        + "' is not a [section]; write [section] then key = value");
            }
            for (Iterator<Map.Entry<String, JsonNode>> entries = section.getValue().fields(); entries.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = entries.next();
                result = result.with(section.getKey() + "." + entry.getKey(), entry.getValue().asText());
            }
        }
        return result;
    }

    /** Returns a copy with {@code key} set from text such as {@code "12"}, {@code "12 ms"} or {@code "12ms"}. */
    public ParameterSet with(String key, String valueText) {
        Parameter parameter = parameters.get(key);
        if (parameter == null) {
            throw new IllegalArgumentException("unknown parameter '" + key + "' (known: see " + name + ".toml)");
        }
        String text = valueText.trim();
        int unitStart = text.length();
        while (unitStart > 0 && Character.isLetter(text.charAt(unitStart - 1))) {
            unitStart--;
        }
        String number = text.substring(0, unitStart).trim();
        String unit = text.substring(unitStart).trim();
        if (!unit.isEmpty() && text.toLowerCase(Locale.ROOT).matches(".*\\de[+-]?\\d*$")) {
            number = text;
            unit = "";
        }
        if (number.isEmpty()) {
            throw new IllegalArgumentException("parameter '" + key + "' = " + valueText + " is not a number");
        }
        if (!unit.isEmpty() && !unit.equals(parameter.unit())) {
            throw new IllegalArgumentException("parameter '" + key + "' = " + valueText + ": wrong unit '" + unit
                    + "', expected " + parameter.unit());
        }
        double value;
        try {
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + key + "' = " + valueText + " is not a number");
        }
        checkRange(parameter, value);
        Map<String, Parameter> copy = new LinkedHashMap<>(parameters);
        copy.put(key, new Parameter(key, value, parameter.unit(), parameter.min(), parameter.max(),
                "override (default " + parameter.value() + " from: " + parameter.source() + ")"));
        return new ParameterSet(name, copy);
    }

    private static void checkRange(Parameter parameter, double value) {
        if (!(value >= parameter.min() && value <= parameter.max())) {
            throw new IllegalArgumentException("parameter '" + parameter.key() + "' = " + value + " " + parameter.unit()
                    + " is out of range [" + parameter.min() + ", " + parameter.max() + "]");
        }
    }

    private static String oneLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    public String name() {
        return name;
    }

    /** The value in the parameter's declared unit. */
    public double get(String key) {
        return parameter(key).value();
    }

    /** The value as a whole number; refuses a fractional value. */
    public int getInt(String key) {
        double value = get(key);
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("parameter '" + key + "' = " + value + " must be a whole number");
        }
        return (int) value;
    }

    public Parameter parameter(String key) {
        Parameter parameter = parameters.get(key);
        if (parameter == null) {
            throw new IllegalArgumentException("unknown parameter '" + key + "' in " + name);
        }
        return parameter;
    }

    public boolean has(String key) {
        return parameters.containsKey(key);
    }

    /** All parameters in file order. */
    public Map<String, Parameter> all() {
        return parameters;
    }

    /** key -> value, for manifests. */
    public Map<String, Double> values() {
        Map<String, Double> values = new LinkedHashMap<>();
        parameters.forEach((key, parameter) -> values.put(key, parameter.value()));
        return values;
    }
}
