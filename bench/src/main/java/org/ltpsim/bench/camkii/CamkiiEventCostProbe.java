package org.ltpsim.bench.camkii;

import java.lang.management.ManagementFactory;
import org.ltpsim.camkii.CamkiiParameters;
import org.ltpsim.camkii.CamkiiPopulation;
import org.ltpsim.camkii.CamkiiPopulations;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.rng.RandomStreams;

/**
 * CPU cost per CaMKII event in the regime of an LFS run: 100 spines of 16 holoenzymes (defaults), 2 ms steps, each
 * spine's calcium a decaying transient restarted every second ({@code 0.1 + AMP (0.8 + 0.02 i) exp(-t / (100 + i) ms)}
 * uM, a table made before timing), so that the events are those of the run (CaM binding and unbinding, T286
 * phosphorylation and PP1) at ~100 events per spine and second ({@code AMP} = 1), or the resting ~11 ({@code AMP}
 * = 0: then the time is mostly the per-step hazard pass). Thread CPU time per event, per repetition; the phosphorylated
 * and active counts are folded into a check value so that two builds can be compared for the same events.
 * {@code SPINES} (default 100) repeats the 100 spines' calcium pattern over more spines, all in one population: at
 * 10,000 the subunit arrays no longer fit the caches and an event's cost is mostly memory latency (the spine runs
 * never get there: {@code ltpsim run} makes one population per branch of 100 spines).
 *
 * <pre>
 * java --add-modules=jdk.incubator.vector -cp bench/target/benchmarks.jar \
 *     org.ltpsim.bench.camkii.CamkiiEventCostProbe SECONDS REPETITIONS [AMP [SPINES]]
 * </pre>
 */
public final class CamkiiEventCostProbe {
    private static final int STEPS_PER_SECOND = 500;
    private static final double STEP_SEC = 0.002;

    private CamkiiEventCostProbe() {}

    public static void main(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: SECONDS REPETITIONS [AMP [SPINES]]");
        }
        int seconds = Integer.parseInt(args[0]);
        int repetitions = Integer.parseInt(args[1]);
        double amplitude = args.length > 2 ? Double.parseDouble(args[2]) : 1.0;
        int spines = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        CamkiiParameters parameters = CamkiiParameters.from(ParameterSet.defaults("camkii"));
        double[][] calcium = new double[STEPS_PER_SECOND][spines];
        for (int k = 0; k < STEPS_PER_SECOND; k++) {
            for (int i = 0; i < spines; i++) {
                int j = i % 100; // the 100-spine pattern repeated
                calcium[k][i] = 0.1 + amplitude * (0.8 + 0.02 * j) * Math.exp(-k * STEP_SEC * 1000 / (100 + j));
            }
        }
        var threads = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < repetitions; r++) {
            CamkiiPopulation population = CamkiiPopulations.create(parameters, spines, 16,
                    RandomStreams.forBlock(1, "camkii", 0));
            long check = 0;
            long cpuStart = threads.getCurrentThreadCpuTime();
            for (int s = 0; s < seconds; s++) {
                for (int k = 0; k < STEPS_PER_SECOND; k++) {
                    population.advance(STEP_SEC, calcium[k]);
                }
                for (int i = 0; i < spines; i++) {
                    check = check * 31 + population.phosphorylatedSubunits(i) * 7L + population.activeSubunits(i);
                }
            }
            long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
            long events = population.eventCount();
            System.out.printf("repetition %d: %d events (%.1f per spine and second), %.1f ns per event, "
                    + "%.1f ms in all, check %x%n", r, events, events / (double) spines / seconds,
                    cpuNanos / (double) events, cpuNanos / 1e6, check);
        }
    }
}
