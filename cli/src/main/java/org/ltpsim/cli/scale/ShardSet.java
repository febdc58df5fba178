package org.ltpsim.cli.scale;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ltpsim.Version;
import org.ltpsim.cli.UserInputException;
import org.ltpsim.cli.io.Manifest;
import org.ltpsim.cli.io.OutputDirectory;
import org.ltpsim.parallel.BlockRange;
import org.ltpsim.parallel.Partial;
import org.ltpsim.parallel.PartialFile;
import org.ltpsim.parallel.Shard;

/**
 * The shard folders given to {@code ltpsim merge}, checked to be every shard of one run: each an ltpsim shard of
 * this version, all of the same command, seed, arguments, parameters and model, none given twice, none missing,
 * each holding exactly its share of the blocks. Every refusal is one line naming the folders and what differs.
 */
public final class ShardSet {
    /** A shard folder's file of partial results. */
    public static final String PARTIAL_FILE = "partial.bin";

    /** One shard folder and what its manifest says. */
    record Member(Path dir, JsonNode manifest, Shard shard, BlockRange range, Map<String, String> identity) {}

    private final List<Member> members; // by shard index

    private ShardSet(List<Member> members) {
        this.members = members;
    }

    /** Reads and checks the shard folders {@code dirs}. */
    public static ShardSet read(List<Path> dirs) {
        if (dirs.isEmpty()) {
            throw new UserInputException("merge needs the shard folders to combine");
        }
        List<Member> members = new ArrayList<>();
        for (Path dir : dirs) {
            members.add(member(dir));
        }
        Member first = members.get(0);
        Map<Integer, Member> byIndex = new TreeMap<>();
        for (Member m : members) {
            for (Map.Entry<String, String> key : first.identity.entrySet()) {
                String there = m.identity.get(key.getKey());
                if (!key.getValue().equals(there)) {
                    throw new UserInputException("shards " + first.dir + " and " + m.dir + " are not of one run: their "
                            + key.getKey() + " differs ('" + key.getValue() + "' and '" + there + "')");
                }
            }
            if (m.shard.count() != first.shard.count()) {
                throw new UserInputException("shards " + first.dir + " and " + m.dir + " are not of one split: "
                        + first.shard + " and " + m.shard);
            }
            Member twin = byIndex.put(m.shard.index(), m);
            if (twin != null) {
                throw new UserInputException("shard " + m.shard + " is given twice: " + twin.dir + " and " + m.dir);
            }
        }
        int count = first.shard.count();
        List<String> missing = new ArrayList<>();
        for (int index = 1; index <= count; index++) {
            if (!byIndex.containsKey(index)) {
                missing.add(index + "/" + count);
            }
        }
        if (!missing.isEmpty()) {
            throw new UserInputException("missing shard" + (missing.size() == 1 ? " " : "s ") + String.join(", ",
                    missing) + " of this run (" + byIndex.size() + " of " + count + " given); nothing was written");
        }
        List<Member> sorted = new ArrayList<>(byIndex.values());
        sorted.sort(Comparator.comparingInt(m -> m.shard.index()));
        return new ShardSet(sorted);
    }

