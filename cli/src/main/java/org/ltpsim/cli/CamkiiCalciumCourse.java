package org.ltpsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A piecewise-constant calcium time course for {@code ltpsim camkii}: value {@code i} holds from
 * {@code startSec[i]} until {@code startSec[i+1]} (the last one for ever). The kernel is exact for such input.
 * Specs: {@code const:C}, {@code pulse:AMP_uM,START_s,DUR_s[,BASE_uM]}, {@code file:PATH} (rows {@code time_s,
 * ca_uM}, comma or whitespace separated, times increasing from 0; '#' starts a comment).
 */
final class CamkiiCalciumCourse {
    private final double[] startSec;
    private final double[] caMicroMolar;

    private CamkiiCalciumCourse(double[] startSec, double[] caMicroMolar) {
        this.startSec = startSec;
        this.caMicroMolar = caMicroMolar;
    }

    /** Parses a spec; {@code restMicroMolar} is the pulse's default base. Bad specs: one-line UserInputException. */
    static CamkiiCalciumCourse parse(String spec, double restMicroMolar) {
        String s = spec.trim();
        int colon = s.indexOf(':');
        String kind = colon < 0 ? s : s.substring(0, colon).toLowerCase(Locale.ROOT);
        String body = colon < 0 ? "" : s.substring(colon + 1);
        switch (kind) {
            case "const" -> {
                double c = number(spec, body, "calcium");
                return new CamkiiCalciumCourse(new double[] {0}, new double[] {concentration(spec, c)});
            }
            case "pulse" -> {
                String[] parts = body.split(",");
                if (parts.length < 3 || parts.length > 4) {
                    throw new UserInputException("--calcium " + spec
                            + ": a pulse is pulse:AMP_uM,START_s,DUR_s[,BASE_uM]");
                }
                double amp = concentration(spec, number(spec, parts[0], "amplitude"));
                double start = number(spec, parts[1], "start");
                double duration = number(spec, parts[2], "duration");
                double base = parts.length == 4 ? concentration(spec, number(spec, parts[3], "base")) : restMicroMolar;
                if (!(start >= 0) || !(duration >= 0)) {
                    throw new UserInputException("--calcium " + spec + ": start and duration must be >= 0 s");
                }
                return new CamkiiCalciumCourse(new double[] {0, start, start + duration},
                        new double[] {base, amp, base});
            }
            case "file" -> {
                return readFile(Path.of(body));
            }
            default -> throw new UserInputException("--calcium " + spec
                    + ": expected const:C, pulse:AMP_uM,START_s,DUR_s[,BASE_uM] or file:PATH");
        }
    }

    private static CamkiiCalciumCourse readFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            throw new UserInputException("cannot read calcium file " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        List<double[]> rows = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            int hash = line.indexOf('#');
            String text = (hash < 0 ? line : line.substring(0, hash)).trim();
            if (text.isEmpty() || (rows.isEmpty() && Character.isLetter(text.charAt(0)))) {
                continue; // blank, comment, or a header row
            }
            String[] fields = text.split("[,;\\s]+");
            String where = "calcium file " + file + " line " + (n + 1);
            if (fields.length != 2) {
                throw new UserInputException(where + ": expected 'time_s, ca_uM', got '" + text + "'");
            }
            double t;
            double c;
            try {
                t = Double.parseDouble(fields[0]);
                c = Double.parseDouble(fields[1]);
            } catch (NumberFormatException e) {
                throw new UserInputException(where + ": not a number in '" + text + "'");
            }
            if (!(c >= 0 && c < Double.POSITIVE_INFINITY)) {
                throw new UserInputException(where + ": calcium must be >= 0 uM, got " + fields[1]);
            }
            if (!(t >= 0 && t < Double.POSITIVE_INFINITY)
                    || (!rows.isEmpty() && !(t > rows.get(rows.size() - 1)[0]))) {
                throw new UserInputException(where + ": times must start at >= 0 s and increase, got " + fields[0]);
            }
            rows.add(new double[] {t, c});
        }
        if (rows.isEmpty()) {
            throw new UserInputException("calcium file " + file + " has no 'time_s, ca_uM' rows");
        }
        if (rows.get(0)[0] != 0) {
            rows.add(0, new double[] {0, rows.get(0)[1]}); // hold the first value back to t = 0
        }
        double[] t = new double[rows.size()];
        double[] c = new double[rows.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = rows.get(i)[0];
            c[i] = rows.get(i)[1];
        }
        return new CamkiiCalciumCourse(t, c);
    }

    private static double number(String spec, String text, String what) {
        try {
            double value = Double.parseDouble(text.trim());
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UserInputException("--calcium " + spec + ": " + what + " '" + text.trim() + "' is not a number");
        }
    }

    private static double concentration(String spec, double c) {
        if (!(c >= 0)) {
            throw new UserInputException("--calcium " + spec + ": calcium must be >= 0 uM");
        }
        return c;
    }

    /** Calcium at time {@code tSec}. */
    double valueAt(double tSec) {
        int i = segmentAt(tSec);
        return caMicroMolar[i];
    }

    /** The first breakpoint strictly after {@code tSec}, or +infinity. */
    double nextChangeAfter(double tSec) {
        int i = segmentAt(tSec);
        return i + 1 < startSec.length ? startSec[i + 1] : Double.POSITIVE_INFINITY;
    }

    private int segmentAt(double tSec) {
        int i = 0;
        while (i + 1 < startSec.length && startSec[i + 1] <= tSec) {
            i++;
        }
        return i;
    }
}
