package org.ltpsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.HdrHistogram.Histogram;
import org.ltpsim.camkii.CamkiiParameters;
import org.ltpsim.camkii.CamkiiPopulations;
import org.ltpsim.camkii.RingW2Parameters;
import org.ltpsim.camkii.SwitchLifetimes;
import org.ltpsim.camkii.ensemble.CamkiiBlock;
import org.ltpsim.camkii.ensemble.CamkiiBlocks;
import org.ltpsim.camkii.ensemble.CamkiiEnsemble;
import org.ltpsim.cli.io.HistogramPercentiles;
import org.ltpsim.cli.io.Manifest;
import org.ltpsim.cli.io.OutputDirectory;
import org.ltpsim.cli.io.TableFormat;
import org.ltpsim.cli.scale.BlockJob;
import org.ltpsim.cli.scale.RunIdentity;
import org.ltpsim.cli.scale.ScaleOutOptions;
import org.ltpsim.cli.scale.ScaledRun;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.parallel.Partial;
import org.ltpsim.rng.RandomStreams;
import org.ltpsim.stats.RunningStats;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ltpsim camkii}: the CaMKII holoenzyme kernel alone, for N spines of H holoenzymes under one calcium time
 * course. Writes the phosphorylated fraction over time (mean, sd, quantiles across spines), switch lifetimes, a
 * summary and a manifest into {@code --out}, completely or not at all.
 *
 * <p>Spines are split into blocks of {@value CamkiiBlocks#BLOCK_SPINES} ({@link CamkiiBlocks}, in core); block
 * {@code b} draws from {@code RandomStreams.forBlock(seed, "camkii", b)}, and results merge in block order, so output
 * is bitwise the same for any {@code --threads}.
 */
@Command(name = "camkii", footerHeading = "%nExamples:%n",
        footer = {"  ltpsim camkii --spines 200 --holoenzymes 16 --calcium pulse:1.0,5,0.4 \\",
            "      --t-end 120 --out runs/camkii",
            "  ltpsim camkii --calcium pulse:1.0,5,0.4 --mutant t286a --out runs/t286a"},
        mixinStandardHelpOptions = true, sortOptions = false,
        description = "Simulate CaMKII holoenzymes (subunit-resolved rings, exact SSA) under a calcium time course.")
public final class CamkiiCommand implements Callable<Integer> {
    /** Spines per block: fixed, so random streams never depend on the thread count. */
    static final int BLOCK_SPINES = CamkiiBlocks.BLOCK_SPINES;
    private static final long MAX_RECORDED_VALUES = 50_000_000L;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    CommonOptions shared;

    @CommandLine.Mixin
    TableFormat tables;

    @Option(names = "--spines", defaultValue = "100", description = "Number of spines (default ${DEFAULT-VALUE}).")
    int spines;

    @Option(names = "--holoenzymes", description = "Holoenzymes per spine (default: holoenzyme.per_spine).")
    Integer holoenzymes;

    @Option(names = "--calcium", defaultValue = "const:0.1", description = "const:C | pulse:AMP_uM,START_s,DUR_s"
            + "[,BASE_uM] | file:PATH[@COLUMN] (rows 'time_s, ca_uM', or a table with a time_s or time_ms column "
            + "such as the calcium.csv of 'ltpsim run': its first *_mean_uM column, or COLUMN), piecewise "
            + "constant. Default ${DEFAULT-VALUE}.")
    String calcium;

    @Option(names = "--t-end", defaultValue = "60", description = "Simulated time, s (default ${DEFAULT-VALUE}).")
    double tEndSec;

    @Option(names = "--dt-out", defaultValue = "1", description = "Output interval, s (default ${DEFAULT-VALUE}).")
    double dtOutSec;

    @Option(names = "--mutant", description = "Mutant: t286a. Threonine 286 cannot be phosphorylated (Giese et al. "
            + "1998): no autonomous activity and no switch, but Ca2+/calmodulin-bound subunits remain active kinases "
            + "(kinase_activity in timecourse.csv is unchanged while calcium is high).")
    String mutant;

    @Option(names = "--inhibitor", description = "A catalytic-site CaMKII inhibitor (AIP-like; Sanhueza et al. 2007) "
            + "blocking the fraction inhibitor.block_fraction of kinase activity: autophosphorylation slows by that "
            + "fraction and so does the activity left for substrates (kinase_activity), also that of subunits "
            + "already phosphorylated; T286 itself can still be phosphorylated when block_fraction < 1.")
    boolean inhibitor;

    @Option(names = "--pp1", description = "PP1 molecules per spine (overrides pp1.per_holoenzyme).")
    Double pp1PerSpine;

    @Option(names = "--model", defaultValue = "holoenzyme",
            description = "holoenzyme (four-state scheme) or w2 (benchmark ring model, calcium ignored).")
    String model;

    @Option(names = "--set", description = "Override a parameter: key=value (repeatable), e.g. pp1.inhibition=0.5.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--params", description = "TOML file of [section] key = value overrides.")
    Path paramsFile;

    @Mixin
    ScaleOutOptions scaleOut;

    @Override
    public Integer call() throws IOException {
        ScaledRun scaled = scaleOut.start();
        OutputDirectory output = shared.claimDirectory().tables(tables);
        ParameterSet set = ParameterSet.defaults(CamkiiParameters.PARAMETER_SET);
        if (paramsFile != null) {
            set = set.withOverridesFile(paramsFile);
        }
        for (String assignment : sets) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new UserInputException("--set " + assignment + ": expected key=value");
            }
            set = set.with(assignment.substring(0, eq).trim(), assignment.substring(eq + 1));
        }
        final int h = holoenzymes != null ? holoenzymes : set.getInt("holoenzyme.per_spine");
        if (h < 1) {
            throw new UserInputException("--holoenzymes must be >= 1: " + h);
        }
        if (spines < 1) {
            throw new UserInputException("--spines must be >= 1: " + spines);
        }
        if (!(tEndSec > 0 && tEndSec < Double.POSITIVE_INFINITY)) {
            throw new UserInputException("--t-end must be > 0 s: " + tEndSec);
        }
        if (!(dtOutSec > 0 && dtOutSec <= tEndSec)) {
            throw new UserInputException("--dt-out must be > 0 s and <= --t-end: " + dtOutSec);
        }
        int threadCount = shared.threadCount();
        if ((long) h * 12 * Math.min(spines, BLOCK_SPINES) > Integer.MAX_VALUE / 2) {
            throw new UserInputException("--holoenzymes " + h + " is too large for one block of spines");
        }
        boolean w2 = switch (model.toLowerCase(Locale.ROOT)) {
            case "holoenzyme" -> false;
            case "w2" -> true;
            default -> throw new UserInputException("unknown --model '" + model + "' (known: holoenzyme, w2)");
        };
        CamkiiParameters parameters = CamkiiParameters.from(set);
        if (mutant != null) {
            if (!mutant.equalsIgnoreCase("t286a")) {
                throw new UserInputException("unknown --mutant '" + mutant + "' (known: t286a)");
            }
            parameters = parameters.withT286a();
        }
        if (inhibitor) {
            parameters = parameters.withInhibitor(set.get("inhibitor.block_fraction"));
        }
        if (pp1PerSpine != null) {
            if (!(pp1PerSpine >= 0 && pp1PerSpine < Double.POSITIVE_INFINITY)) {
                throw new UserInputException("--pp1 must be >= 0 molecules per spine: " + pp1PerSpine);
            }
            parameters = parameters.withPp1PerSpine(pp1PerSpine, h);
        }
        final CamkiiParameters finalParameters = parameters;
        final CamkiiCalciumCourse course = CamkiiCalciumCourse.parse(calcium, set.get("calcium.rest_uM"));
        final double[] outputSec = outputTimes(tEndSec, dtOutSec);
        if ((long) outputSec.length * spines > MAX_RECORDED_VALUES) {
            throw new UserInputException("--spines x output times = " + (long) outputSec.length * spines
                    + " exceeds " + MAX_RECORDED_VALUES + "; raise --dt-out or lower --spines");
        }
        CamkiiBlocks blocks = w2
                ? CamkiiBlocks.ofW2Kernel(spines, course, outputSec, block -> CamkiiPopulations.createW2(
                        RingW2Parameters.benchmark(), Math.min(BLOCK_SPINES, spines - block * BLOCK_SPINES), h,
                        RandomStreams.forBlock(shared.seed(), "camkii", block), finalParameters.onFraction(),
                        finalParameters.offFraction()))
                : new CamkiiBlocks(spines, course, outputSec, block -> CamkiiPopulations.create(finalParameters,
                        Math.min(BLOCK_SPINES, spines - block * BLOCK_SPINES), h,
                        RandomStreams.forBlock(shared.seed(), "camkii", block), true));
        Map<String, Object> manifestParameters = new LinkedHashMap<>(set.values());
        manifestParameters.put("cli.pp1_per_spine", pp1PerSpine == null ? null : pp1PerSpine);
        RunIdentity identity = new RunIdentity("camkii", shared.seed(), scaled.arguments(),
                Manifest.parametersSha256(manifestParameters), calciumFileSha256(), blocks.blockCount());
        AtomicLong samples = new AtomicLong();
        LongConsumer[] listener = {done -> {}};
        BlockJob<CamkiiBlock, List<CamkiiBlock>> job = new BlockJob<>("camkii", blocks.blockCount(),
                block -> blocks.runBlock(block, () -> listener[0].accept(samples.incrementAndGet())),
                CamkiiBlocks.inBlockOrder(), CamkiiBlocks.codec(), true, blocks::samplesIn,
                (progress, alreadyDone) -> {
                    samples.set(alreadyDone);
                    listener[0] = progress;
                });
        Optional<Partial<CamkiiBlock, List<CamkiiBlock>>> partial = scaled.obtainUnlessShard(job, identity,
                threadCount, "camkii", output, range -> spec.commandLine().getOut().printf(Locale.ROOT,
                        "camkii: shard %s (%s of %d) written to %s%n", scaled.shard(), range.describe(),
                        blocks.blockCount(), shared.out()));
        if (partial.isEmpty()) {
            return 0;
        }
        CamkiiEnsemble ensemble = blocks.ensemble(partial.get().state());
        int times = outputSec.length;
        RunningStats[] phosphorylated = new RunningStats[times];
        RunningStats[] active = new RunningStats[times];
        RunningStats[] autonomous = new RunningStats[times];
        int[] onCount = new int[times];
        float[][] all = new float[times][];
        for (int k = 0; k < times; k++) {
            phosphorylated[k] = ensemble.phosphorylated(k);
            active[k] = ensemble.active(k);
            autonomous[k] = ensemble.autonomous(k);
            onCount[k] = ensemble.onCount(k);
            all[k] = ensemble.phosphorylatedBySpine(k);
        }
        SwitchLifetimes lifetimes = ensemble.lifetimes();
        List<Double> censoredOn = ensemble.censoredOnSec();
        List<Double> censoredOff = ensemble.censoredOffSec();
        int onAtEnd = ensemble.onAtEnd();
        int ltpAtEnd = ensemble.ltpAtEnd();
        long events = ensemble.events();
        double wallSec = scaled.wallTimeSec();

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("model", w2 ? "w2" : "holoenzyme");
        summary.put("spines", spines);
        summary.put("holoenzymes_per_spine", h);
        summary.put("calcium", calcium);
        summary.put("t_end_s", tEndSec);
        summary.put("mutant", mutant == null ? "none" : mutant.toLowerCase(Locale.ROOT));
        summary.put("inhibitor", inhibitor);
        summary.put("phosphorylated_fraction_end_mean", phosphorylated[times - 1].mean());
        summary.put("phosphorylated_fraction_end_sd", phosphorylated[times - 1].sampleSd());
        summary.put("fraction_on_end", onAtEnd / (double) spines);
        summary.put("fraction_ltp", ltpAtEnd / (double) spines);
        summary.put("ltp_criterion", "switch ON (>= " + finalParameters.onFraction() + " phosphorylated, OFF at <= "
                + finalParameters.offFraction() + ") for >= " + finalParameters.ltpMinOnSec() + " s");
        double[] firstOff = lifetimes.firstOffDurationsSec();
        summary.put("on_lifetimes", lifetimeSummary(lifetimes.onDurationsSec(), lifetimes.onMillis(),
                new double[0], censoredOn));
        summary.put("off_lifetimes", lifetimeSummary(lifetimes.offDurationsSec(), lifetimes.offMillis(), firstOff,
                censoredOff));
        summary.put("events", events);
        Manifest manifest = new Manifest(scaled.commandText(), shared.seed(),
                scaled.threads(threadCount))
                .put("block_spines", BLOCK_SPINES)
                .parameters(manifestParameters);
        scaled.annotate(manifest);
        manifest.wallTimeSec(wallSec);
        final int finalOnAtEnd = onAtEnd;
        output.write(manifest, dir -> {
            writeTimecourse(dir.resolve("timecourse.csv"), outputSec, course, phosphorylated, all, active, autonomous,
                    onCount, finalParameters.inhibitorBlock());
            writeLifetimes(dir.resolve("lifetimes.csv"), lifetimes, censoredOn, censoredOff);
            Manifest.json().writeValue(dir.resolve("summary.json").toFile(), summary);
        });
        scaled.finished();
        spec.commandLine().getOut().printf(Locale.ROOT,
                "camkii: %d spines x %d holoenzymes, %.0f s: ON at end %d/%d, phosphorylated %.3f +- %.3f; %d events,"
                        + " %.1f s -> %s%n", spines, h, tEndSec, finalOnAtEnd, spines, phosphorylated[times - 1].mean(),
                phosphorylated[times - 1].sampleSd(), events, wallSec, shared.out());
        return 0;
    }

    /** The SHA-256 of a {@code --calcium file:PATH[@COLUMN]} file (shards must read the same one), else null. */
    private String calciumFileSha256() throws IOException {
        if (!calcium.startsWith("file:")) {
            return null;
        }
        String path = calcium.substring("file:".length());
        int at = path.lastIndexOf('@');
        Path file = Path.of(at > 0 && !Files.exists(Path.of(path)) ? path.substring(0, at) : path);
        return Files.isRegularFile(file) ? Manifest.sha256(file) : null;
    }

    static double[] outputTimes(double tEndSec, double dtOutSec) {
        long steps = (long) Math.floor(tEndSec / dtOutSec + 1e-9);
        List<Double> times = new ArrayList<>();
        for (long k = 0; k <= steps; k++) {
            times.add(k * dtOutSec);
        }
        if (tEndSec - times.get(times.size() - 1) > 1e-9 * tEndSec) {
            times.add(tEndSec);
        }
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Quantile of sorted values, linear interpolation between order statistics (Hyndman and Fan type 7). */
    static double quantile(float[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * Completed periods (count, mean, HdrHistogram percentiles from p10 to p99 and the maximum) and the
     * censoring-aware estimate of the mean lifetime for an exponential: all time spent in the state (completed,
     * first and still-running periods) divided by the number of periods that ended (the maximum-likelihood
     * estimate under right censoring).
     */
    private static Map<String, Object> lifetimeSummary(double[] durationsSec, Histogram millis, double[] firstSec,
            List<Double> censoredSec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("completed", durationsSec.length);
        m.put("mean_s", durationsSec.length == 0 ? null : Arrays.stream(durationsSec).average().orElse(0));
        double exposure = Arrays.stream(durationsSec).sum() + Arrays.stream(firstSec).sum()
                + censoredSec.stream().mapToDouble(Double::doubleValue).sum();
        int ended = durationsSec.length + firstSec.length;
        m.put("exposure_s", exposure);
        m.put("mean_censoring_aware_s", ended == 0 ? null : exposure / ended);
        Map<String, Object> percentiles = HistogramPercentiles.seconds(millis);
        percentiles.remove("count"); // = completed
        m.putAll(percentiles);
        return m;
    }

    private static void writeTimecourse(Path file, double[] outputSec, CamkiiCalciumCourse course,
            RunningStats[] phosphorylated, float[][] all, RunningStats[] active, RunningStats[] autonomous,
            int[] onCount, double inhibitorBlock) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println("time_s,ca_uM,phospho_mean,phospho_sd,phospho_q05,phospho_q25,phospho_median,phospho_q75,"
                    + "phospho_q95,active_mean,autonomous_mean,fraction_on,kinase_activity");
            for (int k = 0; k < outputSec.length; k++) {
                float[] sorted = all[k].clone();
                Arrays.sort(sorted);
                w.printf(Locale.ROOT, "%.6g,%.6g,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f%n", outputSec[k],
                        course.valueAt(outputSec[k]), phosphorylated[k].mean(), phosphorylated[k].sampleSd(),
                        quantile(sorted, 0.05), quantile(sorted, 0.25), quantile(sorted, 0.5),
                        quantile(sorted, 0.75), quantile(sorted, 0.95), active[k].mean(), autonomous[k].mean(),
                        onCount[k] / (double) sorted.length, active[k].mean() * (1 - inhibitorBlock));
            }
        }
    }

    /**
     * One row per period: kind "complete" (began and ended with a switch), "first" (OFF from the start until the
     * first switch) or "censored" (still running at the end).
     */
    private static void writeLifetimes(Path file, SwitchLifetimes lifetimes, List<Double> censoredOn,
            List<Double> censoredOff) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println("state,duration_s,kind");
            for (double d : lifetimes.onDurationsSec()) {
                w.printf(Locale.ROOT, "on,%.6f,complete%n", d);
            }
            for (double d : lifetimes.offDurationsSec()) {
                w.printf(Locale.ROOT, "off,%.6f,complete%n", d);
            }
            for (double d : lifetimes.firstOffDurationsSec()) {
                w.printf(Locale.ROOT, "off,%.6f,first%n", d);
            }
            for (double d : censoredOn) {
                w.printf(Locale.ROOT, "on,%.6f,censored%n", d);
            }
            for (double d : censoredOff) {
                w.printf(Locale.ROOT, "off,%.6f,censored%n", d);
            }
        }
    }
}
