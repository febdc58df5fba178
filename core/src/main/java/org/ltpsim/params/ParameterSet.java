package org.ltpsim.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named set of model parameters, each with its value, unit, allowed range and source.
 *
 * <p>Defaults live in TOML files under {@code data/} (on the classpath as {@code /data/NAME.toml}); each entry is
 * an inline table:
 * <pre>
 * [calcium]
 * tau_extrusion_ms = { value = 14, unit = "ms", min = 1, max = 1000, source = "Sabatini 2002 ..." }
 * </pre>
 * and is addressed as {@code calcium.tau_extrusion_ms}. Overrides (a user file, see
 * {@link #withOverridesFile(Path)}, or {@code --set key=value}) may change values only: an unknown key (with a
 * "did you mean"), a non-numeric value, a unit other than the declared one, or a value outside [min, max] is
 * refused with one line naming the key and the value. Instances are immutable.
 */
public final class ParameterSet {
    private static final TomlMapper TOML = new TomlMapper();
    /** The sets shipped in {@code data/}, so that a key of one given to another can be named as such. */
    private static final List<String> SHIPPED_SETS = List.of("spine", "camkii", "expression");
    /** A decimal number (no NaN, no infinity, no hex), then anything: the unit. */
    private static final Pattern NUMBER_THEN_UNIT =
            Pattern.compile("([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)(\\s*\\D.*)?");

    /** One parameter: value in {@code unit}, allowed range, and where the value comes from. */
    public record Parameter(String key, double value, String unit, double min, double max, String source) {
        /** The value with its unit, e.g. {@code 100 count}. */
        public String valueText() {
            return NumberText.withUnit(value, unit);
        }

        /** The allowed range in words, e.g. {@code 0 to 1000 count}. */
        public String rangeText() {
            return NumberText.of(min) + " to " + NumberText.withUnit(max, unit);
        }
    }

    private final String name;
    private final Map<String, Parameter> parameters;

    private ParameterSet(String name, Map<String, Parameter> parameters) {
        this.name = name;
        this.parameters = Collections.unmodifiableMap(parameters);
    }

    /** Loads the defaults {@code /data/NAME.toml} from the classpath. */
    public static ParameterSet defaults(String name) {
        try {
            return parseDefaults(name, TOML.readTree(defaultsText(name)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse built-in parameters " + name, e);
        }
    }

    /** The names of the sets shipped in {@code data/}: {@code spine}, {@code camkii}, {@code expression}. */
    public static List<String> shippedSetNames() {
        return SHIPPED_SETS;
    }

    /** The text of the shipped {@code data/NAME.toml}, comments included: the template for an editable copy. */
    public static String defaultsText(String name) {
        String resource = "/data/" + name + ".toml";
        try (InputStream in = ParameterSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in parameter set missing from the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
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

    /**
     * Applies a user's parameter file. Each key may be written in either form, mixed freely:
     * <ul>
     *   <li>short: {@code key = value} under its {@code [section]} (or {@code section.key = value} at the top),
     *       the value a number or a string with the unit, {@code "12 ms"};
     *   <li>full: the inline table copied from {@code data/NAME.toml}, of which only {@code value} may differ.
     *       A different {@code unit}, {@code min} or {@code max} is refused (units and ranges belong to the model,
     *       not to a run); {@code source} is free text and ignored, so users may note where their value comes
     *       from. {@code unit}, {@code min}, {@code max} and {@code source} may also be left out.
     * </ul>
     * Keys left out keep their values, so an unedited copy of {@code data/NAME.toml} changes nothing. Errors are
     * one line starting with the file and the key's line: {@code FILE: no such file}, {@code FILE:LINE:COLUMN:
     * malformed TOML: ...}, {@code FILE:LINE: unknown parameter 'nmda.chanels'; did you mean ...},
     * {@code FILE:LINE: ampa.channels_per_spine = 5000 count is out of range: allowed 0 to 1000 count}.
     */
    public ParameterSet withOverridesFile(Path file) {
        return ParameterFile.apply(this, file);
    }

    /**
     * Returns a copy with {@code key} set from text such as {@code "12"}, {@code "12 ms"}, {@code "12ms"},
     * {@code "1e-3"} or {@code "6 /s"}: a decimal number, then optionally the parameter's own unit.
     */
    public ParameterSet with(String key, String valueText) {
        Parameter parameter = parameter(key);
        String text = valueText.trim();
        Matcher numberThenUnit = NUMBER_THEN_UNIT.matcher(text);
        if (!numberThenUnit.matches()) {
            throw new IllegalArgumentException(key + " = " + text + " is not a number");
        }
        String unit = numberThenUnit.group(2) == null ? "" : numberThenUnit.group(2).trim();
        if (!unit.isEmpty() && !unit.equals(parameter.unit())) {
            throw new IllegalArgumentException(key + " = " + text + " has the wrong unit '" + unit + "': expected "
                    + parameter.unit());
        }
        double value = Double.parseDouble(numberThenUnit.group(1));
        checkRange(parameter, value);
        if (value == parameter.value()) {
            return this; // an unchanged value keeps its source
        }
        Map<String, Parameter> copy = new LinkedHashMap<>(parameters);
        copy.put(key, new Parameter(key, value, parameter.unit(), parameter.min(), parameter.max(),
                "override (default " + parameter.value() + " from: " + parameter.source() + ")"));
        return new ParameterSet(name, copy);
    }

    private static void checkRange(Parameter parameter, double value) {
        if (!(value >= parameter.min() && value <= parameter.max())) {
            throw new IllegalArgumentException(parameter.key() + " = " + NumberText.withUnit(value, parameter.unit())
                    + " is out of range: allowed " + parameter.rangeText());
        }
    }

    private static String oneLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /**
     * "unknown parameter 'KEY'" with the nearest keys of this set, and the shipped set the key belongs to when it
     * is another one's.
     */
    String unknownKeyMessage(String key) {
        StringBuilder message = new StringBuilder("unknown parameter '").append(key).append('\'');
        Optional<String> owner = shippedSetHolding(key);
        owner.ifPresent(set -> message.append(" in the ").append(name).append(" set: it is a ").append(set)
                .append(" parameter"));
        List<String> near = KeySuggestions.nearest(key, parameters.keySet());
        if (!near.isEmpty()) {
            message.append("; did you mean ").append(KeySuggestions.orList(near)).append('?');
        } else if (owner.isEmpty()) {
            message.append(" in the ").append(name).append(" set (all keys: ltpsim params --set ").append(name)
                    .append(')');
        }
        return message.toString();
    }

    /** The other shipped set that has {@code key}, if any. */
    Optional<String> shippedSetHolding(String key) {
        for (String other : SHIPPED_SETS) {
            if (!other.equals(name) && defaults(other).has(key)) {
                return Optional.of(other);
            }
        }
        return Optional.empty();
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
            throw new IllegalArgumentException(key + " = " + NumberText.of(value) + " must be a whole number");
        }
        return (int) value;
    }

    public Parameter parameter(String key) {
        Parameter parameter = parameters.get(key);
        if (parameter == null) {
            throw new IllegalArgumentException(unknownKeyMessage(key));
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
