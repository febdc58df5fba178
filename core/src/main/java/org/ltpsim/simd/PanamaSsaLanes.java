package org.ltpsim.simd;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.ltpsim.rng.RandomStreams;
import org.ltpsim.ssa.CompiledMassAction;
import org.ltpsim.ssa.EnsembleSimulator;
import org.ltpsim.ssa.LaneBlockKernel;
import org.ltpsim.ssa.SsaVariates;

/**
 * Gillespie's direct method with one realisation per SIMD lane (Vector API), for small plain mass-action networks:
 * the vector twin of the scalar {@code MassActionDirectMethod}, giving bit for bit the same trajectories.
 *
 * <p>Each lane runs its own XoShiRo256++ generator started from {@code RandomStreams.xoshiroState(seed,
 * EnsembleSimulator.STREAM_PURPOSE, r)} for the realisation r it holds, so it produces exactly the words the scalar
 * method's Commons RNG provider would. From them every lane computes, with the same IEEE operations as
 * {@link SsaVariates} (our own logarithm, not the vector LOG, which need not equal {@code Math.log} bit for bit),
 * the waiting time and the uniform that picks the reaction; propensities are recomputed each step in the operation
 * order of {@link CompiledMassAction#propensity}. When a lane's realisation reaches its last output time the lane
 * takes the block's next realisation, so lanes stay busy; lanes record their outputs into the block's row buffer,
 * which the engine reduces in realisation order.
 *
 * <p>Layout: species s of lane l at {@code x[s * LANES + l]}; the generator's four state words likewise.
 */
public final class PanamaSsaLanes implements LaneBlockKernel {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LONG_SPECIES = LongVector.SPECIES_PREFERRED;
    /** Realisations advanced together. */
    public static final int LANES = SPECIES.length();

    static {
        if (LONG_SPECIES.length() != LANES) {
            throw new IllegalStateException("long and double vectors differ in lane count");
        }
    }

    private final CompiledMassAction net;
    private final double[] timesSec;
    private final double[] x;
    private final double[] cumulative;
    private final long[] rngState = new long[4 * LANES];
    private final double[] laneTimeSec = new double[LANES];
    private final double[] laneNextOutputSec = new double[LANES];
    private final double[] laneTNext = new double[LANES];
    private final int[] laneNext = new int[LANES];
    private final int[] laneRow = new int[LANES];

    private PanamaSsaLanes(CompiledMassAction net, double[] timesSec) {
        this.net = net;
        this.timesSec = timesSec.clone();
        this.x = new double[net.stateSize * LANES];
        this.cumulative = new double[net.reactionCount * LANES];
    }

    /** A kernel for this network and these output times; one per block (it holds the block's lane state). */
    public static LaneBlockKernel create(CompiledMassAction net, double[] timesSec) {
        return new PanamaSsaLanes(net, timesSec);
    }

