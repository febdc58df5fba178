package org.ltpsim.simd;

/**
 * The Vector API kernels, at this JVM's Panama width ({@link PanamaVectorConstants#LANES}: 4 or 8). Loaded only by
 * {@link VectorizationProvider} after it has found the module {@code jdk.incubator.vector} and native vectors of
 * at least 4 lanes.
 */
final class PanamaVectorizationProvider extends VectorizationProvider {
    static final PanamaVectorizationProvider INSTANCE = new PanamaVectorizationProvider();

    private PanamaVectorizationProvider() {}

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
        return PanamaCamkiiHazardKernel.INSTANCE;
    }

    @Override
    public ChannelClockKernel channelClockKernel() {
        return PanamaChannelClockKernel.INSTANCE;
    }

    @Override
    public FixedStepKernel fixedStepKernel() {
        return PanamaFixedStepKernel.INSTANCE;
    }

    @Override
    public SpineStepKernel spineStepKernel() {
        return PanamaSpineStepKernel.INSTANCE;
    }

    @Override
    public boolean hasSsaLanes() {
        return true;
    }

    @Override
    public LaneBlockKernel ssaLanes(CompiledMassAction net, double[] timesSec, String streamPurpose) {
        return new PanamaSsaLanes(net, timesSec, streamPurpose);
    }
}
