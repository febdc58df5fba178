// Single-file program (java CamkiiLifetimeTable.java DIR SVG): reads DIR/H*/lifetimes.csv and summary.json written
// by `ltpsim camkii`, prints a markdown table of mean ON/OFF lifetimes with standard errors and KS tests against
// the exponential, fits log(mean lifetime) = a + b H, and draws the plot as SVG. No dependencies.
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

public class CamkiiLifetimeTable {
    /** n complete periods; mean = exposure / ended periods (censoring-aware MLE); KS on the complete ones. */
    record Stats(int n, int ended, double mean, double se, double ksD, double ksP) {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        TreeMap<Integer, Stats[]> rows = new TreeMap<>();
        try (var dirs = Files.list(dir)) {
            for (Path run : dirs.filter(p -> p.getFileName().toString().matches("H\\d+")).toList()) {
                int h = Integer.parseInt(run.getFileName().toString().substring(1));
                List<Double> on = new ArrayList<>();
                List<Double> off = new ArrayList<>();
                double[] exposure = new double[2];
                int[] ended = new int[2];
                List<String> lines = Files.readAllLines(run.resolve("lifetimes.csv"));
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.split(",");
                    int which = f[0].equals("on") ? 0 : 1;
                    double d = Double.parseDouble(f[1]);
                    exposure[which] += d;
                    if (!f[2].equals("censored")) ended[which]++;
                    if (f[2].equals("complete")) (which == 0 ? on : off).add(d);
                }
                rows.put(h, new Stats[] {stats(on, exposure[0], ended[0]), stats(off, exposure[1], ended[1])});
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("| H | ON periods | mean ON (s) | KS p (ON) | OFF periods | mean OFF (s) | KS p (OFF) |\n");
        // periods: complete ones (KS uses these); means: time in the state / periods ended (censoring-aware)
        md.append("|---|---|---|---|---|---|---|\n");
        for (var e : rows.entrySet()) {
            Stats on = e.getValue()[0];
            Stats off = e.getValue()[1];
            md.append(String.format(Locale.ROOT, "| %d | %d | %s | %s | %d | %s | %s |%n", e.getKey(), on.n,
                    pm(on), p(on), off.n, pm(off), p(off)));
        }
        double[] fitOn = fit(rows, 0);
        double[] fitOff = fit(rows, 1);
        md.append(String.format(Locale.ROOT, "%nFit ln(mean) = a + b H (weighted by periods ended): ON b = %.3f per holoenzyme "
                + "(x%.2f per holoenzyme), R^2 = %.3f; OFF b = %.3f (x%.2f), R^2 = %.3f%n", fitOn[1],
                Math.exp(fitOn[1]), fitOn[2], fitOff[1], Math.exp(fitOff[1]), fitOff[2]));
        System.out.print(md);
        if (args.length > 1) {
            Files.writeString(Path.of(args[1]), svg(rows, fitOn, fitOff));
        }
    }

    static String pm(Stats s) {
        return s.n == 0 ? "-" : String.format(Locale.ROOT, "%.3g +- %.2g", s.mean, s.se);
    }

    static String p(Stats s) {
        return s.n < 5 ? "-" : String.format(Locale.ROOT, "%.2g", s.ksP);
    }

