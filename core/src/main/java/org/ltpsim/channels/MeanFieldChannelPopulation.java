package org.ltpsim.channels;

import java.util.Arrays;

/**
 * The large-number limit of a channel population: per spine, the expected number of channels in each state of the
 * scheme (the state fractions of the single-channel master equation times the receptor number), with no randomness.
 * Over a step with glutamate frozen the fractions follow {@code x(t + dt) = x(t) exp(Q(g) dt)} exactly (to rounding:
 * uniformisation on the vector, or the step's matrix from {@link TransitionMatrix} once the step recurs); the
 * expected open number is a real number, read through {@link #openChannels(int)}.
 *
 * <p>Integer views ({@link #openCount}, {@link #stateCount}) round the expectations and exist only for readouts;
 * the voltage and calcium equations read {@link #openChannels}. Individual channels do not exist here: insert,
 * remove and the per-id queries are refused (the expression layers move single receptors and need the stochastic
 * populations).
 */
public final class MeanFieldChannelPopulation implements ChannelPopulation {
    /**
     * Step matrices kept, by (dt, glutamate). Deterministic glutamate repeats: spines of a pathway share it, and a
     * periodic train settles on one time course per pulse, so after the first pulses every step is a matrix-vector
     * product. A step is uniformised on the vector the first time it is seen and its matrix computed the second.
     */
    private static final int STEPS_KEPT = 4096;
    private static final Object SEEN_ONCE = new Object();

    private record StepKey(double dtMs, double glutamateMilliMolar) {}

    private final java.util.LinkedHashMap<StepKey, Object> steps = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<StepKey, Object> eldest) {
            return size() > STEPS_KEPT;
        }
    };

    private final KineticScheme scheme;
    private final int states;
    private final int spines;
    private final double[] channels; // receptors per spine
    private final double[] expected; // spine-major: expected channels of spine i in state s at i * states + s
    private final boolean[] conducting;
    private final double[] scratch;
    private final double[] term;
    private final double[] next;
    private final double[] in;
    private final double[][] q;
    private final double[][] q0; // generator at no glutamate
    private final double[][] q1; // its change per mM (the generator is affine in glutamate)
    /** Largest Lambda dt uniformised on the vector (at most ~100 terms); longer steps (silent jumps) use a matrix. */
    private static final double VECTOR_LIMIT = 50.0;

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
        this.in = new double[states];
        this.q = new double[states][states];
        this.q0 = scheme.generator(0.0);
        double[][] atOne = scheme.generator(1.0);
        this.q1 = new double[states][states];
        for (int a = 0; a < states; a++) {
            for (int b = 0; b < states; b++) {
                q1[a][b] = atOne[a][b] - q0[a][b];
            }
        }
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
            StepKey key = new StepKey(dtMs, g);
            Object known = steps.get(key);
            double[][] p;
            if (known instanceof double[][] matrix) {
                p = matrix;
            } else if (known == null && uniformiseVector(i, dtMs, g)) {
                steps.put(key, SEEN_ONCE); // a step seen once: its matrix is worth computing if it comes again
                continue;
            } else {
                p = stepMatrix(dtMs, g);
                steps.put(key, p);
            }
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
     * false for longer steps (the matrix exponential, with squaring, takes those).
     */
    private boolean uniformiseVector(int spine, double dtMs, double g) {
        double x = prepareR(g) * dtMs;
        if (x > VECTOR_LIMIT) {
            return false;
        }
        if (x == 0) {
            return true;
        }
        int base = spine * states;
        System.arraycopy(expected, base, in, 0, states);
        uniformise(x, in, scratch);
        // the cut tail (< 2e-17 of the mass) is put back in proportion, so the channel number is conserved
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

    /** The step's matrix, row by row with the same uniformisation (rows renormalised to 1), or with squaring. */
    private double[][] stepMatrix(double dtMs, double g) {
        double x = prepareR(g) * dtMs;
        if (x > VECTOR_LIMIT) {
            return TransitionMatrix.exp(scheme.generator(g), dtMs);
        }
        double[][] p = new double[states][states];
        for (int a = 0; a < states; a++) {
            Arrays.fill(in, 0.0);
            in[a] = 1.0;
            if (x == 0) {
                p[a][a] = 1.0;
                continue;
            }
            uniformise(x, in, p[a]);
            double total = 0;
            for (int b = 0; b < states; b++) {
                total += p[a][b];
            }
            for (int b = 0; b < states; b++) {
                p[a][b] /= total;
            }
        }
        return p;
    }

    /** Fills {@code q} with R = I + Q(g) / Lambda and returns Lambda (the largest exit rate, per ms). */
    private double prepareR(double g) {
        double lambda = 0;
        for (int a = 0; a < states; a++) {
            for (int b = 0; b < states; b++) {
                q[a][b] = q0[a][b] + g * q1[a][b];
            }
            lambda = Math.max(lambda, -q[a][a]);
        }
        if (lambda > 0) {
            for (int a = 0; a < states; a++) {
                for (int b = 0; b < states; b++) {
                    q[a][b] = q[a][b] / lambda + (a == b ? 1 : 0);
                }
            }
        }
        return lambda;
    }

    /** out = sum_n Poisson(n; x) v R^n, R in {@code q}; x &gt; 0. */
    private void uniformise(double x, double[] v, double[] out) {
        double[] t0 = term;
        double[] t1 = next;
        System.arraycopy(v, 0, t0, 0, states);
        double weight = Math.exp(-x);
        for (int a = 0; a < states; a++) {
            out[a] = weight * t0[a];
        }
        // stop once past the Poisson mode (n > 2x: each further weight less than half the one before) and the
        // weight is below 1e-17, so the cut tail is below 2e-17; "1 - cumulative" cannot be used, it stalls at an ulp
        for (int n = 1; n < 400; n++) {
            Arrays.fill(t1, 0.0);
            for (int a = 0; a < states; a++) {
                double value = t0[a];
                if (value == 0) {
                    continue;
                }
                double[] row = q[a];
                for (int b = 0; b < states; b++) {
                    t1[b] += value * row[b];
                }
            }
            double[] t = t0;
            t0 = t1;
            t1 = t;
            weight *= x / n;
            for (int a = 0; a < states; a++) {
                out[a] += weight * t0[a];
            }
            if (n > 2 * x && weight < 1e-17) {
                break;
            }
        }
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
