package org.ltpsim.simd;

import java.util.logging.Logger;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;
import org.ltpsim.channels.FixedStepKernel;
import org.ltpsim.channels.LaneRandom;
import org.ltpsim.channels.ScalarFixedStepKernel;
import org.ltpsim.channels.TransitionTable;

/**
 * Vector API twin of {@link ScalarFixedStepKernel}: the eight XoShiRo256++ lanes of {@link LaneRandom} advance as one
 * 8 x 64-bit vector, and eight channel slots move at once. Each lane's table entry is picked with a permute of a
 * table column by the lane's state (possible while states + padding fit in 8 lanes; larger schemes use the scalar
 * kernel). A group of 8 slots in which no lane leaves its state (the common case at small steps) costs one
 * compare after the random numbers. Bitwise equal to the scalar kernel: same streams, same integer comparisons.
 *
 * <p>Needs 512-bit long vectors (AVX-512 on x86); with shorter vectors {@link #create()} returns the scalar kernel.
 */
public final class PanamaFixedStepKernel implements FixedStepKernel {
    private static final Logger LOG = Logger.getLogger(PanamaFixedStepKernel.class.getName());
    private static final VectorSpecies<Long> L8 = LongVector.SPECIES_512;
    private static final VectorSpecies<Byte> B8 = ByteVector.SPECIES_64;

    private PanamaFixedStepKernel() {}

    /** The Vector API kernel if 8 long lanes are native here, else the scalar one (with a log line). */
    public static FixedStepKernel create() {
        if (LongVector.SPECIES_PREFERRED.length() < LaneRandom.LANES) {
            LOG.info("channel kernel: " + LongVector.SPECIES_PREFERRED.length()
                    + " long lanes only (no 512-bit vectors); using the scalar kernel");
            return ScalarFixedStepKernel.INSTANCE;
        }
        return new PanamaFixedStepKernel();
    }

    /** The Vector API kernel regardless of hardware (tests: results must equal the scalar kernel anyway). */
    public static FixedStepKernel forced() {
        return new PanamaFixedStepKernel();
    }

    @Override
    public String name() {
        return "panama-" + L8.vectorBitSize();
    }

    @Override
    public int step(byte[] states, int from, int to, TransitionTable table, long[] laneState, int[] counts,
            int countBase) {
        assert (to - from) % LaneRandom.LANES == 0 : "unpadded region";
        final long[] cumCols = table.cumColumns();
        if (cumCols == null) {
            return ScalarFixedStepKernel.INSTANCE.step(states, from, to, table, laneState, counts, countBase);
        }
        final long[] destCols = table.destColumns();
        final int stride = table.stride();
        final int lanes = LaneRandom.LANES;
        LongVector s0 = LongVector.fromArray(L8, laneState, 0);
        LongVector s1 = LongVector.fromArray(L8, laneState, lanes);
        LongVector s2 = LongVector.fromArray(L8, laneState, 2 * lanes);
        LongVector s3 = LongVector.fromArray(L8, laneState, 3 * lanes);
        final LongVector stay = LongVector.fromArray(L8, cumCols, 0);
        int changed = 0;
        for (int b = from; b < to; b += lanes) {
            // XoShiRo256++ step in every lane
            LongVector result = s0.add(s3).lanewise(VectorOperators.ROL, 23).add(s0);
            LongVector t = s1.lanewise(VectorOperators.LSHL, 17);
            s2 = s2.lanewise(VectorOperators.XOR, s0);
            s3 = s3.lanewise(VectorOperators.XOR, s1);
            s1 = s1.lanewise(VectorOperators.XOR, s2);
            s0 = s0.lanewise(VectorOperators.XOR, s3);
            s2 = s2.lanewise(VectorOperators.XOR, t);
            s3 = s3.lanewise(VectorOperators.ROL, 45);
            LongVector u = result.lanewise(VectorOperators.LSHR, 11);

            LongVector old = (LongVector) ByteVector.fromArray(B8, states, b)
                    .convertShape(VectorOperators.B2L, L8, 0);
            VectorShuffle<Long> rows = old.toShuffle();
            VectorMask<Long> past = u.compare(VectorOperators.GE, stay.rearrange(rows));
            if (!past.anyTrue()) {
                continue; // no lane leaves its state
            }
            long moved = past.toLong();
            LongVector next = old;
            for (int j = 1; j < stride; j++) {
                next = next.blend(LongVector.fromArray(L8, destCols, j * lanes).rearrange(rows), past);
                if (j + 1 < stride) {
                    past = u.compare(VectorOperators.GE,
                            LongVector.fromArray(L8, cumCols, j * lanes).rearrange(rows));
                }
            }
            for (long m = moved; m != 0; m &= m - 1) {
                counts[countBase + states[b + Long.numberOfTrailingZeros(m)]]--;
            }
            next.convertShape(VectorOperators.L2B, B8, 0).reinterpretAsBytes().intoArray(states, b);
            for (long m = moved; m != 0; m &= m - 1) {
                counts[countBase + states[b + Long.numberOfTrailingZeros(m)]]++;
            }
            changed += Long.bitCount(moved);
        }
        s0.intoArray(laneState, 0);
        s1.intoArray(laneState, lanes);
        s2.intoArray(laneState, 2 * lanes);
        s3.intoArray(laneState, 3 * lanes);
        return changed;
    }
}