    private static Member member(Path dir) {
        Path manifestFile = dir.resolve(OutputDirectory.MANIFEST);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !Files.isRegularFile(manifestFile,
                LinkOption.NOFOLLOW_LINKS)) {
            throw new UserInputException("'" + dir + "' is not a shard folder (no " + OutputDirectory.MANIFEST
                    + "); give the --out folders of runs made with --shard I/N");
        }
        JsonNode manifest;
        try {
            manifest = Manifest.json().readTree(manifestFile.toFile());
        } catch (IOException e) {
            throw new UserInputException("'" + manifestFile + "' cannot be read: " + e.getMessage(), e);
        }
        JsonNode shardNode = manifest == null ? null : manifest.get("shard");
        if (shardNode == null || !"ltpsim".equals(manifest.path("tool").asText()) || !shardNode.isObject()) {
            throw new UserInputException("'" + dir + "' is not an ltpsim shard (its manifest has no shard entry); "
                    + "give the --out folders of runs made with --shard I/N");
        }
        String version = manifest.path("version").asText();
        if (!Version.get().equals(version)) {
            throw new UserInputException("shard '" + dir + "' was written by ltpsim " + version + "; this is ltpsim "
                    + Version.get() + ": merge with the version that ran the shards");
        }
        Shard shard;
        try {
            shard = new Shard(shardNode.path("index").asInt(), shardNode.path("count").asInt());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("'" + dir + "' has a bad shard entry: " + e.getMessage(), e);
        }
        int blockCount = shardNode.path("block_count").asInt(-1);
        BlockRange range = new BlockRange(shardNode.path("first_block").asInt(), shardNode.path("end_block").asInt());
        if (blockCount < 0 || !range.equals(shard.range(blockCount))) {
            throw new UserInputException("shard '" + dir + "' claims " + range.describe() + ", which are not shard "
                    + shard + "'s share of " + blockCount + " blocks");
        }
        Map<String, String> identity = new LinkedHashMap<>();
        manifest.path("identity").fields().forEachRemaining(e -> identity.put(e.getKey(), e.getValue().asText()));
        if (identity.isEmpty()) {
            throw new UserInputException("'" + dir + "' has no run identity in its manifest");
        }
        if (!Files.isRegularFile(dir.resolve(PARTIAL_FILE), LinkOption.NOFOLLOW_LINKS)) {
            throw new UserInputException("shard '" + dir + "' has no " + PARTIAL_FILE);
        }
        return new Member(dir, manifest, shard, range, identity);
    }

    /** The command the shards ran ({@code run}, {@code sweep}, {@code sbml}). */
    public String kind() {
        return members.get(0).identity.get("command");
    }

    /** The first shard's arguments, as it was given them (subcommand first). */
    public List<String> commandArgs() {
        List<String> args = new ArrayList<>();
        members.get(0).manifest.path("command_args").forEach(a -> args.add(a.asText()));
        return args;
    }

    /** The folder the first shard ran in (relative paths among its arguments are relative to it). */
    public Path workingDirectory() {
        return Path.of(members.get(0).manifest.path("working_directory").asText("."));
    }

    /** Refuses when the command rebuilt from the shards' arguments is not the run they belong to. */
    void check(RunIdentity rebuilt) {
        Map<String, String> expected = rebuilt.common();
        Map<String, String> shards = members.get(0).identity;
        for (Map.Entry<String, String> key : expected.entrySet()) {
            if (!key.getValue().equals(shards.get(key.getKey()))) {
                throw new UserInputException("the shards' " + key.getKey() + " is '" + shards.get(key.getKey())
                        + "', but their command rebuilt here gives '" + key.getValue() + "' (did an input file "
                        + "change since they ran?); nothing was written");
            }
        }
    }

    /** Every shard's partial results, read, checked and combined in block order. */
    <R, S> Partial<R, S> combine(BlockJob<R, S> job, RunIdentity identity) {
        check(identity);
        List<Partial<R, S>> partials = new ArrayList<>();
        for (Member m : members) {
            Path file = m.dir.resolve(PARTIAL_FILE);
            try {
                String recorded = m.manifest.path("partial_sha256").asText();
                if (!recorded.equals(Manifest.sha256(file))) {
                    throw new UserInputException("shard '" + m.dir + "': " + PARTIAL_FILE + " does not match the "
                            + "SHA-256 its manifest records (changed or damaged since it was written)");
                }
                Partial<R, S> partial = PartialFile.read(file, "shard '" + m.dir + "' " + PARTIAL_FILE, "shard",
                        identity.of(m.shard, m.range), job.fold(), job.codec()).partial();
                if (!partial.range().equals(m.range)) {
                    throw new UserInputException("shard '" + m.dir + "' holds blocks " + partial.range().describe()
                            + ", not the " + m.range.describe() + " its manifest names");
                }
                partials.add(partial);
            } catch (IOException e) {
                throw new UserInputException("cannot read shard '" + m.dir + "': " + e.getMessage(), e);
            }
        }
        return Partial.concat(job.fold(), partials);
    }

    /** The shards' wall times added up: the merged result's wall time. */
    double wallTimeSec() {
        return members.stream().mapToDouble(m -> m.manifest.path("wall_time_s").asDouble()).sum();
    }

    /** The first shard's thread count (what a merged manifest records as its threads). */
    public int threads() {
        return members.get(0).manifest.path("threads").asInt(1);
    }

    /** Per shard: folder, command, host, threads, Java, wall time (the fields that may differ between shards). */
    List<Map<String, Object>> describe() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Member m : members) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("shard", m.shard.toString());
            entry.put("folder", m.dir.toAbsolutePath().normalize().toString());
            entry.put("blocks", m.range.describe());
            entry.put("command", m.manifest.path("command").asText());
            entry.put("host", m.manifest.path("host").asText());
            entry.put("threads", m.manifest.path("threads").asInt());
            entry.put("java", m.manifest.path("java").asText());
            entry.put("wall_time_s", m.manifest.path("wall_time_s").asDouble());
            list.add(entry);
        }
        return list;
    }
}
