package org.ltpsim.simd;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API twin of {@link ScalarFixedStepKernel}: the XoShiRo256++ lanes of {@link LaneRandom} advance as long
 * vectors and as many channel slots move at once. Each slot's table entry is picked with a permute of a table
 * column by the slot's state (possible while states + padding fit in 8 rows; larger schemes use the scalar kernel).
 * A vector of slots in which no slot leaves its state (the common case at small steps) costs one compare after the
 * random numbers. Bitwise equal to the scalar kernel: same streams, same integer comparisons.
 *
 * <p>The eight {@link LaneRandom} lanes are streams, not vector lanes. At 8 vector lanes
 * ({@link PanamaVectorConstants#LONGS}, AVX-512) they run as one vector; at 4 lanes (AVX2) the kernel runs the
 * region twice, once with random lanes 0-3 on slots 0-3 of every group of eight and once with lanes 4-7 on slots
 * 4-7, picking from the 8-row table columns with two-vector permutes. Each slot thus draws from the same lane, in
 * the same order, at either width.
 */
final class PanamaFixedStepKernel implements FixedStepKernel {
    private static final int GROUP = LaneRandom.LANES;
    private static final VectorSpecies<Long> SPECIES = PanamaVectorConstants.LONGS;
    private static final VectorSpecies<Byte> BYTES = PanamaVectorConstants.BYTE_64;
    static final PanamaFixedStepKernel INSTANCE = new PanamaFixedStepKernel();

    private PanamaFixedStepKernel() {}

    @Override
    public String name() {
        return "panama-" + SPECIES.vectorBitSize();
    }

    @Override
    public int step(byte[] states, int from, int to, TransitionTable table, long[] laneState, int[] counts,
            int countBase) {
        assert (to - from) % GROUP == 0 : "unpadded region";
        if (table.cumColumns() == null) {
            return ScalarFixedStepKernel.INSTANCE.step(states, from, to, table, laneState, counts, countBase);
        }
        final int parts = GROUP / SPECIES.length();
        int changed = 0;
        for (int part = 0; part < parts; part++) {
            changed += stepPart(part, states, from, to, table, laneState, counts, countBase);
        }
        return changed;
    }

    /**
     * Slots {@code part * lanes .. part * lanes + lanes - 1} of every group of eight in {@code [from, to)}, with the
     * random lanes of the same indices.
     */
    private static int stepPart(int part, byte[] states, int from, int to, TransitionTable table, long[] laneState,
            int[] counts, int countBase) {
        final VectorSpecies<Long> species = SPECIES;
        final int lanes = species.length();
        final int lane0 = part * lanes;
        final long[] cumCols = table.cumColumns();
        final long[] destCols = table.destColumns();
        final int stride = table.stride();
        // the byte lanes of this part, as a mask over the group's eight bytes (all of them at 8 lanes)
        final VectorMask<Byte> partBytes = VectorMask.fromLong(BYTES, ((1L << lanes) - 1) << lane0);
        LongVector s0 = LongVector.fromArray(species, laneState, lane0);
        LongVector s1 = LongVector.fromArray(species, laneState, GROUP + lane0);
        LongVector s2 = LongVector.fromArray(species, laneState, 2 * GROUP + lane0);
        LongVector s3 = LongVector.fromArray(species, laneState, 3 * GROUP + lane0);
        final LongVector stayLow = LongVector.fromArray(species, cumCols, 0);
        final LongVector stayHigh = lanes == GROUP ? stayLow : LongVector.fromArray(species, cumCols, lanes);
        int changed = 0;
        for (int b = from; b < to; b += GROUP) {
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

            ByteVector group = ByteVector.fromArray(BYTES, states, b);
            LongVector old = (LongVector) group.convertShape(VectorOperators.B2L, species, part);
            VectorShuffle<Long> rows = old.toShuffle();
            VectorMask<Long> past = u.compare(VectorOperators.GE, pick(stayLow, stayHigh, rows));
            if (!past.anyTrue()) {
                continue; // no slot leaves its state
            }
            long moved = past.toLong();
            LongVector next = old;
            for (int j = 1; j < stride; j++) {
                next = next.blend(column(destCols, j, rows), past);
                if (j + 1 < stride) {
                    past = u.compare(VectorOperators.GE, column(cumCols, j, rows));
                }
            }
            final int first = b + lane0;
            for (long m = moved; m != 0; m &= m - 1) {
                counts[countBase + states[first + Long.numberOfTrailingZeros(m)]]--;
            }
            ByteVector nextBytes = (ByteVector) next.convertShape(VectorOperators.L2B, BYTES, -part);
            (lanes == GROUP ? nextBytes : group.blend(nextBytes, partBytes)).intoArray(states, b);
            for (long m = moved; m != 0; m &= m - 1) {
                counts[countBase + states[first + Long.numberOfTrailingZeros(m)]]++;
            }
            changed += Long.bitCount(moved);
        }
        s0.intoArray(laneState, lane0);
        s1.intoArray(laneState, GROUP + lane0);
        s2.intoArray(laneState, 2 * GROUP + lane0);
        s3.intoArray(laneState, 3 * GROUP + lane0);
        return changed;
    }

    /** Entry {@code rows[i]} of column j (8 rows) in lane i. */
    private static LongVector column(long[] columns, int j, VectorShuffle<Long> rows) {
        final VectorSpecies<Long> species = SPECIES;
        final int lanes = species.length();
        LongVector low = LongVector.fromArray(species, columns, j * GROUP);
        LongVector high = lanes == GROUP ? low : LongVector.fromArray(species, columns, j * GROUP + lanes);
        return pick(low, high, rows);
    }

    /**
     * Entry {@code rows[i]} of the 8-row column held in {@code low} (and, at 4 lanes, {@code high}: rows 4-7). At 4
     * lanes a row index r >= 4 is an exceptional shuffle index (toShuffle wraps it to r - 8), which the two-vector
     * rearrange takes from lane r - 4 of {@code high}.
     */
    private static LongVector pick(LongVector low, LongVector high, VectorShuffle<Long> rows) {
        return SPECIES.length() == GROUP ? low.rearrange(rows) : low.rearrange(rows, high);
    }
}
