package org.ltpsim.spine;

/**
 * The system-size expansion of the spine model (van Kampen): {@code scale(K)} multiplies the number of every
 * discrete noisy unit (release sites, AMPA and NMDA receptors, CaMKII holoenzymes) by K and divides what each unit
 * contributes (glutamate per vesicle, unitary conductances) by the same realised factor, so every mean input stays
 * where it was while relative fluctuations shrink as K^-1/2. K -> infinity is the deterministic run. CaMKII needs no
 * division: its readouts are fractions of subunits and its PP1 scales with the holoenzyme number.
 *
 * <p>Counts are rounded to whole numbers; the division uses the realised ratio (rounded count / count), so means are
 * kept exactly even for a K that does not give whole counts. The scaled model may leave the ranges of data/ (e.g.
 * 1600 AMPA receptors): it is a device for measuring the noise, not a biological parameter set.
 */
public final class SystemSize {
    private SystemSize() {}

    /**
     * The model with K times the units.
     *
     * @throws IllegalArgumentException when K is not finite and > 0, or leaves a unit type with none
     */
    public static SpineModel scale(SpineModel m, double k) {
        check(k);
        if (k == 1) {
            return m;
        }
        int sites = count("release.sites", m.releaseSites(), k);
        int ampa = count("ampa.channels_per_spine", m.ampaChannels(), k);
        int nmda = count("nmda.channels_per_spine", m.nmdaChannels(), k);
        return new SpineModel(m.releaseProbability(), sites,
                m.glutamatePeakMilliMolar() * ratio(m.releaseSites(), sites), m.glutamateTauMs(),
                ampa, m.ampaConductanceNs() * ratio(m.ampaChannels(), ampa), m.ampaReversalMv(),
                nmda, m.nmdaConductanceNs() * ratio(m.nmdaChannels(), nmda), m.nmdaReversalMv(),
                m.mgMilliMolar(), m.mgKMilliMolar(), m.mgSlopePerMv(), m.nmdaCaFraction(), m.nmdaCaReversalMv(),
                m.headVolumeUm3(), m.headCapacitancePf(), m.headLeakNs(), m.neckConductanceNs(), m.spinesPerBranch(),
                m.branchLeakNs(), m.branchCapacitancePf(), m.restMv(), m.clampConductanceNs(), m.caRestMicroMolar(),
                m.kappa(), m.extrusionTauMs(), m.qTauMs(), m.qLtdMicroMolarSec(), m.qLtpMicroMolarSec(),
                m.fastStepMs(), m.slowSteps(), m.quietSteps(), m.glutamateToleranceMilliMolar(),
                m.fastStepGlutamateMilliMolar(), m.voltageToleranceMv(), m.calciumToleranceMicroMolar(), m.ap5());
    }

    /** Holoenzymes per spine at scale K. */
    public static int holoenzymes(int perSpine, double k) {
        check(k);
        return count("holoenzyme.per_spine", perSpine, k);
    }

    private static void check(double k) {
        if (!(k > 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("scale must be a finite number > 0: " + k);
        }
    }

    private static int count(String key, int count, double k) {
        if (count == 0) {
            return 0;
        }
        double scaled = Math.rint(count * k);
        if (scaled < 1) {
            throw new IllegalArgumentException("scale " + k + " leaves " + key + " = " + count + " with no unit");
        }
        if (scaled > 1e8) {
            throw new IllegalArgumentException("scale " + k + " makes " + key + " = " + count + " too large: "
                    + scaled);
        }
        return (int) scaled;
    }

    /** The factor that keeps count x contribution fixed. */
    private static double ratio(int count, int scaled) {
        return count == 0 ? 1.0 : (double) count / scaled;
    }
}
