package org.ltpsim.spine.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ltpsim.params.ParameterSet;

/**
 * The named stimulation protocols, with their rates and pulse counts from the {@code [protocol]} section of the
 * parameters: {@code hfs} (100 Hz for 1 s), {@code lfs} (1 Hz x 900, Dudek &amp; Bear 1992), {@code tbs} (theta
 * burst, Larson &amp; Lynch 1986), {@code pairing} (presynaptic pulses each paired with a postsynaptic
 * depolarisation), {@code none}, and custom spike times from a file; and the late-phase protocols of Frey &amp;
 * Morris (1997): {@code strong-tetanus} (3 trains of 100 pulses at 100 Hz, 10 min apart) and {@code weak-tetanus}
 * (one train of 21 pulses at 100 Hz).
 *
 * <p>Protocol expressions: {@code NAME*N/INTERVAL} repeats a protocol N times, each repeat INTERVAL after the
 * previous one's start (e.g. {@code hfs*3/10min}); {@code @START} delays the whole thing (a duration with its unit,
 * e.g. {@code weak-tetanus@30min}); {@code +} joins protocols into one (e.g. {@code hfs+weak-tetanus@30min}: a
 * priming train, then a weak tetanus half an hour later). Units: ms, s, min, h.
 */
public final class Protocols {
    /** Names accepted by {@link #named}. */
    public static final List<String> NAMES = List.of("hfs", "lfs", "tbs", "pairing", "strong-tetanus",
            "weak-tetanus", "none");

    private Protocols() {}

