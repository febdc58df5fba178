package org.ltpsim.simd;

/**
 * The hot loop of the fixed-step method: every channel slot draws one uniform and moves by its state's row of
 * the step's transition table. Implementations ({@link VectorizationProvider#fixedStepKernel()}: scalar, or
 * Vector API at 4 or 8 lanes) give bitwise equal results. They are stateless: one instance serves every thread.
 *
 * <p>The rule ({@link TransitionTable}): a slot in state r draws {@code u = (x >>> 11) * 2^-53} and moves to
 * {@code dest[r * stride + j]} for the first j with {@code u < cum[r * stride + j]}; j = 0 is r itself (stays).
 * Every cumulative is a multiple of 2^-53, like u, so a comparison means the same in integer and floating point.
 *
 * <p>Random numbers: slots are taken in groups of {@link LaneRandom#LANES}; slot {@code from + 8 b + i} uses the
 * next number of lane i. Every lane advances once per group, so the lanes stay in lock step. The eight lanes are
 * streams, fixed whatever the vector width: a 4-lane kernel runs them as two vectors, so results do not depend on
 * the machine.
 */
public interface FixedStepKernel {
    /**
     * Advances slots {@code [from, to)}, {@code to - from} a multiple of {@link LaneRandom#LANES}; for each slot that
     * moves, decrements {@code counts[countBase + old]} and increments {@code counts[countBase + new]}; returns how
     * many slots changed state.
     */
    int step(byte[] states, int from, int to, TransitionTable table, long[] laneState, int[] counts, int countBase);

    /** Name for logs. */
    String name();
}
