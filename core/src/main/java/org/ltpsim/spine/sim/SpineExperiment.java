package org.ltpsim.spine.sim;

import java.util.List;
import org.ltpsim.camkii.CamkiiParameters;
import org.ltpsim.spine.SpineModel;
import org.ltpsim.spine.input.Pathway;

/**
 * A run to do: the model, its input pathways, the master seed, and how long to go on after the last input.
 *
 * @param afterMs simulated time after the last spike or depolarisation window ends
 * @param traceBinMs spacing of the recorded calcium traces (at least the fast step; 0 picks ~4000 bins)
 * @param camkii CaMKII holoenzyme parameters, or null to leave CaMKII out
 * @param holoenzymesPerSpine CaMKII holoenzymes per spine (ignored without {@code camkii})
 */
public record SpineExperiment(SpineModel model, List<Pathway> pathways, long seed, double afterMs, double traceBinMs,
        CamkiiParameters camkii, int holoenzymesPerSpine) {
    /** Without CaMKII. */
    public SpineExperiment(SpineModel model, List<Pathway> pathways, long seed, double afterMs, double traceBinMs) {
        this(model, pathways, seed, afterMs, traceBinMs, null, 0);
    }

    /** The same experiment with CaMKII holoenzymes in every spine, driven by the spine's calcium. */
    public SpineExperiment withCamkii(CamkiiParameters parameters, int holoenzymes) {
        if (holoenzymes < 1) {
            throw new IllegalArgumentException("holoenzymes per spine must be >= 1: " + holoenzymes);
        }
        return new SpineExperiment(model, pathways, seed, afterMs, traceBinMs, parameters, holoenzymes);
    }

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
