package org.ltpsim.cli.slurm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.ltpsim.cli.io.Manifest;
import org.ltpsim.cli.io.OutputDirectory;
import org.ltpsim.parallel.Checkpoint;

/**
 * Where each shard of a SLURM job stands: {@code done} when its folder holds a finished shard (the one source of
 * truth), else what SLURM says about its task (pending, running, failed, ...), with a note when a checkpoint is
 * waiting to be resumed.
 */
final class ShardStates {
    /** SLURM states after which a task will not finish by itself. */
    static final Set<String> ENDED_BADLY = Set.of("FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY",
            "PREEMPTED", "BOOT_FAIL", "DEADLINE", "REVOKED");
    /** SLURM states of a task that is on its way. */
    static final Set<String> UNDER_WAY = Set.of("PENDING", "RUNNING", "CONFIGURING", "COMPLETING", "REQUEUED",
            "RESIZING", "SUSPENDED", "REQUEUE_HOLD", "REQUEUE_FED", "STAGE_OUT", "SIGNALING");

    private ShardStates() {}

    /** Per shard index: done, or SLURM's state in lower case (or "not started" when SLURM knows nothing). */
    static Map<Integer, String> of(SlurmJob job) {
        Map<Integer, String> slurm = SlurmTools.taskStates(job.arrayJobIds());
        Map<Integer, String> states = new LinkedHashMap<>();
        for (int index = 1; index <= job.shards(); index++) {
            if (done(job.shardDir(index))) {
                states.put(index, "done");
                continue;
            }
            String state = slurm.get(index);
            String text = state == null ? "not done" : state.toLowerCase(java.util.Locale.ROOT);
            if (Files.exists(Checkpoint.beside(job.shardDir(index)))) {
                text += " (a checkpoint waits to be resumed)";
            }
            states.put(index, text);
        }
        return states;
    }

    /** Whether SLURM reports the shard's task as pending or running. */
    static boolean underWay(String state) {
        String upper = state.toUpperCase(java.util.Locale.ROOT).split(" ")[0];
        return UNDER_WAY.contains(upper);
    }

    /** A finished shard: its folder's manifest has a shard entry. */
    static boolean done(Path shardDir) {
        Path manifest = shardDir.resolve(OutputDirectory.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return false;
        }
        try {
            JsonNode node = Manifest.json().readTree(manifest.toFile());
            return node != null && node.has("shard") && "ltpsim".equals(node.path("tool").asText());
        } catch (IOException e) {
            return false;
        }
    }
}
