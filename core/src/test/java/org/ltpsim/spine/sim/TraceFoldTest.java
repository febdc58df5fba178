package org.ltpsim.spine.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ltpsim.parallel.BlockCodec;
import org.ltpsim.parallel.BlockFold;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.spine.SpineModel;
import org.ltpsim.spine.TestKernels;
import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.input.Protocols;

/**
 * {@link SpineBlocks#foldingTraces}: each experiment's trace sums folded into its first branch as blocks arrive give
 * the same trace bits as keeping every branch's sums, also across a checkpoint written and read mid-run, and the
 * later branches hold none.
 */
class TraceFoldTest {
    private static final ParameterSet P = ParameterSet.defaults("spine").with("protocol.hfs_pulses", "5")
            .with("branch.spines_per_branch", "4");

    private static SpineBlocks blocks() {
        SpineModel model = SpineModel.from(P, false);
        // two experiments of different shapes (pathways, length), 3 + 4 branches
        SpineExperiment a = new SpineExperiment(model, List.of(new Pathway("A", Protocols.named("hfs", P), 10),
                new Pathway("B", Protocols.named("lfs", P), 2)), 5, 40, 0);
        SpineExperiment b = new SpineExperiment(model, List.of(new Pathway("C", Protocols.named("tbs", P), 16)), 6, 60,
                0);
        return new SpineBlocks(TestKernels.channels(), List.of(a, b), null);
    }

    @Test
    void foldedTracesAreTheBitsOfEveryBranchsSums() throws IOException {
        SpineBlocks kept = blocks();
        List<BranchResult> all = foldAll(SpineBlocks.fold(), kept, null);
        SpineBlocks folding = blocks();
        List<BranchResult> folded = foldAll(folding.foldingTraces(), folding, null);
        SpineBlocks resumed = blocks();
        List<BranchResult> checkpointed = foldAll(resumed.foldingTraces(), resumed, resumed.codec());
        assertEquals(7, kept.blockCount());
        for (int block = 0; block < 7; block++) {
            boolean first = block == 0 || block == 3;
            assertEquals(!first, TraceSums.empty(folded.get(block)), "block " + block);
        }
        List<SpineRunResult> expected = kept.results(all);
        for (List<BranchResult> candidate : List.of(folded, checkpointed)) {
            List<SpineRunResult> got = folding.results(candidate);
            for (int e = 0; e < 2; e++) {
                SpineRunResult x = expected.get(e);
                SpineRunResult y = got.get(e);
                for (int p = 0; p < x.experiment().pathways().size(); p++) {
                    assertArrayEquals(x.traceMeanMicroMolar(p), y.traceMeanMicroMolar(p));
                    assertArrayEquals(x.traceSdMicroMolar(p), y.traceSdMicroMolar(p));
                    assertArrayEquals(x.traceMinMicroMolar(p), y.traceMinMicroMolar(p));
                    assertArrayEquals(x.traceMaxMicroMolar(p), y.traceMaxMicroMolar(p));
                    assertTrue(x.traceMeanMicroMolar(p).length > 10, "traces recorded");
                }
                assertArrayEquals(x.qMaxMicroMolarSec, y.qMaxMicroMolarSec);
            }
        }
    }

    /** Every block in order; with a codec, the state written and read back after block 4 (a checkpoint). */
    private static List<BranchResult> foldAll(BlockFold<BranchResult, List<BranchResult>> fold, SpineBlocks blocks,
            BlockCodec<BranchResult, List<BranchResult>> codec) throws IOException {
        List<BranchResult> state = fold.start();
        for (int block = 0; block < blocks.blockCount(); block++) {
            state = fold.add(state, blocks.run(block));
            if (codec != null && block == 4) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                codec.writeState(new DataOutputStream(bytes), state);
                state = codec.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            }
        }
        return state;
    }
}
