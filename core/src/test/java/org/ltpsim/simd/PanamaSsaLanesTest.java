package org.ltpsim.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ltpsim.rng.RandomStreams;
import org.ltpsim.rng.SsaVariates;

/** The lane kernel's building blocks at 4 and 8 lanes: the vector logarithm and the lane generator. */
@Tag("simd-kernels")
class PanamaSsaLanesTest {
    @ParameterizedTest(name = "{0} lanes")
    @ValueSource(ints = {4, 8})
    void vectorLogEqualsScalarLogBitForBit(int lanes) {
        PanamaWidth.assume(lanes);
        SplittableRandom random = new SplittableRandom(3);
        for (int n : new int[] {1, lanes - 1, lanes, lanes + 1, 13, 1001, 4098}) {
            double[] in = new double[n];
            for (int i = 0; i < n; i++) {
                in[i] = i % 3 == 0 ? 2.0 - (SsaVariates.uniform(random.nextLong()) + 1.0)
                        : Math.exp(random.nextDouble(-40, 40));
            }
            in[0] = n == 1 ? 0x1p-52 : in[0];
            double[] vector = new double[n];
            PanamaSsaLanes.logInto(in, vector);
            for (int i = 0; i < n; i++) {
                assertEquals(Double.doubleToRawLongBits(SsaVariates.log(in[i])), Double.doubleToRawLongBits(vector[i]),
                        "log(" + in[i] + ")");
            }
        }
    }

    @ParameterizedTest(name = "{0} lanes")
    @ValueSource(ints = {4, 8})
    void laneGeneratorReproducesCommonsXoShiRo256PlusPlusInEveryLane(int lanes) {
        PanamaWidth.assume(lanes);
        // word-major state, words lanes + 3 apart, from offset 2: the generator must honour both
        int stride = lanes + 3;
        long[] words = new long[2 + 4 * stride];
        XoShiRo256PlusPlus[] scalar = new XoShiRo256PlusPlus[lanes];
        for (int lane = 0; lane < lanes; lane++) {
            long[] state = RandomStreams.xoshiroState(99, "lanes-test", lane);
            for (int w = 0; w < 4; w++) {
                words[2 + w * stride + lane] = state[w];
            }
            scalar[lane] = new XoShiRo256PlusPlus(state);
        }
        long[] out = new long[lanes];
        for (int draw = 0; draw < 10_000; draw++) {
            PanamaXoShiRo256PlusPlus.next(words, 2, stride, out, 0);
            for (int lane = 0; lane < lanes; lane++) {
                assertEquals(scalar[lane].nextLong(), out[lane], "draw " + draw + " lane " + lane);
            }
        }
    }
}