    static Stats stats(List<Double> values, double exposureSec, int ended) {
        int n = values.size();
        if (ended == 0) return new Stats(0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        double[] x = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        // maximum likelihood under right censoring: time in the state / periods that ended
        double mean = exposureSec / ended;
        // exponential: the relative standard error of the estimate is 1 / sqrt(ended)
        double se = mean / Math.sqrt(ended);
        if (n == 0) return new Stats(0, ended, mean, se, Double.NaN, Double.NaN);
        double sampleMean = Arrays.stream(x).average().orElseThrow();
        double d = 0;
        for (int i = 0; i < n; i++) {
            double cdf = 1 - Math.exp(-x[i] / sampleMean);
            d = Math.max(d, Math.max((i + 1.0) / n - cdf, cdf - (double) i / n));
        }
        return new Stats(n, ended, mean, se, d, kolmogorovP(Math.sqrt(n) * d));
    }

    /** Asymptotic Kolmogorov tail; with the mean estimated from the sample the test is conservative (Lilliefors). */
    static double kolmogorovP(double lambda) {
        if (lambda < 0.3) return 1.0;
        double sum = 0;
        for (int k = 1; k < 100; k++) {
            sum += (k % 2 == 1 ? 2 : -2) * Math.exp(-2.0 * k * k * lambda * lambda);
        }
        return Math.max(0, Math.min(1, sum));
    }

    /** Weighted least squares of ln(mean) on H, weights n (var of ln mean ~ 1/n): {a, b, R^2}. */
    static double[] fit(TreeMap<Integer, Stats[]> rows, int which) {
        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        List<double[]> pts = new ArrayList<>();
        for (var e : rows.entrySet()) {
            Stats s = e.getValue()[which];
            if (!(s.mean > 0)) continue;
            double w = s.ended, x = e.getKey(), y = Math.log(s.mean);
            sw += w; sx += w * x; sy += w * y; sxx += w * x * x; sxy += w * x * y;
            pts.add(new double[] {x, y, w});
        }
        double b = (sw * sxy - sx * sy) / (sw * sxx - sx * sx);
        double a = (sy - b * sx) / sw;
        double ybar = sy / sw, ssTot = 0, ssRes = 0;
        for (double[] p : pts) {
            ssTot += p[2] * (p[1] - ybar) * (p[1] - ybar);
            ssRes += p[2] * (p[1] - a - b * p[0]) * (p[1] - a - b * p[0]);
        }
        return new double[] {a, b, 1 - ssRes / ssTot};
    }

    static String svg(TreeMap<Integer, Stats[]> rows, double[] fitOn, double[] fitOff) {
        int w = 560, h = 400, left = 70, right = 20, top = 30, bottom = 50;
        int hMin = rows.firstKey(), hMax = rows.lastKey();
        double yMin = 1e9, yMax = 0;
        for (Stats[] s : rows.values()) for (Stats t : s) if (t.mean > 0) {
            yMin = Math.min(yMin, t.mean - t.se); yMax = Math.max(yMax, t.mean + t.se);
        }
        double lo = Math.floor(Math.log10(yMin)), hi = Math.ceil(Math.log10(yMax));
        java.util.function.DoubleUnaryOperator X = x -> left + (x - hMin + 0.5) / (hMax - hMin + 1) * (w - left - right);
        java.util.function.DoubleUnaryOperator Y = y -> top + (hi - Math.log10(y)) / (hi - lo) * (h - top - bottom);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", w, h));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\">CaMKII switch lifetimes at resting "
                + "Ca (0.1 uM), defaults</text>%n", left));
        for (double e = lo; e <= hi; e++) {
            double y = Y.applyAsDouble(Math.pow(10, e));
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">1e%d s</text>%n", left, w - right, y, y, left - 5, y + 4, (int) e));
        }
        for (int x = hMin; x <= hMax; x++) {
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                    X.applyAsDouble(x), h - bottom + 18, x));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">holoenzymes per spine (H)</text>%n",
                (left + w - right) / 2, h - 10));
        String[] colour = {"#c0392b", "#2471a3"};
        String[] name = {"ON (UP) lifetime", "OFF (DOWN) lifetime"};
        double[][] fits = {fitOn, fitOff};
        for (int which = 0; which < 2; which++) {
            double[] f = fits[which];
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                    + "stroke-dasharray=\"4 3\"/>%n", X.applyAsDouble(hMin), Y.applyAsDouble(Math.exp(f[0] + f[1] * hMin)),
                    X.applyAsDouble(hMax), Y.applyAsDouble(Math.exp(f[0] + f[1] * hMax)), colour[which]));
            for (var e : rows.entrySet()) {
                Stats t = e.getValue()[which];
                if (!(t.mean > 0)) continue;
                double x = X.applyAsDouble(e.getKey()) + (which == 0 ? -4 : 4);
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>"
                        + "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>%n", x, x, Y.applyAsDouble(t.mean - t.se),
                        Y.applyAsDouble(t.mean + t.se), colour[which], x, Y.applyAsDouble(t.mean), colour[which]));
            }
            s.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">"
                    + "%s (x%.2f per holoenzyme)</text>%n", left + 15, top + 15 + 18 * which, colour[which], left + 25,
                    top + 19 + 18 * which, name[which], Math.exp(f[1])));
        }
        s.append("</svg>\n");
        return s.toString();
    }
}
