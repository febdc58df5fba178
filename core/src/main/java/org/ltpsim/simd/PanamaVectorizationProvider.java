package org.ltpsim.simd;

/**
 * The Vector API kernels, at this JVM's Panama width ({@link PanamaVectorConstants#LANES}: 4 or 8). Loaded only by
 * {@link VectorizationProvider} after it has found the module {@code jdk.incubator.vector} and native vectors of
 * at least 4 lanes.
 *
 * <p>{@link #WARMING}, the simulation's, runs the scalar twin of each per-step kernel (spine step, CaMKII hazard,
 * channel clock) until {@link BodyWarmUp} has its vector body compiled, off the simulation's thread. {@link #EAGER}
 * (tests, benchmarks, {@code -Dltpsim.vectorization=panama}) runs the vector bodies from the first call. Both give
 * the same bits.
 */
final class PanamaVectorizationProvider extends VectorizationProvider {
    static final PanamaVectorizationProvider EAGER = new PanamaVectorizationProvider(false);
    static final PanamaVectorizationProvider WARMING = new PanamaVectorizationProvider(true);

    private final boolean warming;

    private PanamaVectorizationProvider(boolean warming) {
        this.warming = warming;
    }

    @Override
    public String name() {
        return "panama-" + PanamaVectorConstants.DOUBLES.vectorBitSize() + " (" + lanes() + " lanes)";
    }

    @Override
    public int lanes() {
        return PanamaVectorConstants.LANES;
    }

    @Override
    public CamkiiHazardKernel camkiiHazardKernel() {
        return warming ? PanamaCamkiiHazardKernel.WARMING : PanamaCamkiiHazardKernel.EAGER;
    }

    @Override
    public ChannelClockKernel channelClockKernel() {
        return warming ? PanamaChannelClockKernel.WARMING : PanamaChannelClockKernel.EAGER;
    }

    @Override
    public FixedStepKernel fixedStepKernel() {
        return PanamaFixedStepKernel.INSTANCE;
    }

    @Override
    public SpineStepKernel spineStepKernel() {
        return warming ? PanamaSpineStepKernel.WARMING : PanamaSpineStepKernel.EAGER;
    }

    @Override
    public boolean hasSsaLanes() {
        return true;
    }

    @Override
    public boolean ssaLanesCompiled(CompiledMassAction net, double[] timesSec) {
        return !warming || PanamaSsaLanes.compiledFor(net, timesSec);
    }

    @Override
    public LaneBlockKernel ssaLanes(CompiledMassAction net, double[] timesSec, String streamPurpose) {
        return new PanamaSsaLanes(net, timesSec, streamPurpose);
    }
}
