package org.ltpsim.ssa;

import org.ltpsim.network.AssignmentRule;
import org.ltpsim.network.NetworkEvent;
import org.ltpsim.network.ReactionNetwork;
import org.ltpsim.network.StateFunction;

/**
 * The assignment rules and events of one realisation, acting on the method's state array, with the network
 * contract's semantics: rules in order at the start and after every change of state; time events at exactly their
 * time (in time order, document order among equals); state events when their trigger goes false -&gt; true,
 * checked after every change, in document order, cascading until none fires; an event's assignments evaluated on
 * the pre-event state and applied together, then the rules.
 */
final class RulesAndEvents {
    /** Events triggering each other this many rounds at one instant means an endless cascade. */
    private static final int MAX_CASCADE = 10_000;

    private final String networkId;
    private final double[] state;
    private final AssignmentRule[] rules;
    private final NetworkEvent[] timeEvents;
    private final NetworkEvent[] stateEvents;
    private final boolean[] triggerWasTrue;
    private final double[] eventValues;
    private int nextTimeEvent;

    RulesAndEvents(ReactionNetwork network, double[] state) {
        this.networkId = network.id();
        this.state = state;
        rules = network.rules().toArray(AssignmentRule[]::new);
        timeEvents = network.events().stream().filter(NetworkEvent::isTimeTriggered)
                .sorted((e1, e2) -> Double.compare(e1.fireTimeSec(), e2.fireTimeSec()))
                .toArray(NetworkEvent[]::new);
        stateEvents = network.events().stream().filter(e -> !e.isTimeTriggered()).toArray(NetworkEvent[]::new);
        triggerWasTrue = new boolean[stateEvents.length];
        eventValues = new double[network.events().stream().mapToInt(e -> e.targets().length).max().orElse(0)];
    }

    boolean isEmpty() {
        return rules.length == 0 && timeEvents.length == 0 && stateEvents.length == 0;
    }

    /** At t = 0, after the state was set to its initial values: rules, then events already due. */
    void start() {
        applyRules(0.0);
        for (int e = 0; e < stateEvents.length; e++) {
            triggerWasTrue[e] = stateEvents[e].triggerInitialValue();
        }
        nextTimeEvent = 0;
        // A time trigger already true at t = 0 fires now only if it was false before the start.
        while (nextTimeEvent < timeEvents.length && timeEvents[nextTimeEvent].fireTimeSec() <= 0.0) {
            NetworkEvent event = timeEvents[nextTimeEvent++];
            if (!event.triggerInitialValue()) {
                fire(event, 0.0);
            }
        }
        checkStateEvents(0.0);
    }

    /** Time of the next time event, +infinity if none is left. */
    double nextTimeEventSec() {
        return nextTimeEvent < timeEvents.length ? timeEvents[nextTimeEvent].fireTimeSec() : Double.POSITIVE_INFINITY;
    }

    /** Fires the time events due at {@code t} (= {@link #nextTimeEventSec()}), then any state events. */
    void fireTimeEvents(double t) {
        while (nextTimeEvent < timeEvents.length && timeEvents[nextTimeEvent].fireTimeSec() <= t) {
            fire(timeEvents[nextTimeEvent++], t);
        }
        checkStateEvents(t);
    }

    /** After a reaction firing (or a leap) changed the state: rules, then state events. */
    void afterChange(double t) {
        applyRules(t);
        checkStateEvents(t);
    }

    private void applyRules(double t) {
        for (AssignmentRule rule : rules) {
            state[rule.target()] = rule.value().evaluate(state, t);
        }
    }

    private void checkStateEvents(double t) {
        for (int round = 0; round < MAX_CASCADE; round++) {
            boolean fired = false;
            for (int e = 0; e < stateEvents.length; e++) {
                boolean now = stateEvents[e].stateTrigger().evaluate(state, t) != 0.0;
                boolean was = triggerWasTrue[e];
                triggerWasTrue[e] = now;
                if (now && !was) {
                    fire(stateEvents[e], t);
                    fired = true;
                }
            }
            if (!fired) {
                return;
            }
        }
        throw new IllegalStateException("network " + networkId + ": events keep triggering each other at t = "
                + t + " (more than " + MAX_CASCADE + " rounds)");
    }

    private void fire(NetworkEvent event, double t) {
        int[] targets = event.targets();
        StateFunction[] values = event.values();
        for (int i = 0; i < targets.length; i++) {
            eventValues[i] = values[i].evaluate(state, t);
        }
        for (int i = 0; i < targets.length; i++) {
            state[targets[i]] = eventValues[i];
        }
        applyRules(t);
    }
}
