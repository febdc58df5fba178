package org.ltpsim.cli.scale;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ltpsim.Version;
import org.ltpsim.parallel.BlockRange;
import org.ltpsim.parallel.Shard;

/**
 * What makes shards, checkpoints and a run belong together: ltpsim's version, the command, the seed, the arguments
 * that shape the result (everything but where it goes and how it is run: {@code --out}, {@code --force},
 * {@code --threads}, {@code --shard}, {@code --checkpoint-every}, {@code --resume}), the SHA-256 of the parameters
 * and of the model, and the number of blocks. Written into every shard file and checkpoint and compared key by key,
 * so a refusal names what differs.
 *
 * @param modelSha256 the SBML model's hash, or null for spine runs
 */
public record RunIdentity(String kind, long seed, String arguments, String parametersSha256, String modelSha256,
        int blockCount) {

    /** The keys every shard and checkpoint of this run shares, in the order messages check them. */
    public Map<String, String> common() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("version", Version.get());
        keys.put("command", kind);
        keys.put("seed", Long.toString(seed));
        keys.put("command_line", arguments);
        keys.put("parameters_sha256", parametersSha256);
        if (modelSha256 != null) {
            keys.put("model_sha256", modelSha256);
        }
        keys.put("block_count", Integer.toString(blockCount));
        return keys;
    }

    /** The keys of one shard's file, or of a checkpoint of a shard (null: the whole run) over {@code range}. */
    public Map<String, String> of(Shard shard, BlockRange range) {
        Map<String, String> keys = common();
        keys.put("shard", shard == null ? "whole run" : shard.toString());
        keys.put("blocks", "[" + range.first() + ", " + range.end() + ")");
        return keys;
    }
}
