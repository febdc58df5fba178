package org.ltpsim.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API twin of {@code ScalarChannelClockKernel}: one spine per lane, the same multiply and add in every lane
 * ({@code constSum + gluSum * g}, then {@code a0 * dt}, no fused multiply-add), the clock blended and stored
 * unmasked, the pending spines from one {@code VectorMask.toLong} per vector in ascending order: bitwise equal to the
 * scalar kernel at 4 and 8 lanes. Until C2 has compiled the body (one vector in under 2 us), each call sends one
 * vector through it and the rest through the scalar twin, as {@code PanamaCamkiiHazardKernel} does.
 */
final class PanamaChannelClockKernel implements ChannelClockKernel {
    private static final VectorSpecies<Double> SPECIES = PanamaVectorConstants.DOUBLES;
    static final PanamaChannelClockKernel INSTANCE = new PanamaChannelClockKernel();
    private static final long COMPILED_NANOS = 2_000;
    private static volatile boolean compiled;

    private PanamaChannelClockKernel() {}

    @Override
    public int integrate(double dtMs, double[] glutamateMilliMolar, double[] constSum, double[] gluSum,
            double[] liveSum, double[] poolSinceMs, boolean pooling, double[] clock, int count, int[] pending) {
        assert count <= glutamateMilliMolar.length && count <= clock.length && count <= pending.length;
        int limit = SPECIES.loopBound(count);
        int n;
        if (compiled || limit == 0) {
            n = integrateBody(dtMs, glutamateMilliMolar, constSum, gluSum, liveSum, poolSinceMs, pooling, clock,
                    limit, pending);
        } else { // warming up: one vector through the body, timed
            limit = SPECIES.length();
            long start = System.nanoTime();
            n = integrateBody(dtMs, glutamateMilliMolar, constSum, gluSum, liveSum, poolSinceMs, pooling, clock,
                    limit, pending);
            if (System.nanoTime() - start < COMPILED_NANOS) {
                compiled = true;
            }
        }
        // scalar tail (and the rest of the block while warming up)
        return ScalarChannelClockKernel.integrateRange(dtMs, glutamateMilliMolar, constSum, gluSum, liveSum,
                poolSinceMs, pooling, clock, limit, count, pending, n);
    }

    private static int integrateBody(double dtMs, double[] glutamateMilliMolar, double[] constSum, double[] gluSum,
            double[] liveSum, double[] poolSinceMs, boolean pooling, double[] clock, int limit, int[] pending) {
        final int lanes = SPECIES.length();
        final VectorMask<Double> none = SPECIES.maskAll(false);
        int n = 0;
        for (int s = 0; s < limit; s += lanes) {
            DoubleVector g = DoubleVector.fromArray(SPECIES, glutamateMilliMolar, s);
            DoubleVector since = DoubleVector.fromArray(SPECIES, poolSinceMs, s);
            VectorMask<Double> pooled = since.compare(VectorOperators.EQ, since); // false for NaN
            VectorMask<Double> valid = g.compare(VectorOperators.GE, 0.0)
                    .and(g.compare(VectorOperators.LT, Double.POSITIVE_INFINITY));
            VectorMask<Double> zero = pooling ? g.compare(VectorOperators.EQ, 0.0) : none;
            VectorMask<Double> steady = valid.and(pooled.eq(zero)); // valid glutamate, pool mode unchanged
            DoubleVector a0 = DoubleVector.fromArray(SPECIES, constSum, s)
                    .add(DoubleVector.fromArray(SPECIES, gluSum, s).mul(g))
                    .blend(DoubleVector.fromArray(SPECIES, liveSum, s), pooled);
            DoubleVector hazard = a0.mul(dtMs);
            DoubleVector c = DoubleVector.fromArray(SPECIES, clock, s);
            VectorMask<Double> positive = a0.compare(VectorOperators.GT, 0.0).and(steady);
            VectorMask<Double> runs = positive.and(c.compare(VectorOperators.GT, hazard));
            c.blend(c.sub(hazard), runs).intoArray(clock, s);
            // listed: mode change or invalid glutamate, or an event due (a0 > 0 and clock <= a0 dt)
            long busy = steady.not().or(positive.andNot(runs)).toLong();
            while (busy != 0) {
                pending[n++] = s + Long.numberOfTrailingZeros(busy);
                busy &= busy - 1;
            }
        }
        return n;
    }
}
