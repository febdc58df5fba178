package org.ltpsim.bench;

import org.ltpsim.simd.VectorizationProvider;

/** Prints the kernels this JVM runs and the machine's native vector width, for benchmark records. */
public final class VectorInfo {
    private VectorInfo() {}

    public static void main(String[] args) {
        System.out.println(VectorizationProvider.getInstance().name() + ", native double lanes "
                + VectorizationProvider.nativeLanes());
    }
}
