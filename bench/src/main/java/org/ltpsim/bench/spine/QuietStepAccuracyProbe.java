package org.ltpsim.bench.spine;

import java.util.List;
import java.util.function.IntToDoubleFunction;
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
 * What a longer quiet step ({@code timestep.quiet_steps}) does to the readouts of an LFS: 600 spines on 12 branches
 * of 50, CaMKII on, trace bins of {@code BIN_MS} (the default run's bins cap a quiet step at the next bin time, and
 * short runs have short bins: {@code QuietStepTest}'s 8-pulse runs get ~2 ms bins, so there every quiet step longer
 * than that gives the same run; 250 ms is what 900 pulses get). For each {@code CAP} (fast steps; {@code 1} = the
 * fast step everywhere, the reference) and seed: the mean over spines of Q_max, Ca influx, NMDA open channel time,
 * Ca-elevated time and peak Ca, each with its standard error from the 12 branch means. One thread.
 *
 * <pre>
 * java --add-modules=jdk.incubator.vector -cp bench/target/benchmarks.jar \
 *     org.ltpsim.bench.spine.QuietStepAccuracyProbe PULSES BIN_MS SEED[,SEED...] CAP...
 * </pre>
 */
public final class QuietStepAccuracyProbe {
    private static final int SPINES = 600;
    private static final int BRANCHES = 12;

    private QuietStepAccuracyProbe() {}

    public static void main(String[] args) {
        if (args.length < 4) {
            throw new IllegalArgumentException("usage: PULSES BIN_MS SEED[,SEED...] CAP...");
        }
        ParameterSet camkii = ParameterSet.defaults("camkii");
        ParameterSet lfs = ParameterSet.defaults("spine").with("protocol.lfs_pulses", args[0])
                .with("branch.spines_per_branch", String.valueOf(SPINES / BRANCHES));
        double binMs = Double.parseDouble(args[1]);
        for (int k = 3; k < args.length; k++) {
            String cap = args[k];
            ParameterSet p = cap.equals("1") ? lfs.with("timestep.slow_steps", "1").with("timestep.quiet_steps", "1")
                    : lfs.with("timestep.quiet_steps", cap);
            for (String seedText : args[2].split(",")) {
                SpineExperiment experiment = new SpineExperiment(SpineModel.from(p, false),
                        List.of(new Pathway("lfs", Protocols.named("lfs", p), SPINES)), Long.parseLong(seedText),
                        1000, binMs)
                        .withCamkii(CamkiiParameters.from(camkii), camkii.getInt("holoenzyme.per_spine"));
                SpineRunResult r;
                try (BlockExecutor executor = new BlockExecutor(1)) {
                    r = new SpineSimulator(new ReceptorChannels()).run(experiment, executor);
                }
                System.out.printf("cap %s seed %s: steps %d + %d | Q_max %s uM s | Ca influx %s uM | NMDA open %s ms"
                        + " | Ca elevated %s ms | peak Ca %s uM%n", cap, seedText, r.slowSteps(), r.fastSteps(),
                        mean(r, r::qMaxMicroMolarSec), mean(r, r::caInfluxMicroMolar), mean(r, r::nmdaOpenChannelMs),
                        mean(r, r::caElevatedMs), mean(r, r::peakCaMicroMolar));
            }
        }
    }

    /** Mean over spines +- its standard error from the branch means. */
    private static String mean(SpineRunResult r, IntToDoubleFunction readout) {
        double[] branchMean = new double[BRANCHES];
        for (int i = 0; i < SPINES; i++) {
            branchMean[r.layout().branchOf(i)] += readout.applyAsDouble(i) / (SPINES / BRANCHES);
        }
        double mean = 0;
        for (double m : branchMean) {
            mean += m / BRANCHES;
        }
        double variance = 0;
        for (double m : branchMean) {
            variance += (m - mean) * (m - mean) / (BRANCHES - 1);
        }
        return String.format("%.5g +- %.2g", mean, Math.sqrt(variance / BRANCHES));
    }
}
