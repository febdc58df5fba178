package org.ltpsim.simd;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API twin of {@link ScalarFixedStepKernel}: the XoShiRo256++ lanes of {@link LaneRandom} advance as long
 * vectors ({@link PanamaXoShiRo256PlusPlus}) and as many channel slots move at once. Each slot's table entry is picked with a permute of a table
 * column by the slot's state (possible while states + padding fit in 8 rows; larger schemes use the scalar kernel).
 * A vector of slots in which no slot leaves its state (the common case at small steps) costs one compare after the
 * random numbers. Bitwise equal to the scalar kernel: same streams, same integer comparisons.
 *
 * <p>The eight {@link LaneRandom} lanes are streams, not vector lanes. At 8 vector lanes
 * ({@link PanamaVectorConstants#LONGS}, AVX-512) they run as one vector; at 4 lanes (AVX2) the kernel runs the
 * region twice, once with random lanes 0-3 on slots 0-3 of every group of eight and once with lanes 4-7 on slots
 * 4-7. Each slot thus draws from the same lane, in the same order, at either width. The 4-lane pass reads a group's
 * states as one little-endian long (a byte-vector conversion of the upper half would need a non-constant part
 * number, which C2 does not intrinsify) and picks from the 8-row table columns with a two-vector
 * {@code selectFrom}.
 *
 * <p>The hot loop reads the species and lane count from static finals, never from locals: an OSR compilation takes
 * locals from the interpreter frame and would not see them as constants.
 */
final class PanamaFixedStepKernel implements FixedStepKernel {
    private static final int GROUP = LaneRandom.LANES;
    private static final VectorSpecies<Long> SPECIES = PanamaVectorConstants.LONGS;
    /** Lanes of one vector: 4 or 8. */
    private static final int LANES = SPECIES.length();
    private static final VectorSpecies<Byte> BYTES = PanamaVectorConstants.BYTE_64;
    /** A group's eight state bytes as one little-endian long (the 4-lane path: slot b + i in bits 8i .. 8i+7). */
    private static final VarHandle GROUP_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
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
        final int parts = GROUP / LANES;
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
        final int lane0 = part * LANES;
        final long[] cumCols = table.cumColumns();
        final long[] destCols = table.destColumns();
        final int stride = table.stride();
        // 4-lane path: lane i holds the byte of slot lane0 + i, at bit 8 (lane0 + i) of the group's long
        final LongVector byteShift = LongVector.zero(SPECIES).addIndex(8).add(8L * lane0);
        final long partBits = (LANES == GROUP ? -1L : (1L << (8 * LANES)) - 1) << (8 * lane0);
        final LongVector stayLow = LongVector.fromArray(SPECIES, cumCols, 0);
        final LongVector stayHigh = LANES == GROUP ? stayLow : LongVector.fromArray(SPECIES, cumCols, LANES);
        int changed = 0;
        final long[] drawn = new long[LANES];
        for (int b = from; b < to; b += GROUP) {
            PanamaXoShiRo256PlusPlus.next(laneState, lane0, GROUP, drawn, 0);
            LongVector u = LongVector.fromArray(SPECIES, drawn, 0).lanewise(VectorOperators.LSHR, 11);
            LongVector old = LANES == GROUP
                    ? (LongVector) ByteVector.fromArray(BYTES, states, b).convertShape(VectorOperators.B2L, SPECIES, 0)
                    : LongVector.broadcast(SPECIES, (long) GROUP_BYTES.get(states, b))
                            .lanewise(VectorOperators.LSHR, byteShift).and(0xFF);
            VectorShuffle<Long> rows = LANES == GROUP ? old.toShuffle() : null;
            VectorMask<Long> past = u.compare(VectorOperators.GE, pick(stayLow, stayHigh, old, rows));
            if (!past.anyTrue()) {
                continue; // no slot leaves its state
            }
            long moved = past.toLong();
            LongVector next = old;
            for (int j = 1; j < stride; j++) {
                next = next.blend(column(destCols, j, old, rows), past);
                if (j + 1 < stride) {
                    past = u.compare(VectorOperators.GE, column(cumCols, j, old, rows));
                }
            }
            final int first = b + lane0;
            for (long m = moved; m != 0; m &= m - 1) {
                counts[countBase + states[first + Long.numberOfTrailingZeros(m)]]--;
            }
            if (LANES == GROUP) {
                next.convertShape(VectorOperators.L2B, BYTES, 0).reinterpretAsBytes().intoArray(states, b);
            } else {
                long bits = next.lanewise(VectorOperators.LSHL, byteShift).reduceLanes(VectorOperators.OR);
                GROUP_BYTES.set(states, b, ((long) GROUP_BYTES.get(states, b) & ~partBits) | bits);
            }
            for (long m = moved; m != 0; m &= m - 1) {
                counts[countBase + states[first + Long.numberOfTrailingZeros(m)]]++;
            }
            changed += Long.bitCount(moved);
        }
        return changed;
    }

    /** Entry {@code old[i]} of column j (8 rows) in lane i. */
    private static LongVector column(long[] columns, int j, LongVector old, VectorShuffle<Long> rows) {
        LongVector low = LongVector.fromArray(SPECIES, columns, j * GROUP);
        LongVector high = LANES == GROUP ? low : LongVector.fromArray(SPECIES, columns, j * GROUP + LANES);
        return pick(low, high, old, rows);
    }

    /**
     * Entry {@code old[i]} of the 8-row column held in {@code low} (and, at 4 lanes, {@code high}: rows 4-7): one
     * permute by the shuffle {@code rows} (made from {@code old}) at 8 lanes; at 4 lanes a two-vector selection, row
     * r taken from {@code low} or, for r >= 4, from lane r - 4 of {@code high}.
     */
    private static LongVector pick(LongVector low, LongVector high, LongVector old, VectorShuffle<Long> rows) {
        return LANES == GROUP ? low.rearrange(rows) : old.selectFrom(low, high);
    }
}
