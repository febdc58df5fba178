package org.ltpsim.rng;

/**
 * One XoShiRo256++ generator (Blackman &amp; Vigna 2018, "Scrambled linear pseudorandom number generators") as four
 * plain fields: the same sequence as Commons RNG's {@code XoShiRo256PlusPlus} started from the same state, written
 * once for the kernels that keep the state in their own arrays. One 64-bit word per {@link #next} call.
 *
 * <p>Why not the Commons provider itself: a kernel loads the state, draws in its hot loop and stores it back; held
 * in a local that does not escape, this object is scalar-replaced by the JIT and its four words live in registers
 * across the loop. {@link org.ltpsim.simd} has the lane-parallel twin ({@code PanamaXoShiRo256PlusPlus}).
 */
public final class ScalarXoShiRo256PlusPlus {
    private long s0;
    private long s1;
    private long s2;
    private long s3;

    private ScalarXoShiRo256PlusPlus(long s0, long s1, long s2, long s3) {
        this.s0 = s0;
        this.s1 = s1;
        this.s2 = s2;
        this.s3 = s3;
    }

    /**
     * The generator whose state word w (0..3) is {@code words[offset + w * stride]} (stride 1: the order of
     * {@link RandomStreams#xoshiroState}; a larger stride: one generator among several interleaved word by word).
     */
    public static ScalarXoShiRo256PlusPlus load(long[] words, int offset, int stride) {
        return new ScalarXoShiRo256PlusPlus(words[offset], words[offset + stride], words[offset + 2 * stride],
                words[offset + 3 * stride]);
    }

    /** Writes the state back where {@link #load} with the same arguments read it. */
    public void store(long[] words, int offset, int stride) {
        words[offset] = s0;
        words[offset + stride] = s1;
        words[offset + 2 * stride] = s2;
        words[offset + 3 * stride] = s3;
    }

    /** The next 64-bit word (Commons RNG's {@code nextLong}). */
    public long next() {
        final long result = Long.rotateLeft(s0 + s3, 23) + s0;
        final long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }
}
