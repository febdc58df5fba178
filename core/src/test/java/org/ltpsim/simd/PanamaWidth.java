package org.ltpsim.simd;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Test helper: the Panama kernels at a given width, or the test is skipped. A JVM runs one width
 * ({@link VectorizationProvider#panamaLanes()}); the build's default test run covers the machine's width and the
 * {@code panama-4-lanes} run (core/pom.xml) the 4-lane kernels on an AVX-512 machine.
 */
public final class PanamaWidth {
    private PanamaWidth() {}

    /** The Panama provider at {@code lanes} lanes; skips the calling test (an assumption) in a JVM of another width. */
    public static VectorizationProvider assume(int lanes) {
        assumeTrue(VectorizationProvider.panamaLanes() == lanes, "this JVM runs "
                + (VectorizationProvider.panamaLanes() == 0 ? "no Panama kernels"
                        : VectorizationProvider.panamaLanes() + "-lane Panama kernels")
                + " (nativeLanes = " + VectorizationProvider.nativeLanes() + "); " + lanes + " lanes run in a JVM with "
                + (lanes == 4 ? "-Dltpsim.vectorization.lanes=4 or -XX:UseAVX=2" : "AVX-512"));
        return VectorizationProvider.panama(lanes);
    }
}
