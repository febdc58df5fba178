package org.ltpsim.simd;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * XoShiRo256++ (Blackman &amp; Vigna 2018) in every lane of a long vector: lane l produces exactly the sequence of
 * Commons RNG's {@code XoShiRo256PlusPlus} started from the state given for that lane. The SSA lane kernel
 * ({@link PanamaSsaLanes}) and the fixed-step kernel ({@link PanamaFixedStepKernel}) inline the same step in their
 * loops; this class states it once, for tests. One 64-bit word per lane per {@link #next} call.
 */
final class PanamaXoShiRo256PlusPlus {
    private static final VectorSpecies<Long> SPECIES = PanamaVectorConstants.LONGS;
    static final int LANES = SPECIES.length();

    private LongVector s0;
    private LongVector s1;
    private LongVector s2;
    private LongVector s3;

    /** @param laneStates per lane, the four state words (as {@code RandomStreams.xoshiroState} gives them) */
    PanamaXoShiRo256PlusPlus(long[][] laneStates) {
        if (laneStates.length != LANES) {
            throw new IllegalArgumentException("need one state per lane (" + LANES + "): " + laneStates.length);
        }
        long[][] words = new long[4][LANES];
        for (int lane = 0; lane < LANES; lane++) {
            for (int w = 0; w < 4; w++) {
                words[w][lane] = laneStates[lane][w];
            }
        }
        s0 = LongVector.fromArray(SPECIES, words[0], 0);
        s1 = LongVector.fromArray(SPECIES, words[1], 0);
        s2 = LongVector.fromArray(SPECIES, words[2], 0);
        s3 = LongVector.fromArray(SPECIES, words[3], 0);
    }

    /** The next word of every lane's sequence, written to {@code out[0 .. LANES)}. */
    void next(long[] out) {
        LongVector result = s0.add(s3).lanewise(VectorOperators.ROL, 23).add(s0);
        LongVector t = s1.lanewise(VectorOperators.LSHL, 17);
        s2 = s2.lanewise(VectorOperators.XOR, s0);
        s3 = s3.lanewise(VectorOperators.XOR, s1);
        s1 = s1.lanewise(VectorOperators.XOR, s2);
        s0 = s0.lanewise(VectorOperators.XOR, s3);
        s2 = s2.lanewise(VectorOperators.XOR, t);
        s3 = s3.lanewise(VectorOperators.ROL, 45);
        result.intoArray(out, 0);
    }
}
