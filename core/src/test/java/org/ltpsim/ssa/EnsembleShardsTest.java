package org.ltpsim.ssa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltpsim.network.ReactionNetwork;
import org.ltpsim.network.StandardNetworks;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.parallel.BlockRange;
import org.ltpsim.parallel.BlockRun;
import org.ltpsim.parallel.Partial;
import org.ltpsim.parallel.PartialFile;
import org.ltpsim.parallel.Shard;

/** An ensemble split into shards, each written to its file and read back, merges to the bits of one run. */
class EnsembleShardsTest {
    @TempDir
    Path dir;

    @Test
    void oneThreeAndSevenShardsMergeToTheWholeRunsBits() throws IOException {
        ReactionNetwork network = StandardNetworks.dimerisation();
        EnsembleSpec spec = new EnsembleSpec(64 * 11 + 9, 10, 1, 2027, 2, SimulationMethod.SSA);
        EnsembleResult whole = EnsembleSimulator.run(network, spec);
        EnsembleBlocks blocks = new EnsembleBlocks(network, spec, EnsembleSimulator.choose(network, spec));
        assertEquals(12, blocks.blockCount());
        Map<String, String> identity = Map.of("seed", "2027");
        try (BlockExecutor executor = new BlockExecutor(3)) {
            for (int count : new int[] {1, 3, 7}) {
                List<Partial<EnsembleBlock, EnsembleBlock>> shards = new ArrayList<>();
                for (int index = 1; index <= count; index++) {
                    BlockRange range = new Shard(index, count).range(blocks.blockCount());
                    Partial<EnsembleBlock, EnsembleBlock> partial = new BlockRun<>(blocks.fold(), blocks.codec(), true)
                            .run(executor, range, blocks::run);
                    assertEquals(index == 1, partial.folded(), "only the first shard folds ahead");
                    Path file = dir.resolve(count + "-" + index + ".bin");
                    PartialFile.write(file, "shard", identity, partial, new TreeMap<>(), blocks.codec());
                    shards.add(PartialFile.read(file, file.toString(), "shard", identity, blocks.fold(),
                            blocks.codec()).partial());
                }
                EnsembleResult merged = blocks.result(Partial.concat(blocks.fold(), shards));
                EnsembleResultsAssert.assertBitwiseEqual(whole, merged);
                assertTrue(merged.replicates() == spec.replicates());
            }
        }
    }
}
