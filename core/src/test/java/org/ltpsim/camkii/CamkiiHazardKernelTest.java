package org.ltpsim.camkii;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ltpsim.rng.RandomStreams;
import org.ltpsim.simd.CamkiiHazardKernel;
import org.ltpsim.simd.CamkiiStepRates;
import org.ltpsim.simd.CamkiiStepState;
import org.ltpsim.simd.PanamaWidth;
import org.ltpsim.simd.VectorizationProvider;

/**
 * The Vector API step kernel at 4 and 8 lanes against its scalar twin: bitwise equal on sizes that hit every tail
 * (each width runs in the JVM of that width; the other skips), and the scalar reference against the model's own
 * formulas ({@link CamkiiParameters}).
 */
@Tag("simd-kernels")
class CamkiiHazardKernelTest {
    private static final CamkiiHazardKernel SCALAR = VectorizationProvider.scalar().camkiiHazardKernel();

    static CamkiiHazardKernel panama(int lanes) {
        return PanamaWidth.assume(lanes).camkiiHazardKernel();
    }

    /** Default rates; PP1 control off; inhibitor-1 ratio 0 (free fraction 1): the kernel's three Vmax branches. */
    private static CamkiiStepRates[] rateVariants() {
        CamkiiParameters p = CamkiiParameters.defaults();
        return new CamkiiStepRates[] {CamkiiPopulations.stepRates(p, 16),
                CamkiiPopulations.stepRates(p.withPp1CalciumControl(false), 16),
                CamkiiPopulations.stepRates(withRatio(p, 0), 4)};
    }

    private static CamkiiParameters withRatio(CamkiiParameters p, double ratio) {
        return CamkiiParameters.from(org.ltpsim.params.ParameterSet.defaults("camkii")
                .with("pp1_activation.i1_over_ki", Double.toString(ratio)));
    }

    @ParameterizedTest(name = "{0} lanes")
    @ValueSource(ints = {4, 8})
    void panamaEqualsScalarOnEveryTailLength(int lanes) {
        CamkiiHazardKernel panama = panama(lanes);
        int[] sizes = {1, lanes - 1, lanes, lanes + 1, 2 * lanes + 3, 13, 1000, 4098};
        SplittableRandom random = new SplittableRandom(5);
        for (CamkiiStepRates rates : rateVariants()) {
            for (int size : sizes) {
                double[] ca = new double[size];
                CamkiiStepState a = new CamkiiStepState(size);
                for (int s = 0; s < size; s++) {
                    int kind = random.nextInt(20);
                    ca[s] = kind == 0 ? Double.NaN : kind == 1 ? -0.1 : kind == 2 ? 0.0
                            : kind < 6 ? 0.1 : random.nextDouble() * 10; // rest, zero, invalid, a range
                    a.konWeight[s] = random.nextInt(193);
                    a.constantHz[s] = random.nextDouble() * 200;
                    a.phosphorylated[s] = random.nextInt(193);
                    a.i1Phospho[s] = random.nextDouble(); // above and below PP1/I1 = 0.3: both free-PP1 branches
                    a.residual[s] = random.nextInt(20) == 0 ? 0.0 : random.nextDouble() * 0.05;
                }
                if (size >= 2) {
                    // whatever the vector width and the draws: the first spine is quiet, the last has an event
                    ca[0] = 0.1;
                    a.residual[0] = 1.0;
                    ca[size - 1] = 5.0;
                    a.residual[size - 1] = 0.0;
                }
                CamkiiStepState b = copy(a, size);
                int[] p1 = new int[size];
                int[] p2 = new int[size];
                int n1 = SCALAR.step(rates, 1e-4, ca, a, size, p1);
                int n2 = panama.step(rates, 1e-4, ca, b, size, p2);
                assertEquals(n1, n2, "size " + size);
                assertArrayEquals(Arrays.copyOf(p1, n1), Arrays.copyOf(p2, n2), "size " + size);
                for (int s = 0; s < size; s++) {
                    String at = "size " + size + " spine " + s + " ca " + ca[s];
                    assertEquals(bits(a.residual[s]), bits(b.residual[s]), at);
                    assertEquals(bits(a.konHz[s]), bits(b.konHz[s]), at);
                    assertEquals(bits(a.vmaxHz[s]), bits(b.vmaxHz[s]), at);
                    assertEquals(bits(a.i1Phospho[s]), bits(b.i1Phospho[s]), at);
                }
                assertTrue(n1 > 0 && n1 < size || size < 2, "both branches exercised at size " + size);
            }
        }
    }

