package org.ltpsim.simd;

/**
 * The event-free part of one step of the event-driven channel populations ({@code
 * org.ltpsim.channels.EventDrivenChannelPopulation}), as one pass over the spines of a block: a spine whose residual
 * unit-exponential clock outlasts its integrated propensity {@code a0 dt} has no event in the step and its clock
 * just runs down; every other spine is listed, in ascending order, for the population's event loop, which then draws
 * its random numbers spine by spine in that order. The scalar and the vector implementation therefore give the same
 * bits.
 *
 * <p>Per spine {@code s}, with {@code g = glutamate[s]}: the spine's propensity is {@code liveSum[s]} when it is in
 * pool mode ({@code poolSinceMs[s]} not NaN) and {@code g == 0}, else {@code constSum[s] + gluSum[s] * g}. A spine is
 * listed when {@code g} is not a finite number &gt;= 0, when it must enter or leave pool mode (pooling on, {@code g ==
 * 0} and not pooled; or pooled and {@code g > 0}), or when {@code a0 > 0} and {@code clock[s] <= a0 dt}. Otherwise,
 * if {@code a0 > 0}, {@code clock[s] -= a0 dt}.
 *
 * <p>Implementations come from {@link VectorizationProvider#channelClockKernel()}; stateless, shared by all threads.
 */
public interface ChannelClockKernel {
    /** The pass over spines {@code 0 .. count-1}; returns how many spines it wrote into {@code pending}. */
    int integrate(double dtMs, double[] glutamateMilliMolar, double[] constSum, double[] gluSum, double[] liveSum,
            double[] poolSinceMs, boolean pooling, double[] clock, int count, int[] pending);
}
