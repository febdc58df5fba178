package org.ltpsim.bench.simd;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.ltpsim.channels.KineticScheme;
import org.ltpsim.channels.TransitionMatrix;
import org.ltpsim.simd.FixedStepKernel;
import org.ltpsim.simd.LaneRandom;
import org.ltpsim.simd.TransitionTable;
import org.ltpsim.simd.VectorizationProvider;

/**
 * The fixed-step kernel's SIMD/scalar ratio in thread CPU time, for a machine so loaded that JMH's wall-clock
 * scores scatter by more than the ratio: the same step as {@code ChannelKernelBenchmark} (one 0.05 ms AMPA step of
 * {@code slots} slots, states restored before every call), the two twins alternating in 15 rounds of ~20 million
 * slot-steps each after 5 warm-up rounds; prints the median CPU microseconds per call of each and their ratio.
 *
 * <pre>java --add-modules=jdk.incubator.vector [-XX:UseAVX=2] -cp bench/target/benchmarks.jar \
 *     org.ltpsim.bench.simd.FixedStepKernelCpuTime SLOTS GLUTAMATE_MM spread|closed</pre>
 */
public final class FixedStepKernelCpuTime {
    private static final int ROUNDS = 15;
    private static final int WARM_UP_ROUNDS = 5;

    private FixedStepKernelCpuTime() {}

    public static void main(String[] args) {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: SLOTS GLUTAMATE_MM spread|closed");
        }
        int slots = Integer.parseInt(args[0]);
        double glutamateMilliMolar = Double.parseDouble(args[1]);
        boolean spread = switch (args[2]) {
            case "spread" -> true;
            case "closed" -> false;
            default -> throw new IllegalArgumentException("start must be spread or closed: " + args[2]);
        };
        if (!(slots > 0 && slots % LaneRandom.LANES == 0)) {
            throw new IllegalArgumentException("slots must be a positive multiple of " + LaneRandom.LANES + ": " + slots);
        }
        KineticScheme ampa = KineticScheme.ampaDestexhe1998();
        byte[] initial = new byte[slots];
        for (int i = 0; i < slots; i++) { // as ChannelKernelBenchmark's start
            initial[i] = spread ? (byte) (i * 7 % ampa.stateCount()) : (byte) ampa.state("C0");
        }
        byte[] states = initial.clone();
        int[] counts = new int[ampa.stateCount() + 1];
        long[] lanes = LaneRandom.seed(1, "bench", 0);
        TransitionTable table = TransitionTable.of(TransitionMatrix.exp(ampa.generator(glutamateMilliMolar), 0.05));
        FixedStepKernel[] kernels = {VectorizationProvider.scalar().fixedStepKernel(),
                VectorizationProvider.getInstance().fixedStepKernel()};
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int calls = Math.max(1, 20_000_000 / slots);
        double[][] microsPerCall = new double[2][ROUNDS];
        long moved = 0;
        for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
            for (int k = 0; k < 2; k++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int c = 0; c < calls; c++) {
                    System.arraycopy(initial, 0, states, 0, slots);
                    moved += kernels[k].step(states, 0, slots, table, lanes, counts, 0);
                }
                long end = threads.getCurrentThreadCpuTime();
                if (round >= 0) {
                    microsPerCall[k][round] = (end - start) / 1e3 / calls;
                }
            }
        }
        Arrays.sort(microsPerCall[0]);
        Arrays.sort(microsPerCall[1]);
        double scalar = microsPerCall[0][ROUNDS / 2];
        double simd = microsPerCall[1][ROUNDS / 2];
        long totalCalls = 2L * (ROUNDS + WARM_UP_ROUNDS) * calls;
        System.out.printf("%s, slots %d, glutamate %s mM, start %s: scalar %.2f us, SIMD %.2f us (median thread CPU"
                + " per call), SIMD speed-up %.2fx; slots moved per call %.0f%n", VectorizationProvider.getInstance(),
                slots, args[1], args[2], scalar, simd, scalar / simd, (double) moved / totalCalls);
    }
}
