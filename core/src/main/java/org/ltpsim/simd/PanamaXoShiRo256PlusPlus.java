package org.ltpsim.simd;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * XoShiRo256++ (Blackman &amp; Vigna 2018) in every lane of a long vector: lane l produces exactly the sequence of
 * Commons RNG's {@code XoShiRo256PlusPlus} started from the state given for that lane (the lane twin of
 * {@link org.ltpsim.rng.ScalarXoShiRo256PlusPlus}).
 *
 * <p>The state lives in the caller's array, word-major; each call loads, steps and stores it (one 64-bit word
 * per lane per call). Two shapes were tried and measured against the fixed-step kernel's former inlined step
 * (thread CPU time, 65,536 slots, loaded machine): a generator object holding four vectors across the kernel's loop
 * is not scalar-replaced by C2 (the vectors stay boxed: ~5 MB allocated and ~100x slower per call); drawing 64
 * groups ahead into a buffer was ~15% slower; this load-step-store ~10% slower on that kernel alone.
 */
final class PanamaXoShiRo256PlusPlus {
    /** The kernels' long vectors (a static final, so that C2 compiles the calls to vector instructions). */
    private static final VectorSpecies<Long> SPECIES = PanamaVectorConstants.LONGS;

    private PanamaXoShiRo256PlusPlus() {}

    /**
     * Steps the generators of the kernels' lanes ({@link PanamaVectorConstants#LONGS}) whose state word w (0..3) of
     * lane l is {@code words[offset + w * stride + l]} (word-major, {@code stride} lanes apart), and stores each
     * lane's next output at {@code out[outOffset + l]}.
     *
     * <p>No vector crosses the call: when C2 does not inline this method into its caller (it compiles it on its own
     * first when it is hot, and then may find it too big to inline), a returned vector would be boxed and every
     * operation on it would run the Vector API's Java fallback (measured: W1 through the SSA lanes 2.7x slower, 2 GB
     * of garbage for 300,000 realisations).
     */
    static void next(long[] words, int offset, int stride, long[] out, int outOffset) {
        LongVector s0 = LongVector.fromArray(SPECIES, words, offset);
        LongVector s1 = LongVector.fromArray(SPECIES, words, offset + stride);
        LongVector s2 = LongVector.fromArray(SPECIES, words, offset + 2 * stride);
        LongVector s3 = LongVector.fromArray(SPECIES, words, offset + 3 * stride);
        s0.add(s3).lanewise(VectorOperators.ROL, 23).add(s0).intoArray(out, outOffset);
        final LongVector t = s1.lanewise(VectorOperators.LSHL, 17);
        s2 = s2.lanewise(VectorOperators.XOR, s0);
        s3 = s3.lanewise(VectorOperators.XOR, s1);
        s1 = s1.lanewise(VectorOperators.XOR, s2);
        s0 = s0.lanewise(VectorOperators.XOR, s3);
        s2 = s2.lanewise(VectorOperators.XOR, t);
        s3 = s3.lanewise(VectorOperators.ROL, 45);
        s0.intoArray(words, offset);
        s1.intoArray(words, offset + stride);
        s2.intoArray(words, offset + 2 * stride);
        s3.intoArray(words, offset + 3 * stride);
    }
}
