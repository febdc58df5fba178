package org.ltpsim.channels;

import java.util.Arrays;

/**
 * The large-number limit of a channel population: per spine, the expected number of channels in each state of the
 * scheme (the state fractions of the single-channel master equation times the receptor number), with no randomness.
 * Over a step with glutamate frozen the fractions follow {@code x(t + dt) = x(t) exp(Q(g) dt)} exactly
 * ({@link TransitionMatrix}); the expected open number is a real number, read through {@link #openChannels(int)}.
 *
 * <p>Integer views ({@link #openCount}, {@link #stateCount}) round the expectations and exist only for readouts;
 * the voltage and calcium equations read {@link #openChannels}. Individual channels do not exist here: insert,
 * remove and the per-id queries are refused (the expression layers move single receptors and need the stochastic
 * populations).
 */
public final class MeanFieldChannelPopulation implements ChannelPopulation {
    /** Distinct (dt, glutamate) step matrices kept: the spines of a deterministic branch share their time course. */
    private static final int CACHE = 8;

    private final KineticScheme scheme;
    private final int states;
    private final int spines;
    private final double[] channels; // receptors per spine
    private final double[] expected; // spine-major: expected channels of spine i in state s at i * states + s
    private final boolean[] conducting;
    private final double[] scratch;
    private double[] term;
    private double[] next;
    private final double[][] q;
    private final double[][] q0; // generator at no glutamate
    private final double[][] q1; // its change per mM (the generator is affine in glutamate)
    /** Largest Lambda dt taken by vector uniformisation: at most ~100 terms; longer steps (silent jumps) use the cached matrix. */
    private static final double VECTOR_LIMIT = 50.0;
    private final double[] cacheDt = new double[CACHE];
    private final double[] cacheGlutamate = new double[CACHE];
    private final double[][][] cacheMatrix = new double[CACHE][][];
    private int cacheNext;

    public MeanFieldChannelPopulation(KineticScheme scheme, int[] channelsPerSpine) {
        if (scheme == null || channelsPerSpine == null) {
            throw new IllegalArgumentException("scheme and channelsPerSpine must not be null");
        }
        this.scheme = scheme;
        this.states = scheme.stateCount();
        this.spines = channelsPerSpine.length;
        this.channels = new double[spines];
        this.expected = new double[spines * states];
        this.conducting = new boolean[states];
        for (int s = 0; s < states; s++) {
            conducting[s] = scheme.isConducting(s);
        }
        int rest = scheme.initialState();
        for (int i = 0; i < spines; i++) {
            if (!(channelsPerSpine[i] >= 0)) {
                throw new IllegalArgumentException("channelsPerSpine[" + i + "] must be >= 0: " + channelsPerSpine[i]);
            }
            channels[i] = channelsPerSpine[i];
            expected[i * states + rest] = channelsPerSpine[i];
        }
        this.scratch = new double[states];
        this.term = new double[states];
        this.next = new double[states];
        this.q = new double[states][states];
        this.q0 = scheme.generator(0.0);
        double[][] atOne = scheme.generator(1.0);
        this.q1 = new double[states][states];
        for (int a = 0; a < states; a++) {
            for (int b = 0; b < states; b++) {
                q1[a][b] = atOne[a][b] - q0[a][b];
            }
        }
        Arrays.fill(cacheDt, Double.NaN);
    }

    @Override
    public KineticScheme scheme() {
        return scheme;
    }

    @Override
    public int spineCount() {
        return spines;
    }

    @Override
    public void advance(double dtMs, double[] glutamateMilliMolar) {
        for (int i = 0; i < spines; i++) {
            if (channels[i] == 0) {
                continue;
            }
            double g = glutamateMilliMolar[i];
            KineticScheme.checkGlutamate(g);
            if (uniformiseVector(i, dtMs, g)) {
                continue;
            }
            double[][] p = matrix(dtMs, g);
            int base = i * states;
            Arrays.fill(scratch, 0.0);
            for (int from = 0; from < states; from++) {
                double x = expected[base + from];
                if (x == 0) {
                    continue;
                }
                double[] row = p[from];
                for (int to = 0; to < states; to++) {
                    scratch[to] += x * row[to];
                }
            }
            System.arraycopy(scratch, 0, expected, base, states);
        }
    }

