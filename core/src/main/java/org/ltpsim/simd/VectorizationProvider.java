package org.ltpsim.simd;

import java.lang.System.Logger.Level;
import java.util.Locale;

/**
 * The one place that decides between the scalar kernels and their Vector API (Panama) twins, after Lucene's
 * {@code VectorizationProvider}. Model code (camkii, channels, ssa) gets every kernel from here and never names an
 * implementation; nothing outside this package touches {@code jdk.incubator.vector}.
 *
 * <p>{@link #getInstance()} probes once, on first use:
 * <ol>
 *   <li>{@code -Dltpsim.vectorization=scalar} (or the older {@code -Dltpsim.scalar=true}): scalar kernels;</li>
 *   <li>the module {@code jdk.incubator.vector} absent (the JVM was started without
 *       {@code --add-modules jdk.incubator.vector}): scalar kernels, and a warning that names the flag;</li>
 *   <li>the machine's preferred double vector shorter than 4 lanes (SSE, NEON, {@code -XX:UseAVX=1}): scalar
 *       kernels;</li>
 *   <li>otherwise Panama kernels at 8 lanes where the preferred vector has 8 (AVX-512), else at 4 (AVX2).
 *       {@code -Dltpsim.vectorization.lanes=4} narrows an AVX-512 machine to the 4-lane kernels.</li>
 * </ol>
 * In case 4 the per-step kernels of the spine simulation run their scalar twins until C2 has compiled their vector
 * bodies, which a daemon thread gets done ({@link BodyWarmUp}): the simulation never waits on the Vector API's slow
 * Java fallback; in a process announced as short ({@link #expectShortRun}) they stay scalar.
 * {@code -Dltpsim.vectorization=panama} insists on the Panama kernels, from the first call: where case 2 or 3 holds,
 * the first use fails with an {@link IllegalStateException} saying why. The choice is logged once through
 * {@link System.Logger} ({@code org.ltpsim.simd.VectorizationProvider}): the missing module at WARNING, everything
 * else at DEBUG, so a normal run prints nothing.
 *
 * <p>The Panama width is one per JVM ({@link #panamaLanes()}): the kernels' vector species are compile-time
 * constants ({@code PanamaVectorConstants}), which C2 needs to emit vector instructions. To test the other width,
 * run a second JVM: {@code -XX:UseAVX=2} (the AVX2 path on an AVX-512 machine) or
 * {@code -Dltpsim.vectorization.lanes=4}.
 *
 * <p>Every kernel's results are bitwise those of its scalar twin at either lane count: random streams belong to a
 * realisation, a spine or a fixed lane of {@link LaneRandom}, never to a vector, so outputs are the same bytes on
 * any CPU. Tests reach a given implementation through {@link #scalar()} and {@link #panama(int)}.
 */
public abstract class VectorizationProvider {
    /** System property: {@code auto} (the default), {@code scalar} or {@code panama}. */
    public static final String MODE_PROPERTY = "ltpsim.vectorization";
    /** System property: {@code 4} or {@code 8}, the Panama lane count (default: the widest the machine runs). */
    public static final String LANES_PROPERTY = "ltpsim.vectorization.lanes";
    /** The JVM flag that enables the Vector API. */
    public static final String MODULE_FLAG = "--add-modules jdk.incubator.vector";

    private static final String MODULE = "jdk.incubator.vector";
    private static final System.Logger LOG = System.getLogger(VectorizationProvider.class.getName());

    VectorizationProvider() {}

    /** The kernels this JVM runs: chosen on the first call (see above), the same object ever after. */
    public static VectorizationProvider getInstance() {
        return Chosen.INSTANCE;
    }

    /** The scalar reference kernels, whatever the machine. */
    public static VectorizationProvider scalar() {
        return DefaultVectorizationProvider.INSTANCE;
    }

