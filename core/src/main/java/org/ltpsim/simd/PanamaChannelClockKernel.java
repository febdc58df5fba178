package org.ltpsim.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API twin of {@code ScalarChannelClockKernel}: one spine per lane, the same multiply and add in every lane
 * ({@code constSum + gluSum * g}, then {@code a0 * dt}, no fused multiply-add), the clock blended and stored
 * unmasked, the pending spines from one {@code VectorMask.toLong} per vector in ascending order: bitwise equal to the
 * scalar kernel at 4 and 8 lanes. {@link #WARMING} (the simulation's) runs the scalar twin until {@link BodyWarmUp}
 * has the body compiled; {@link #EAGER} runs the body from the first call.
 */
final class PanamaChannelClockKernel implements ChannelClockKernel {
    private static final VectorSpecies<Double> SPECIES = PanamaVectorConstants.DOUBLES;
    static final PanamaChannelClockKernel EAGER = new PanamaChannelClockKernel(null);
    static final PanamaChannelClockKernel WARMING =
            new PanamaChannelClockKernel(new BodyWarmUp("PanamaChannelClockKernel.integrate"));

    private final BodyWarmUp warmUp; // null: the body from the first call

    PanamaChannelClockKernel(BodyWarmUp warmUp) {
        this.warmUp = warmUp;
    }

    /** Whether the vector bodies run (always for {@link #EAGER}; once compiled for {@link #WARMING}). */
    boolean compiled() {
        return warmUp == null || warmUp.compiled();
    }

    @Override
    public int integrate(double dtMs, double[] glutamateMilliMolar, double[] constSum, double[] gluSum,
            double[] liveSum, double[] poolSinceMs, boolean pooling, double[] clock, int count, int[] pending) {
        assert count <= glutamateMilliMolar.length && count <= clock.length && count <= pending.length;
        int limit = SPECIES.loopBound(count);
        if (warmUp != null && !warmUp.compiled()) {
            if (warmUp.wantsStart()) {
                warmUp.startOnce(() -> warmUpCall(dtMs, glutamateMilliMolar, constSum, gluSum, liveSum, poolSinceMs,
                        pooling, clock, count));
            }
            limit = 0;
        }
        int n = limit > 0 ? integrateBody(dtMs, glutamateMilliMolar, constSum, gluSum, liveSum, poolSinceMs, pooling,
                clock, limit, pending) : 0;
        // the tail (all of the block while warming up)
        return ScalarChannelClockKernel.integrateRange(dtMs, glutamateMilliMolar, constSum, gluSum, liveSum,
                poolSinceMs, pooling, clock, limit, count, pending, n);
    }

    /**
     * The warm-up's own three vectors of spines: the caller's first {@code count} as they are; spines with
     * glutamate, half of them with an event due; spines without, half in pool mode and half entering it. Every path
     * of the body is compiled. Nanoseconds per vector.
     */
    private static BodyWarmUp.TimedCall warmUpCall(double dtMs, double[] glutamateMilliMolar, double[] constSum,
            double[] gluSum, double[] liveSum, double[] poolSinceMs, boolean pooling, double[] callerClock, int count) {
        final int lanes = SPECIES.length();
        final int size = 3 * lanes;
        double[] g = new double[size];
        double[] constant = new double[size];
        double[] perGlutamate = new double[size];
        double[] live = new double[size];
        double[] since = new double[size];
        double[] clockStart = new double[size];
        for (int s = 0; s < size; s++) {
            int vector = s / lanes;
            int from = s % count;
            boolean caller = vector == 0;
            g[s] = caller ? glutamateMilliMolar[from] : vector == 1 ? 0.5 : 0.0;
            constant[s] = caller ? constSum[from] : 0.1;
            perGlutamate[s] = caller ? gluSum[from] : 2.0;
            live[s] = caller ? liveSum[from] : 0.05;
            since[s] = caller ? poolSinceMs[from] : vector == 2 && s % 2 == 0 ? 0.0 : Double.NaN;
            clockStart[s] = caller ? callerClock[from] : s % 2 == 0 ? 1.0 : 0.0;
        }
        double[] clock = new double[size];
        int[] pending = new int[size];
        return () -> {
            System.arraycopy(clockStart, 0, clock, 0, size);
            long t0 = System.nanoTime();
            integrateBody(dtMs, g, constant, perGlutamate, live, since, pooling, clock, size, pending);
            return (System.nanoTime() - t0) / 3;
        };
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
