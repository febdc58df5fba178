import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The peer of `ltpsim sbml` on W1 (DSMTS 001-01, birth-death: X0 = 100, birth 0.1 X, death 0.11 X, t = 0..50 every
 * 1): a plain Java direct-method loop, the code a modeller writes in an afternoon. Commons RNG XoShiRo256++, one
 * stream; mean and sd per output time (Welford); the same CSV columns as ltpsim's table (time, X_mean, X_sd).
 * Run as a whole process by bench/peers/run-w1-cli-vs-hand-loop.sh. Usage: HandLoopW1 REALISATIONS SEED OUT.csv
 */
public final class HandLoopW1 {
    private static final double BIRTH = 0.1;
    private static final double DEATH = 0.11;
    private static final int X0 = 100;
    private static final int TIMES = 51;

    public static void main(String[] args) throws IOException {
        long realisations = Long.parseLong(args[0]);
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(Long.parseLong(args[1]));
        double[] mean = new double[TIMES];
        double[] m2 = new double[TIMES];
        long events = 0;
        for (long r = 1; r <= realisations; r++) {
            int x = X0;
            double t = 0;
            int next = 0; // the next output time, = its index
            while (next < TIMES) {
                double total = (BIRTH + DEATH) * x;
                double tNext = total > 0 ? t - Math.log(rng.nextDouble()) / total : Double.POSITIVE_INFINITY;
                while (next < TIMES && next <= tNext) {
                    double delta = x - mean[next];
                    mean[next] += delta / r;
                    m2[next] += delta * (x - mean[next]);
                    next++;
                }
                if (next == TIMES) {
                    break;
                }
                t = tNext;
                x += rng.nextDouble() * total < BIRTH * x ? 1 : -1;
                events++;
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(args[2])))) {
            w.println("time,X_mean,X_sd");
            for (int k = 0; k < TIMES; k++) {
                w.println(k + "," + mean[k] + "," + Math.sqrt(m2[k] / (realisations - 1)));
            }
        }
        System.out.println("events " + events);
    }
}
