package org.ltpsim.cli.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.ltpsim.cli.io.Manifest;
import org.ltpsim.cli.io.OutputDirectory;
import org.ltpsim.cli.scale.ScaledRun;
import org.ltpsim.cli.spine.NoiseOptions;
import org.ltpsim.params.ParameterSet;

/**
 * A built-in experiment checked and ready to run: the factories check every input (one line, exit 2, before
 * anything runs); {@link #run} simulates, writes the table, summary.json, figure and manifest through the claimed
 * {@link OutputDirectory}, and returns the console lines.
 */
public abstract class ExperimentRunner {
    private ExperimentRunner() {}

    /** Simulates (or, with {@code scaled}, runs a shard or merges shards), writes, and returns what to print. */
    public abstract List<String> run(OutputDirectory output, ScaledRun scaled, long seed, int threads,
            String shownOut) throws IOException;

    /** A result's manifest: the command it stands for, and the shards it was merged from, if any. */
    private static Manifest manifest(ScaledRun scaled, long seed, int threads) {
        Manifest manifest = new Manifest(scaled.commandText(), seed, scaled.threads(threads));
        scaled.annotate(manifest);
        return manifest;
    }

    private static List<String> shardWritten(String name, ScaledRun scaled, String shownOut) {
        return List.of("experiment " + name + ": shard " + scaled.shard() + " in " + shownOut + " (combine the "
                + "shards with ltpsim merge)");
    }

    public static ExperimentRunner frequencyResponse(ParameterSet params, List<String> setKeys, String frequencies,
            Integer spines, long seed) {
        return frequencyResponse(params, setKeys, frequencies, spines, seed, NoiseOptions.NONE);
    }

    /** As above, under noise options (--deterministic, --deterministic-sources, --scale). */
    public static ExperimentRunner frequencyResponse(ParameterSet params, List<String> setKeys, String frequencies,
            Integer spines, long seed, NoiseOptions noise) {
        FrequencyResponse experiment = new FrequencyResponse(params, setKeys,
                frequencies == null ? FrequencyResponse.DEFAULT_FREQUENCIES : frequencies,
                spines == null ? FrequencyResponse.DEFAULT_SPINES : spines, seed).withNoise(noise);
        experiment.experiments(); // every point built now: a bad combination fails before anything runs
        return new ExperimentRunner() {
            @Override
            public List<String> run(OutputDirectory output, ScaledRun scaled, long s, int threads, String shownOut) throws IOException {
                Optional<FrequencyResponse.Result> obtained = experiment.run(new SpineRuns(scaled, output, s, threads));
                if (obtained.isEmpty()) {
                    return shardWritten("frequency-response", scaled, shownOut);
                }
                FrequencyResponse.Result result = obtained.get();
                double wall = scaled.wallTimeSec();
                Manifest manifest = manifest(scaled, s, threads).put("experiment", "frequency-response")
                        .parameters(result.params().values()).wallTimeSec(wall);
                if (!noise.equals(NoiseOptions.NONE)) {
                    manifest.put("noise", noise.describe());
                }
                output.write(manifest, dir -> FrequencyResponse.write(dir, result));
                scaled.finished();
                List<String> lines = new ArrayList<>();
                lines.add(String.format(Locale.ROOT, "experiment frequency-response: %d frequencies x %d spines in "
                        + "%.1f s; results in %s", result.points().size(), result.points().get(0).readouts().spines(),
                        wall, shownOut));
                lines.addAll(FrequencyResponse.console(result));
                return lines;
            }
        };
    }

    public static ExperimentRunner rules(ParameterSet params, Integer branches, long seed) {
        Rules rules = new Rules(params, branches == null ? Rules.DEFAULT_BRANCHES : branches, seed);
        int b = branches == null ? Rules.DEFAULT_BRANCHES : branches;
        rules.conditions(); // built now: a bad combination fails before anything runs
        return new ExperimentRunner() {
            @Override
            public List<String> run(OutputDirectory output, ScaledRun scaled, long s, int threads, String shownOut) throws IOException {
                Optional<List<Rules.Row>> obtained = rules.run(new SpineRuns(scaled, output, s, threads));
                if (obtained.isEmpty()) {
                    return shardWritten("rules", scaled, shownOut);
                }
                List<Rules.Row> rows = obtained.get();
                double wall = scaled.wallTimeSec();
                Manifest manifest = manifest(scaled, s, threads).put("experiment", "rules")
                        .parameters(params.values()).put("camkii_parameters", ParameterSet.defaults("camkii").values())
                        .wallTimeSec(wall);
                output.write(manifest, dir -> Rules.write(dir, rows, b, params));
                scaled.finished();
                List<String> lines = new ArrayList<>();
                lines.add(String.format(Locale.ROOT, "experiment rules: %d rows, %d branch(es) per condition, in "
                        + "%.1f s; results in %s", rows.size(), b, wall, shownOut));
                lines.addAll(Rules.console(rows));
                return lines;
            }
        };
    }

