package org.ltpsim.cli.spine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ltpsim.cli.UserInputException;
import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.sim.SpineExperiment;
import org.ltpsim.spine.sim.SpineRunResult;
import org.ltpsim.spine.sim.SpineTrace;
import org.ltpsim.spine.sim.TraceRequest;

/**
 * {@code ltpsim run --record SPINES --record-every MS}: checks the request against the run before it starts (one
 * line naming the option and value on bad input) and writes {@code traces.csv} and {@code traces.png} after it.
 */
public final class TraceRecording {
    /** Default sampling interval, ms. */
    public static final double DEFAULT_EVERY_MS = 1.0;
    /** Most samples (spines x times) one run may record: ~40 bytes each in memory, ~70 in traces.csv. */
    public static final long MAX_SAMPLES = 2_000_000;
    /** Recorded spines drawn in traces.png (all are in traces.csv). */
    static final int PLOTTED_SPINES = 8;

    private TraceRecording() {}

    /** The request for {@code --record spines --record-every everyMs}, or null when nothing is to be recorded. */
    public static TraceRequest request(String spines, Double everyMs, SpineExperiment experiment) {
        if (spines == null) {
            if (everyMs != null && experiment.expression() == null) {
                throw new UserInputException("--record-every " + plain(everyMs) + " needs --record SPINES (or "
                        + "--duration, for the weight records)");
            }
            return null;
        }
        double every = everyMs == null ? DEFAULT_EVERY_MS : everyMs;
        if (!(every > 0) || Double.isInfinite(every)) {
            throw new UserInputException("--record-every must be > 0 ms: " + plain(every));
        }
        int spineCount = 0;
        for (Pathway p : experiment.pathways()) {
            spineCount += p.spineCount();
        }
        spineCount *= experiment.neurons();
        TraceRequest request = new TraceRequest(SpineIdList.parse("--record", spines, spineCount), every);
        double fastMs = experiment.model().fastStepMs();
        try {
            request.sampleTicks(fastMs);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--record-every " + plain(every) + " ms is not a whole number of time steps"
                    + " (timestep.fast_ms = " + plain(fastMs) + " ms)", e);
        }
        long samples = request.samplesPerSpine(experiment) * request.spines().length;
        if (samples > MAX_SAMPLES) {
            throw new UserInputException(String.format(Locale.ROOT, "--record %s with --record-every %s ms would keep "
                    + "%,d samples (at most %,d): record fewer spines or sample less often", spines, plain(every),
                    samples, MAX_SAMPLES));
        }
        return request;
    }

    /** Writes traces.csv and traces.png into {@code dir} if the run recorded any spine. */
    public static void write(Path dir, SpineRunResult result, String title) throws IOException {
        List<SpineTrace> traces = result.recordedTraces();
        if (traces.isEmpty()) {
            return;
        }
        writeCsv(dir.resolve("traces.csv"), result);
        TracePlot.write(dir.resolve("traces.png"), title, traces.subList(0, Math.min(PLOTTED_SPINES, traces.size())),
                result.pathways());
    }

    /**
     * Long format, one row per spine and sample time: spine, pathway, time_ms, ca_uM, q_uM_s, v_mV,
     * [camkii_phosphorylated_fraction,] ampa_open, nmda_open (the CaMKII column only when CaMKII ran).
     */
    static void writeCsv(Path file, SpineRunResult result) throws IOException {
        boolean camkii = result.hasCamkii();
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("spine,pathway,time_ms,ca_uM,q_uM_s,v_mV," + (camkii ? "camkii_phosphorylated_fraction," : "")
                    + "ampa_open,nmda_open\n");
            StringBuilder line = new StringBuilder(128);
            for (SpineTrace t : result.recordedTraces()) {
                String prefix = t.spine() + "," + result.pathways().get(t.pathway()).name() + ",";
                for (int k = 0; k < t.sampleCount(); k++) {
                    line.setLength(0);
                    line.append(prefix).append(timeMs(t, k)).append(',')
                            .append(String.format(Locale.ROOT, "%.6g,%.6g,%.6g", t.caMicroMolar(k),
                                    t.qMicroMolarSec(k), t.vMv(k)));
                    if (camkii) {
                        line.append(String.format(Locale.ROOT, ",%.6g", t.camkiiPhosphorylatedFraction(k)));
                    }
                    line.append(',').append(t.ampaOpen(k)).append(',').append(t.nmdaOpen(k)).append('\n');
                    w.append(line);
                }
            }
        }
    }

    /** The sample time without floating-point noise: k * every is a whole number of microseconds or less. */
    private static String timeMs(SpineTrace t, int k) {
        return plain(Math.round(t.timeMs(k) * 1e6) / 1e6);
    }

    private static String plain(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : Double.toString(value);
    }
}
