package org.ltpsim.bench;

/**
 * The JVM options of every benchmark fork: the Vector API module and the launcher's JIT settings (`ltpsim`): the
 * Panama kernels' compile threshold, the forced inlining of the kernels' vector helpers (without which C2 may leave
 * them out of line and box their vectors: W1 2x slower in 4 runs of 32), and the lanes' batch draw kept out of line.
 * Compile-time constants, so that {@code @Fork(jvmArgsAppend = ...)} can name them; {@code JitDirectivesTest} checks
 * that they name the launcher's methods.
 */
public final class BenchJvm {
    public static final String VECTOR_MODULE = "--add-modules=jdk.incubator.vector";
    public static final String QUIET = "-XX:CompileCommand=quiet";
    public static final String PANAMA_THRESHOLD =
            "-XX:CompileCommand=CompileThresholdScaling,org.ltpsim.simd.Panama*::*,0.05";
    public static final String INLINE_LANES_LOG = "-XX:CompileCommand=inline,org.ltpsim.simd.PanamaSsaLanes::log";
    public static final String INLINE_LANES_PROPENSITY =
            "-XX:CompileCommand=inline,org.ltpsim.simd.PanamaSsaLanes::propensity";
    public static final String INLINE_LANE_GENERATOR =
            "-XX:CompileCommand=inline,org.ltpsim.simd.PanamaXoShiRo256PlusPlus::next";
    public static final String DONTINLINE_LANES_REFILL =
            "-XX:CompileCommand=dontinline,org.ltpsim.simd.PanamaSsaLanes::refill";
    public static final String INLINE_FIXED_COLUMN =
            "-XX:CompileCommand=inline,org.ltpsim.simd.PanamaFixedStepKernel::column";
    public static final String INLINE_FIXED_PICK =
            "-XX:CompileCommand=inline,org.ltpsim.simd.PanamaFixedStepKernel::pick";

    private BenchJvm() {}
}
