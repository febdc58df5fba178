package org.ltpsim.bench.camkii;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Counts SSA events per thread; JMH reports the field as events per second next to ops/s. */
@AuxCounters(AuxCounters.Type.OPERATIONS)
@State(Scope.Thread)
public class EventCounter {
    public long events;

    @Setup(Level.Iteration)
    public void clear() {
        events = 0;
    }
}
