package org.ltpsim.simd;

import java.util.logging.Logger;

/**
 * Decides once whether the Vector API ({@code jdk.incubator.vector}) can be used, and says so.
 *
 * <p>Kernel factories ask {@link #available()} and load their Panama implementation only when it is true; nothing
 * outside this package refers to {@code jdk.incubator.vector}. Without the module every kernel falls back to its
 * scalar twin and one log line tells the user the flag to pass.
 */
public final class VectorSupport {
    private static final Logger LOG = Logger.getLogger(VectorSupport.class.getName());
    private static final boolean AVAILABLE = detect();

    private VectorSupport() {}

    public static boolean available() {
        return AVAILABLE;
    }

    private static boolean detect() {
        if (Boolean.getBoolean("ltpsim.scalar")) {
            LOG.info("SIMD kernels disabled by -Dltpsim.scalar=true; using scalar kernels");
            return false;
        }
        boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        if (!present) {
            LOG.warning("jdk.incubator.vector is not enabled; using scalar kernels. "
                    + "Pass --add-modules=jdk.incubator.vector to the JVM for the SIMD kernels.");
        }
        return present;
    }
}
