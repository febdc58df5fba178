package org.ltpsim.spine.expression;

import org.ltpsim.params.ParameterSet;

/**
 * Parameters of the expression and late-phase layers, read once from the {@code expression} parameter set
 * ({@code data/expression.toml}) into rates per second and counts, plus the drugs that act on them. See
 * docs/expression.md for the reactions.
 *
 * @param reserveGluA2 intracellular GluA2-containing AMPARs per spine at the start
 * @param reserveGluA1 intracellular GluA2-lacking (GluA1) AMPARs per spine at the start
 * @param endocytosisHz basal endocytosis per synaptic AMPAR
 * @param stableSlots slots per unstimulated spine
 * @param cpReplacementHz exchange of a synaptic GluA2-lacking receptor for a reserve GluA2-containing one
 * @param cpCaFraction fractional Ca2+ current of a GluA2-lacking receptor
 * @param insertionHz CaMKII-driven insertion per unit of growth capacity at full drive
 * @param driveHalfFraction autonomous CaMKII fraction of half drive
 * @param driveHill Hill coefficient of the drive
 * @param anchoringQMicroMolarSec calcium integral Q at which a spine's CaMKII anchors at the synapse (needed for
 *     the drive to insert receptors)
 * @param anchoringHoldSec how long an anchored spine whose switch is OFF stays anchored after Q fell below it
 * @param endocytosisGain phosphatase gain of endocytosis: rate x (1 + gain (F - 1))
 * @param slotRemovalHz slot removal per slot per unit of PP1 activity above rest
 * @param growthCapacity slots a spine can build without new proteins
 * @param unconsolidatedStageHz rate of one stage of an unconsolidated slot's Erlang lifetime
 * @param unconsolidatedStages stages of that lifetime
 * @param tagStageHz rate of one stage of the tag's Erlang lifetime
 * @param tagStages stages of that lifetime
 * @param referenceSpines induction events per unit of nuclear signal
 * @param signalTauSec decay time of the nuclear signal
 * @param transcriptionThreshold signal of half-maximal transcription
 * @param transcriptionHill Hill coefficient of transcription in the signal
 * @param mrnaTauSec transcript time constant
 * @param synthesisPerSec protein units made per second at full transcript level (the file's value is per reference
 *     spine: this is it times {@code referenceSpines})
 * @param proteinLifetimeSec protein lifetime
 * @param captureHz capture per unconsolidated slot of a tagged spine at saturating protein
 * @param captureHalfUnits protein pool of half-maximal capture (per reference spine in the file, times
 *     {@code referenceSpines} here)
 * @param volumeExponent head volume ~ (slots / stable slots)^exponent
 * @param nmdaReserve reserve NMDARs per spine
 * @param nmdaInsertionHz insertion per reserve NMDAR of a primed spine
 * @param primingHz decay rate of priming
 * @param nmdaReturnHz return of each NMDAR above the spine's initial number
 * @param mglurTauMs decay of a spine's mGluR activation (a leaky count of its releases)
 * @param mglurThreshold mGluR activation that primes the spine
 * @param slowStepSec grid of the slow layers
 * @param silentStepSec step of CaMKII and the slow layers through silence, a whole number of slow steps
 * @param syncIntervalSec interval of the neuron's synchronisation points
 * @param actinomycinD transcription blocked
 * @param anisomycin protein synthesis blocked
 */
