package org.ltpsim.cli.slurm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.ltpsim.Version;
import org.ltpsim.cli.UserInputException;
import org.ltpsim.cli.io.Manifest;

/**
 * {@code job.json} in a SLURM job folder: the sharded command, where the merged result goes, the shard count and the
 * ids of the job arrays and merge jobs submitted so far (resubmissions append).
 */
final class SlurmJob {
    static final String FILE = "job.json";

    private final Path jobDir;
    private final ObjectNode json;

    private SlurmJob(Path jobDir, ObjectNode json) {
        this.jobDir = jobDir;
        this.json = json;
    }

    static SlurmJob create(Path jobDir, SlurmScripts scripts) {
        ObjectNode json = Manifest.json().createObjectNode();
        json.put("tool", "ltpsim");
        json.put("version", Version.get());
        json.put("kind", "slurm-job");
        ArrayNode command = json.putArray("command");
        scripts.command().forEach(command::add);
        json.put("out", scripts.out().toString());
        json.put("force", scripts.force());
        json.put("shards", scripts.shards());
        json.put("working_directory", scripts.workingDirectory().toString());
        json.putArray("array_job_ids");
        json.putArray("merge_job_ids");
        return new SlurmJob(jobDir, json);
    }

    static SlurmJob read(Path jobDir) {
        Path file = jobDir.resolve(FILE);
        try {
            JsonNode node = Files.isRegularFile(file) ? Manifest.json().readTree(file.toFile()) : null;
            if (node == null || !"slurm-job".equals(node.path("kind").asText())) {
                throw new UserInputException("'" + jobDir + "' is not an ltpsim SLURM job folder (no " + FILE
                        + " written by 'ltpsim slurm submit')");
            }
            return new SlurmJob(jobDir, (ObjectNode) node);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    Path jobDir() {
        return jobDir;
    }

    int shards() {
        return json.path("shards").asInt();
    }

    Path out() {
        return Path.of(json.path("out").asText());
    }

    List<String> arrayJobIds() {
        return texts("array_job_ids");
    }

    List<String> mergeJobIds() {
        return texts("merge_job_ids");
    }

    void addArrayJob(String id) {
        ((ArrayNode) json.get("array_job_ids")).add(id);
    }

    void addMergeJob(String id) {
        ((ArrayNode) json.get("merge_job_ids")).add(id);
    }

    Path shardDir(int index) {
        return SlurmScripts.shardDir(jobDir, index, shards());
    }

    /** Writes job.json through a temporary sibling and a rename, so it is never half written. */
    void save() throws IOException {
        Path file = jobDir.resolve(FILE);
        Path temporary = jobDir.resolve("." + FILE + ".tmp");
        Manifest.json().writeValue(temporary.toFile(), json);
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private List<String> texts(String key) {
        List<String> list = new ArrayList<>();
        json.path(key).forEach(n -> list.add(n.asText()));
        return list;
    }
}