    @Override
    public long simulate(long seed, long firstRealisation, int count, double[] rows) {
        final int timeCount = timesSec.length;
        final int speciesCount = net.speciesCount;
        final int stateSize = net.stateSize;
        final int reactionCount = net.reactionCount;
        final double[] k = net.rateConstant;
        final int[] readStart = net.readStart;
        final int[] readSpecies = net.readSpecies;
        final int[] readOrder = net.readOrder;
        final int[] changeStart = net.changeStart;
        final int[] changeSpecies = net.changeSpecies;
        final int[] changeDelta = net.changeDelta;
        final double[] times = timesSec;
        final double[] xs = x;
        final double[] cum = cumulative;
        final long[] rs = rngState;
        assert rows.length >= count * timeCount * speciesCount;

        // fill the lanes with the block's first realisations; idle lanes stay masked off
        int nextRealisation = 0;
        long activeBits = 0;
        for (int lane = 0; lane < LANES; lane++) {
            if (nextRealisation < count) {
                load(lane, nextRealisation++, seed, firstRealisation);
                activeBits |= 1L << lane;
            } else {
                laneRow[lane] = -1;
                laneNextOutputSec[lane] = Double.POSITIVE_INFINITY;
                for (int s = 0; s < stateSize; s++) {
                    xs[s * LANES + lane] = 0.0;
                }
            }
        }
        VectorMask<Double> active = VectorMask.fromLong(SPECIES, activeBits);
        LongVector s0 = LongVector.fromArray(LONG_SPECIES, rs, 0);
        LongVector s1 = LongVector.fromArray(LONG_SPECIES, rs, LANES);
        LongVector s2 = LongVector.fromArray(LONG_SPECIES, rs, 2 * LANES);
        LongVector s3 = LongVector.fromArray(LONG_SPECIES, rs, 3 * LANES);
        DoubleVector t = DoubleVector.fromArray(SPECIES, laneTimeSec, 0);
        DoubleVector nextOutput = DoubleVector.fromArray(SPECIES, laneNextOutputSec, 0);
        long events = 0;

        while (activeBits != 0) {
            // propensities and their running sums, in index order (CompiledMassAction#propensity)
            DoubleVector a0 = propensity(0, xs, k, readStart, readSpecies, readOrder);
            a0.intoArray(cum, 0);
            for (int j = 1; j < reactionCount; j++) {
                a0 = a0.add(propensity(j, xs, k, readStart, readSpecies, readOrder));
                a0.intoArray(cum, j * LANES);
            }
            // two XoShiRo256++ words per lane
            LongVector bitsTime = s0.add(s3).lanewise(VectorOperators.ROL, 23).add(s0);
            LongVector tmp = s1.lanewise(VectorOperators.LSHL, 17);
            s2 = s2.lanewise(VectorOperators.XOR, s0);
            s3 = s3.lanewise(VectorOperators.XOR, s1);
            s1 = s1.lanewise(VectorOperators.XOR, s2);
            s0 = s0.lanewise(VectorOperators.XOR, s3);
            s2 = s2.lanewise(VectorOperators.XOR, tmp);
            s3 = s3.lanewise(VectorOperators.ROL, 45);
            LongVector bitsPick = s0.add(s3).lanewise(VectorOperators.ROL, 23).add(s0);
            tmp = s1.lanewise(VectorOperators.LSHL, 17);
            s2 = s2.lanewise(VectorOperators.XOR, s0);
            s3 = s3.lanewise(VectorOperators.XOR, s1);
            s1 = s1.lanewise(VectorOperators.XOR, s2);
            s0 = s0.lanewise(VectorOperators.XOR, s3);
            s2 = s2.lanewise(VectorOperators.XOR, tmp);
            s3 = s3.lanewise(VectorOperators.ROL, 45);

            DoubleVector exponential = log(unitInterval(bitsTime).neg().add(2.0)).neg();
            VectorMask<Double> positive = a0.compare(VectorOperators.GT, 0.0);
            DoubleVector tau = exponential.div(a0).blend(Double.POSITIVE_INFINITY, positive.not());
            DoubleVector tNext = t.add(tau);
            VectorMask<Double> fire = active;
            VectorMask<Double> due = nextOutput.compare(VectorOperators.LE, tNext).and(active);
            if (due.anyTrue()) {
                // slow path: record outputs lane by lane, retire finished realisations, load new ones
                tNext.intoArray(laneTNext, 0);
                long dueBits = due.toLong();
                long reloadBits = 0;
                long finishedBits = 0;
                while (dueBits != 0) {
                    int lane = Long.numberOfTrailingZeros(dueBits);
                    dueBits &= dueBits - 1;
                    int row = laneRow[lane];
                    int next = laneNext[lane];
                    double tLane = laneTNext[lane];
                    while (next < timeCount && times[next] <= tLane) {
                        int base = (row * timeCount + next) * speciesCount;
                        for (int s = 0; s < speciesCount; s++) {
                            rows[base + s] = xs[s * LANES + lane];
                        }
                        next++;
                    }
                    laneNext[lane] = next;
                    if (next < timeCount) {
                        laneNextOutputSec[lane] = times[next];
                        continue;
                    }
                    finishedBits |= 1L << lane;
                    if (nextRealisation < count) {
                        if (reloadBits == 0) {
                            s0.intoArray(rs, 0);
                            s1.intoArray(rs, LANES);
                            s2.intoArray(rs, 2 * LANES);
                            s3.intoArray(rs, 3 * LANES);
                            t.intoArray(laneTimeSec, 0);
                        }
                        reloadBits |= 1L << lane;
                        load(lane, nextRealisation++, seed, firstRealisation);
                    } else {
                        laneRow[lane] = -1;
                        laneNextOutputSec[lane] = Double.POSITIVE_INFINITY;
                        activeBits &= ~(1L << lane);
                    }
                }
                if (reloadBits != 0) {
                    s0 = LongVector.fromArray(LONG_SPECIES, rs, 0);
                    s1 = LongVector.fromArray(LONG_SPECIES, rs, LANES);
                    s2 = LongVector.fromArray(LONG_SPECIES, rs, 2 * LANES);
                    s3 = LongVector.fromArray(LONG_SPECIES, rs, 3 * LANES);
                    t = DoubleVector.fromArray(SPECIES, laneTimeSec, 0);
                }
                nextOutput = DoubleVector.fromArray(SPECIES, laneNextOutputSec, 0);
                active = VectorMask.fromLong(SPECIES, activeBits);
                fire = active.andNot(VectorMask.fromLong(SPECIES, finishedBits));
            }
            // pick reaction j where target < cum_j first holds, fire it in the lanes that go on
            DoubleVector target = unitInterval(bitsPick).sub(1.0).mul(a0);
            VectorMask<Double> below = fire.not(); // lanes that do not fire count as already past every reaction
            for (int j = 0; j < reactionCount; j++) {
                VectorMask<Double> lt = target.compare(VectorOperators.LT,
                        DoubleVector.fromArray(SPECIES, cum, j * LANES)).or(below);
                VectorMask<Double> selected = lt.andNot(below);
                below = lt;
                for (int i = changeStart[j]; i < changeStart[j + 1]; i++) {
                    int offset = changeSpecies[i] * LANES;
                    DoubleVector.fromArray(SPECIES, xs, offset).add(changeDelta[i], selected).intoArray(xs, offset);
                }
            }
            events += fire.trueCount();
            t = t.blend(tNext, fire);
        }
        return events;
    }

