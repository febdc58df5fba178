package org.ltpsim.spine.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file of presynaptic spike times: numbers separated by spaces, commas, semicolons or new lines, ascending;
 * {@code #} starts a comment. The unit is stated in the file ({@code # unit: ms} or {@code # unit: s}) or given by
 * the caller; with neither it is ms. Times that look like seconds read as ms (an interval shorter than
 * {@value #MIN_PLAUSIBLE_INTERVAL_MS} ms, faster than any neuron fires) produce a warning.
 */
public final class SpikeTimeFile {
    /** Shortest plausible interval between two spikes of one axon: about the absolute refractory period. */
    static final double MIN_PLAUSIBLE_INTERVAL_MS = 1.0;
    private static final Pattern UNIT = Pattern.compile("#\\s*unit\\s*[:=]\\s*(\\S+)", Pattern.CASE_INSENSITIVE);

    /** The times in ms, the unit they were read in and where that unit came from, and a warning if any. */
    public record Read(Stimulus stimulus, String unit, String unitFrom, Optional<String> warning) {}

    private SpikeTimeFile() {}

    /**
     * Reads {@code file}; {@code unitOption} ("ms", "s" or null) is the unit given on the command line, which must
     * agree with the file's own statement when both are present.
     */
    public static Read read(Path file, String unitOption) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("spike-time file " + file + ": no such file", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read spike-time file " + file + ": " + e.getMessage(), e);
        }
        String fileUnit = null;
        for (String line : lines) {
            Matcher m = UNIT.matcher(line.trim());
            if (m.lookingAt()) {
                fileUnit = unit(m.group(1), "spike-time file " + file + ": '# unit: " + m.group(1) + "'");
                break;
            }
        }
        String optionUnit = unitOption == null ? null : unit(unitOption, "--spike-times-unit " + unitOption);
        if (fileUnit != null && optionUnit != null && !fileUnit.equals(optionUnit)) {
            throw new IllegalArgumentException("spike-time file " + file + " states '# unit: " + fileUnit
                    + "' but --spike-times-unit is " + optionUnit);
        }
        String unit = fileUnit != null ? fileUnit : optionUnit != null ? optionUnit : "ms";
        String unitFrom = fileUnit != null ? "file" : optionUnit != null ? "option" : "default";
        double toMs = unit.equals("s") ? 1000.0 : 1.0;
        List<Double> times = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            for (String token : line.trim().split("[\\s,;]+")) {
                if (token.isEmpty()) {
                    continue;
                }
                String where = "spike-time file " + file + " line " + (n + 1);
                double t;
                try {
                    t = Double.parseDouble(token);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + ": '" + token + "' is not a time in " + unit);
                }
                if (!(t >= 0) || Double.isInfinite(t)) {
                    throw new IllegalArgumentException(where + ": time " + token + " must be finite and >= 0 " + unit);
                }
                double ms = t * toMs;
                if (!times.isEmpty() && ms < times.get(times.size() - 1)) {
                    throw new IllegalArgumentException(where + ": time " + token
                            + " is earlier than the one before; times must be ascending");
                }
                times.add(ms);
            }
        }
        if (times.isEmpty()) {
            throw new IllegalArgumentException("spike-time file " + file + " holds no spike times");
        }
        double[] ms = times.stream().mapToDouble(Double::doubleValue).toArray();
        return new Read(Stimulus.presynaptic("file:" + file.getFileName(), ms), unit, unitFrom,
                warning(file, ms, unit));
    }

    private static Optional<String> warning(Path file, double[] ms, String unit) {
        if (!unit.equals("ms") || ms.length < 2) {
            return Optional.empty();
        }
        double shortest = Double.POSITIVE_INFINITY;
        for (int i = 1; i < ms.length; i++) {
            shortest = Math.min(shortest, ms[i] - ms[i - 1]);
        }
        if (shortest >= MIN_PLAUSIBLE_INTERVAL_MS) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "spike times in %s look like seconds: read as ms, the "
                + "shortest interval is %.3g ms, faster than a neuron fires; if they are seconds, add '# unit: s' "
                + "to the file or --spike-times-unit s", file, shortest));
    }

    private static String unit(String text, String where) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "ms" -> "ms";
            case "s" -> "s";
            default -> throw new IllegalArgumentException(where + ": unit must be ms or s");
        };
    }
}
