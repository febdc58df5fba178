package org.ltpsim.simd;

import org.ltpsim.rng.RandomStreams;
import org.ltpsim.rng.ScalarXoShiRo256PlusPlus;

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
        ScalarXoShiRo256PlusPlus random = ScalarXoShiRo256PlusPlus.load(state, lane, LANES);
        long result = random.next();
        random.store(state, lane, LANES);
        return result;
    }
}
