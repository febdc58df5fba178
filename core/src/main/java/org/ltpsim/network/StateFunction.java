package org.ltpsim.network;

/**
 * A compiled expression over the simulation state: a kinetic law, a rule's right-hand side, an event assignment.
 *
 * <p>{@code state} holds species amounts (molecule counts) first, in document order, then any rule-assigned
 * variables (see {@link ReactionNetwork#stateSize()}). Implementations are built once from the model's math and
 * never consult a model object while evaluating.
 */
@FunctionalInterface
public interface StateFunction {
    double evaluate(double[] state, double timeSec);
}
