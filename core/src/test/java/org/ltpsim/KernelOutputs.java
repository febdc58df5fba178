package org.ltpsim;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.ltpsim.camkii.CamkiiParameters;
import org.ltpsim.camkii.CamkiiPopulation;
import org.ltpsim.camkii.CamkiiPopulations;
import org.ltpsim.channels.ChannelPopulation;
import org.ltpsim.channels.ChannelPopulations;
import org.ltpsim.channels.KineticScheme;
import org.ltpsim.network.StandardNetworks;
import org.ltpsim.rng.RandomStreams;
import org.ltpsim.simd.VectorizationProvider;
import org.ltpsim.ssa.EnsembleResult;
import org.ltpsim.ssa.EnsembleSimulator;
import org.ltpsim.ssa.EnsembleSpec;
import org.ltpsim.ssa.SimulationMethod;

/**
 * A small run through every kernel the {@link VectorizationProvider} hands out (SSA lanes, fixed-step channels,
 * CaMKII hazard pass), reduced to one SHA-256 of the outputs' bits. {@code VectorWidthOutputsTest} runs it in JVMs of
 * different vector widths and compares the digests; {@code main} prints the provider's name and the digest.
 */
public final class KernelOutputs {
    private KernelOutputs() {}

    public static void main(String[] args) {
        String digest = digest(); // first: the provider is chosen (and logs) on first use
        System.out.println("provider " + VectorizationProvider.getInstance().name());
        System.out.println("digest " + digest);
    }

    /** Hex SHA-256 of the outputs, at this JVM's {@link VectorizationProvider#getInstance()}. */
    public static String digest() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteBuffer buffer = ByteBuffer.allocate(8);

        // SSA: the engine's choice for W1 (the lanes where there are any, else their scalar twin)
        EnsembleSpec spec = new EnsembleSpec(EnsembleSimulator.BLOCK_SIZE + 7, 5, 1, 2026, 1, SimulationMethod.SSA);
        EnsembleResult ssa = EnsembleSimulator.run(StandardNetworks.birthDeath(), spec);
        for (int k = 0; k < spec.timeCount(); k++) {
            put(sha, buffer, Double.doubleToRawLongBits(ssa.mean(k, 0)));
            put(sha, buffer, Double.doubleToRawLongBits(ssa.sd(k, 0)));
        }
        put(sha, buffer, ssa.events());

        // channels: fixed-step kernel, spines of 1, 3, 4, 5, 8, 13 and 40 AMPA channels, glutamate pulses
        int[] layout = {1, 3, 4, 5, 8, 13, 40};
        ChannelPopulation channels = ChannelPopulations.create(KineticScheme.ampaDestexhe1998(), layout, 2026,
                "outputs", 0, ChannelPopulations.Method.FIXED_STEP_SIMD);
        double[] glutamate = new double[layout.length];
        for (int step = 0; step < 100; step++) {
            for (int sp = 0; sp < layout.length; sp++) {
                glutamate[sp] = step % 50 < 10 ? 0.2 * (sp + 1) : 0;
            }
            channels.advance(0.05, glutamate);
        }
        for (int sp = 0; sp < layout.length; sp++) {
            for (int s = 0; s < channels.scheme().stateCount(); s++) {
                put(sha, buffer, channels.stateCount(sp, s));
            }
        }
        put(sha, buffer, channels.transitionCount());

        // CaMKII: the hazard pass over 13 spines (tails at 4 and 8 lanes), some pulsed
        int spines = 13;
        CamkiiPopulation camkii = CamkiiPopulations.create(CamkiiParameters.defaults(), spines, 2,
                RandomStreams.forBlock(2026, "outputs-camkii", 0));
        double[] ca = new double[spines];
        for (int step = 0; step < 2000; step++) {
            for (int s = 0; s < spines; s++) {
                ca[s] = s % 3 == 0 && step >= 500 && step < 1500 ? 1.0 : 0.1;
            }
            camkii.advance(1e-4, ca);
        }
        for (int s = 0; s < spines; s++) {
            for (int i = 0; i < camkii.subunitCount(s); i++) {
                put(sha, buffer, camkii.subunitState(s, i));
            }
        }
        put(sha, buffer, camkii.eventCount());
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void put(MessageDigest sha, ByteBuffer buffer, long value) {
        buffer.clear();
        buffer.putLong(value);
        sha.update(buffer.array());
    }
}
