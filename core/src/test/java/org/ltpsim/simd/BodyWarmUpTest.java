package org.ltpsim.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ltpsim.camkii.CamkiiParameters;
import org.ltpsim.camkii.CamkiiPopulations;
import org.ltpsim.spine.SpineModel;

/**
 * {@link BodyWarmUp}: the decision (compiled, given up, failed, none in a short run) on made-up timings, and the
 * simulation's own warming kernels and SSA lanes reaching their compiled bodies in this JVM. That the kernels give the scalar
 * twin's bits across the switch: SpineStepKernelTest and WarmingKernelSwitchTest.
 */
@Tag("simd-kernels")
class BodyWarmUpTest {
    @Test
    void aFastCallEndsTheWarmUpCompiled() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        BodyWarmUp warmUp = new BodyWarmUp("fast", 2_000, TimeUnit.SECONDS.toNanos(60));
        assertFalse(warmUp.compiled());
        // the "interpreted" body: 100 us per vector for five calls, then 300 ns
        warmUp.startOnce(() -> () -> calls.incrementAndGet() <= 5 ? 100_000 : 300);
        await(warmUp::ended);
        assertTrue(warmUp.compiled());
        assertEquals(6, calls.get());
    }

    @Test
    void aBodyThatStaysSlowIsGivenUpAndTheScalarTwinStays() throws InterruptedException {
        BodyWarmUp warmUp = new BodyWarmUp("slow", 2_000, TimeUnit.MILLISECONDS.toNanos(50));
        warmUp.startOnce(() -> () -> 100_000);
        await(warmUp::ended);
        assertFalse(warmUp.compiled());
    }

    @Test
    void aWarmUpThatThrowsKeepsTheScalarTwin() throws InterruptedException {
        BodyWarmUp warmUp = new BodyWarmUp("failing", 2_000, TimeUnit.SECONDS.toNanos(60));
        warmUp.startOnce(() -> () -> {
            throw new ArrayIndexOutOfBoundsException("a warm-up input too short");
        });
        await(warmUp::ended);
        assertFalse(warmUp.compiled());
    }

    @Test
    void noWarmUpStartsWhileAShortRunIsAheadAndOnlyOneAfter() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger starts = new AtomicInteger();
        BodyWarmUp warmUp = new BodyWarmUp("after a short run", 2_000, TimeUnit.SECONDS.toNanos(60));
        try {
            for (boolean shortRun : new boolean[] {true, false}) {
                VectorizationProvider.expectShortRun(shortRun);
                for (int call = 0; call < 3; call++) {
                    warmUp.startOnce(() -> {
                        starts.incrementAndGet();
                        return () -> {
                            calls.incrementAndGet();
                            return 300;
                        };
                    });
                }
                if (shortRun) {
                    Thread.sleep(50);
                    assertEquals(0, starts.get());
                    assertFalse(warmUp.compiled());
                }
            }
        } finally {
            VectorizationProvider.expectShortRun(false);
        }
        await(warmUp::ended);
        assertTrue(warmUp.compiled());
        assertEquals(1, starts.get());
        assertEquals(1, calls.get());
    }

    /**
     * The four bodies the spine simulation warms up are compiled by C2 in this JVM within two minutes of their
     * warm-up's start (a few seconds with the launcher's compile thresholds, which the test JVMs get too): their
     * warm-up inputs neither throw nor keep them interpreted. Calls over 1,000 spines, until each
     * has done its {@link BodyWarmUp#SCALAR_WORK_FIRST} spine updates, start them.
     */
    @Test
    void theSimulationsWarmingKernelsReachTheirCompiledBodies() throws InterruptedException {
        org.junit.jupiter.api.Assumptions.assumeTrue(VectorizationProvider.panamaLanes() > 0, "no Panama kernels");
        int heads = 100;
        double[] zeros = new double[heads];
        double[] rest = new double[heads];
        Arrays.fill(rest, 0.1);
        double[] minusSeventy = new double[heads];
        Arrays.fill(minusSeventy, -70);
        SpineStepArrays spines = new SpineStepArrays(heads, minusSeventy, rest.clone(), zeros.clone(), zeros.clone(),
                zeros.clone(), zeros.clone(), zeros.clone(), rest.clone(), zeros.clone(), rest.clone(), rest.clone(),
                null);
        SpineCircuit circuit = new SpineCircuit(SpineModel.defaults().circuit(0.1), 0.05);
        CamkiiStepRates rates = CamkiiPopulations.stepRates(CamkiiParameters.defaults(), 16);
        CamkiiStepState camkii = new CamkiiStepState(heads);
        Arrays.fill(camkii.konWeight, 192);
        Arrays.fill(camkii.residual, 1.0);
        double[] clock = new double[heads];
        Arrays.fill(clock, 1.0);
        double[] gluSum = new double[heads];
        Arrays.fill(gluSum, 2.0);
        double[] notPooled = new double[heads];
        Arrays.fill(notPooled, Double.NaN);
        int[] pending = new int[heads];
        VectorizationProvider.expectShortRun(false);
        // one call each starts its warm-up
        PanamaSpineStepKernel.WARMING.voltageRows(circuit, spines, heads);
        PanamaSpineStepKernel.WARMING.calcium(circuit, -70, spines, heads);
        PanamaCamkiiHazardKernel.WARMING.step(rates, 1e-4, rest, camkii, heads, pending);
        PanamaChannelClockKernel.WARMING.integrate(0.05, zeros, zeros, gluSum, zeros, notPooled, false, clock, heads,
                pending);

        BooleanSupplier allCompiled = () -> PanamaSpineStepKernel.WARMING.compiled()
                && PanamaCamkiiHazardKernel.WARMING.compiled() && PanamaChannelClockKernel.WARMING.compiled();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!allCompiled.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(PanamaSpineStepKernel.WARMING.compiled(), "spine step");
        assertTrue(PanamaCamkiiHazardKernel.WARMING.compiled(), "CaMKII hazard");
        assertTrue(PanamaChannelClockKernel.WARMING.compiled(), "channel clock");
    }

    /**
     * The SSA lanes of the simulation's provider: blocks run their scalar twin until the lanes' warm-up (started by
     * the first question, on W1's network and output grid) reports them compiled, within two minutes.
     */
    @Test
    void theSimulationsSsaLanesReachTheirCompiledForm() throws InterruptedException {
        org.junit.jupiter.api.Assumptions.assumeTrue(VectorizationProvider.panamaLanes() > 0, "no Panama kernels");
        VectorizationProvider warming = PanamaVectorizationProvider.WARMING;
        CompiledMassAction w1 = org.ltpsim.ssa.MassActionCompiler.compile(org.ltpsim.network.StandardNetworks
                .birthDeath());
        double[] timesSec = new double[51];
        for (int k = 0; k < timesSec.length; k++) {
            timesSec[k] = k;
        }
        assertTrue(PanamaVectorizationProvider.EAGER.ssaLanesCompiled(w1, timesSec), "eager: lanes from the start");
        assertFalse(VectorizationProvider.scalar().ssaLanesCompiled(w1, timesSec), "no lanes");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!warming.ssaLanesCompiled(w1, timesSec) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(warming.ssaLanesCompiled(w1, timesSec));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        WarmUps.await(condition);
    }
}