    /** The protocol called {@code name}; an unknown name is refused with the list of known ones. */
    public static Stimulus named(String name, ParameterSet p) {
        name = name.trim();
        if (name.startsWith("(")) { // (EXPRESSION)@START
            int close = matchingParenthesis(name);
            String rest = name.substring(close + 1).trim();
            String inner = name.substring(1, close);
            if (rest.isEmpty()) {
                return named(inner, p);
            }
            if (rest.startsWith("@") && rest.indexOf('+') < 0) {
                double offsetMs;
                try {
                    offsetMs = Durations.parseMs(rest.substring(1));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("protocol '" + name + "': start " + e.getMessage(), e);
                }
                return named(inner, p).shiftedBy(offsetMs, inner.toLowerCase(Locale.ROOT) + "@"
                        + Durations.format(offsetMs));
            }
        }
        List<String> parts = topLevelParts(name);
        if (parts.size() > 1) {
            Stimulus joined = null;
            for (String part : parts) {
                if (part.isBlank()) {
                    throw new IllegalArgumentException("protocol '" + name + "': an empty part between '+' signs");
                }
                Stimulus s = named(part.trim(), p);
                joined = joined == null ? s : joined.joinedWith(s, name.toLowerCase(Locale.ROOT));
            }
            return joined;
        }
        int at = name.indexOf('@');
        if (at >= 0) {
            double offsetMs;
            try {
                offsetMs = Durations.parseMs(name.substring(at + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("protocol '" + name + "': start " + e.getMessage(), e);
            }
            Stimulus base = named(name.substring(0, at), p);
            return base.shiftedBy(offsetMs, name.substring(0, at).toLowerCase(Locale.ROOT) + "@"
                    + Durations.format(offsetMs));
        }
        int star = name.indexOf('*');
        if (star >= 0) {
            String spec = name.substring(star + 1);
            int slash = spec.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("protocol '" + name + "': a repeat is NAME*COUNT/INTERVAL, e.g. "
                        + "hfs*3/10min");
            }
            int count;
            double intervalMs;
            try {
                count = Integer.parseInt(spec.substring(0, slash).trim());
                intervalMs = Durations.parseMs(spec.substring(slash + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("protocol '" + name + "': a repeat is NAME*COUNT/INTERVAL, e.g. "
                        + "hfs*3/10min (" + e.getMessage() + ")", e);
            }
            if (count < 1) {
                throw new IllegalArgumentException("protocol '" + name + "': the repeat count must be >= 1");
            }
            Stimulus once = named(name.substring(0, star), p);
            double lengthMs = once.pulseCount() == 0 ? 0 : once.lastEventMs() - once.firstEventMs();
            if (count > 1 && intervalMs <= lengthMs) {
                throw new IllegalArgumentException("protocol '" + name + "': each repeat lasts " + lengthMs
                        + " ms, longer than the interval " + intervalMs + " ms");
            }
            Stimulus all = once;
            for (int k = 1; k < count; k++) {
                all = all.joinedWith(once.shiftedBy(k * intervalMs, once.name()), name.toLowerCase(Locale.ROOT));
            }
            return all;
        }
        double start = p.get("protocol.start_ms");
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "hfs" -> Stimulus.presynaptic("hfs",
                    train(start, p.getInt("protocol.hfs_pulses"), p.get("protocol.hfs_rate_hz")));
            case "lfs" -> Stimulus.presynaptic("lfs",
                    train(start, p.getInt("protocol.lfs_pulses"), p.get("protocol.lfs_rate_hz")));
            case "tbs" -> Stimulus.presynaptic("tbs", thetaBurst(start, p.getInt("protocol.tbs_bursts"),
                    p.get("protocol.tbs_burst_rate_hz"), p.getInt("protocol.tbs_pulses_per_burst"),
                    p.get("protocol.tbs_intra_burst_hz")));
            case "pairing" -> {
                double[] spikes = train(start, p.getInt("protocol.pairing_pulses"), p.get("protocol.pairing_rate_hz"));
                double duration = p.get("protocol.pairing_depol_ms");
                double[] ends = new double[spikes.length];
                for (int i = 0; i < spikes.length; i++) {
                    ends[i] = spikes[i] + duration;
                }
                yield new Stimulus("pairing", spikes, spikes, ends, p.get("protocol.pairing_depol_mv"));
            }
            case "strong-tetanus" -> Stimulus.presynaptic("strong-tetanus", trains(start,
                    p.getInt("protocol.strong_tetanus_trains"), p.get("protocol.strong_tetanus_interval_s") * 1000,
                    p.getInt("protocol.strong_tetanus_pulses"), p.get("protocol.tetanus_rate_hz")));
            case "weak-tetanus" -> Stimulus.presynaptic("weak-tetanus",
                    train(start, p.getInt("protocol.weak_tetanus_pulses"), p.get("protocol.tetanus_rate_hz")));
            case "none" -> Stimulus.presynaptic("none", new double[0]);
            default -> throw new IllegalArgumentException("unknown protocol '" + name + "' (known: "
                    + String.join(", ", NAMES) + ", or --spike-times FILE)");
        };
    }

    private static int matchingParenthesis(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("protocol '" + text + "': unbalanced parentheses");
    }

    /** The parts of {@code text} between '+' signs outside parentheses. */
    private static List<String> topLevelParts(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '+' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** {@code pulses} spikes at {@code rateHz} from {@code startMs}. */
    public static double[] train(double startMs, int pulses, double rateHz) {
        if (pulses < 0 || !(rateHz > 0)) {
            throw new IllegalArgumentException("a train needs pulses >= 0 and rate > 0: " + pulses + ", " + rateHz);
        }
        double[] times = new double[pulses];
        for (int i = 0; i < pulses; i++) {
            times[i] = startMs + i * 1000.0 / rateHz;
        }
        return times;
    }

    /** {@code count} trains of {@code pulses} at {@code rateHz}, their starts {@code intervalMs} apart. */
    public static double[] trains(double startMs, int count, double intervalMs, int pulses, double rateHz) {
        if (count < 0 || !(intervalMs >= 0)) {
            throw new IllegalArgumentException("trains need count >= 0 and interval >= 0: " + count + ", " + intervalMs);
        }
        double[] times = new double[count * pulses];
        for (int t = 0; t < count; t++) {
            double[] train = train(startMs + t * intervalMs, pulses, rateHz);
            System.arraycopy(train, 0, times, t * pulses, pulses);
        }
        for (int i = 1; i < times.length; i++) {
            if (times[i] < times[i - 1]) {
                throw new IllegalArgumentException("trains overlap: each lasts longer than the interval " + intervalMs
                        + " ms");
            }
        }
        return times;
    }

    static double[] thetaBurst(double startMs, int bursts, double burstRateHz, int perBurst, double intraHz) {
        double[] times = new double[bursts * perBurst];
        for (int b = 0; b < bursts; b++) {
            for (int k = 0; k < perBurst; k++) {
                times[b * perBurst + k] = startMs + b * 1000.0 / burstRateHz + k * 1000.0 / intraHz;
            }
        }
        return times;
    }

    /** Spike times from a file, in the unit it states (ms if it states none); see {@link SpikeTimeFile}. */
    public static Stimulus fromFile(Path file) {
        return SpikeTimeFile.read(file, null).stimulus();
    }
}
