package org.ltpsim.parallel;

/**
 * How block results accumulate: a state that block results are added to, strictly in block order (the only order
 * in which ltpsim folds, so that the result is the same for any thread count and any shard count).
 *
 * @param <R> a block's result
 * @param <S> the accumulated state
 */
public interface BlockFold<R, S> {
    /** The state before any block. */
    S start();

    /** Adds the next block's result to {@code state} (which it may change in place) and returns the new state. */
    S add(S state, R result);
}
