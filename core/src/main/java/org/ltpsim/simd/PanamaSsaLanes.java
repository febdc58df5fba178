package org.ltpsim.simd;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.ltpsim.rng.RandomStreams;
import org.ltpsim.rng.ScalarXoShiRo256PlusPlus;
import org.ltpsim.rng.SsaVariates;

/**
 * Gillespie's direct method with one realisation per SIMD lane (Vector API), for small plain mass-action networks:
 * the vector twin of the scalar {@code MassActionDirectMethod}, giving bit for bit the same trajectories.
 *
 * <p>Each lane runs its own XoShiRo256++ generator started from {@code RandomStreams.xoshiroState(seed,
 * streamPurpose, r)} for the realisation r it holds, so it produces exactly the words the scalar
 * method's Commons RNG provider would. From them every lane computes, with the same IEEE operations as
 * {@link SsaVariates} (our own logarithm, not the vector LOG, which need not equal {@code Math.log} bit for bit),
 * the waiting time and the uniform that picks the reaction; propensities are recomputed each step in the operation
 * order of {@link CompiledMassAction#propensity}. When a lane's realisation reaches its last output time the lane
 * takes the block's next realisation, so lanes stay busy; lanes record their outputs into the block's row buffer,
 * which the engine reduces in realisation order.
 *
 * <p>The kernel holds {@link #GROUPS} vectors of {@link #LANES} lanes (4 or 8: {@link PanamaVectorConstants}), so
 * {@link #WIDTH} realisations in flight. A realisation's trajectory depends only on its own stream, so the rows
 * depend neither on the lane count nor on which lane runs which realisation. The variates of the next {@link #AHEAD}
 * steps are drawn in one batch (see {@link #refill}), so the logarithm runs outside the chain propensities ->
 * waiting time -> selection -> counts. Layout: species s of lane v at {@code x[s * WIDTH + v]}; generator words,
 * propensity sums likewise. A step is vector code from propensities to firing; recording outputs and loading the
 * next realisation into a finished lane is a rare scalar path working on the arrays alone.
 *
 * <p>{@link #propensity} and {@link #log} take or return vectors: C2 must inline them, or it boxes the vectors and
 * they run the Vector API's Java fallback. Whether it does depends on the call sites' profile when it compiles, so
 * the launcher and the test JVMs force it ({@code -XX:CompileCommand=inline}; {@code JitDirectivesTest}). Left to
 * C2, W1 at 1e6 realisations took 1.6-2x as long in 4 runs of 32 (2,870 collections instead of ~30; either method
 * forced out of line with {@code dontinline}: 846 and 2,052 collections; 2026-12-02). With them forced inline, one
 * run of 36 still boxed (1,649 collections): {@link #refill} then carried vectors round a loop (see there).
 *
 * <p><b>No method is called on a vector that is a loop phi</b> (a value carried round a loop). C2 types a loop phi
 * by its declared class, {@code DoubleVector}, while it parses the loop, so a call on it is virtual: C2 inlines it
 * only from the call site's type profile, and when that profile is not there yet (the kernels compile early,
 * {@code CompileThresholdScaling}) the call stays virtual and its vectors are boxed for the life of the compiled
 * code. That was the remaining slow mode: JMH W1 at 8 lanes, 7 of 18 forks allocated 438-762 MB per 10,240
 * realisations (0.7-1.1e8 events/s) against 5.6 MB (1.5-1.8e8); {@code PrintInlining} of {@link #stepUntilDue}
 * showed {@code a0.add(...)} in the propensity sum "failed to inline: virtual call" in the slow forks only
 * (2026-12-02). A phi as an argument is fine: C2 unboxes it through the phi.
 */
