package org.ltpsim.network;

/**
 * An SBML event without delay. It fires when its trigger goes from false to true (SBML L3 semantics:
 * {@code initialValue} says what the trigger was before t = 0; {@code persistent} is irrelevant without delay).
 * Assignments are evaluated with the state just before the event and then applied together; assignment rules
 * are re-evaluated afterwards.
 *
 * <p>Triggers that depend on time only ({@code time >= c} or {@code time > c}) are given as {@link #fireTimeSec}
 * so that an exact method can stop at exactly that time; every other trigger is a state trigger, checked after
 * every firing. Triggers that mix time and state are refused at import.
 *
 * @param id               the SBML id (for messages)
 * @param fireTimeSec      for a pure time trigger, the time it fires; NaN for a state trigger
 * @param stateTrigger     for a state trigger, 1.0 when true and 0.0 when false; null for a time trigger
 * @param triggerInitialValue the trigger's value before t = 0 (SBML {@code initialValue})
 * @param targets          state indices assigned
 * @param values           the assigned values, same order
 */
public record NetworkEvent(String id, double fireTimeSec, StateFunction stateTrigger, boolean triggerInitialValue,
                           int[] targets, StateFunction[] values) {
    public NetworkEvent {
        if (targets.length != values.length) {
            throw new IllegalArgumentException("event " + id + ": targets and values differ in length");
        }
        if (Double.isNaN(fireTimeSec) == (stateTrigger == null)) {
            throw new IllegalArgumentException("event " + id + ": exactly one of fireTimeSec and stateTrigger");
        }
        targets = targets.clone();
        values = values.clone();
    }

    public boolean isTimeTriggered() {
        return !Double.isNaN(fireTimeSec);
    }
}
