package org.ltpsim.spine.sim;

import java.util.List;
import org.ltpsim.camkii.CamkiiParameters;
import org.ltpsim.spine.SpineModel;
import org.ltpsim.spine.expression.ExpressionSettings;
import org.ltpsim.spine.input.Pathway;

/**
 * A run to do: the model, its input pathways, the master seed, and how long to go on after the last input.
 *
 * @param afterMs simulated time after the last spike or depolarisation window ends
 * @param traceBinMs spacing of the recorded calcium traces (at least the fast step; 0 picks ~4000 bins)
 * @param camkii CaMKII holoenzyme parameters, or null to leave CaMKII out
 * @param holoenzymesPerSpine CaMKII holoenzymes per spine (ignored without {@code camkii})
 * @param expression the expression and late-phase layers (receptor trafficking, tag, proteins), or null: without
 *     them a run is exactly what it was before they existed
 */
public record SpineExperiment(SpineModel model, List<Pathway> pathways, long seed, double afterMs, double traceBinMs,
        CamkiiParameters camkii, int holoenzymesPerSpine, ExpressionSettings expression) {
    /** Without CaMKII. */
    public SpineExperiment(SpineModel model, List<Pathway> pathways, long seed, double afterMs, double traceBinMs) {
        this(model, pathways, seed, afterMs, traceBinMs, null, 0, null);
    }

    /** Without the expression layers. */
    public SpineExperiment(SpineModel model, List<Pathway> pathways, long seed, double afterMs, double traceBinMs,
            CamkiiParameters camkii, int holoenzymesPerSpine) {
        this(model, pathways, seed, afterMs, traceBinMs, camkii, holoenzymesPerSpine, null);
    }

    /** The same experiment with CaMKII holoenzymes in every spine, driven by the spine's calcium. */
    public SpineExperiment withCamkii(CamkiiParameters parameters, int holoenzymes) {
        if (holoenzymes < 1) {
            throw new IllegalArgumentException("holoenzymes per spine must be >= 1: " + holoenzymes);
        }
        return new SpineExperiment(model, pathways, seed, afterMs, traceBinMs, parameters, holoenzymes, expression);
    }

    /**
     * The same experiment with the expression layers (needs CaMKII: autonomous CaMKII drives receptor insertion,
     * its PP1 activity their removal).
     */
    public SpineExperiment withExpression(ExpressionSettings settings) {
        if (settings != null && camkii == null) {
            throw new IllegalArgumentException("the expression layers need CaMKII (withCamkii first)");
        }
        return new SpineExperiment(model, pathways, seed, afterMs, traceBinMs, camkii, holoenzymesPerSpine, settings);
    }

    /** The same experiment with another seed. */
    public SpineExperiment withSeed(long otherSeed) {
        return new SpineExperiment(model, pathways, otherSeed, afterMs, traceBinMs, camkii, holoenzymesPerSpine,
                expression);
    }

    /** Independent neurons (copies of every pathway's spines): 1 without the expression layers. */
    public int neurons() {
        return expression == null ? 1 : expression.neurons();
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
        if (expression != null && camkii == null) {
            throw new IllegalArgumentException("the expression layers need CaMKII");
        }
        if (expression != null && expression.durationMs() > 0) {
            double last = 0;
            for (Pathway p : pathways) {
                last = Math.max(last, p.stimulus().lastEventMs());
            }
            if (expression.durationMs() < last) {
                throw new IllegalArgumentException("the duration (" + expression.durationMs() + " ms) ends before the "
                        + "last stimulus (" + last + " ms)");
            }
        }
    }

    /** End of the simulated interval, ms: the expression layers' duration if set, else afterMs after the last input. */
    public double endMs() {
        if (expression != null && expression.durationMs() > 0) {
            return expression.durationMs();
        }
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
