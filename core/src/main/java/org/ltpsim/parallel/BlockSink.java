package org.ltpsim.parallel;

/**
 * Receives the results of a run's blocks in block order, one at a time, on the thread that started the run: the
 * place where block results are folded into an accumulator, so that the fold is the same for any thread count.
 *
 * @param <R> a block's result
 */
@FunctionalInterface
public interface BlockSink<R> {
    void accept(int block, R result);
}