final class PanamaSsaLanes implements LaneBlockKernel {
    private static final VectorSpecies<Double> SPECIES = PanamaVectorConstants.DOUBLES;
    private static final VectorSpecies<Long> LONG_SPECIES = PanamaVectorConstants.LONGS;
    /** Lanes of one vector. */
    static final int LANES = SPECIES.length();
    /**
     * Independent vectors of lanes advanced together. Interleaving groups to hide latency did not pay once the
     * variates were drawn a step ahead (W1, CPU time: 1.47x the hand loop with one group, 1.40x with two, 1.43x
     * with four), nor with the batched variates (two groups 5-7% slower at 4 lanes), so one; the layout keeps the
     * option.
     */
    static final int GROUPS = 1;
    /** Realisations in flight: at most 64, so that a long holds one bit per lane. */
    static final int WIDTH = GROUPS * LANES;
    /**
     * Steps whose variates are drawn in one batch. Drawn one step ahead, inside the event loop, the generator and the
     * logarithm (a ~90-cycle dependency chain) left the out-of-order window too small to overlap them with the step's
     * own chain: they took 43% of W1's time at 4 lanes (perfasm, 2026-12-02). A batch of independent draws runs at
     * the vector units' throughput instead.
     */
    static final int AHEAD = 8;

    /** k + 1024 in the low mantissa bits of 2^52 gives the double 2^52 + k + 1024 exactly, for |k| &lt; 1024. */
    private static final long EXPONENT_OFFSET = 1024;
    private static final long TWO_POW_52_BITS = Double.doubleToRawLongBits(0x1p52);
    private static final double TWO_POW_52_PLUS_OFFSET = 0x1p52 + EXPONENT_OFFSET;
    private static final long LANE_MASK = LANES == 64 ? -1L : (1L << LANES) - 1;
    private static final DoubleVector INFINITY = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);
    private static final DoubleVector ZERO = DoubleVector.zero(SPECIES);

    private final CompiledMassAction net;
    private final String streamPurpose;
    private final double[] timesSec;
    private final double tEndSec;
    private final double[] x;
    private final double[] xBefore;
    private final double[] cumulative;
    private final long[] rngState = new long[4 * WIDTH];
    private final double[] laneTimeSec = new double[WIDTH];
    private final double[] laneNextOutputSec = new double[WIDTH];
    private final double[] laneTNext = new double[WIDTH];
    /**
     * The unit exponentials -log(u1) and uniforms u2 of the next {@link #AHEAD} steps, step p of lane v at
     * {@code p * WIDTH + v}; every active lane takes one pair per step, so one index serves all lanes.
     */
    private final double[] laneExponential = new double[AHEAD * WIDTH];
    private final double[] laneUniform = new double[AHEAD * WIDTH];
    /** The generators' words for the batch: step p's exponential's at {@code 2p WIDTH}, its uniform's after it. */
    private final long[] batchWords = new long[2 * AHEAD * WIDTH];
    /** The entry of the batch the next step takes; {@link #AHEAD} when the batch is used up. */
    private int aheadIndex;
    private final int[] laneNext = new int[WIDTH];
    private final int[] laneRow = new int[WIDTH];
    /** Firings in every lane since the block began. */
    private long events;

    /**
     * The lanes' warm-up ({@link VectorizationProvider#ssaLanesCompiled}): a daemon thread runs throwaway blocks of
     * the caller's network over its first output interval until a lane step takes under 10 us per vector (the Java
     * fallback takes ~0.1 ms; a compiled step well under 1 us, a block's set-up included). Not tied to the spine
     * simulation's short processes.
     */
    private static final BodyWarmUp WARM_UP = new BodyWarmUp("PanamaSsaLanes", 10_000, BodyWarmUp.GIVE_UP_NANOS,
            false);

    /** Whether the lanes run compiled; the first call starts their warm-up on {@code net}. */
    static boolean compiledFor(CompiledMassAction net, double[] timesSec) {
        if (!WARM_UP.compiled() && WARM_UP.wantsStart()) {
            WARM_UP.startOnce(() -> warmUpCall(net, timesSec));
        }
        return WARM_UP.compiled();
    }

    /**
     * One throwaway block of {@code 3 WIDTH} realisations of {@code net} over its first output interval (bounded
     * work whatever the network), its own stream purpose; nanoseconds per vector step, a block's set-up included.
     * More realisations than lanes, so that the path which loads a finished lane's next realisation is compiled too:
     * a path the compiled code has never seen is a deoptimisation in the simulation's first block.
     */
    private static BodyWarmUp.TimedCall warmUpCall(CompiledMassAction net, double[] timesSec) {
        double[] firstInterval = Arrays.copyOf(timesSec, Math.min(2, timesSec.length));
        int realisations = 3 * WIDTH;
        double[] rows = new double[realisations * firstInterval.length * net.speciesCount];
        long[] seed = {0};
        return () -> {
            PanamaSsaLanes lanes = new PanamaSsaLanes(net, firstInterval, "simd-lanes-warm-up");
            long start = System.nanoTime();
            long events = lanes.simulate(seed[0]++, 0, realisations, rows);
            return (System.nanoTime() - start) * LANES / (events + LANES);
        };
    }

    /** A kernel for one block: {@link VectorizationProvider#ssaLanes}. */
    PanamaSsaLanes(CompiledMassAction net, double[] timesSec, String streamPurpose) {
        this.net = net;
        this.streamPurpose = streamPurpose;
        this.timesSec = timesSec.clone();
        this.tEndSec = timesSec[timesSec.length - 1];
        this.x = new double[net.stateSize * WIDTH];
        this.xBefore = new double[net.speciesCount * WIDTH];
        this.cumulative = new double[net.reactionCount * WIDTH];
    }

    @Override
    public long simulate(long seed, long firstRealisation, int count, double[] rows) {
        final int timeCount = timesSec.length;
        final int speciesCount = net.speciesCount;
        final int stateSize = net.stateSize;
        final double[] times = timesSec;
        final double[] before = xBefore;
        final double[] nextOutputLane = laneNextOutputSec;
        final double[] tNextLane = laneTNext;
        assert rows.length >= (long) count * timeCount * speciesCount;

        // fill the lanes with the block's first realisations; idle lanes stay masked off. The batch of variates
        // starts used up, so the first step draws it for every lane from the loaded generators.
        aheadIndex = AHEAD;
        int nextRealisation = 0;
        long activeBits = 0;
        for (int lane = 0; lane < WIDTH; lane++) {
            if (nextRealisation < count) {
                load(lane, nextRealisation++, seed, firstRealisation);
                activeBits |= 1L << lane;
            } else {
                retire(lane);
                for (int s = 0; s < stateSize; s++) {
                    x[s * WIDTH + lane] = 0.0;
                }
            }
        }
        events = 0;
        while (activeBits != 0) {
            long dueBits = stepUntilDue(activeBits);
            // rare path, scalar: record outputs (the state before this step's firing) lane by lane, and put the
            // block's next realisation into each lane that has finished
            while (dueBits != 0) {
                int lane = Long.numberOfTrailingZeros(dueBits);
                dueBits &= dueBits - 1;
                int row = laneRow[lane];
                int next = laneNext[lane];
                double tNextThisLane = tNextLane[lane];
                while (next < timeCount && times[next] <= tNextThisLane) {
                    int base = (row * timeCount + next) * speciesCount;
                    for (int s = 0; s < speciesCount; s++) {
                        rows[base + s] = before[s * WIDTH + lane];
                    }
                    next++;
                }
                laneNext[lane] = next;
                if (next < timeCount) {
                    nextOutputLane[lane] = times[next];
                } else if (nextRealisation < count) {
                    load(lane, nextRealisation++, seed, firstRealisation);
                } else {
                    retire(lane);
                    activeBits &= ~(1L << lane);
                }
            }
        }
        return events;
    }

    /**
     * Direct-method steps in every active lane until an output falls due in one of them. A step: propensities and
     * their running sums (index order), the batch's variates for it, the waiting time {@code -log(u1) / a0} and the
     * reaction, the first j with {@code u2 a0 < a_0 + ... + a_j}. A lane fires unless its next firing lies at or
     * beyond the last output time (so it is due); every lane keeps its pre-firing state in {@code xBefore}. The
     * steps loop here rather than in {@link #simulate}, so that C2 keeps the network's arrays in registers across
     * steps (W1 at 4 lanes: ~8% faster, 2026-12-02).
     *
     * @return the active lanes with an output time at or before their next firing time
     */
    private long stepUntilDue(long activeBits) {
        final int reactionCount = net.reactionCount;
        final int speciesCount = net.speciesCount;
        final double[] k = net.rateConstant;
        final int[] readStart = net.readStart;
        final int[] readSpecies = net.readSpecies;
        final int[] readOrder = net.readOrder;
        final int[] changeStart = net.changeStart;
        final int[] changeSpecies = net.changeSpecies;
        final int[] changeDelta = net.changeDelta;
        final double[] xs = x;
        final double[] cum = cumulative;
        long firings = 0;
        long dueBits = 0;
        while (dueBits == 0) {
            if (aheadIndex == AHEAD) {
                refill();
            }
            final int ahead = aheadIndex * WIDTH;
            aheadIndex++;
            for (int g = 0; g < GROUPS; g++) {
                final int lane0 = g * LANES;
                final long groupActive = (activeBits >>> lane0) & LANE_MASK;
                if (groupActive == 0) {
                    continue;
                }
                DoubleVector a0 = propensity(0, xs, lane0, k, readStart, readSpecies, readOrder);
                a0.intoArray(cum, lane0);
                for (int j = 1; j < reactionCount; j++) {
                    // the running sum is a loop phi: only ever an argument, never the receiver (see the class
                    // comment); x + y is y + x exactly
                    a0 = propensity(j, xs, lane0, k, readStart, readSpecies, readOrder).add(a0);
                    a0.intoArray(cum, j * WIDTH + lane0);
                }
                // this step's variates were drawn in the last batch, so the logarithm is off the critical path
                // a0 > 0 ? e / a0 : infinity, as the scalar twin (a NaN a0 too), so tNext is never NaN
                DoubleVector tau = INFINITY.blend(DoubleVector.fromArray(SPECIES, laneExponential, ahead + lane0)
                        .div(a0), ZERO.compare(VectorOperators.LT, a0));
                DoubleVector t = DoubleVector.fromArray(SPECIES, laneTimeSec, lane0);
                DoubleVector tNext = t.add(tau);
                tNext.intoArray(laneTNext, lane0);
                DoubleVector target = DoubleVector.fromArray(SPECIES, laneUniform, ahead + lane0).mul(a0);
                VectorMask<Double> active = VectorMask.fromLong(SPECIES, groupActive);
                VectorMask<Double> idle = VectorMask.fromLong(SPECIES, ~groupActive & LANE_MASK);
                VectorMask<Double> due = DoubleVector.fromArray(SPECIES, laneNextOutputSec, lane0)
                        .compare(VectorOperators.LE, tNext).and(active);
                long groupDue = due.toLong();
                // copied whether or not an output is due: a branch taken in ~1 of 4 steps at 4 lanes mispredicts
                for (int s = 0; s < speciesCount; s++) {
                    DoubleVector.fromArray(SPECIES, xs, s * WIDTH + lane0).intoArray(xBefore, s * WIDTH + lane0);
                }
                // lanes that do not fire (tNext is never NaN) count as already past every reaction; masks built
                // without not(): on AVX2, C2 turns a negated mask into bytes and back
                VectorMask<Double> stay = tNext.compare(VectorOperators.GE, tEndSec).or(idle);
                VectorMask<Double> below = stay;
                for (int j = 0; j < reactionCount; j++) {
                    VectorMask<Double> lt = target.compare(VectorOperators.LT,
                            DoubleVector.fromArray(SPECIES, cum, j * WIDTH + lane0)).or(below);
                    VectorMask<Double> selected = lt.andNot(below);
                    below = lt;
                    for (int i = changeStart[j]; i < changeStart[j + 1]; i++) {
                        int offset = changeSpecies[i] * WIDTH + lane0;
                        DoubleVector.fromArray(SPECIES, xs, offset).add(changeDelta[i], selected)
                                .intoArray(xs, offset);
                    }
                }
                tNext.blend(t, stay).intoArray(laneTimeSec, lane0);
                dueBits |= groupDue << lane0;
                firings += LANES - Long.bitCount(stay.toLong());
            }
        }
        events += firings;
        return dueBits;
    }

    /**
     * Draws the variates of the next {@link #AHEAD} steps for every lane (the batch is used up): two XoShiRo256++
     * words per lane and step ({@link PanamaXoShiRo256PlusPlus#next}, one step of every lane's generator per call,
     * their state through its array), turned into the unit exponential {@code -log(2 - [1,2))} and the uniform
     * {@code [1,2) - 1}, {@link SsaVariates#exponential} and {@link SsaVariates#uniform} with the same operations.
     * The generators run first; the logarithms then run over the whole batch, each independent of the others.
     *
     * <p>JIT directives (launcher, pom.xml, bench's {@code BenchJvm}; {@code JitDirectivesTest}): {@code next} is
     * forced inline, and this method is kept out of line ({@code dontinline}). Once small enough to inline, C2 put it
     * into {@link #stepUntilDue}, which then had too little of its inlining budget left for the step's own vector
     * intrinsics: their Java fallback ran and boxed (JMH W1, 8 lanes, 3 of 3 forks: 330 MB per 10,240 realisations
     * against 5.7 MB kept out of line). Against the two steps written out here before, this costs 1-4% (JMH,
     * docs/performance.md, "The seventh session").
     * The generators' state goes through its array at every call and no vector is carried round these loops (the
     * class comment says why).
     */
    private void refill() {
        final long[] rs = rngState;
        final long[] words = batchWords;
        for (int draw = 0; draw < 2 * AHEAD * WIDTH; draw += WIDTH) { // step p: its exponential's word, its uniform's
            for (int lane0 = 0; lane0 < WIDTH; lane0 += LANES) {
                PanamaXoShiRo256PlusPlus.next(rs, lane0, WIDTH, words, draw + lane0);
            }
        }
        for (int entry = 0; entry < AHEAD * WIDTH; entry += WIDTH) {
            for (int lane0 = 0; lane0 < WIDTH; lane0 += LANES) {
                int word = 2 * entry + lane0;
                DoubleVector u = LongVector.fromArray(LONG_SPECIES, words, word).lanewise(VectorOperators.LSHR, 12)
                        .or(SsaVariates.ONE_BITS).reinterpretAsDoubles().neg().add(2.0);
                log(u).neg().intoArray(laneExponential, entry + lane0);
                LongVector.fromArray(LONG_SPECIES, words, word + WIDTH).lanewise(VectorOperators.LSHR, 12)
                        .or(SsaVariates.ONE_BITS).reinterpretAsDoubles().sub(1.0).intoArray(laneUniform, entry + lane0);
            }
        }
        aheadIndex = 0;
    }

    /**
     * Lane-wise {@link CompiledMassAction#propensity} of reaction j: {@code k_j} times its reactants' factors, left to
     * right, as the scalar twin. The shapes of nearly every network (no reactant, one, two distinct ones) are
     * written out; any other multiplies in a loop and returns {@code 0 + value} (exact: propensities are never
     * -0), so that what this returns is never a loop phi (see the class comment).
     */
    private static DoubleVector propensity(int j, double[] xs, int lane0, double[] k, int[] readStart,
                                           int[] readSpecies, int[] readOrder) {
        DoubleVector value = DoubleVector.broadcast(SPECIES, k[j]);
        final int first = readStart[j];
        final int reads = readStart[j + 1] - first;
        if (reads == 0) {
            return value;
        }
        // x - 0 is x exactly: one operation less on the step's critical path
        DoubleVector x0 = DoubleVector.fromArray(SPECIES, xs, readSpecies[first] * WIDTH + lane0);
        if (reads == 1 && readOrder[first] == 1) {
            return value.mul(x0);
        }
        if (reads == 2 && readOrder[first] == 1 && readOrder[first + 1] == 1) {
            return value.mul(x0).mul(DoubleVector.fromArray(SPECIES, xs, readSpecies[first + 1] * WIDTH + lane0));
        }
        for (int i = first; i < first + reads; i++) {
            DoubleVector xi = DoubleVector.fromArray(SPECIES, xs, readSpecies[i] * WIDTH + lane0);
            value = xi.mul(value); // x v is v x exactly; the phi only an argument
            for (int m = 1; m < readOrder[i]; m++) {
                value = xi.sub(m).mul(value);
            }
        }
        return ZERO.add(value);
    }

    /**
     * Puts block realisation {@code row} into {@code lane}: its generator, initial state, time 0, and its variates
     * for the rest of the current batch, drawn scalar (the same generator step and variates as the lanes).
     */
    private void load(int lane, int row, long seed, long firstRealisation) {
        long[] words = RandomStreams.xoshiroState(seed, streamPurpose, firstRealisation + row);
        ScalarXoShiRo256PlusPlus random = ScalarXoShiRo256PlusPlus.load(words, 0, 1);
        for (int p = aheadIndex; p < AHEAD; p++) {
            long bitsTime = random.next();
            long bitsPick = random.next();
            laneExponential[p * WIDTH + lane] = SsaVariates.exponential(bitsTime);
            laneUniform[p * WIDTH + lane] = SsaVariates.uniform(bitsPick);
        }
        random.store(words, 0, 1);
        for (int w = 0; w < 4; w++) {
            rngState[w * WIDTH + lane] = words[w];
        }
        for (int s = 0; s < net.stateSize; s++) {
            x[s * WIDTH + lane] = net.initialState[s];
        }
        laneRow[lane] = row;
        laneNext[lane] = 0;
        laneTimeSec[lane] = 0.0;
        laneNextOutputSec[lane] = timesSec[0];
    }

    /** Leaves {@code lane} idle: no realisation, never due. */
    private void retire(int lane) {
        laneRow[lane] = -1;
        laneNextOutputSec[lane] = Double.POSITIVE_INFINITY;
    }

    /** Lane-wise {@link SsaVariates#log}: the same operations in the same order, so the same bits. */
    static DoubleVector log(DoubleVector x) {
        LongVector bits = x.reinterpretAsLongs();
        LongVector k = bits.sub(SsaVariates.SQRT_HALF_BITS).lanewise(VectorOperators.ASHR, 52);
        DoubleVector m = bits.sub(k.lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
        DoubleVector f = m.sub(1.0);
        DoubleVector s = f.div(f.add(2.0));
        DoubleVector z = s.mul(s);
        DoubleVector w = z.mul(z);
        DoubleVector odd = w.mul(w.mul(w.mul(SsaVariates.LG6).add(SsaVariates.LG4)).add(SsaVariates.LG2));
        DoubleVector even = z.mul(w.mul(w.mul(w.mul(SsaVariates.LG7).add(SsaVariates.LG5)).add(SsaVariates.LG3))
                .add(SsaVariates.LG1));
        DoubleVector r = even.add(odd);
        DoubleVector hfsq = f.mul(0.5).mul(f);
        // (double) k, exactly, without a long -> double conversion instruction (AVX2 has none)
        DoubleVector dk = k.add(EXPONENT_OFFSET).or(TWO_POW_52_BITS).reinterpretAsDoubles()
                .sub(TWO_POW_52_PLUS_OFFSET);
        return dk.mul(SsaVariates.LN2_HI)
                .sub(hfsq.sub(s.mul(hfsq.add(r)).add(dk.mul(SsaVariates.LN2_LO))).sub(f));
    }

    /** Lane-wise {@link SsaVariates#log} of an array, in whole vectors (for tests): {@code out[i] = log(in[i])}. */
    static void logInto(double[] in, double[] out) {
        int i = 0;
        for (; i < SPECIES.loopBound(in.length); i += LANES) {
            log(DoubleVector.fromArray(SPECIES, in, i)).intoArray(out, i);
        }
        // tail: a partial vector padded with ones
        if (i < in.length) {
            double[] padded = new double[LANES];
            Arrays.fill(padded, 1.0);
            System.arraycopy(in, i, padded, 0, in.length - i);
            double[] result = new double[LANES];
            log(DoubleVector.fromArray(SPECIES, padded, 0)).intoArray(result, 0);
            System.arraycopy(result, 0, out, i, in.length - i);
        }
    }
}
