package org.ltpsim.ssa;

import org.apache.commons.rng.UniformRandomProvider;
import org.ltpsim.rng.SsaVariates;

/**
 * The steps of Gillespie's (1977) direct method, written once for {@link DirectMethod},
 * {@link MassActionDirectMethod} and the exact steps of {@link TauLeaping}. A step: every propensity and their sum
 * a0 (index order); the waiting time {@code -log(u1) / a0} ({@link SsaVariates#exponential}); the outputs due before
 * the firing; the reaction, the first j whose running sum {@code a_0 + ... + a_j} exceeds {@code u2 a0}
 * ({@link SsaVariates#uniform}); its changes to the state.
 *
 * <p>With rules and events ({@link RulesAndEvents}) a time event fires at exactly its time: the waiting time drawn
 * before it is discarded and redrawn afterwards, exact because the exponential is memoryless; an output time equal
 * to the event's time records the state after the event. Otherwise output time k records the state just before
 * the first firing at a time {@code >= t_k}.
 *
 * <p>Random words per step, in order: u1, then u2. Where u2 is drawn is part of each method's published stream
 * ({@code pickDrawnWithTime}): the direct methods draw both words at the start of every step, even one that ends at
 * a time event or the last output; tau-leaping's exact steps draw u2 only for a firing.
 */
final class DirectMethodLoop {
    /** Evaluates every propensity of a state at a time into {@code a} and returns their sum, in index order. */
    interface Propensities {
        double evaluate(double[] state, double tSec, double[] a);
    }

    private final Propensities propensities;
    private final int[] changeStart;
    private final int[] changeSpecies;
    private final int[] changeDelta;
    /** Rules and events, or null for a network without them. */
    private final RulesAndEvents hooks;
    private final boolean pickDrawnWithTime;
    private final double[] timesSec;
    private final int speciesCount;
    private final double[] state;
    private final double[] propensity;
    /** Where the run stands: its time, and the next output time's index. */
    private double tSec;
    private int nextOutput;

    /**
     * @param changeStart   reaction j changes {@code changeSpecies[i]} by {@code changeDelta[i]} for i in
     *                      {@code [changeStart[j], changeStart[j + 1])}
     * @param hooks         the network's rules and events over {@code state}, or null when it has none
     * @param state         the state the loop advances (shared with the caller and {@code hooks})
     * @param propensity    scratch for the propensities, one per reaction
     */
    DirectMethodLoop(Propensities propensities, int[] changeStart, int[] changeSpecies, int[] changeDelta,
            RulesAndEvents hooks, boolean pickDrawnWithTime, double[] timesSec, int speciesCount, double[] state,
            double[] propensity) {
        this.propensities = propensities;
        this.changeStart = changeStart;
        this.changeSpecies = changeSpecies;
        this.changeDelta = changeDelta;
        this.hooks = hooks;
        this.pickDrawnWithTime = pickDrawnWithTime;
        this.timesSec = timesSec;
        this.speciesCount = speciesCount;
        this.state = state;
        this.propensity = propensity;
    }

    /** Continues from time {@code tSec}, with output time {@code nextOutput} the next one to record. */
    void resumeAt(double tSec, int nextOutput) {
        this.tSec = tSec;
        this.nextOutput = nextOutput;
    }

    double timeSec() {
        return tSec;
    }

    int nextOutput() {
        return nextOutput;
    }

    /** Whether every output time has been recorded. */
    boolean finished() {
        return nextOutput == timesSec.length;
    }

    /**
     * Runs steps until every output is recorded, or {@code maxSteps} steps have run, or (when
     * {@code stopAtTimeEvent}) a time event has fired; the outputs due are recorded into
     * {@code row[k * speciesCount + s]} on the way.
     *
     * @return reactions fired
     */
    long advance(UniformRandomProvider rng, double[] row, long maxSteps, boolean stopAtTimeEvent) {
        final double[] x = state;
        final double[] a = propensity;
        final double[] times = timesSec;
        final int timeCount = times.length;
        final double tEnd = times[timeCount - 1];
        final int[] start = changeStart;
        final int[] species = changeSpecies;
        final int[] delta = changeDelta;
        final RulesAndEvents events = hooks;
        double t = tSec;
        int next = nextOutput;
        long fired = 0;
        for (long step = 0; step < maxSteps && next < timeCount; step++) {
            double a0 = propensities.evaluate(x, t, a);
            long bitsTime = rng.nextLong();
            long bitsPick = pickDrawnWithTime ? rng.nextLong() : 0;
            double tau = a0 > 0 ? SsaVariates.exponential(bitsTime) / a0 : Double.POSITIVE_INFINITY;
            double tNext = t + tau;
            if (events != null) {
                double tEvent = events.nextTimeEventSec();
                if (tEvent <= tNext && tEvent <= tEnd) {
                    next = record(times, speciesCount, x, row, next, tEvent, false);
                    t = tEvent;
                    events.fireTimeEvents(t);
                    if (stopAtTimeEvent) {
                        break;
                    }
                    continue;
                }
            }
            next = record(times, speciesCount, x, row, next, tNext, true);
            if (next == timeCount) {
                break;
            }
            if (!pickDrawnWithTime) {
                bitsPick = rng.nextLong();
            }
            double target = SsaVariates.uniform(bitsPick) * a0;
            int j = 0;
            double cumulative = a[0];
            while (!(target < cumulative)) {
                j++;
                cumulative += a[j];
            }
            assert j < a.length && a[j] > 0 : "selected reaction " + j;
            for (int i = start[j]; i < start[j + 1]; i++) {
                x[species[i]] += delta[i];
            }
            fired++;
            t = tNext;
            if (events != null) {
                events.afterChange(t);
            }
        }
        tSec = t;
        nextOutput = next;
        return fired;
    }

    /**
     * Copies state {@code x} into the row ({@code row[k * speciesCount + s]}) for each output time k from
     * {@code next} on that lies before {@code limitSec} (or at it, when {@code inclusive}); returns the first output
     * time not recorded. Shared by every scalar method.
     */
    static int record(double[] timesSec, int speciesCount, double[] x, double[] row, int next, double limitSec,
            boolean inclusive) {
        final int timeCount = timesSec.length;
        while (next < timeCount && (inclusive ? timesSec[next] <= limitSec : timesSec[next] < limitSec)) {
            System.arraycopy(x, 0, row, next * speciesCount, speciesCount);
            next++;
        }
        return next;
    }
}