    /**
     * The Panama kernels at {@code lanes} (4 or 8) lanes, for tests and benchmarks, whatever
     * {@code -Dltpsim.vectorization} says.
     *
     * @throws UnsupportedOperationException unless {@code lanes == }{@link #panamaLanes()}: the Vector API is
     *         absent, the machine's vectors are narrower, or this JVM runs the other width
     */
    public static VectorizationProvider panama(int lanes) {
        if (lanes != 4 && lanes != 8) {
            throw new IllegalArgumentException("Panama kernels have 4 or 8 lanes: " + lanes);
        }
        if (lanes != panamaLanes()) {
            throw new UnsupportedOperationException("no " + lanes + "-lane kernels in this JVM (panamaLanes = "
                    + panamaLanes() + "; " + Probe.describe() + ")");
        }
        return PanamaVectorizationProvider.EAGER;
    }

    /**
     * The widest Panama kernels the machine runs natively: 8 (AVX-512), 4 (AVX2), or 0 when the Vector API is
     * absent or the preferred double vector has fewer than 4 lanes. Ignores the system properties.
     */
    public static int nativeLanes() {
        return Probe.NATIVE_LANES;
    }

    /**
     * The width of this JVM's Panama kernels: {@link #nativeLanes()}, or 4 where
     * {@code -Dltpsim.vectorization.lanes=4} narrows an 8-lane machine; 0 when there are none. Fixed for the life of
     * the JVM (it does not depend on {@code -Dltpsim.vectorization}, which only decides whether
     * {@link #getInstance()} uses them).
     */
    public static int panamaLanes() {
        return Width.LANES;
    }

    /**
     * Tells the kernels whether the process, with the run about to start, is too short for the SIMD kernels to repay
     * the JIT's work on them (~1 s of CPU): then the per-step kernels stay on their scalar twins; otherwise they switch
     * to the vector bodies as soon as a daemon thread has them compiled ({@link BodyWarmUp}). Speed only: the results
     * are the same bits either way. The spine simulation calls this before each run (counting the process's runs
     * together); until then a process counts as long.
     */
    public static void expectShortRun(boolean shortRun) {
        BodyWarmUp.expectShortRun(shortRun);
    }

    /** Short description for logs and reports, e.g. {@code scalar} or {@code panama-512 (8 lanes)}. */
    public abstract String name();

    /** Lanes of the kernels' vectors: 1 for the scalar provider, else 4 or 8. */
    public abstract int lanes();

    /** The event-free CaMKII fast-step pass (stateless; shared by all threads). */
    public abstract CamkiiHazardKernel camkiiHazardKernel();

    /** The event-free pass of the event-driven channel populations (stateless; shared by all threads). */
    public abstract ChannelClockKernel channelClockKernel();

    /** The fixed-step channel kernel (stateless; shared by all threads). */
    public abstract FixedStepKernel fixedStepKernel();

    /** The per-spine arithmetic of a branch step (voltage rows, calcium). */
    public abstract SpineStepKernel spineStepKernel();

    /**
     * Whether {@link #ssaLanes} is available; the scalar provider has none (the engine runs the scalar direct
     * method instead).
     */
    public abstract boolean hasSsaLanes();

    /**
     * Whether a block should run {@link #ssaLanes} now rather than their scalar twin, the scalar direct method (the
     * same trajectories and events, bit for bit): true from the first call for tests, benchmarks and
     * {@code -Dltpsim.vectorization=panama}; in a default run the first call starts the lanes' warm-up on {@code net}
     * off the caller's thread ({@link BodyWarmUp}), and this says true once C2 has compiled them. False where there
     * are no lanes.
     */
    public boolean ssaLanesCompiled(CompiledMassAction net, double[] timesSec) {
        return hasSsaLanes();
    }

    /**
     * A direct-method lane kernel for one block of realisations of {@code net}, recording at {@code timesSec}, each
     * realisation r on the stream {@code RandomStreams.forBlock(seed, streamPurpose, r)}. One per block: it holds
     * the block's lane state.
     *
     * @throws UnsupportedOperationException when {@link #hasSsaLanes()} is false
     */
    public abstract LaneBlockKernel ssaLanes(CompiledMassAction net, double[] timesSec, String streamPurpose);

