package org.ltpsim.ssa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ltpsim.network.NetworkBuilder;
import org.ltpsim.network.ReactionNetwork;
import org.ltpsim.network.StandardNetworks;
import org.ltpsim.rng.RandomStreams;
import org.ltpsim.simd.CompiledMassAction;
import org.ltpsim.simd.PanamaWidth;
import org.ltpsim.simd.VectorizationProvider;

/**
 * The SIMD-lane direct method, at 4 and at 8 lanes, gives realisation by realisation the scalar twin's
 * trajectories bit for bit; so the two lane counts give the same ensembles (and {@code VectorWidthOutputsTest}
 * compares them across JVMs).
 */
@Tag("simd-kernels")
class LanesEqualScalarTest {
    static VectorizationProvider panama(int lanes) {
        return PanamaWidth.assume(lanes);
    }

    @ParameterizedTest(name = "{0} lanes")
    @ValueSource(ints = {4, 8})
    void trajectoriesAreBitwiseEqualForEveryBlockSize(int lanes) {
        VectorizationProvider vectors = panama(lanes);
        int[] counts = {1, lanes - 1, lanes, lanes + 1, 2 * lanes + 3, 13, 63, 64};
        for (ReactionNetwork network : networks()) {
            CompiledMassAction compiled = MassActionCompiler.compile(network);
            double[] times = new EnsembleSpec(1, 20, 0.5, 0, 1, SimulationMethod.SSA).outputTimesSec();
            int rowSize = times.length * network.speciesCount();
            for (int count : counts) {
                long seed = 1000 + count;
                long first = 3 * EnsembleSimulator.BLOCK_SIZE;
                double[] rows = new double[count * rowSize];
                long laneEvents = vectors.ssaLanes(compiled, times, EnsembleSimulator.STREAM_PURPOSE)
                        .simulate(seed, first, count, rows);
                MassActionDirectMethod scalar = new MassActionDirectMethod(compiled, times);
                long scalarEvents = 0;
                double[] row = new double[rowSize];
                for (int i = 0; i < count; i++) {
                    UniformRandomProvider rng = RandomStreams.forBlock(seed, EnsembleSimulator.STREAM_PURPOSE,
                            first + i);
                    scalarEvents += scalar.run(rng, row);
                    for (int c = 0; c < rowSize; c++) {
                        assertEquals(Double.doubleToRawLongBits(row[c]),
                                Double.doubleToRawLongBits(rows[i * rowSize + c]),
                                network.id() + ", block of " + count + ", realisation " + i + ", cell " + c);
                    }
                }
                assertEquals(scalarEvents, laneEvents, network.id() + ", block of " + count);
            }
        }
    }

    @ParameterizedTest(name = "{0} lanes")
    @ValueSource(ints = {4, 8})
    void ensembleResultsAreBitwiseEqualForOddReplicateCounts(int lanes) {
        VectorizationProvider vectors = panama(lanes);
        for (ReactionNetwork network : networks()) {
            for (int replicates : new int[] {1, lanes + 1, 131}) {
                EnsembleSpec spec = new EnsembleSpec(replicates, 20, 1, 42, 2, SimulationMethod.SSA);
                EnsembleResult simd = EnsembleSimulator.run(network, spec, SsaAlgorithm.DIRECT_SIMD_LANES, vectors,
                        d -> {});
                EnsembleResult scalar = EnsembleSimulator.run(network, spec, SsaAlgorithm.DIRECT_MASS_ACTION,
                        d -> {});
                EnsembleResultsAssert.assertBitwiseEqual(scalar, simd);
                assertEquals(scalar.events(), simd.events(), network.id());
            }
        }
    }



    /**
     * Birth-death, dimerisation (second order), channels, a source with a third-order sink, and a binding of two
     * distinct species: every shape of propensity the lanes write out or loop over.
     */
    private static ReactionNetwork[] networks() {
        NetworkBuilder b = new NetworkBuilder("source-trimer");
        int x = b.species("X", 5);
        int y = b.species("Y", 0);
        b.reaction("source", 20, new int[] {}, new int[] {x});
        b.reaction("trimerise", 0.002, new int[] {x, x, x}, new int[] {y});
        b.reaction("decay", 0.3, new int[] {y}, new int[] {});
        NetworkBuilder binding = new NetworkBuilder("binding");
        int a = binding.species("A", 40);
        int e = binding.species("E", 25);
        int c = binding.species("C", 0);
        binding.reaction("bind", 0.01, new int[] {a, e}, new int[] {c});
        binding.reaction("unbind", 0.5, new int[] {c}, new int[] {a, e});
        return new ReactionNetwork[] {StandardNetworks.birthDeath(), StandardNetworks.dimerisation(),
                StandardNetworks.channels(30), b.build(), binding.build()};
    }
}
