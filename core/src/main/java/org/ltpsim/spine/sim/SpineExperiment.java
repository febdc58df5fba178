package org.ltpsim.spine.sim;

import java.util.List;
import org.ltpsim.spine.SpineModel;
import org.ltpsim.spine.input.Pathway;

/**
 * A run to do: the model, its input pathways, the master seed, and how long to go on after the last input.
 *
 * @param afterMs simulated time after the last spike or depolarisation window ends
 * @param traceBinMs spacing of the recorded calcium traces (at least the fast step; 0 picks ~4000 bins)
 */
public record SpineExperiment(SpineModel model, List<Pathway> pathways, long seed, double afterMs, double traceBinMs) {
    public SpineExperiment {
        pathways = List.copyOf(pathways);
        if (pathways.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs at least one pathway");
        }
        if (!(afterMs >= 0) || Double.isInfinite(afterMs)) {
            throw new IllegalArgumentException("afterMs must be finite and >= 0: " + afterMs);
        }
        if (!(traceBinMs >= 0)) {
            throw new IllegalArgumentException("traceBinMs must be >= 0: " + traceBinMs);
        }
    }

    /** End of the simulated interval, ms. */
    public double endMs() {
        double last = 0;
        for (Pathway p : pathways) {
            last = Math.max(last, p.stimulus().lastEventMs());
        }
        return last + afterMs;
    }

    /** The trace bin actually used: the requested one, or ~4000 bins of at least 1 ms. */
    public double effectiveTraceBinMs() {
        double bin = traceBinMs > 0 ? traceBinMs : Math.max(1.0, Math.ceil(endMs() / 4000.0));
        return Math.max(bin, model.fastStepMs());
    }
}
