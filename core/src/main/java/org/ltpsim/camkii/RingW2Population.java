package org.ltpsim.camkii;

import static org.ltpsim.camkii.SubunitLayout.RING;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.ltpsim.rng.ScalarXoShiRo256PlusPlus;

/**
 * The W2 ring model (bench-models/camkii_ring.bngl) on the subunit kernel: a benchmark of the subunit machinery,
 * not a model of the spine. It has no calcium input and no LTP criterion, so it is not a {@link CamkiiPopulation};
 * it reports what every subunit population reports ({@link SubunitSwitchPopulation}).
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
 * constant rate {@code rings x maxRingHz}, where {@code maxRingHz} is the largest ring propensity over the 64
 * masks; a candidate picks a ring uniformly and a level uniform in {@code [0, maxRingHz)} (both from one 64-bit
 * word: the high and low halves of its product with the ring count), and fires subunit {@code k} of that ring
 * when the level falls in {@code k}'s slice of the ring's cumulative subunit rates (precomputed for the 64 masks in
 * 62-bit fixed point), else nothing happens. Each subunit thus fires at exactly its rule's rate in every state,
 * which is the process the direct method simulates. The point is speed: the candidate rate does not depend on the
 * state, so consecutive candidates share no arithmetic dependency (only the rare same-ring memory dependency) and
 * the CPU overlaps them; the choice is branch-free (position 6 = no change). At W2's stationary state about half of
 * the candidates fire.
 *
 * <p>Stepping: a step draws its number of candidates, Poisson({@code rings x maxRingHz x dtSec}), from the block's
 * stream; increments of a Poisson process are independent, so any step size is exact and nothing carries over.
 * The candidate loop uses its own XoShiRo256++ ({@link ScalarXoShiRo256PlusPlus}, a local the JIT keeps in
 * registers), seeded once from the block's stream, so results depend only on (seed, block) and the steps.
 * Candidate times matter only when the switch flips: the j-th of n candidates in a step is the j-th order
 * statistic of n uniforms, drawn from the previously drawn one with a Beta variate.
 */
public final class RingW2Population extends TrackedPopulation {
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
    /** Largest mean passed to one Poisson sampler (larger means are summed from chunks). */
    private static final double MAX_POISSON_MEAN = 1e8;

    private final int rings;
    /** The largest ring propensity over the 64 masks: the thinning bound. */
    private final double maxRingHz;
    /**
     * Per mask: cumulative subunit rates at positions 0..5 (entry 5 = the ring's propensity) as fractions of
     * {@code maxRingHz} in 62-bit fixed point ({@code 2^62} = the bound).
     */
    private final long[] cumulativeFixed;
    /** Per spine x ring: the ring's mask. */
    private final byte[] mask;
    /** Per spine: phosphorylated subunits. */
    private final int[] phosphorylated;
    private final UniformRandomProvider rng;
    /** XoShiRo256++ state of the candidate loop. */
    private final long[] xoshiro;
    private long candidates;

    RingW2Population(RingW2Parameters parameters, int spines, int holoenzymes, UniformRandomProvider rng,
            double onFraction, double offFraction, boolean keepLifetimes) {
        super(spines, holoenzymes, onFraction, offFraction, Double.POSITIVE_INFINITY, keepLifetimes);
        this.rings = perSpine / RING;
        double initHz = parameters.initHz();
        double autoHz = parameters.autoHz();
        double[] classRateHz = {0, initHz, initHz + autoHz, autoHz, parameters.offHz()};
        double[] cumulativeHz = new double[MASKS * STRIDE];
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
        cumulativeFixed = new long[MASKS * STRIDE];
        for (int i = 0; i < cumulativeHz.length; i++) {
            // a rate of zero keeps its slice empty; the bound maps to exactly 2^62 (always above the level)
            cumulativeFixed[i] = max > 0 ? Math.round(cumulativeHz[i] / max * 0x1p62) : 0;
        }
        this.mask = new byte[Math.multiplyExact(spines, rings)];
        this.phosphorylated = new int[spines];
        this.rng = rng;
        // the candidate loop's own generator, seeded from the block's stream (so still a function of it)
        this.xoshiro = new long[4];
        do {
            for (int i = 0; i < 4; i++) {
                xoshiro[i] = rng.nextLong();
            }
        } while ((xoshiro[0] | xoshiro[1] | xoshiro[2] | xoshiro[3]) == 0);
    }

    /** Class of ring position {@code k} in mask {@code m}. */
    private static int classAt(int m, int k) {
        int p = m >>> k & 1;
        int left = m >>> (k + RING - 1) % RING & 1;
        int right = m >>> (k + 1) % RING & 1;
        return CLASS_OF[p | left << 1 | right << 2];
    }

