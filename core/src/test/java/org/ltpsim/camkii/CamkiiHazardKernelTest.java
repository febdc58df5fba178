package org.ltpsim.camkii;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ltpsim.rng.RandomStreams;
import org.ltpsim.simd.CamkiiHazardKernel;
import org.ltpsim.simd.PanamaWidth;
import org.ltpsim.simd.VectorizationProvider;

/** The Vector API hazard kernel at 4 and 8 lanes against its scalar twin: bitwise equal on sizes that hit every tail. */
@Tag("simd-kernels")
class CamkiiHazardKernelTest {
    private static final CamkiiHazardKernel SCALAR = VectorizationProvider.scalar().camkiiHazardKernel();

    static CamkiiHazardKernel panama(int lanes) {
        return PanamaWidth.assume(lanes).camkiiHazardKernel();
    }

    @ParameterizedTest(name = "{0} lanes")
    @ValueSource(ints = {4, 8})
    void panamaEqualsScalarOnEveryTailLength(int lanes) {
        CamkiiHazardKernel panama = panama(lanes);
        int[] sizes = {1, lanes - 1, lanes, lanes + 1, 2 * lanes + 3, 13, 1000, 4098};
        SplittableRandom random = new SplittableRandom(5);
        for (int size : sizes) {
            double[] ca = new double[size];
            double[] cached = new double[size];
            double[] a0 = new double[size];
            double[] residual = new double[size];
            for (int s = 0; s < size; s++) {
                ca[s] = random.nextInt(4) == 0 ? 0.5 : 0.1; // a quarter changed calcium
                cached[s] = random.nextInt(10) == 0 ? Double.NaN : 0.1;
                a0[s] = random.nextInt(10) == 0 ? Double.NaN : random.nextDouble() * 100;
                residual[s] = random.nextInt(20) == 0 ? a0[s] * 1e-4 : random.nextDouble() * 0.02; // ties too
            }
            if (size >= 2) {
                // whatever the vector width and the draws: the first spine is quiet, the last needs the event loop
                ca[0] = cached[0] = 0.1;
                a0[0] = 1.0;
                residual[0] = 0.5;
                ca[size - 1] = 0.5;
            }
            double[] r1 = residual.clone();
            double[] r2 = residual.clone();
            int[] p1 = new int[size];
            int[] p2 = new int[size];
            int n1 = SCALAR.integrate(1e-4, ca, cached, a0, r1, size, p1);
            int n2 = panama.integrate(1e-4, ca, cached, a0, r2, size, p2);
            assertEquals(n1, n2, "size " + size);
            assertArrayEquals(Arrays.copyOf(p1, n1), Arrays.copyOf(p2, n2), "size " + size);
            for (int s = 0; s < size; s++) {
                assertEquals(Double.doubleToRawLongBits(r1[s]), Double.doubleToRawLongBits(r2[s]), "size " + size);
            }
            assertEquals(true, n1 > 0 && n1 < size || size < 2, "both branches exercised at size " + size);
        }
    }

    @ParameterizedTest(name = "{0} lanes")
    @ValueSource(ints = {4, 8})
    void populationsWithEitherKernelAreBitwiseEqual(int lanes) {
        CamkiiParameters p = CamkiiParameters.defaults();
        int spines = 2 * lanes + 3;
        HoloenzymePopulation scalar = new HoloenzymePopulation(p, spines, 4,
                RandomStreams.forBlock(8, "camkii", 0), false, SCALAR);
        HoloenzymePopulation panama = new HoloenzymePopulation(p, spines, 4,
                RandomStreams.forBlock(8, "camkii", 0), false, panama(lanes));
        double[] ca = new double[spines];
        for (int step = 0; step < 20_000; step++) {
            for (int s = 0; s < spines; s++) {
                // some spines pulse, some rest, calcium piecewise constant over runs of steps
                ca[s] = (s % 3 == 0 && step >= 5_000 && step < 9_000) ? 1.0 : 0.1;
            }
            scalar.advance(1e-4, ca);
            panama.advance(1e-4, ca);
        }
        assertEquals(scalar.eventCount(), panama.eventCount());
        for (int s = 0; s < spines; s++) {
            for (int i = 0; i < scalar.subunitCount(s); i++) {
                assertEquals(scalar.subunitState(s, i), panama.subunitState(s, i));
            }
        }
        assertEquals(true, scalar.eventCount() > 100, "events: " + scalar.eventCount());
    }
}
