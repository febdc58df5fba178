package org.ltpsim.spine;

import org.ltpsim.params.ParameterSet;
import org.ltpsim.simd.SpineCircuit;

/**
 * The spine model's parameters, read once from a {@link ParameterSet} (defaults in {@code data/spine.toml}) into
 * plain fields in the units the simulation uses: ms, mV, nS, pF, uM, mM.
 *
 * @param mgMilliMolar extracellular Mg2+ for the Jahr &amp; Stevens (1990) block
 * @param fastStepGlutamateMilliMolar the branch takes steps of n fast steps (up to {@code slowSteps}) while its highest
 *     glutamate is at most this / n^2 (see {@code timestep.fast_step_glutamate_mm})
 * @param quietSteps longest step, in fast steps, with no glutamate on the branch and no drive, unless no channel
 *     event comes sooner (see {@code timestep.quiet_steps})
 * @param ap5 NMDA receptors blocked by AP5 (a competitive antagonist: no glutamate reaches their binding site)
 */
public record SpineModel(
        double releaseProbability, int releaseSites,
        double glutamatePeakMilliMolar, double glutamateTauMs,
        int ampaChannels, double ampaConductanceNs, double ampaReversalMv,
        int nmdaChannels, double nmdaConductanceNs, double nmdaReversalMv,
        double mgMilliMolar, double mgKMilliMolar, double mgSlopePerMv,
        double nmdaCaFraction, double nmdaCaReversalMv,
        double headVolumeUm3, double headCapacitancePf, double headLeakNs, double neckConductanceNs,
        int spinesPerBranch, double branchLeakNs, double branchCapacitancePf, double restMv, double clampConductanceNs,
        double caRestMicroMolar, double kappa, double extrusionTauMs,
        double qTauMs, double qLtdMicroMolarSec, double qLtpMicroMolarSec,
        double fastStepMs, int slowSteps, int quietSteps, double glutamateToleranceMilliMolar,
        double fastStepGlutamateMilliMolar, double voltageToleranceMv,
        double calciumToleranceMicroMolar,
        boolean ap5) {

    /** Faraday constant, C/mol. */
    public static final double FARADAY = 96485.33212;

    public SpineModel {
        if (!(qLtdMicroMolarSec <= qLtpMicroMolarSec)) {
            throw new IllegalArgumentException("rule.q_ltd_um_s must be <= rule.q_ltp_um_s: "
                    + qLtdMicroMolarSec + " > " + qLtpMicroMolarSec);
        }
        if (!(qTauMs > extrusionTauMs)) {
            throw new IllegalArgumentException("rule.q_tau_s must be longer than calcium.extrusion_tau_ms");
        }
    }

    /** Reads every spine-model parameter; {@code ap5} is a switch, not a parameter. */
    public static SpineModel from(ParameterSet p, boolean ap5) {
        double rinMohm = p.get("branch.input_resistance_mohm");
        double branchLeakNs = 1e3 / rinMohm;
        return new SpineModel(
                p.get("release.probability"), p.getInt("release.sites"),
                p.get("glutamate.peak_mm"), p.get("glutamate.tau_ms"),
                p.getInt("ampa.channels_per_spine"), p.get("ampa.unitary_conductance_ps") * 1e-3,
                p.get("ampa.reversal_mv"),
                p.getInt("nmda.channels_per_spine"), p.get("nmda.unitary_conductance_ps") * 1e-3,
                p.get("nmda.reversal_mv"),
                p.get("nmda.mg_mm"), p.get("nmda.mg_k_mm"), p.get("nmda.mg_slope_per_mv"),
                p.get("nmda.ca_fraction"), p.get("nmda.ca_reversal_mv"),
                p.get("spine.head_volume_um3"), p.get("spine.head_capacitance_pf"), p.get("spine.head_leak_ns"),
                1e3 / p.get("spine.neck_resistance_mohm"),
                p.getInt("branch.spines_per_branch"), branchLeakNs, branchLeakNs * p.get("branch.membrane_tau_ms"),
                p.get("branch.rest_mv"), p.get("branch.clamp_conductance_ns"),
                p.get("calcium.rest_um"), p.get("calcium.kappa"), p.get("calcium.extrusion_tau_ms"),
                p.get("rule.q_tau_s") * 1e3, p.get("rule.q_ltd_um_s"), p.get("rule.q_ltp_um_s"),
                p.get("timestep.fast_ms"), p.getInt("timestep.slow_steps"), p.getInt("timestep.quiet_steps"),
                p.get("timestep.glutamate_tolerance_mm"), p.get("timestep.fast_step_glutamate_mm"),
                p.get("timestep.voltage_tolerance_mv"), p.get("timestep.calcium_tolerance_um"),
                ap5);
    }

    /** The built-in defaults ({@code data/spine.toml}). */
    public static SpineModel defaults() {
        return from(ParameterSet.defaults("spine"), false);
    }

    /**
     * Fraction of NMDA receptors not blocked by Mg2+ at {@code vMv} (Jahr &amp; Stevens 1990):
     * B = 1 / (1 + exp(-slope V) [Mg] / K).
     */
    public double mgUnblocked(double vMv) {
        return 1.0 / (1.0 + StrictMath.exp(-mgSlopePerMv * vMv) * mgMilliMolar / mgKMilliMolar);
    }

    /**
     * This model's constants for the branch step's kernel ({@link SpineCircuit}); calcium more than
     * {@code elevatedMicroMolar} above rest counts as elevated (the caElevatedMs readout).
     */
    public SpineCircuit.Model circuit(double elevatedMicroMolar) {
        return new SpineCircuit.Model(headCapacitancePf(), headLeakNs(), neckConductanceNs(), restMv(),
                ampaConductanceNs(), ampaReversalMv(), nmdaConductanceNs(), nmdaReversalMv(), mgSlopePerMv(),
                mgMilliMolar() / mgKMilliMolar(), nmdaCaFraction(), nmdaCaReversalMv(), calciumPerPicoAmp(),
                caRestMicroMolar(), extrusionTauMs(), qTauMs(), elevatedMicroMolar);
    }

    /** uM/ms of free calcium per pA of inward Ca current: 1 / (2 F volume (1 + kappa)). */
    public double calciumPerPicoAmp() {
        // 1 pA = 1e-12 C/s; volume in um3 = 1e-15 L; M/s -> uM/ms is x 1e3.
        return 1e-12 / (2 * FARADAY) / (headVolumeUm3 * 1e-15) * 1e3 / (1 + kappa);
    }
}