    /** Advances every spine by {@code dtSec}. */
    public void advance(double dtSec) {
        checkStep(dtSec);
        for (int spine = 0; spine < spines; spine++) {
            advanceSpine(spine, dtSec);
        }
        timeSec += dtSec;
    }

    private void advanceSpine(int spine, double dtSec) {
        // candidates in the step: Poisson (independent increments of the candidate process, so nothing carries
        // over between steps); sums of chunks keep each sampler's mean in its range
        double meanCandidates = rings * maxRingHz * dtSec;
        long n = 0;
        while (meanCandidates > 0) {
            double chunk = Math.min(meanCandidates, MAX_POISSON_MEAN);
            n += PoissonSampler.of(rng, chunk).sample();
            meanCandidates -= chunk;
        }
        if (n > 0) {
            runCandidates(spine, n, timeSec, timeSec + dtSec);
        }
    }

    /**
     * Processes {@code n} candidates of one spine in order; they are the points of the candidate process in
     * {@code [startSec, endSec)}. Their times are needed only when the switch flips: given n points, the j-th is
     * an order statistic of n uniforms, drawn from the previous drawn one by a Beta variate.
     */
    private void runCandidates(int spine, long n, double startSec, double endSec) {
        // locals: the JIT keeps them in registers across the candidate loop, the generator state included
        final byte[] mask = this.mask;
        final long[] cumulativeFixed = this.cumulativeFixed;
        final int mb = spine * rings;
        final long ringCount = rings;
        final int offCount = tracker.offCount();
        final int onCount = tracker.onCount();
        final ScalarXoShiRo256PlusPlus random = ScalarXoShiRo256PlusPlus.load(xoshiro, 0, 1);
        boolean on = tracker.isOn(spine);
        int nOn = phosphorylated[spine];
        long fired = 0;
        long lastIndex = 0; // the candidate whose time was drawn last (0: the step start)
        double lastSec = startSec;
        // the switch flips when nOn leaves the open band (low, high): one unsigned comparison per candidate
        int low = on ? offCount : -1;
        int high = on ? Integer.MAX_VALUE : onCount;
        long done = 0;
        while (done < n) {
            final int batch = (int) Math.min(n - done, 1 << 30);
            for (int i = 1; i <= batch; i++) {
                final long bits = random.next();
                // one 64-bit word: bits * rings = ring * 2^64 + rest, so ring = floor(bits * rings / 2^64) is
                // uniform (to 2^-64) and rest / 2^64 is the level within the bound (resolution rings * 2^-64)
                final int ring = (int) Math.unsignedMultiplyHigh(bits, ringCount);
                final long level = (bits * ringCount) >>> 2; // 62-bit fixed point, as cumulativeFixed
                final int m = mask[mb + ring];
                final int t = m * STRIDE;
                // k = the subunit whose slice holds the level; 6 = above the ring's propensity (no event). A zero-rate
                // subunit has an empty slice, so it is never chosen. Counted branch-free: level - c < 0 (no overflow
                // in 62 bits) exactly when level < c.
                final int k = RING - (int) (((level - cumulativeFixed[t]) >>> 63)
                        + ((level - cumulativeFixed[t + 1]) >>> 63) + ((level - cumulativeFixed[t + 2]) >>> 63)
                        + ((level - cumulativeFixed[t + 3]) >>> 63) + ((level - cumulativeFixed[t + 4]) >>> 63)
                        + ((level - cumulativeFixed[t + 5]) >>> 63));
                final int bit = 1 << k & (MASKS - 1);
                mask[mb + ring] = (byte) (m ^ bit);
                nOn += Integer.signum(bit) - 2 * (m >>> k & 1); // +1 phosphorylation, -1 dephosphorylation, 0 none
                fired += bit >>> k;
                if (Integer.compareUnsigned(nOn - low - 1, high - low - 1) >= 0) {
                    // the j-th of n ordered uniform points, given the lastIndex-th at lastSec
                    final long j = done + i;
                    double b = ChengBetaSampler.of(rng, j - lastIndex, n - j + 1).sample();
                    lastSec += (endSec - lastSec) * b;
                    lastIndex = j;
                    tracker.update(spine, nOn, lastSec);
                    on = !on;
                    low = on ? offCount : -1;
                    high = on ? Integer.MAX_VALUE : onCount;
                }
            }
            done += batch;
        }
        random.store(xoshiro, 0, 1);
        events += fired;
        candidates += n;
        phosphorylated[spine] = nOn;
    }

    @Override
    public int phosphorylatedSubunits(int spine) {
        return phosphorylated[spine];
    }

    /** Subunit {@code subunit} (layout of {@link SubunitLayout}: ring {@code subunit / 6}, position mod 6). */
    @Override
    public int subunitState(int spine, int subunit) {
        return mask[spine * rings + subunit / RING] >>> subunit % RING & 1;
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
