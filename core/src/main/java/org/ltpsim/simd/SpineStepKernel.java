package org.ltpsim.simd;

/**
 * The per-spine arithmetic of one step of a dendritic branch (the spine model's star network: heads joined by their
 * necks to one branch compartment), as two passes over the spines of a branch around the branch's own solve:
 * <ol>
 *   <li>{@link #voltageRows}: each head's row of the step's backward-Euler voltage system, with the head's node
 *       eliminated (its right-hand side {@code a}, the inverse of its diagonal, its coupling into the branch's
 *       equation and its drive), and the sums of couplings and drives over the heads in spine order;</li>
 *   <li>the caller solves the branch's one equation for its voltage;</li>
 *   <li>{@link #calcium}: each head's voltage, its NMDA calcium influx at that voltage and the exact update of its
 *       calcium and calcium integral Q over the step, with the readouts (peaks, integrals, trace-bin extremes).</li>
 * </ol>
 * Every spine's numbers are the same IEEE operations in the same order in both implementations, and the sums run in
 * spine order in both, so the scalar and the vector kernels give the same bits at any vector width
 * ({@code SpineStepKernelTest}). Implementations come from {@link VectorizationProvider#spineStepKernel()};
 * stateless, shared by all threads.
 */
public interface SpineStepKernel {
    /**
     * Per spine {@code i < count}, from its open AMPA and NMDA channels and its head voltage (the step's start):
     * a head with no open channel gets {@code a = cs v + gLeak rest}, the closed inverse and coupling of
     * {@code circuit}, NMDA conductance 0; any other {@code gA = openAmpa gAmpa}, {@code gN = openNmda gNmda B(v)}
     * ({@code 0} with no open NMDA channel), {@code a = cs v + gLeak rest + gA eA + gN eN},
     * {@code inverse = 1 / (cs + gLeak + gNeck + gA + gN)}, {@code coupling = gNeck (1 - gNeck inverse)}, its
     * unblocked NMDA conductance {@code openNmda gNmda} recorded and {@code openNmda dt} added to its NMDA open
     * time. Every head's drive is {@code gNeck a inverse}. Then {@link SpineStepArrays#couplingSum} and
     * {@link SpineStepArrays#driveSum}, in spine order.
     */
    void voltageRows(SpineCircuit circuit, SpineStepArrays spines, int count);

    /**
     * Per spine {@code i < count}, with the branch at {@code branchMv}: the head voltage
     * {@code v = (a + gNeck branchMv) inverse} (and its peak depolarisation); the calcium influx, the inward part of
     * the Ca current {@code f gN B(v) (v - E_Ca)} (pA) in uM/ms of free calcium, else 0; then calcium and Q over the
     * step for that influx frozen ({@link CalciumStep}'s exact update), the trace bin's extremes (a new maximum, or
     * else a new minimum), the influx integral, Q's maximum, peak calcium, and the time with calcium more than
     * {@link SpineCircuit.Model#elevatedMicroMolar()} above rest; the step's mean calcium when
     * {@link SpineStepArrays#caStepMeanMicroMolar} is not null.
     */
    void calcium(SpineCircuit circuit, double branchMv, SpineStepArrays spines, int count);
}
