package org.ltpsim.channels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ltpsim.rng.RandomStreams;
import org.ltpsim.simd.ChannelClockKernel;
import org.ltpsim.simd.PanamaWidth;
import org.ltpsim.simd.VectorizationProvider;

/**
 * The Vector API event-free pass of the channel populations at 4 and 8 lanes against its scalar twin: bitwise equal
 * on sizes that hit every tail (each width in the JVM of that width; the other skips), and whole populations (AMPA
 * and NMDA, pooled and plain) equal channel by channel.
 */
@Tag("simd-kernels")
class ChannelClockKernelTest {
    private static final ChannelClockKernel SCALAR = VectorizationProvider.scalar().channelClockKernel();

    @ParameterizedTest(name = "{0} lanes")
    @ValueSource(ints = {4, 8})
    void panamaEqualsScalarOnEveryTailLength(int lanes) {
        ChannelClockKernel panama = PanamaWidth.assume(lanes).channelClockKernel();
        int[] sizes = {1, lanes - 1, lanes, lanes + 1, 2 * lanes + 3, 13, 1000, 4098};
        SplittableRandom random = new SplittableRandom(9);
        for (int repeat = 0; repeat < 3; repeat++) { // the first calls run the warm-up path, later ones the body
            for (boolean pooling : new boolean[] {false, true}) {
                for (int size : sizes) {
                    double[] glu = new double[size];
                    double[] constSum = new double[size];
                    double[] gluSum = new double[size];
                    double[] liveSum = new double[size];
                    double[] since = new double[size];
                    double[] clock = new double[size];
                    for (int s = 0; s < size; s++) {
                        int kind = random.nextInt(12);
                        glu[s] = kind == 0 ? Double.NaN : kind == 1 ? -1 : kind == 2 ? Double.POSITIVE_INFINITY
                                : kind < 7 ? 0.0 : random.nextDouble();
                        constSum[s] = random.nextInt(8) == 0 ? 0.0 : random.nextDouble() * 50;
                        gluSum[s] = random.nextDouble() * 1000;
                        liveSum[s] = random.nextInt(4) == 0 ? 0.0 : random.nextDouble() * 10;
                        since[s] = random.nextBoolean() ? Double.NaN : random.nextDouble();
                        clock[s] = random.nextDouble() * 0.2;
                    }
                    if (size >= 2) {
                        // whatever the width and the draws: the first spine quiet, the last with an event due
                        glu[0] = 0.5;
                        since[0] = Double.NaN;
                        constSum[0] = 1;
                        gluSum[0] = 0;
                        clock[0] = 10;
                        glu[size - 1] = 0.5;
                        since[size - 1] = Double.NaN;
                        constSum[size - 1] = 1000;
                        clock[size - 1] = 1e-9;
                    }
                    double[] c1 = clock.clone();
                    double[] c2 = clock.clone();
                    int[] p1 = new int[size];
                    int[] p2 = new int[size];
                    int n1 = SCALAR.integrate(0.05, glu, constSum, gluSum, liveSum, since, pooling, c1, size, p1);
                    int n2 = panama.integrate(0.05, glu, constSum, gluSum, liveSum, since, pooling, c2, size, p2);
                    assertEquals(n1, n2, "size " + size);
                    assertArrayEquals(Arrays.copyOf(p1, n1), Arrays.copyOf(p2, n2), "size " + size);
                    for (int s = 0; s < size; s++) {
                        assertEquals(Double.doubleToRawLongBits(c1[s]), Double.doubleToRawLongBits(c2[s]),
                                "size " + size + " spine " + s);
                    }
                    assertTrue(n1 > 0 && n1 < size || size < 2, "both branches exercised at size " + size);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} lanes")
    @ValueSource(ints = {4, 8})
    void populationsWithEitherKernelAreBitwiseEqual(int lanes) {
        ChannelClockKernel panama = PanamaWidth.assume(lanes).channelClockKernel();
        for (KineticScheme scheme : new KineticScheme[] {KineticScheme.ampaDestexhe1998(),
                KineticScheme.nmdaLesterJahr1992()}) {
            for (boolean pool : new boolean[] {false, true}) {
                int spines = 3 * lanes + 5;
                int[] counts = new int[spines];
                Arrays.fill(counts, 20);
                counts[1] = 0;
                EventDrivenChannelPopulation a = new EventDrivenChannelPopulation(scheme, counts,
                        RandomStreams.forBlock(4, "clock-kernel", 0), Double.POSITIVE_INFINITY, pool, false, SCALAR);
                EventDrivenChannelPopulation b = new EventDrivenChannelPopulation(scheme, counts,
                        RandomStreams.forBlock(4, "clock-kernel", 0), Double.POSITIVE_INFINITY, pool, false, panama);
                double[] glu = new double[spines];
                for (int step = 0; step < 6000; step++) {
                    for (int s = 0; s < spines; s++) {
                        // per-spine trains: a 1 mM x 1 ms pulse every (5 + s % 7) ms, zero between
                        int period = (5 + s % 7) * 20;
                        glu[s] = step % period < 20 ? Math.exp(-(step % period) * 0.05 / 1.2) : 0.0;
                    }
                    a.advance(0.05, glu);
                    b.advance(0.05, glu);
                    for (int s = 0; s < spines; s++) {
                        assertEquals(a.openCount(s), b.openCount(s));
                    }
                }
                assertEquals(a.transitionCount(), b.transitionCount());
                assertTrue(a.transitionCount() > 2_000, "transitions: " + a.transitionCount());
                for (int id = 0; id < 20 * (spines - 1); id++) {
                    assertEquals(a.state(id), b.state(id), scheme.name() + " pool " + pool + " channel " + id);
                }
            }
        }
    }
}
