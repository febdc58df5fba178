package org.ltpsim.bench.spine;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.ltpsim.camkii.CamkiiParameters;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.spine.ReceptorChannels;
import org.ltpsim.spine.SpineModel;
import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.input.Protocols;
import org.ltpsim.spine.sim.SpineExperiment;
import org.ltpsim.spine.sim.SpineRunResult;
import org.ltpsim.spine.sim.SpineSimulator;

/**
 * The LFS run of {@code bench/run-lfs.sh} (one branch of 100 spines, CaMKII on, seed 1, one thread) inside one JVM,
 * repeated, each repetition timed by the process's CPU time (user + system, JIT threads included, which settle after
 * the first repetitions). On a machine shared with other jobs the CPU time, and its minimum over repetitions, is
 * what can be compared between two builds; whole processes (run-lfs.sh) also pay JVM start, JIT and the figures.
 * Prints the steps and the sum of the spines' Q_max to 17 digits, so that two builds' outputs can be compared too.
 *
 * <pre>
 * java --add-modules=jdk.incubator.vector -cp bench/target/benchmarks.jar org.ltpsim.bench.spine.LfsCpuProbe \
 *     PULSES REPETITIONS [KEY VALUE]...
 * </pre>
 * ({@code KEY VALUE}: spine parameters, e.g. {@code timestep.quiet_steps 200}.) JMH does not fit: one operation is a
 * whole protocol, and the question is the CPU the run costs, not a steady-state rate.
 */
public final class LfsCpuProbe {
    private static final int SPINES = 100;

    private LfsCpuProbe() {}

    public static void main(String[] args) {
        if (args.length < 2 || args.length % 2 != 0) {
            throw new IllegalArgumentException("usage: PULSES REPETITIONS [KEY VALUE]...");
        }
        int pulses = Integer.parseInt(args[0]);
        int repetitions = Integer.parseInt(args[1]);
        ParameterSet camkii = ParameterSet.defaults("camkii");
        ParameterSet spine = ParameterSet.defaults("spine").with("protocol.lfs_pulses", String.valueOf(pulses));
        for (int k = 2; k < args.length; k += 2) {
            spine = spine.with(args[k], args[k + 1]);
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int r = 0; r < repetitions; r++) {
            SpineExperiment experiment = new SpineExperiment(SpineModel.from(spine, false),
                    List.of(new Pathway("lfs", Protocols.named("lfs", spine), SPINES)), 1, 1000, 0)
                    .withCamkii(CamkiiParameters.from(camkii), camkii.getInt("holoenzyme.per_spine"));
            long cpuStart = os.getProcessCpuTime();
            long wallStart = System.nanoTime();
            SpineRunResult result;
            try (BlockExecutor executor = new BlockExecutor(1)) {
                result = new SpineSimulator(new ReceptorChannels()).run(experiment, executor);
            }
            double wallSec = (System.nanoTime() - wallStart) / 1e9;
            double cpuSec = (os.getProcessCpuTime() - cpuStart) / 1e9;
            double qSum = 0;
            for (int i = 0; i < SPINES; i++) {
                qSum += result.qMaxMicroMolarSec(i);
            }
            System.out.printf("repetition %d: cpu %.3f s, wall %.3f s, steps %d + %d, sum of Q_max %.17g uM s%n", r,
                    cpuSec, wallSec, result.slowSteps(), result.fastSteps(), qSum);
        }
    }
}
