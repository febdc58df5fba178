package org.ltpsim.spine.sim;

import java.util.List;
import org.ltpsim.camkii.CamkiiParameters;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.spine.SpineModel;
import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.input.Protocols;
import org.ltpsim.spine.input.Stimulus;

/**
 * The classic LTP/LTD experiments (HFS and LFS, AP5, coincidence detection, input specificity, cooperativity,
 * associativity, metaplasticity) as {@link SpineExperiment}s on a parameter set: shared by {@code ltpsim demo} and
 * the tests that check their outcomes.
 */
public final class SeedExperiments {
    private final ParameterSet params;
    private final long seed;

    public SeedExperiments(ParameterSet params, long seed) {
        this.params = params;
        this.seed = seed;
    }

    public ParameterSet params() {
        return params;
    }

    private SpineExperiment experiment(ParameterSet p, boolean ap5, Pathway... pathways) {
        return new SpineExperiment(SpineModel.from(p, ap5), List.of(pathways), seed, p.get("protocol.after_ms"), 0);
    }

    private Stimulus protocol(String name) {
        return Protocols.named(name, params);
    }

    /** HFS (100 Hz, 1 s) on every spine of {@code spines / spinesPerBranch} branches. */
    public SpineExperiment hfs(int spines) {
        return experiment(params, false, new Pathway("hfs", protocol("hfs"), spines));
    }

    /** LFS (1 Hz x 900) on every spine. */
    public SpineExperiment lfs(int spines) {
        return experiment(params, false, new Pathway("lfs", protocol("lfs"), spines));
    }

    /**
     * The experiment {@code e} with CaMKII holoenzymes (defaults of data/camkii.toml) in every spine, driven by the
     * spine's calcium, and the run extended to {@code afterMs} after the last input.
     */
    public static SpineExperiment withCamkii(SpineExperiment e, double afterMs) {
        ParameterSet camkii = ParameterSet.defaults("camkii");
        return new SpineExperiment(e.model(), e.pathways(), e.seed(), afterMs, e.traceBinMs())
                .withCamkii(CamkiiParameters.from(camkii), camkii.getInt("holoenzyme.per_spine"));
    }

    /** HFS with NMDA receptors blocked by AP5. */
    public SpineExperiment hfsWithAp5(int spines) {
        return experiment(params, true, new Pathway("hfs+ap5", protocol("hfs"), spines));
    }

    /**
     * Coincidence detection on {@code spines} isolated spines, each releasing with certainty: glutamate alone
     * at rest ({@code glutamate = true, depolarise = false}), depolarisation of the cell alone, or both together.
     * One presynaptic pulse at 10 ms; the depolarisation is the pairing command (-10 mV) held for 400 ms from
     * 10 ms, covering the whole time NMDA receptors stay bound after one release (Lester &amp; Jahr kinetics).
     */
    public SpineExperiment coincidence(int spines, boolean glutamate, boolean depolarise) {
        // isolated synapses (one spine per branch): glutamate alone leaves the cell at rest
        ParameterSet p = params.with("release.probability", "1").with("branch.spines_per_branch", "1");
        double start = p.get("protocol.start_ms");
        double[] spikes = glutamate ? new double[] {start} : new double[0];
        double[] ws = depolarise ? new double[] {start} : new double[0];
        double[] we = depolarise ? new double[] {start + COINCIDENCE_DEPOL_MS} : new double[0];
        String name = (glutamate ? "glutamate" : "") + (glutamate && depolarise ? "+" : "")
                + (depolarise ? "depolarisation" : "");
        Stimulus s = new Stimulus(name, spikes, ws, we, p.get("protocol.pairing_depol_mv"));
        // every condition observes the same interval, [0, start + depolarisation + 100 ms]
        double endMs = start + COINCIDENCE_DEPOL_MS + 100;
        return new SpineExperiment(SpineModel.from(p, false), List.of(new Pathway(name, s, spines)), seed,
                endMs - s.lastEventMs(), 0.5);
    }

    /** Duration of the depolarisation in the coincidence-detection experiment, ms. */
    public static final double COINCIDENCE_DEPOL_MS = 400;

    /** Two pathways on the same branches: A tetanised ({@code aSpines}), B silent ({@code bSpines}). */
    public SpineExperiment inputSpecificity(int aSpines, int bSpines) {
        return experiment(params, false, new Pathway("A-hfs", protocol("hfs"), aSpines),
                new Pathway("B-silent", protocol("none"), bSpines));
    }

    /**
     * Cooperativity: HFS on {@code active} spines of each branch, the other {@code perBranch - active} silent;
     * {@code branches} branches.
     */
    public SpineExperiment cooperativity(int active, int branches) {
        int perBranch = params.getInt("branch.spines_per_branch");
        if (active < 1 || active >= perBranch) {
            throw new IllegalArgumentException("active spines per branch must be in [1, " + (perBranch - 1) + "]: "
                    + active);
        }
        return experiment(params, false, new Pathway("tetanised", protocol("hfs"), active * branches),
                new Pathway("silent", protocol("none"), (perBranch - active) * branches));
    }

    /**
     * Associativity: a weak pathway (HFS on {@code weak} spines per branch) alone, with the rest of each branch
     * silent, or together with a strong pathway (HFS on all the other spines of each branch).
     */
    public SpineExperiment associativity(int weak, int branches, boolean withStrong) {
        int perBranch = params.getInt("branch.spines_per_branch");
        Pathway weakPathway = new Pathway("weak", protocol("hfs"), weak * branches);
        Pathway other = new Pathway(withStrong ? "strong" : "silent", protocol(withStrong ? "hfs" : "none"),
                (perBranch - weak) * branches);
        return experiment(params, false, weakPathway, other);
    }

    /** One presynaptic pulse on {@code spines} spines with {@code nmdaPerSpine} NMDA receptors each (EPSP). */
    public SpineExperiment singlePulse(int spines, int nmdaPerSpine) {
        ParameterSet p = params.with("nmda.channels_per_spine", Integer.toString(nmdaPerSpine))
                .with("branch.spines_per_branch", "1"); // isolated spines: the EPSP of one synapse
        Stimulus s = Stimulus.presynaptic("single", new double[] {p.get("protocol.start_ms")});
        return new SpineExperiment(SpineModel.from(p, false), List.of(new Pathway("single", s, spines)), seed,
                200, 0.5);
    }

    /** Cooperativity ladder with {@code nmdaPerSpine} NMDA receptors: HFS on {@code active} spines per branch. */
    public SpineExperiment metaplasticity(int active, int branches, int nmdaPerSpine) {
        return new SeedExperiments(params.with("nmda.channels_per_spine", Integer.toString(nmdaPerSpine)), seed)
                .cooperativity(active, branches);
    }
}
