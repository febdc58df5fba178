package org.ltpsim.simd;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Every {@link VectorSpecies} the Panama kernels use, in one place (Lucene's {@code PanamaVectorConstants}).
 *
 * <p>The kernels' width is one per JVM: {@link VectorizationProvider#panamaLanes()}, 8 lanes with AVX-512, 4 with
 * AVX2 (or {@code -XX:UseAVX=2}, or {@code -Dltpsim.vectorization.lanes=4}). The species are {@code static final},
 * so C2 treats them as constants and compiles the Vector API calls to vector instructions; a species that is not a
 * compile-time constant (two widths mixed in one JVM behind one call site) sends every call down the Java fallback
 * path, several times slower than scalar code. Tests cover the other width in a second JVM.
 *
 * <p>Loaded only when the module {@code jdk.incubator.vector} is present and {@code panamaLanes() > 0}.
 */
final class PanamaVectorConstants {
    /** Lanes of the kernels' double and long vectors: 4 or 8. */
    static final int LANES = VectorizationProvider.panamaLanes();
    /** The kernels' double vectors. */
    static final VectorSpecies<Double> DOUBLES = LANES == 8 ? DoubleVector.SPECIES_512 : DoubleVector.SPECIES_256;
    /** The kernels' long vectors: as many lanes as {@link #DOUBLES}. */
    static final VectorSpecies<Long> LONGS = LANES == 8 ? LongVector.SPECIES_512 : LongVector.SPECIES_256;
    /** 8 bytes: one group of {@link LaneRandom#LANES} channel slots. */
    static final VectorSpecies<Byte> BYTE_64 = ByteVector.SPECIES_64;

    static {
        if (LANES != 4 && LANES != 8) {
            throw new IllegalStateException("no Panama kernels in this JVM (panamaLanes = " + LANES + ")");
        }
    }

    private PanamaVectorConstants() {}

    /** The hardware probe, apart so that reading it does not fix the kernels' width. */
    static final class Preferred {
        /**
         * Lanes of this machine's preferred double (and long) vector: 8 with AVX-512, 4 with AVX2 (or
         * {@code -XX:UseAVX=2}), 2 with SSE or NEON.
         */
        static final int LANES = Math.min(DoubleVector.SPECIES_PREFERRED.length(),
                LongVector.SPECIES_PREFERRED.length());

        private Preferred() {}
    }
}
