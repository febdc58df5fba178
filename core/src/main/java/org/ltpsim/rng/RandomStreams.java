package org.ltpsim.rng;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;

/**
 * Derives one independent random stream per (master seed, purpose, block id).
 *
 * <p>A stream depends on nothing else: not on the thread that runs the block, nor on the order in which
 * blocks run. That is what makes results bitwise identical for any thread count. The purpose names what the
 * stream drives ("sbml-ensemble", "release", "channels", "camkii"...), so that adding a new source of randomness
 * never shifts the numbers of an existing one (L'Ecuyer's streams and substreams).
 *
 * <p>The generator is XoShiRo256++ (Blackman &amp; Vigna 2018) from Commons RNG. Its 256-bit state is filled by
 * SplitMix64 from a 64-bit key that chains the three inputs through the bijective Stafford variant-13 mixer, so
 * distinct block ids under one master seed and purpose always get distinct keys.
 */
public final class RandomStreams {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private RandomStreams() {}

    /** The generator for one block: same inputs, same sequence, on any machine and thread. */
    public static UniformRandomProvider forBlock(long masterSeed, String purpose, long blockId) {
        return new XoShiRo256PlusPlus(xoshiroState(masterSeed, purpose, blockId));
    }

    /**
     * The four 64-bit words of XoShiRo256++ state for a block. Exposed so that a lane-parallel (SIMD) generator
     * can start from exactly the state that {@link #forBlock} uses, and produce the same sequence.
     */
    public static long[] xoshiroState(long masterSeed, String purpose, long blockId) {
        if (purpose == null || purpose.isEmpty()) {
            throw new IllegalArgumentException("stream purpose must be named");
        }
        long key = mix64(masterSeed);
        key = mix64(key ^ fnv1a64(purpose));
        key = mix64(key + blockId);
        long[] state = new long[4];
        long x = key;
        for (int i = 0; i < state.length; i++) {
            x += GOLDEN_GAMMA;
            state[i] = mix64(x);
        }
        if ((state[0] | state[1] | state[2] | state[3]) == 0) {
            state[0] = GOLDEN_GAMMA; // the all-zero state is the generator's one fixed point
        }
        return state;
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser, as used by SplitMix64: a bijection on longs. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a over the UTF-8 bytes: a fixed, documented hash (String.hashCode is only 32 bits). */
    static long fnv1a64(String text) {
        long hash = 0xCBF29CE484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= (b & 0xFF);
            hash *= 0x100000001B3L;
        }
        return hash;
    }
}
