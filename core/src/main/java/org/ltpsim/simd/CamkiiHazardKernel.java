package org.ltpsim.simd;

/**
 * The part of a fast step that is the same for every spine: a spine whose calcium equals its cached calcium and
 * whose integrated hazard {@code a0 * dt} stays at or below its Exp(1) residual has no event in the step, and its
 * residual just decreases. Every other spine (calcium changed, propensity unknown (NaN), or an event due) is
 * listed for the exact event loop, in ascending order, so the random numbers are drawn in the same order by the
 * scalar and the vector implementation: their results are bitwise equal.
 *
 * <p>Implementations come from {@link VectorizationProvider#camkiiHazardKernel()}. They are stateless: one instance
 * serves every thread.
 */
public interface CamkiiHazardKernel {
    /**
     * For spines {@code 0 .. count-1}: where {@code ca[s] == cachedCa[s]} and {@code a0[s] * dtSec <= residual[s]},
     * sets {@code residual[s] -= a0[s] * dtSec}; writes the indices of the other spines, ascending, into
     * {@code pending} and returns how many there are. Consumes no random numbers.
     */
    int integrate(double dtSec, double[] caMicroMolar, double[] cachedCa, double[] a0Hz, double[] residual,
            int count, int[] pending);

}
