package org.ltpsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ltpsim.camkii.ensemble.CalciumCourse;

/**
 * A piecewise-constant calcium time course for {@code ltpsim camkii}: value {@code i} holds from
 * {@code startSec[i]} until {@code startSec[i+1]} (the last one for ever). The kernel is exact for such input.
 * Specs: {@code const:C}, {@code pulse:AMP_uM,START_s,DUR_s[,BASE_uM]}, {@code file:PATH[@COLUMN]} (rows
 * {@code time_s, ca_uM}, comma or whitespace separated, times increasing; '#' starts a comment; or a table with a
 * header such as the {@code calcium.csv} of {@code ltpsim run}, see {@link #readFile}).
 */
final class CamkiiCalciumCourse implements CalciumCourse {
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
                return readFile(body);
            }
            default -> throw new UserInputException("--calcium " + spec
                    + ": expected const:C, pulse:AMP_uM,START_s,DUR_s[,BASE_uM] or file:PATH");
        }
    }

    /**
     * {@code file:PATH[@COLUMN]}. Without a header the rows are {@code time_s, ca_uM}. With a header (a first row
     * of names) the time column is {@code time_s} or {@code time_ms} and the calcium column is {@code COLUMN}, else
     * {@code ca_uM}, else the first {@code *_mean_uM} column: so the {@code calcium.csv} that {@code ltpsim run}
     * writes is read as it is ({@code @B_mean_uM} picks pathway B).
     */
    private static CamkiiCalciumCourse readFile(String body) {
        int at = body.lastIndexOf('@');
        Path file = Path.of(at < 0 ? body : body.substring(0, at));
        String wanted = at < 0 ? null : body.substring(at + 1).trim();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserInputException("calcium file " + file + ": no such file");
        } catch (IOException | RuntimeException e) {
            throw new UserInputException("cannot read calcium file " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        Columns columns = null;
        List<double[]> rows = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            int hash = line.indexOf('#');
            String text = (hash < 0 ? line : line.substring(0, hash)).trim();
            if (text.isEmpty()) {
                continue;
            }
            String[] fields = text.split("[,;\\s]+");
            String where = "calcium file " + file + " line " + (n + 1);
            if (columns == null) {
                boolean header = Character.isLetter(text.charAt(0));
                columns = header ? Columns.fromHeader(fields, wanted, where) : Columns.plain(wanted, where);
                if (header) {
                    continue;
                }
            }
            if (fields.length <= Math.max(columns.time, columns.calcium)) {
                throw new UserInputException(where + ": expected " + columns.describe() + ", got '" + text + "'");
            }
            double t;
            double c;
            try {
                t = Double.parseDouble(fields[columns.time]) * columns.toSec;
                c = Double.parseDouble(fields[columns.calcium]);
            } catch (NumberFormatException e) {
                throw new UserInputException(where + ": not a number in '" + text + "'");
            }
            if (!(c >= 0 && c < Double.POSITIVE_INFINITY)) {
                throw new UserInputException(where + ": calcium must be >= 0 uM, got " + fields[columns.calcium]);
            }
            if (!(t >= 0 && t < Double.POSITIVE_INFINITY)
                    || (!rows.isEmpty() && !(t > rows.get(rows.size() - 1)[0]))) {
                throw new UserInputException(where + ": times must start at >= 0 and increase, got "
                        + fields[columns.time]);
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

    /** Which fields hold time and calcium, and the factor that turns the time unit into seconds. */
    private record Columns(int time, int calcium, double toSec, String timeName, String calciumName) {
        static Columns plain(String wanted, String where) {
            if (wanted != null) {
                throw new UserInputException(where + ": '@" + wanted + "' names a column, but the file has no header");
            }
            return new Columns(0, 1, 1.0, "time_s", "ca_uM");
        }

        static Columns fromHeader(String[] names, String wanted, String where) {
            List<String> list = List.of(names);
            int time = list.indexOf("time_s");
            double toSec = 1.0;
            if (time < 0) {
                time = list.indexOf("time_ms");
                toSec = 1e-3;
            }
            if (time < 0) {
                throw new UserInputException(where + ": the header needs a time_s or time_ms column, has " + list);
            }
            int calcium = wanted != null ? list.indexOf(wanted) : list.indexOf("ca_uM");
            if (calcium < 0 && wanted == null) {
                for (int i = 0; i < names.length && calcium < 0; i++) {
                    calcium = names[i].endsWith("_mean_uM") ? i : -1;
                }
            }
            if (calcium < 0) {
                throw new UserInputException(where + ": no calcium column " + (wanted != null ? "'" + wanted + "'"
                        : "(ca_uM or *_mean_uM)") + " in the header " + list);
            }
            return new Columns(time, calcium, toSec, names[time], names[calcium]);
        }

        String describe() {
            return "'" + timeName + ", " + calciumName + "'";
        }
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
    @Override
    public double valueAt(double tSec) {
        int i = segmentAt(tSec);
        return caMicroMolar[i];
    }

    /** The first breakpoint strictly after {@code tSec}, or +infinity. */
    @Override
    public double nextChangeAfter(double tSec) {
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
