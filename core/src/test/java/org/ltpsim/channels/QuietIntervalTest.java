package org.ltpsim.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link ChannelPopulation#quietAtZeroGlutamateMs}: an advance at zero glutamate by the population's quiet interval
 * changes nothing (no transition, no open count), and the event that ends it follows right after; repeated to walk
 * a population event by event through the silence after a pulse.
 */
class QuietIntervalTest {
    @ParameterizedTest
    @EnumSource(value = ChannelPopulations.Method.class, names = {"EVENT_DRIVEN", "EVENT_DRIVEN_SILENT_POOL",
            "EVENT_DRIVEN_PER_CHANNEL"})
    void advancingByTheQuietIntervalChangesNothing(ChannelPopulations.Method method) {
        boolean w3 = method == ChannelPopulations.Method.EVENT_DRIVEN_PER_CHANNEL;
        for (KineticScheme scheme : w3 ? new KineticScheme[] {KineticScheme.w3()}
                : new KineticScheme[] {KineticScheme.ampaDestexhe1998(), KineticScheme.nmdaLesterJahr1992()}) {
            int spines = 30;
            int[] counts = new int[spines];
            Arrays.fill(counts, 20);
            ChannelPopulation pop = ChannelPopulations.create(scheme, counts, 3, "quiet", 0, method);
            double[] glu = new double[spines];
            Arrays.fill(glu, 1.0);
            for (int step = 0; step < 20; step++) {
                pop.advance(0.05, glu); // a 1 mM x 1 ms pulse: channels bound, some open
            }
            double[] zeros = new double[spines];
            int quietSteps = 0;
            int endedByEvent = 0;
            for (int k = 0; k < 300; k++) {
                double t = pop.quietAtZeroGlutamateMs();
                if (t == Double.POSITIVE_INFINITY) {
                    break; // nothing left that could conduct
                }
                assertTrue(t >= 0, "quiet interval " + t);
                double perSpine = Double.POSITIVE_INFINITY; // the one-pass minimum equals the per-spine one
                for (int sp = 0; sp < spines; sp++) {
                    perSpine = Math.min(perSpine, pop.quietAtZeroGlutamateMs(sp));
                }
                assertTrue(t <= perSpine && t >= perSpine - 4 * Math.ulp(perSpine), t + " vs " + perSpine);
                int[] open = new int[spines];
                for (int sp = 0; sp < spines; sp++) {
                    open[sp] = pop.openCount(sp);
                }
                long before = pop.transitionCount();
                pop.advance(t, zeros);
                assertEquals(before, pop.transitionCount(), scheme.name() + ": an event inside the quiet interval");
                for (int sp = 0; sp < spines; sp++) {
                    assertEquals(open[sp], pop.openCount(sp));
                }
                quietSteps++;
                // the event that ends the interval comes within the next few ulps of time
                pop.advance(Math.max(1e-12, Math.ulp(t) * 8), zeros);
                if (pop.transitionCount() > before) {
                    endedByEvent++;
                }
            }
            assertTrue(quietSteps > 20, scheme.name() + ": " + quietSteps + " quiet intervals");
            assertTrue(endedByEvent > quietSteps / 2, scheme.name() + ": " + endedByEvent + " of " + quietSteps
                    + " intervals ended by an event right after");
        }
    }
}
