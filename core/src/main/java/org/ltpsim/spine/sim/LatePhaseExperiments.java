package org.ltpsim.spine.sim;

import java.util.ArrayList;
import java.util.List;
import org.ltpsim.camkii.CamkiiParameters;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.spine.SpineModel;
import org.ltpsim.spine.expression.ExpressionModel;
import org.ltpsim.spine.expression.ExpressionSettings;
import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.input.Protocols;

/**
 * The late-phase experiments (docs/expression.md) as {@link SpineExperiment}s with the expression layers, for
 * {@code ltpsim demo --late-phase}: weak and strong tetanus (Frey &amp; Morris 1997), one train (Huang &amp; Kandel
 * 1994), transcription and translation blockers, T286A, AP5, LFS, tagging and capture, metaplasticity.
 *
 * <p>Sized to run in seconds: {@code spines} spines per pathway on one branch whose input resistance is scaled by
 * 100 / spines (the compartment's R and tau do not depend on its spine count, so {@code spines} co-active spines
 * depolarise it as 100 do on the default 500 MOhm branch), and the nucleus's unit of signal scaled the same way
 * ({@code nucleus.reference_spines} = spines). With spines = 100 this is the default model.
 */
public final class LatePhaseExperiments {
    private static final double MIN = 60_000;
    private final ParameterSet spine;
    private final ParameterSet expression;
    private final CamkiiParameters camkii;
    private final int holoenzymes;
    private final int spines;
    private final long seed;

    public LatePhaseExperiments(ParameterSet spine, ParameterSet camkii, ParameterSet expression, int spines,
            long seed) {
        if (spines < 1) {
            throw new IllegalArgumentException("spines must be >= 1: " + spines);
        }
        double scale = 100.0 / spines;
        this.spine = spine.with("branch.input_resistance_mohm",
                String.valueOf(spine.get("branch.input_resistance_mohm") * scale));
        this.expression = expression.with("nucleus.reference_spines",
                String.valueOf(expression.get("nucleus.reference_spines") / scale));
        this.camkii = CamkiiParameters.from(camkii);
        this.holoenzymes = camkii.getInt("holoenzyme.per_spine");
        this.spines = spines;
        this.seed = seed;
    }

    /** The defaults of data/*.toml. */
    public static LatePhaseExperiments defaults(int spines, long seed) {
        return new LatePhaseExperiments(ParameterSet.defaults("spine"), ParameterSet.defaults("camkii"),
                ParameterSet.defaults("expression"), spines, seed);
    }

    public int spines() {
        return spines;
    }

    /**
     * Pathways given as NAME:PROTOCOL (each {@code spines} spines) on one branch, run for {@code durationMs}, with
     * {@code drugs} (any of ap5, actinomycin-d, anisomycin) and optionally the T286A mutant.
     */
    public SpineExperiment experiment(double durationMs, String drugs, boolean t286a, String... pathways) {
        ParameterSet p = spine.with("branch.spines_per_branch", String.valueOf(spines * pathways.length));
        List<Pathway> list = new ArrayList<>();
        for (String pathway : pathways) {
            int colon = pathway.indexOf(':');
            list.add(new Pathway(pathway.substring(0, colon), Protocols.named(pathway.substring(colon + 1), p),
                    spines));
        }
        ExpressionModel model = ExpressionModel.from(expression, drugs.contains("actinomycin"),
                drugs.contains("anisomycin"));
        return new SpineExperiment(SpineModel.from(p, drugs.contains("ap5")), list, seed, 1000, 0)
                .withCamkii(t286a ? camkii.withT286a() : camkii, holoenzymes)
                .withExpression(ExpressionSettings.of(model).withDurationMs(durationMs));
    }

    public SpineExperiment strongTetanus(String drugs) {
        return experiment(180 * MIN, drugs, false, "A:strong-tetanus");
    }

    public SpineExperiment weakTetanus() {
        return experiment(180 * MIN, "", false, "A:weak-tetanus");
    }

    public SpineExperiment oneTrain(String drugs, boolean t286a) {
        return experiment(180 * MIN, drugs, t286a, "A:hfs");
    }

    public SpineExperiment lfs() {
        return experiment(60 * MIN, "", false, "A:lfs");
    }

    /** Strong tetanus on A, weak tetanus on B {@code delayMin} later, C silent, until {@code durationMin}. */
    public SpineExperiment tagging(double delayMin, double durationMin, String drugs) {
        return experiment(durationMin * MIN, drugs, false, "A:strong-tetanus",
                "B:weak-tetanus@" + delayMin + "min", "C:none");
    }

    /** Co-active spines per branch of the metaplasticity experiment's weak protocol (a default 500 MOhm branch). */
    public static final int METAPLASTICITY_COACTIVE = 20;
    /** Its timeline: priming at 5 min (under AP5 until 15 min), the weak protocol at 45 min, the end at 75 min. */
    public static final double PRIMING_MIN = 5;
    public static final double AP5_END_MIN = 15;
    public static final double WEAK_MIN = 45;
    public static final double METAPLASTICITY_END_MIN = 75;

    /**
     * Metaplasticity (Abraham &amp; Bear 1996; Cohen &amp; Abraham 1996): the weak protocol is a weak tetanus at
     * {@link #WEAK_MIN} on {@link #METAPLASTICITY_COACTIVE} co-active spines of each branch of the caller's set (its
     * input resistance unscaled, whatever {@code spines}), too few to depolarise it enough for CaMKII to anchor; priming is the same weak tetanus
     * at {@link #PRIMING_MIN} under AP5 (no NMDAR calcium: the weight cannot change), which activates the spines'
     * group I mGluRs and so inserts NMDARs. {@code spines} spines, a whole number of branches; a test pulse every minute
     * from t = 0 (the EPSP readout; AMPA only, docs/expression.md).
     */
    public SpineExperiment metaplasticity(boolean primed) {
        int perBranch = Math.min(spines, METAPLASTICITY_COACTIVE);
        if (spines % perBranch != 0) {
            throw new IllegalArgumentException("metaplasticity needs a multiple of " + METAPLASTICITY_COACTIVE
                    + " spines: " + spines);
        }
        ParameterSet p = spine.with("branch.spines_per_branch", String.valueOf(perBranch))
                .with("branch.input_resistance_mohm", String.valueOf(spine.get("branch.input_resistance_mohm")
                        * spines / 100.0)); // undo the constructor's scaling
        String weak = "weak-tetanus@" + WEAK_MIN + "min";
        List<Pathway> list = List.of(new Pathway("A", Protocols.named(primed ? "weak-tetanus@" + PRIMING_MIN
                + "min+" + weak : weak, p), spines));
        return new SpineExperiment(SpineModel.from(p, false), list, seed, 1000, 0).withCamkii(camkii, holoenzymes)
                .withExpression(ExpressionSettings.of(ExpressionModel.from(expression, false, false))
                        .withDurationMs(METAPLASTICITY_END_MIN * MIN).withAp5WindowMs(0, AP5_END_MIN * MIN)
                        .withTestPulsesEveryMs(MIN));
    }
}
