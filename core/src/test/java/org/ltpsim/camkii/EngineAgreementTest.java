package org.ltpsim.camkii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ltpsim.network.NetworkBuilder;
import org.ltpsim.network.ReactionNetwork;
import org.ltpsim.rng.RandomStreams;
import org.ltpsim.ssa.EnsembleResult;
import org.ltpsim.ssa.EnsembleSimulator;
import org.ltpsim.ssa.EnsembleSpec;
import org.ltpsim.ssa.SimulationMethod;

/**
 * The subunit kernel against the generic engine: one W2 ring written as a plain reaction network of its 2^6 = 64
 * ring states (one species per state, one first-order reaction per subunit transition: 192 reactions), simulated
 * by {@code EnsembleSimulator} with exact SSA. Since a species' ensemble mean is the expected number of rings in
 * that state, mean x realisations is the number of sampled rings in it: the engine gives the distribution of
 * phosphorylated subunits per ring without any readout of its own.
 */
class EngineAgreementTest {
    private static final RingW2Parameters W2 = RingW2Parameters.benchmark();
    private static final int RINGS_PER_REALISATION = 10;
    private static final int REALISATIONS = 600;
    private static final double[] TIMES_SEC = {1, 2, 5, 10};

    static ReactionNetwork ringStateNetwork(int rings) {
        NetworkBuilder builder = new NetworkBuilder("w2-ring-states");
        int[] species = new int[64];
        for (int s = 0; s < 64; s++) {
            species[s] = builder.species("ring_" + s, s == 0 ? rings : 0);
        }
        RingMasterEquation.Generator rules = (state, out) -> {
            for (int k = 0; k < 6; k++) {
                int bit = 1 << k;
                if ((state & bit) == 0) {
                    if ((state & (1 << ((k + 1) % 6))) == 0) {
                        out.add(state | bit, W2.initHz());
                    }
                    if ((state & (1 << ((k + 5) % 6))) != 0) {
                        out.add(state | bit, W2.autoHz());
                    }
                } else {
                    out.add(state & ~bit, W2.offHz());
                }
            }
        };
        for (int s = 0; s < 64; s++) {
            final int from = s;
            int[] n = {0};
            rules.transitions(s, (to, rate) -> builder.reaction("r" + from + "_" + to + "_" + n[0]++, rate,
                    new int[] {species[from]}, new int[] {species[to]}));
        }
        return builder.build();
    }

    /**
     * 6,000 rings each way (engine: 600 realisations x 10 rings; kernel: 3,000 spines x 2 rings). At each of four
     * times: the engine against the exact master equation (chi-square) and the kernel against the engine
     * (two-sample chi-square of homogeneity), each at level 1e-4: a correct pair fails one of the 8 tests with
     * probability < 1e-3.
     */
    @Test
    void kernelAndEngineGiveTheSameRingDistribution() {
        EnsembleResult engine = EnsembleSimulator.run(ringStateNetwork(RINGS_PER_REALISATION),
                new EnsembleSpec(REALISATIONS, 10, 1, 77, 2, SimulationMethod.SSA));
        int spines = 3_000;
        RingW2Population kernel = CamkiiPopulations.createW2(W2, spines, 1,
                RandomStreams.forBlock(78, "camkii-engine-compare", 0), 0.5, 0.2);
        RingMasterEquation chain = RingW2ExactTest.ringChain();
        double[] p = new double[64];
        p[0] = 1;
        double t = 0;
        for (double mark : TIMES_SEC) {
            p = chain.propagate(p, mark - t);
            t = mark;
            kernel.advance(mark - kernel.timeSec());
            int timeIndex = (int) Math.round(mark);
            assertEquals(mark, engine.timeSec(timeIndex), 1e-12);
            long[] fromEngine = new long[7];
            double[] exact = new double[7];
            for (int s = 0; s < 64; s++) {
                double rings = engine.mean(timeIndex, s) * REALISATIONS;
                assertEquals(Math.rint(rings), rings, 1e-6, "ring counts are whole numbers");
                fromEngine[Integer.bitCount(s)] += Math.round(rings);
                exact[Integer.bitCount(s)] += p[s];
            }
            long[] fromKernel = new long[7];
            for (int spine = 0; spine < spines; spine++) {
                for (int ring = 0; ring < 2; ring++) {
                    int count = 0;
                    for (int k = 0; k < 6; k++) {
                        count += kernel.subunitState(spine, ring * 6 + k);
                    }
                    fromKernel[count]++;
                }
            }
            double engineVsExact = ChiSquare.pValue(fromEngine, exact);
            double kernelVsEngine = ChiSquare.homogeneityPValue(fromKernel, fromEngine);
            assertTrue(engineVsExact > 1e-4, "engine vs master equation at t = " + mark + ": p = " + engineVsExact);
            assertTrue(kernelVsEngine > 1e-4, "kernel vs engine at t = " + mark + ": p = " + kernelVsEngine);
        }
    }
}
