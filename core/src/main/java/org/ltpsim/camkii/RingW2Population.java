package org.ltpsim.camkii;

import static org.ltpsim.camkii.SubunitLayout.PER_HOLOENZYME;
import static org.ltpsim.camkii.SubunitLayout.RING;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The W2 ring model (bench-models/camkii_ring.bngl) on the subunit kernel, calcium fixed (the calcium argument of
 * {@link #advance} is ignored).
 * <pre>
 *   initiation:          p=0 with right neighbour p=0  -> p=1   initHz
 *   autophosphorylation: p=0 with left neighbour p=1   -> p=1   autoHz
 *   dephosphorylation:   p=1                            -> p=0   offHz
 * </pre>
 * Every subunit is tracked: a ring's six p bits are one 6-bit mask (bit k = ring position k, whose right-hand
 * neighbour is bit k+1 mod 6), so {@link #subunitState} reads any subunit's state, and every event flips one
 * specific bit of one specific ring.
 *
 * <p>Exact SSA by thinning (uniformisation; Jensen 1953, Lewis &amp; Shedler 1979; the same construction as the
 * rejection step of Slepoy, Thompson &amp; Plimpton 2008): candidate events arrive as a Poisson process of the
 * constant rate {@code rings x maxRingHz}, where {@code maxRingHz} bounds every ring's propensity; a candidate
 * picks a ring uniformly and a level {@code x} uniform in {@code [0, maxRingHz)}, and fires subunit {@code k} of
 * that ring when {@code x} falls in {@code k}'s slice of the ring's cumulative subunit rates (precomputed for the
 * 64 masks), else nothing happens. Each reaction of each subunit thus fires at exactly its propensity, whatever
 * the state, which is the process the direct method simulates. The point is speed: the candidate rate does not
 * depend on the state, so consecutive candidates share no arithmetic dependency (only the rare same-ring memory
 * dependency) and the CPU overlaps them; acceptance is branch-free (position 6 = no change). At W2's stationary
 * state about half of the candidates fire. The Exp(1) residual carries across steps (Kurtz time change), so
 * stepping is exact for any step size.
 */
final class RingW2Population implements CamkiiPopulation {
    static final int K_BLOCKED = 0; // p=0, right p=1, left p=0: rate 0
    static final int K_INIT = 1; // p=0, right p=0, left p=0
    static final int K_BOTH = 2; // p=0, right p=0, left p=1
    static final int K_AUTO = 3; // p=0, right p=1, left p=1
    static final int K_ON = 4; // p=1
    /** Class by code p | left << 1 | right << 2. */
    private static final byte[] CLASS_OF = {
        K_INIT, K_ON, K_BOTH, K_ON, K_BLOCKED, K_ON, K_AUTO, K_ON
    };
    private static final int MASKS = 1 << RING;
    /** Stride of the per-mask table of cumulative rates. */
    private static final int STRIDE = 8;

    private final int spines;
    private final int holoenzymes;
    private final int perSpine;
    private final int rings;
    /** The largest ring propensity over the 64 masks: the thinning bound. */
    private final double maxRingHz;
    /** Per mask: cumulative subunit rates at positions 0..5 (entry 5 = the ring's propensity). */
    private final double[] cumulativeHz;
    /** Per spine x ring: the ring's mask. */
    private final byte[] mask;
    /** Per spine: phosphorylated subunits. */
    private final int[] phosphorylated;
    private final double[] residual;
    private final SwitchTracker tracker;
    private final UniformRandomProvider rng;
    private final ContinuousSampler exp;
    private double timeSec;
    private long events;
    private long candidates;

    RingW2Population(RingW2Parameters parameters, int spines, int holoenzymes, UniformRandomProvider rng,
            double onFraction, double offFraction, boolean keepLifetimes) {
        this.spines = spines;
        this.holoenzymes = holoenzymes;
        this.perSpine = Math.multiplyExact(holoenzymes, PER_HOLOENZYME);
        this.rings = perSpine / RING;
        double initHz = parameters.initHz();
        double autoHz = parameters.autoHz();
        double[] classRateHz = {0, initHz, initHz + autoHz, autoHz, parameters.offHz()};
        cumulativeHz = new double[MASKS * STRIDE];
        double max = 0;
        for (int m = 0; m < MASKS; m++) {
            double sum = 0;
            for (int k = 0; k < RING; k++) {
                sum += classRateHz[classAt(m, k)];
                cumulativeHz[m * STRIDE + k] = sum;
            }
            max = Math.max(max, sum);
        }
        this.maxRingHz = max;
        this.mask = new byte[Math.multiplyExact(spines, rings)];
        this.phosphorylated = new int[spines];
        this.residual = new double[spines];
        this.tracker = new SwitchTracker(spines, perSpine, onFraction, offFraction, Double.POSITIVE_INFINITY,
                keepLifetimes);
        this.rng = rng;
        this.exp = ZigguratSampler.Exponential.of(rng);
        for (int spine = 0; spine < spines; spine++) {
            residual[spine] = exp.sample();
        }
    }

    /** Class of ring position {@code k} in mask {@code m}. */
    private static int classAt(int m, int k) {
        int p = m >>> k & 1;
        int left = m >>> (k + RING - 1) % RING & 1;
        int right = m >>> (k + 1) % RING & 1;
        return CLASS_OF[p | left << 1 | right << 2];
    }

    @Override
    public void advance(double dtSec, double[] caMicroMolar) {
        advanceUniform(dtSec, 0.0);
    }

    @Override
    public void advanceUniform(double dtSec, double caMicroMolar) {
        if (!(dtSec >= 0 && dtSec < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("dtSec must be finite and >= 0: " + dtSec);
        }
        for (int spine = 0; spine < spines; spine++) {
            advanceSpine(spine, dtSec);
        }
        timeSec += dtSec;
    }

    private void advanceSpine(int spine, double dtSec) {
        // locals: the JIT keeps them in registers across the candidate loop
        final byte[] mask = this.mask;
        final double[] cumulativeHz = this.cumulativeHz;
        final int mb = spine * rings;
        final double ringCount = rings;
        final int lastRing = rings - 1;
        final double maxRingHz = this.maxRingHz;
        final double candidateHz = ringCount * maxRingHz;
        final UniformRandomProvider rng = this.rng;
        final ContinuousSampler exp = this.exp;
        final int offCount = tracker.offCount();
        final int onCount = tracker.onCount();
        boolean on = tracker.isOn(spine);
        int nOn = phosphorylated[spine];
        double resid = residual[spine];
        // the step in units of the candidate process's Exp(1) clock
        double budget = candidateHz * dtSec;
        long fired = 0;
        long tried = 0;
        while (resid < budget) {
            budget -= resid;
            // one uniform: the ring (integer part) and the level within the bound (fraction)
            final double u = rng.nextDouble() * ringCount;
            int ring = (int) u;
            final double x = (u - ring) * maxRingHz;
            ring = Math.min(ring, lastRing); // rounding of u up to rings
            final int m = mask[mb + ring];
            final int t = m * STRIDE;
            // k = the subunit whose slice holds x; 6 = above the ring's propensity (no event). A zero-rate
            // subunit has an empty slice, so it is never chosen.
            final int k = (x >= cumulativeHz[t] ? 1 : 0) + (x >= cumulativeHz[t + 1] ? 1 : 0)
                    + (x >= cumulativeHz[t + 2] ? 1 : 0) + (x >= cumulativeHz[t + 3] ? 1 : 0)
                    + (x >= cumulativeHz[t + 4] ? 1 : 0) + (x >= cumulativeHz[t + 5] ? 1 : 0);
            final int bit = 1 << k & (MASKS - 1);
            mask[mb + ring] = (byte) (m ^ bit);
            nOn += Integer.signum(bit) - 2 * (m >>> k & 1); // +1 phosphorylation, -1 dephosphorylation, 0 none
            fired += bit >>> k;
            tried++;
            if (on ? nOn <= offCount : nOn >= onCount) {
                tracker.update(spine, nOn, timeSec + (dtSec - budget / candidateHz));
                on = !on;
            }
            resid = exp.sample();
        }
        events += fired;
        candidates += tried;
        residual[spine] = resid - budget;
        phosphorylated[spine] = nOn;
    }
    @Override
    public int spineCount() {
        return spines;
    }

    @Override
    public int holoenzymesPerSpine() {
        return holoenzymes;
    }

    @Override
    public int subunitCount(int spine) {
        return perSpine;
    }

    @Override
    public double timeSec() {
        return timeSec;
    }

    @Override
    public int phosphorylatedSubunits(int spine) {
        return phosphorylated[spine];
    }

    @Override
    public int activeSubunits(int spine) {
        return phosphorylatedSubunits(spine);
    }

    @Override
    public int autonomousSubunits(int spine) {
        return phosphorylatedSubunits(spine);
    }

    @Override
    public boolean isOn(int spine) {
        return tracker.isOn(spine);
    }

    @Override
    public double onSinceSec(int spine) {
        return tracker.onSinceSec(spine);
    }

    @Override
    public double stateSinceSec(int spine) {
        return tracker.stateSinceSec(spine);
    }

    @Override
    public double longestOnSec(int spine) {
        return tracker.longestOnSec(spine, timeSec);
    }

    @Override
    public boolean hasLtp(int spine) {
        return false; // the benchmark model has no LTP criterion
    }

    @Override
    public SwitchLifetimes lifetimes() {
        return tracker.lifetimes();
    }

    /** Subunit {@code subunit} (layout of {@link SubunitLayout}: ring {@code subunit / 6}, position mod 6). */
    @Override
    public int subunitState(int spine, int subunit) {
        return mask[spine * rings + subunit / RING] >>> subunit % RING & 1;
    }

    @Override
    public long eventCount() {
        return events;
    }

    /** Candidates of the thinned process since creation (fired or not), for the acceptance ratio. */
    long candidateCount() {
        return candidates;
    }

    /** Consistency check for tests: the phosphorylated counts agree with the masks. */
    boolean classesConsistent() {
        for (int spine = 0; spine < spines; spine++) {
            int count = 0;
            for (int ring = 0; ring < rings; ring++) {
                count += Integer.bitCount(mask[spine * rings + ring]);
            }
            if (count != phosphorylated[spine]) {
                return false;
            }
        }
        return true;
    }
}