    private static long bits(double v) {
        return Double.doubleToRawLongBits(v);
    }

    private static CamkiiStepState copy(CamkiiStepState a, int size) {
        CamkiiStepState b = new CamkiiStepState(size);
        System.arraycopy(a.konWeight, 0, b.konWeight, 0, size);
        System.arraycopy(a.constantHz, 0, b.constantHz, 0, size);
        System.arraycopy(a.phosphorylated, 0, b.phosphorylated, 0, size);
        System.arraycopy(a.i1Phospho, 0, b.i1Phospho, 0, size);
        System.arraycopy(a.residual, 0, b.residual, 0, size);
        return b;
    }

    @Test
    void scalarReferenceEqualsTheModelFormulas() {
        CamkiiParameters p = CamkiiParameters.defaults();
        CamkiiStepRates rates = CamkiiPopulations.stepRates(p, 16);
        double vmaxRest = p.pp1VmaxHz(16);
        double i1Rest = p.i1PhosphoSteady(p.pp1RestMicroMolar());
        for (double ca : new double[] {0, 0.05, 0.1, 0.7, 1, 3.3, 20}) {
            // kon and calcineurin by multiplication against Math.pow: within 4 ulps
            assertEquals(p.camOnHz(ca), rates.konHz(ca), 4 * Math.ulp(p.camOnHz(ca)) + 1e-300, "kon at " + ca);
            double x = Math.pow(ca / p.canHalfMicroMolar(), p.canHill());
            assertEquals(x / (1 + x), rates.calcineurinActivity(ca), 4 * Math.ulp(x / (1 + x)) + 1e-300);
        }
        for (double i1 : new double[] {0, 0.1, 0.29, 0.3, 0.31, 0.77, 1}) {
            // Vmax: the same operations as CamkiiParameters.pp1FreeFraction, bit for bit
            assertEquals(vmaxRest / p.pp1FreeFraction(i1Rest) * p.pp1FreeFraction(i1), rates.vmaxHz(i1), 0.0);
        }
        // phospho-I1 over one step: the Taylor form against Math.exp, relative 1e-15
        for (double ca : new double[] {0.1, 1, 10}) {
            for (double dt : new double[] {5e-5, 2.5e-4, 1e-3, 9e-3}) {
                double h = rates.calcineurinActivity(ca);
                double k = p.i1PkaHz() + p.i1CanMaxHz() * h;
                double s = p.i1PkaHz() / k;
                double exact = s + (0.77 - s) * Math.exp(-k * dt);
                assertEquals(exact, rates.relaxation(0.77, h, dt), 1e-15 * exact);
            }
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
                // some spines pulse, some rest, calcium changing every step in some
                ca[s] = (s % 3 == 0 && step >= 5_000 && step < 9_000) ? 1.0
                        : s % 3 == 1 ? 0.1 + 0.5 * Math.exp(-step * 1e-3) : 0.1;
            }
            scalar.advance(1e-4, ca);
            panama.advance(1e-4, ca);
            if (step % 5000 == 4999) {
                scalar.advanceUniform(0.5, 0.1);
                panama.advanceUniform(0.5, 0.1);
            }
        }
        assertEquals(scalar.eventCount(), panama.eventCount());
        for (int s = 0; s < spines; s++) {
            assertEquals(bits(scalar.i1Phospho(s)), bits(panama.i1Phospho(s)));
            for (int i = 0; i < scalar.subunitCount(s); i++) {
                assertEquals(scalar.subunitState(s, i), panama.subunitState(s, i));
            }
        }
        assertTrue(scalar.eventCount() > 100, "events: " + scalar.eventCount());
    }
}