    /**
     * Short steps (Lambda dt &lt;= {@link #VECTOR_LIMIT}): x exp(Q dt) by uniformisation applied to the vector
     * (Jensen 1953), sum_n Poisson(n; Lambda dt) x R^n with R = I + Q / Lambda, cut when the Poisson tail is below
     * 2e-17: O(states^2) per term and no matrix built, which is what makes a step with new glutamate cheap. Returns
     * false for longer steps (the cached matrix exponential, with squaring, takes those).
     */
    private boolean uniformiseVector(int spine, double dtMs, double g) {
        double lambda = 0;
        for (int a = 0; a < states; a++) {
            for (int b = 0; b < states; b++) {
                q[a][b] = q0[a][b] + g * q1[a][b];
            }
            lambda = Math.max(lambda, -q[a][a]);
        }
        double x = lambda * dtMs;
        if (x > VECTOR_LIMIT) {
            return false;
        }
        int base = spine * states;
        if (x == 0) {
            return true;
        }
        for (int a = 0; a < states; a++) {
            for (int b = 0; b < states; b++) {
                q[a][b] = q[a][b] / lambda + (a == b ? 1 : 0); // R
            }
            term[a] = expected[base + a];
        }
        double weight = Math.exp(-x);
        for (int a = 0; a < states; a++) {
            scratch[a] = weight * term[a];
        }
        // stop once past the Poisson mode (n > 2x: each further weight less than half the one before) and the
        // weight is below 1e-17, so the cut tail is below 2e-17; "1 - cumulative" cannot be used, it stalls at an ulp
        for (int n = 1; n < 400; n++) {
            java.util.Arrays.fill(next, 0.0);
            for (int a = 0; a < states; a++) {
                double v = term[a];
                if (v == 0) {
                    continue;
                }
                double[] row = q[a];
                for (int b = 0; b < states; b++) {
                    next[b] += v * row[b];
                }
            }
            double[] t = term;
            term = next;
            next = t;
            weight *= x / n;
            for (int a = 0; a < states; a++) {
                scratch[a] += weight * term[a];
            }
            if (n > 2 * x && weight < 1e-17) {
                break;
            }
        }
        // the cut tail (< 1e-17 of the mass) is put back in proportion, so the channel number is conserved
        double total = 0;
        for (int a = 0; a < states; a++) {
            total += scratch[a];
        }
        double scale = total > 0 ? channels[spine] / total : 0;
        for (int a = 0; a < states; a++) {
            expected[base + a] = scratch[a] * scale;
        }
        return true;
    }

    /** exp(Q(g) dt), from a small cache: every spine of a deterministic pathway sees the same glutamate. */
    private double[][] matrix(double dtMs, double glutamateMilliMolar) {
        for (int k = 0; k < CACHE; k++) {
            if (cacheDt[k] == dtMs && cacheGlutamate[k] == glutamateMilliMolar) {
                return cacheMatrix[k];
            }
        }
        int k = cacheNext;
        cacheNext = (cacheNext + 1) % CACHE;
        cacheMatrix[k] = TransitionMatrix.exp(scheme.generator(glutamateMilliMolar), dtMs);
        cacheDt[k] = dtMs;
        cacheGlutamate[k] = glutamateMilliMolar;
        return cacheMatrix[k];
    }

    /** Expected conducting channels at the spine now (a real number). */
    @Override
    public double openChannels(int spine) {
        double open = 0;
        int base = spine * states;
        for (int s = 0; s < states; s++) {
            if (conducting[s]) {
                open += expected[base + s];
            }
        }
        return open;
    }

    /** Expected channels of the spine in {@code state}. */
    public double expectedInState(int spine, int state) {
        return expected[spine * states + state];
    }

    @Override
    public int openCount(int spine) {
        return (int) Math.round(openChannels(spine));
    }

    @Override
    public int channelCount(int spine) {
        return (int) channels[spine];
    }

    /** Resting when less than {@link #NEGLIGIBLE_CHANNELS} channel is out of the resting state. */
    @Override
    public boolean isResting(int spine) {
        int rest = scheme.initialState();
        return channels[spine] - expected[spine * states + rest] < NEGLIGIBLE_CHANNELS;
    }

    /**
     * Below this many expected channels a state counts as empty (for quiescence): an exponential relaxation never
     * reaches zero, and 1e-6 of a channel moves voltage by far less than the branch's voltage tolerance.
     */
    public static final double NEGLIGIBLE_CHANNELS = 1e-6;

    @Override
    public int stateCount(int spine, int state) {
        return (int) Math.round(expected[spine * states + state]);
    }

    @Override
    public int insert(int spine) {
        throw new UnsupportedOperationException("a mean-field channel population has no individual channels");
    }

    @Override
    public void remove(int channelId) {
        throw new UnsupportedOperationException("a mean-field channel population has no individual channels");
    }

    @Override
    public int state(int channelId) {
        throw new UnsupportedOperationException("a mean-field channel population has no individual channels");
    }

    @Override
    public int spineOf(int channelId) {
        throw new UnsupportedOperationException("a mean-field channel population has no individual channels");
    }

    @Override
    public boolean isLive(int channelId) {
        return false;
    }

    @Override
    public long transitionCount() {
        return 0;
    }

    @Override
    public ChannelPopulations.Method method() {
        return ChannelPopulations.Method.MEAN_FIELD;
    }
}
