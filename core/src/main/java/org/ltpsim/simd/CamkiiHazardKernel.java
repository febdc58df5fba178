package org.ltpsim.simd;

/**
 * The part of a CaMKII fast step that is the same for every spine, as one pass over the block: per spine, CaM
 * binding {@code kon(Ca)} and calcineurin activity at the step's calcium, the PP1 Vmax from the spine's phospho-I1
 * fraction, the total propensity {@code a0 = A kon + B + P Vmax / (Km + P)} ({@link CamkiiStepRates#totalHz}), and
 * the exact relaxation of phospho-I1 over the step at that calcium. A spine whose integrated hazard
 * {@code a0 dt} stays at or below its Exp(1) residual has no event in the step, and its residual just decreases;
 * every other spine (an event is due, or its calcium is not a finite number >= 0) is listed for the exact event loop,
 * in ascending order, so the random numbers are drawn in the same order by the scalar and the vector implementation:
 * their results are bitwise equal.
 *
 * <p>Implementations come from {@link VectorizationProvider#camkiiHazardKernel()}. They are stateless: one instance
 * serves every thread.
 */
public interface CamkiiHazardKernel {
    /**
     * One step of {@code dtSec} for spines {@code 0 .. count-1} at calcium {@code caMicroMolar[s]} frozen over the
     * step: writes {@code state.konHz}, {@code state.vmaxHz}, advances {@code state.i1Phospho} (PP1 control on),
     * decreases the residual of every event-free spine by {@code a0 dt}, and writes the others' indices, ascending,
     * into {@code pending}; returns how many. Needs {@code rates.fitsOneStep(dtSec)}. Consumes no random numbers.
     */
    int step(CamkiiStepRates rates, double dtSec, double[] caMicroMolar, CamkiiStepState state, int count,
            int[] pending);
}
