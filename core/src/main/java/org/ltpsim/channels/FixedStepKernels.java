package org.ltpsim.channels;

import java.util.logging.Logger;
import org.ltpsim.simd.PanamaFixedStepKernel;
import org.ltpsim.simd.VectorSupport;

/** Chooses the fixed-step kernel once: the Vector API twin when available, else the scalar reference. */
public final class FixedStepKernels {
    private static final Logger LOG = Logger.getLogger(FixedStepKernels.class.getName());
    private static final FixedStepKernel PREFERRED = choose();

    private FixedStepKernels() {}

    public static FixedStepKernel preferred() {
        return PREFERRED;
    }

    public static FixedStepKernel scalar() {
        return ScalarFixedStepKernel.INSTANCE;
    }

    private static FixedStepKernel choose() {
        if (!VectorSupport.available()) {
            return ScalarFixedStepKernel.INSTANCE;
        }
        FixedStepKernel k = PanamaFixedStepKernel.create();
        LOG.fine(() -> "channel fixed-step kernel: " + k.name());
        return k;
    }
}
