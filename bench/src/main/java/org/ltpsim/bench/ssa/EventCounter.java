package org.ltpsim.bench.ssa;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reaction events fired, reported by JMH as a rate next to the benchmark's own score: the "events" line of the
 * output is events per second, the unit every SSA figure in docs/performance.md uses.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class EventCounter {
    public long events;

    @Setup(Level.Iteration)
    public void reset() {
        events = 0;
    }
}
