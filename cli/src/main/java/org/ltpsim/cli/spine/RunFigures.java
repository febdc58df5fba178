package org.ltpsim.cli.spine;

import java.io.IOException;
import java.nio.file.Path;
import org.ltpsim.spine.sim.SpineRunResult;

/**
 * The time courses and figures of an {@code ltpsim run}: calcium.csv and calcium.png (mean calcium per pathway with
 * its bin envelope), q_max.png (the Q_max distribution against the rule's thresholds), and traces.csv and
 * traces.png when spines were recorded.
 */
public final class RunFigures {
    private RunFigures() {}

    /** @param description what was run, e.g. "A=hfs x 20 + AP5", for the figure titles */
    public static void write(Path dir, SpineRunResult result, String description) throws IOException {
        MeanCalciumFiles.write(dir, result, "Spine calcium: " + description);
        QMaxHistogramPlot.write(dir.resolve("q_max.png"), result, "Q_max per spine: " + description);
        TraceRecording.write(dir, result, "Recorded spines: " + description);
    }
}
