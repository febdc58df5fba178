package org.ltpsim.simd;

import org.ltpsim.rng.RandomStreams;

/**
 * Eight independent XoShiRo256++ generators (Blackman &amp; Vigna 2018) kept side by side for lane-parallel
 * kernels: lane i is the Commons RNG {@code XoShiRo256PlusPlus} started from
 * {@code RandomStreams.xoshiroState(seed, purpose + "/lane" + i, block)} and produces the same sequence.
 *
 * <p>State layout: {@code state[word * LANES + lane]}, word 0..3, so that a vector of 8 lanes (or two of 4) loads
 * one word of every lane.
 */
public final class LaneRandom {
    /** Number of lanes: fixed (not the hardware's vector length) so that results do not depend on the machine. */
    public static final int LANES = 8;

    private LaneRandom() {}

    /** The lanes' initial states for one block. */
    public static long[] seed(long masterSeed, String purpose, long blockId) {
        long[] state = new long[4 * LANES];
        for (int lane = 0; lane < LANES; lane++) {
            long[] s = RandomStreams.xoshiroState(masterSeed, purpose + "/lane" + lane, blockId);
            for (int w = 0; w < 4; w++) {
                state[w * LANES + lane] = s[w];
            }
        }
        return state;
    }

    /** Next 64-bit output of one lane (XoShiRo256++ step, as Commons RNG's nextLong). */
    public static long next(long[] state, int lane) {
        long s0 = state[lane];
        long s1 = state[LANES + lane];
        long s2 = state[2 * LANES + lane];
        long s3 = state[3 * LANES + lane];
        long result = Long.rotateLeft(s0 + s3, 23) + s0;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        state[lane] = s0;
        state[LANES + lane] = s1;
        state[2 * LANES + lane] = s2;
        state[3 * LANES + lane] = s3;
        return result;
    }
}