public record ExpressionModel(
        int reserveGluA2, int reserveGluA1, double endocytosisHz, int stableSlots,
        double cpReplacementHz, double cpCaFraction,
        double insertionHz, double driveHalfFraction, double driveHill,
        double anchoringQMicroMolarSec, double anchoringHoldSec,
        double endocytosisGain, double slotRemovalHz,
        int growthCapacity, double unconsolidatedStageHz, int unconsolidatedStages,
        double tagStageHz, int tagStages,
        double referenceSpines, double signalTauSec, double transcriptionThreshold, double transcriptionHill,
        double mrnaTauSec, double synthesisPerSec, double proteinLifetimeSec,
        double captureHz, double captureHalfUnits, double volumeExponent,
        int nmdaReserve, double nmdaInsertionHz, double primingHz, double nmdaReturnHz, double mglurTauMs,
        double mglurThreshold,
        double slowStepSec, double silentStepSec, double syncIntervalSec,
        boolean actinomycinD, boolean anisomycin) {

    /** The parameter set's name: {@code data/expression.toml}. */
    public static final String PARAMETER_SET = "expression";

    public ExpressionModel {
        if (!(slowStepSec > 0) || !(syncIntervalSec >= slowStepSec)) {
            throw new IllegalArgumentException("timing.sync_interval_s must be >= timing.slow_step_s > 0: "
                    + syncIntervalSec + ", " + slowStepSec);
        }
        if (!isWholeMultiple(syncIntervalSec, slowStepSec)) {
            throw new IllegalArgumentException("timing.sync_interval_s must be a whole number of timing.slow_step_s: "
                    + syncIntervalSec + " s / " + slowStepSec + " s");
        }
        if (!isWholeMultiple(silentStepSec, slowStepSec)) {
            throw new IllegalArgumentException("timing.silent_step_s must be a whole number (>= 1) of "
                    + "timing.slow_step_s: " + silentStepSec + " s / " + slowStepSec + " s");
        }
    }

    /** Whether {@code value} is 1, 2, 3, ... times {@code step}, to a relative 1e-9 (NaN: no). */
    private static boolean isWholeMultiple(double value, double step) {
        double ratio = value / step;
        return ratio >= 1 && Math.abs(ratio - Math.rint(ratio)) <= 1e-9 * ratio;
    }

    /** Reads every parameter; the drugs are switches, not parameters. */
    public static ExpressionModel from(ParameterSet p, boolean actinomycinD, boolean anisomycin) {
        double perMin = 1 / 60.0;
        int uStages = p.getInt("unconsolidated.stages");
        int tStages = p.getInt("tag.stages");
        return new ExpressionModel(
                p.getInt("ampar.reserve_gluA2_per_spine"), p.getInt("ampar.reserve_gluA1_per_spine"),
                perMin / p.get("ampar.endocytosis_tau_min"), p.getInt("slots.stable_per_spine"),
                perMin / p.get("cp_ampar.replacement_tau_min"), p.get("cp_ampar.ca_fraction"),
                p.get("camkii_drive.insertion_rate_per_min") * perMin, p.get("camkii_drive.half_autonomous_fraction"),
                p.get("camkii_drive.hill"),
                p.get("camkii_drive.anchoring_q_um_s"), p.get("camkii_drive.anchoring_hold_s"),
                p.get("phosphatase_drive.endocytosis_gain"), p.get("phosphatase_drive.slot_removal_per_min") * perMin,
                p.getInt("growth.capacity_per_spine"),
                uStages * perMin / p.get("unconsolidated.lifetime_mean_min"), uStages,
                tStages * perMin / p.get("tag.lifetime_mean_min"), tStages,
                p.get("nucleus.reference_spines"), p.get("nucleus.signal_tau_min") * 60, p.get("nucleus.threshold"),
                p.get("nucleus.hill"),
                p.get("proteins.mrna_tau_min") * 60,
                p.get("proteins.synthesis_per_min") * p.get("nucleus.reference_spines") * perMin,
                p.get("proteins.lifetime_min") * 60,
                p.get("capture.rate_per_min") * perMin,
                p.get("capture.half_pool_units") * p.get("nucleus.reference_spines"),
                p.get("structure.volume_exponent"),
                p.getInt("nmdar.reserve_per_spine"), p.get("nmdar.insertion_rate_per_min") * perMin,
                perMin / p.get("nmdar.priming_lifetime_min"), perMin / p.get("nmdar.return_tau_min"),
                p.get("nmdar.mglur_tau_ms"), p.get("nmdar.mglur_threshold"),
                p.get("timing.slow_step_s"), p.get("timing.silent_step_s"), p.get("timing.sync_interval_s"),
                actinomycinD, anisomycin);
    }

    /** The built-in defaults, no drug. */
    public static ExpressionModel defaults() {
        return from(ParameterSet.defaults(PARAMETER_SET), false, false);
    }

    /** The same model with the drugs given (true = applied). */
    public ExpressionModel withDrugs(boolean actinomycin, boolean anisomycinApplied) {
        return new ExpressionModel(reserveGluA2, reserveGluA1, endocytosisHz, stableSlots, cpReplacementHz,
                cpCaFraction, insertionHz, driveHalfFraction, driveHill, anchoringQMicroMolarSec,
                anchoringHoldSec, endocytosisGain, slotRemovalHz,
                growthCapacity, unconsolidatedStageHz, unconsolidatedStages, tagStageHz, tagStages, referenceSpines,
                signalTauSec, transcriptionThreshold, transcriptionHill, mrnaTauSec, synthesisPerSec,
                proteinLifetimeSec, captureHz, captureHalfUnits, volumeExponent, nmdaReserve, nmdaInsertionHz,
                primingHz, nmdaReturnHz, mglurTauMs, mglurThreshold, slowStepSec, silentStepSec, syncIntervalSec,
                actinomycin, anisomycinApplied);
    }

    /**
     * Basal exocytosis per reserve GluA2-containing receptor and free slot, chosen so that a spine with
     * {@code synaptic} receptors in {@link #stableSlots} slots and {@link #reserveGluA2} in reserve is stationary
     * on average: k_exo R (N - S) = k_endo S.
     */
    public double exocytosisHz(int synaptic) {
        int free = stableSlots - synaptic;
        if (free <= 0 || reserveGluA2 <= 0) {
            throw new IllegalArgumentException("slots.stable_per_spine (" + stableSlots + ") must exceed the synaptic "
                    + "AMPARs (" + synaptic + ") and ampar.reserve_gluA2_per_spine must be > 0");
        }
        return endocytosisHz * synaptic / ((double) reserveGluA2 * free);
    }

    /**
     * The CaMKII drive in [0, 1]: a Hill function of the autonomous fraction (multiplications for a whole-number Hill
     * coefficient up to 8: this runs for every spine at every slow step).
     */
    public double drive(double autonomousFraction) {
        if (autonomousFraction <= 0) {
            return 0;
        }
        double r = autonomousFraction / driveHalfFraction;
        double x;
        if (driveHill == Math.rint(driveHill) && driveHill >= 1 && driveHill <= 8) {
            x = r;
            for (int k = 1; k < (int) driveHill; k++) {
                x *= r;
            }
        } else {
            x = Math.pow(r, driveHill);
        }
        return x / (1 + x);
    }
}
