package org.ltpsim.simd;

/** The scalar kernels: the reference every Panama twin equals bit for bit, and the fallback. */
final class DefaultVectorizationProvider extends VectorizationProvider {
    static final DefaultVectorizationProvider INSTANCE = new DefaultVectorizationProvider();

    private DefaultVectorizationProvider() {}

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public int lanes() {
        return 1;
    }

    @Override
    public CamkiiHazardKernel camkiiHazardKernel() {
        return ScalarCamkiiHazardKernel.INSTANCE;
    }

    @Override
    public ChannelClockKernel channelClockKernel() {
        return ScalarChannelClockKernel.INSTANCE;
    }

    @Override
    public FixedStepKernel fixedStepKernel() {
        return ScalarFixedStepKernel.INSTANCE;
    }

    @Override
    public SpineStepKernel spineStepKernel() {
        return ScalarSpineStepKernel.INSTANCE;
    }

    @Override
    public boolean hasSsaLanes() {
        return false;
    }

    @Override
    public LaneBlockKernel ssaLanes(CompiledMassAction net, double[] timesSec, String streamPurpose) {
        throw new UnsupportedOperationException("the scalar provider has no SIMD lanes: run the scalar direct method");
    }
}