    @Override
    public String toString() {
        return name();
    }

    /** What the machine offers, computed once and independent of the system properties. */
    private static final class Probe {
        static final boolean MODULE_PRESENT = ModuleLayer.boot().findModule(MODULE).isPresent();
        /** Lanes of the preferred double vector, 0 when the module is absent (the class is then never loaded). */
        static final int PREFERRED_LANES = MODULE_PRESENT ? PanamaVectorConstants.Preferred.LANES : 0;
        static final int NATIVE_LANES = PREFERRED_LANES >= 8 ? 8 : PREFERRED_LANES >= 4 ? 4 : 0;

        private Probe() {}

        static String describe() {
            return MODULE_PRESENT ? "preferred double vector: " + PREFERRED_LANES + " lanes"
                    : MODULE + " not enabled; pass " + MODULE_FLAG + " to the JVM";
        }
    }

    /** The Panama kernels' width: the machine's, or narrower by {@link #LANES_PROPERTY}. */
    private static final class Width {
        static final int LANES = lanes();

        private Width() {}

        private static int lanes() {
            String asked = System.getProperty(LANES_PROPERTY);
            if (asked == null || Probe.NATIVE_LANES == 0) {
                return Probe.NATIVE_LANES;
            }
            int n = switch (asked.trim()) {
                case "4" -> 4;
                case "8" -> 8;
                default -> throw new IllegalArgumentException("-D" + LANES_PROPERTY + " must be 4 or 8: " + asked);
            };
            if (n > Probe.NATIVE_LANES) {
                LOG.log(Level.WARNING, "-D" + LANES_PROPERTY + "=" + n + " ignored (" + Probe.describe() + "); using "
                        + Probe.NATIVE_LANES + " lanes");
                return Probe.NATIVE_LANES;
            }
            return n;
        }
    }

    /** The choice of {@link #getInstance()}, made when it is first called. */
    private static final class Chosen {
        static final VectorizationProvider INSTANCE = choose();

        private Chosen() {}
    }

    private static VectorizationProvider choose() {
        String mode = System.getProperty(MODE_PROPERTY,
                Boolean.getBoolean("ltpsim.scalar") ? "scalar" : "auto").trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("auto") && !mode.equals("scalar") && !mode.equals("panama")) {
            throw new IllegalArgumentException("-D" + MODE_PROPERTY + " must be auto, scalar or panama: " + mode);
        }
        if (mode.equals("scalar")) {
            LOG.log(Level.DEBUG, "scalar kernels (-D" + MODE_PROPERTY + "=scalar)");
            return scalar();
        }
        String unavailable = !Probe.MODULE_PRESENT
                ? "the Java Vector API (" + MODULE + ") is not enabled: pass " + MODULE_FLAG + " to the JVM"
                : panamaLanes() == 0
                        ? "the preferred double vector has " + Probe.PREFERRED_LANES + " lanes (fewer than 4)"
                        : null;
        if (unavailable != null) {
            if (mode.equals("panama")) {
                throw new IllegalStateException("-D" + MODE_PROPERTY + "=panama, but " + unavailable);
            }
            if (!Probe.MODULE_PRESENT) {
                LOG.log(Level.WARNING, "Java Vector API (" + MODULE + ") not enabled; using scalar kernels. Pass "
                        + MODULE_FLAG + " to the JVM for the SIMD kernels.");
            } else {
                LOG.log(Level.DEBUG, unavailable + "; using scalar kernels");
            }
            return scalar();
        }
        // auto: each per-step kernel runs its scalar twin until its vector body is compiled (BodyWarmUp)
        VectorizationProvider panama = mode.equals("panama") ? PanamaVectorizationProvider.EAGER
                : PanamaVectorizationProvider.WARMING;
        LOG.log(Level.DEBUG, "Panama kernels: " + panama.name() + " (" + Probe.describe() + ")");
        return panama;
    }
}