    /** Lane-wise {@link CompiledMassAction#propensity} of reaction j. */
    private static DoubleVector propensity(int j, double[] xs, double[] k, int[] readStart, int[] readSpecies,
                                           int[] readOrder) {
        DoubleVector value = DoubleVector.broadcast(SPECIES, k[j]);
        for (int i = readStart[j]; i < readStart[j + 1]; i++) {
            DoubleVector xi = DoubleVector.fromArray(SPECIES, xs, readSpecies[i] * LANES);
            for (int m = 0; m < readOrder[i]; m++) {
                value = value.mul(xi.sub(m));
            }
        }
        return value;
    }

    /** Puts block realisation {@code row} into {@code lane}: its generator, initial state, time 0. */
    private void load(int lane, int row, long seed, long firstRealisation) {
        long[] words = RandomStreams.xoshiroState(seed, EnsembleSimulator.STREAM_PURPOSE, firstRealisation + row);
        for (int w = 0; w < 4; w++) {
            rngState[w * LANES + lane] = words[w];
        }
        for (int s = 0; s < net.stateSize; s++) {
            x[s * LANES + lane] = net.initialState[s];
        }
        laneRow[lane] = row;
        laneNext[lane] = 0;
        laneTimeSec[lane] = 0.0;
        laneNextOutputSec[lane] = timesSec[0];
    }

    /** {@code [1, 2)} from the top 52 bits, as {@link SsaVariates#uniform} before its subtraction of 1. */
    static DoubleVector unitInterval(LongVector bits) {
        return bits.lanewise(VectorOperators.LSHR, 12).or(SsaVariates.ONE_BITS).reinterpretAsDoubles();
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
        DoubleVector dk = (DoubleVector) k.convert(VectorOperators.L2D, 0);
        return dk.mul(SsaVariates.LN2_HI)
                .sub(hfsq.sub(s.mul(hfsq.add(r)).add(dk.mul(SsaVariates.LN2_LO))).sub(f));
    }

    /** Lane-wise {@link SsaVariates#log} of an array, in whole vectors (for tests): {@code out[i] = log(in[i])}. */
    public static void logInto(double[] in, double[] out) {
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