    public static ExperimentRunner camkiiLifetime(ParameterSet camkiiSet, List<String> setKeys, String holoenzymes,
            Integer spines, Double tEndSec, long seed) {
        CamkiiLifetime experiment = new CamkiiLifetime(camkiiSet, setKeys, holoenzymes, spines, tEndSec, seed);
        return new ExperimentRunner() {
            @Override
            public List<String> run(OutputDirectory output, ScaledRun scaled, long s, int threads, String shownOut) throws IOException {
                scaled.refuseWith("experiment camkii-lifetime", "each holoenzyme number runs for its own duration; "
                        + "run it whole (or shard 'ltpsim camkii' runs)");
                long start = System.nanoTime();
                List<CamkiiLifetime.Row> rows = experiment.run(threads);
                double wall = (System.nanoTime() - start) / 1e9;
                Manifest manifest = new Manifest(scaled.commandText(), s, threads).put("experiment", "camkii-lifetime")
                        .put("camkii_parameters", experiment.parameters().values()).wallTimeSec(wall);
                output.write(manifest, dir -> experiment.write(dir, rows));
                List<String> lines = new ArrayList<>();
                lines.add(String.format(Locale.ROOT, "experiment camkii-lifetime: %d holoenzyme numbers in %.1f s; "
                        + "results in %s", rows.size(), wall, shownOut));
                lines.addAll(experiment.console(rows));
                return lines;
            }
        };
    }

    public static ExperimentRunner noiseScaling(ParameterSet params, String param, String scales, Integer spines,
            long seed) {
        NoiseScaling experiment = new NoiseScaling(params, param == null ? NoiseThresholds.DEFAULT_PARAM : param,
                scales == null ? NoiseScaling.DEFAULT_SCALES : scales,
                spines == null ? NoiseThresholds.DEFAULT_SPINES : spines, seed);
        return noise("noise-scaling", experiment::run, NoiseScaling.Output::params, NoiseScaling::write,
                NoiseScaling::console, result -> result.scales().size() + " scales + the deterministic limit");
    }

    public static ExperimentRunner noiseSources(ParameterSet params, String param, Integer spines, long seed) {
        NoiseSources experiment = new NoiseSources(params, param == null ? NoiseThresholds.DEFAULT_PARAM : param,
                spines == null ? NoiseThresholds.DEFAULT_SPINES : spines, seed);
        return noise("noise-sources", experiment::run, NoiseSources.Output::params, NoiseSources::write,
                NoiseSources::console, result -> (result.single().size() + 2) + " conditions");
    }

    /** Writes a noise experiment's result into the output folder. */
    @FunctionalInterface
    private interface ResultWriter<O> {
        void write(Path dir, O result) throws IOException;
    }

    /**
     * A noise experiment (noise-scaling, noise-sources): sweeps under several noise conditions, fitted together at
     * the end, so it runs whole; the two differ only in what they run, write and print.
     *
     * @param conditions what was run, for the console's first line
     */
    private static <O> ExperimentRunner noise(String name, IntFunction<O> experiment,
            Function<O, ParameterSet> params, ResultWriter<O> writer, Function<O, List<String>> console,
            Function<O, String> conditions) {
        return new ExperimentRunner() {
            @Override
            public List<String> run(OutputDirectory output, ScaledRun scaled, long s, int threads, String shownOut)
                    throws IOException {
                scaled.refuseWith("experiment " + name, "it fits its sweeps together at the end; run it whole");
                long start = System.nanoTime();
                O result = experiment.apply(threads);
                double wall = (System.nanoTime() - start) / 1e9;
                Manifest manifest = new Manifest(scaled.commandText(), s, threads).put("experiment", name)
                        .parameters(params.apply(result).values())
                        .put("camkii_parameters", ParameterSet.defaults("camkii").values()).wallTimeSec(wall);
                output.write(manifest, dir -> writer.write(dir, result));
                List<String> lines = new ArrayList<>();
                lines.add(String.format(Locale.ROOT, "experiment %s: %s in %.1f s; results in %s", name,
                        conditions.apply(result), wall, shownOut));
                lines.addAll(console.apply(result));
                return lines;
            }
        };
    }
}
