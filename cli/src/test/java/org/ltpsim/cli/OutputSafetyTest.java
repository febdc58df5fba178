package org.ltpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ltpsim.cli.io.Manifest;
import org.ltpsim.sbml.DsmtsCase;

/**
 * Every way an output path can go wrong, for every command that writes: the command exits 2 with one line naming
 * the path, and nothing under the test folder changes (a listing with checksums before and after). Refusals
 * happen before any simulation, so these runs are quick; the paths resolved against the working and home folders
 * ({@code .}, {@code ..}, the empty string, the home folder) run {@code ltpsim} as its own process.
 */
class OutputSafetyTest {
    @TempDir
    Path dir;

    /** Each command that writes, with the smallest arguments that make a real run. */
    enum Command {
        RUN(false, "run", "--spines", "2", "--no-camkii", "--set", "protocol.hfs_pulses=2", "--set",
                "protocol.after_ms=10"),
        CAMKII(false, "camkii", "--spines", "2", "--holoenzymes", "2", "--t-end", "1"),
        DEMO(false, "demo"),
        EXPERIMENT(false, "experiment", "frequency-response", "--frequencies", "1,100", "--spines", "2", "--set",
                "protocol.lfs_pulses=2", "--set", "protocol.after_ms=10"),
        SBML(true, "sbml", "MODEL", "--replicates", "20", "--t-end", "2");

        final boolean writesAFile;
        final String[] words;

        Command(boolean writesAFile, String... words) {
            this.writesAFile = writesAFile;
            this.words = words;
        }

        String[] args(Path model, String out, String... extra) {
            List<String> all = new ArrayList<>();
            for (String word : words) {
                all.add(word.equals("MODEL") ? model.toString() : word);
            }
            all.add("--out");
            all.add(out);
            all.addAll(List.of(extra));
            return all.toArray(String[]::new);
        }
    }

    private Path model() throws IOException {
        Path file = dir.resolve("model-001-01.xml");
        if (!Files.exists(file)) {
            Files.writeString(file, DsmtsCase.named("001-01").modelXml());
        }
        return file;
    }

    private static CliRun ltpsim(String... args) {
        return CliRun.of(args);
    }

    /** Runs the command on {@code out} and checks: exit 2, one error line naming the path, nothing changed. */
    private void assertRefusedUntouched(Command command, Path watched, String out, String expectedWords,
            String... extra) throws IOException {
        Path model = model();
        TreeSnapshot before = TreeSnapshot.of(watched);
        CliRun run = ltpsim(command.args(model, out, extra));
        assertEquals(2, run.exitCode(), command + " " + out + ": " + run.err());
        String line = run.err().strip();
        assertTrue(line.startsWith("ltpsim: error: --out '" + out + "' ") && line.contains(expectedWords)
                && line.lines().count() == 1, command + ": " + run.err());
        assertEquals(before, TreeSnapshot.of(watched), command + " " + out + " changed the folder");
    }

    private static void writeUserFiles(Path folder) throws IOException {
        Files.createDirectories(folder.resolve("notes"));
        Files.writeString(folder.resolve("thesis.tex"), "\\chapter{Results}\n");
        Files.writeString(folder.resolve("notes/todo.txt"), "back up the data\n");
    }

    /** A folder that looks exactly like an earlier ltpsim result (manifest listing its files). */
    private static Path fakeEarlierResult(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("spines.csv"), "id\n0\n");
        Files.writeString(folder.resolve("manifest.json"),
                "{\"tool\": \"ltpsim\", \"seed\": 7, \"files\": [\"spines.csv\"]}\n");
        return folder;
    }

    private static Path fakeEarlierTable(Path table) throws IOException {
        Files.writeString(table, "time,S_mean,S_sd\n0,1,0\n");
        Files.writeString(table.resolveSibling(table.getFileName().toString().replace(".csv", ".manifest.json")),
                "{\"tool\": \"ltpsim\", \"seed\": 7, \"output\": \"" + table.getFileName() + "\"}\n");
        return table;
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void refusesAnExistingFileThatLtpsimDidNotWrite(Command command) throws IOException {
        Path file = dir.resolve(command.writesAFile ? "results.csv" : "results");
        Files.writeString(file, "a user's own data\n");
        assertRefusedUntouched(command, dir, file.toString(), command.writesAFile ? "was not written by ltpsim"
                : "is an existing file");
        assertRefusedUntouched(command, dir, file.toString(), command.writesAFile ? "was not written by ltpsim"
                : "is an existing file", "--force");
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void refusesAFolderOfSomethingElse(Command command) throws IOException {
        Path folder = dir.resolve("project");
        writeUserFiles(folder);
        String words = command.writesAFile ? "is a directory" : "is not an ltpsim result";
        assertRefusedUntouched(command, dir, folder.toString(), words);
        assertRefusedUntouched(command, dir, folder.toString(), words, "--force");
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void refusesAnEarlierResultWithoutForce(Command command) throws IOException {
        String out = command.writesAFile ? fakeEarlierTable(dir.resolve("old.csv")).toString()
                : fakeEarlierResult(dir.resolve("old")).toString();
        assertRefusedUntouched(command, dir, out, "add --force to replace it");
    }

    @ParameterizedTest
    @EnumSource(value = Command.class, names = {"RUN", "CAMKII", "DEMO"})
    void refusesToReplaceAnEarlierResultHoldingFilesLtpsimDidNotWrite(Command command) throws IOException {
        Path old = fakeEarlierResult(dir.resolve("old"));
        Files.writeString(old.resolve("my-analysis.py"), "print('keep me')\n");
        assertRefusedUntouched(command, dir, old.toString(), "'my-analysis.py', which ltpsim did not write",
                "--force");
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void refusesARepositoryRootEvenWithForce(Command command) throws IOException {
        Path repository = fakeEarlierResult(dir.resolve("repo"));
        Files.createDirectories(repository.resolve(".git"));
        Files.writeString(repository.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        assertRefusedUntouched(command, dir, repository.toString(), "is the root of a repository", "--force");
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void refusesASymbolicLink(Command command) throws IOException {
        Path real = dir.resolve("real");
        Files.createDirectories(real);
        Path link = Files.createSymbolicLink(dir.resolve(command.writesAFile ? "link.csv" : "link"), real);
        assertRefusedUntouched(command, dir, link.toString(), "is a symbolic link", "--force");
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void refusesTheFileSystemRoot(Command command) throws IOException {
        TreeSnapshot before = TreeSnapshot.topLevel(Path.of("/"));
        CliRun run = ltpsim(command.args(model(), "/", "--force"));
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("is the file-system root"), run.err());
        assertEquals(before, TreeSnapshot.topLevel(Path.of("/")));
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void refusesAPathUnderAFile(Command command) throws IOException {
        Path file = dir.resolve("data.txt");
        Files.writeString(file, "numbers\n");
        assertRefusedUntouched(command, dir, file.resolve("out").toString(), "is a file, not a folder");
    }

    /**
     * {@code .}, {@code ..}, the empty string and the home folder, as a user types them, in a project folder two
     * levels inside a home folder: each command exits 2 and neither folder changes, even with --force.
     */
    @ParameterizedTest
    @EnumSource(Command.class)
    void refusesTheWorkingFolderItsParentTheEmptyPathAndHome(Command command) throws Exception {
        Path home = dir.resolve("home");
        Path project = home.resolve("work/project");
        writeUserFiles(home);
        writeUserFiles(project);
        fakeEarlierResult(project.resolve("earlier")); // the working folder holds an ltpsim result too
        Files.writeString(project.resolve("manifest.json"), "{\"tool\": \"ltpsim\", \"files\": []}\n");
        Path model = model();
        Path logs = Files.createDirectories(dir.resolve("logs"));
        TreeSnapshot before = TreeSnapshot.of(home);
        String[][] cases = {{".", "current folder"}, {"..", "current folder or one above"}, {"", "is empty"},
                {"../..", "is your home folder"}, {home.toString(), "is your home folder"}};
        for (String[] c : cases) {
            CliProcess.Result result = CliProcess.run(project, home, logs.resolve(command + "-" + c[0].hashCode()),
                    command.args(model, c[0], "--force"));
            assertEquals(2, result.exitCode(), command + " --out '" + c[0] + "': " + result.err());
            assertTrue(result.err().contains("ltpsim: error: --out '" + c[0] + "'") && result.err().contains(c[1]),
                    command + " --out '" + c[0] + "': " + result.err());
            assertEquals(before, TreeSnapshot.of(home), command + " --out '" + c[0] + "' changed something");
        }
    }

    @Test
    void forceReplacesAnEarlierRunAndLeavesNothingElseBehind() throws IOException {
        Path out = dir.resolve("hfs");
        Path neighbour = dir.resolve("neighbour.txt");
        Files.writeString(neighbour, "untouched\n");
        assertEquals(0, ltpsim(Command.RUN.args(null, out.toString(), "--seed", "1")).exitCode());
        JsonNode first = Manifest.json().readTree(out.resolve("manifest.json").toFile());
        assertEquals("ltpsim", first.get("tool").asText());
        List<String> files = new ArrayList<>();
        first.get("files").forEach(f -> files.add(f.asText()));
        assertTrue(files.containsAll(List.of("spines.csv", "summary.json", "calcium.csv", "calcium.png")), files.toString());

        assertEquals(2, ltpsim(Command.RUN.args(null, out.toString(), "--seed", "2")).exitCode());
        assertEquals(1, Manifest.json().readTree(out.resolve("manifest.json").toFile()).get("seed").asLong());

        assertEquals(0, ltpsim(Command.RUN.args(null, out.toString(), "--seed", "2", "--force")).exitCode());
        assertEquals(2, Manifest.json().readTree(out.resolve("manifest.json").toFile()).get("seed").asLong());
        try (Stream<Path> entries = Files.list(dir)) {
            assertEquals(Set.of("hfs", "neighbour.txt"),
                    Set.copyOf(entries.map(p -> p.getFileName().toString()).toList()), "no stray staging folders");
        }
        assertEquals("untouched\n", Files.readString(neighbour));
    }

    @Test
    void forceReplacesAnEarlierSbmlTableAndItsManifestTogether() throws IOException {
        Path table = dir.resolve("run.csv");
        assertEquals(0, ltpsim(Command.SBML.args(model(), table.toString(), "--seed", "1")).exitCode());
        Path manifestFile = dir.resolve("run.manifest.json");
        String firstTable = Files.readString(table);
        assertEquals(2, ltpsim(Command.SBML.args(model(), table.toString(), "--seed", "2")).exitCode());
        assertEquals(firstTable, Files.readString(table));
        assertEquals(0, ltpsim(Command.SBML.args(model(), table.toString(), "--seed", "2", "--force")).exitCode());
        JsonNode manifest = Manifest.json().readTree(manifestFile.toFile());
        assertEquals(2, manifest.get("seed").asLong());
        assertEquals(Manifest.sha256(table), manifest.get("output_sha256").asText());
        assertNotEquals(firstTable, Files.readString(table));
    }

    @Test
    void writesIntoAnEmptyFolderAndCreatesMissingParents() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(0, ltpsim(Command.CAMKII.args(null, empty.toString())).exitCode());
        assertTrue(Files.isRegularFile(empty.resolve("manifest.json")));
        Path nested = dir.resolve("a/b/c");
        assertEquals(0, ltpsim(Command.CAMKII.args(null, nested.toString())).exitCode());
        assertTrue(Files.isRegularFile(nested.resolve("timecourse.csv")));
    }

    /** Files and folders get the permissions the user's umask gives any new file, not 0600 / 0700. */
    @Test
    void outputsGetTheUsersDefaultPermissions() throws IOException {
        Set<PosixFilePermission> fileDefault = Files.getPosixFilePermissions(Files.createFile(dir.resolve("f")));
        Set<PosixFilePermission> dirDefault = Files.getPosixFilePermissions(Files.createDirectory(dir.resolve("d")));
        Path out = dir.resolve("out");
        assertEquals(0, ltpsim(Command.CAMKII.args(null, out.toString())).exitCode());
        assertEquals(dirDefault, Files.getPosixFilePermissions(out));
        assertEquals(fileDefault, Files.getPosixFilePermissions(out.resolve("summary.json")));
        assertEquals(fileDefault, Files.getPosixFilePermissions(out.resolve("manifest.json")));
        Path table = dir.resolve("t.csv");
        assertEquals(0, ltpsim(Command.SBML.args(model(), table.toString())).exitCode());
        assertEquals(fileDefault, Files.getPosixFilePermissions(table));
        assertEquals(fileDefault, Files.getPosixFilePermissions(dir.resolve("t.manifest.json")));
    }

    /**
     * A run stopped by SIGTERM (as a scheduler or Ctrl-C stops it) leaves the earlier result as it was and no
     * staging folder; a folder left by a run killed outright (SIGKILL) is not in a later run's way, and the later
     * run does not touch it, since it did not create it.
     */
    @Test
    void aStoppedRunLeavesTheEarlierResultAndNoStagingFolder() throws Exception {
        Path out = dir.resolve("result");
        assertEquals(0, ltpsim(Command.RUN.args(null, out.toString())).exitCode());
        TreeSnapshot earlier = TreeSnapshot.of(out);
        Path stale = Files.createDirectory(dir.resolve(".result.ltpsim-partial-0badc0de"));
        Files.writeString(stale.resolve("spines.csv"), "from a run killed with SIGKILL\n");

        Path logs = Files.createDirectories(dir.resolve("logs"));
        Process long_ = CliProcess.start(dir, dir, logs.resolve("long"), "run", "--protocol", "lfs", "--spines",
                "200", "--out", out.toString(), "--force");
        Thread.sleep(1500); // into the simulation
        long_.destroy(); // SIGTERM
        assertTrue(long_.waitFor(30, TimeUnit.SECONDS), "stops on SIGTERM");
        assertNotEquals(0, long_.exitValue());
        assertEquals(earlier, TreeSnapshot.of(out));
        try (Stream<Path> entries = Files.list(dir)) {
            assertEquals(Set.of("result", "logs", stale.getFileName().toString()),
                    Set.copyOf(entries.map(p -> p.getFileName().toString()).toList()));
        }

        assertEquals(0, ltpsim(Command.RUN.args(null, out.toString(), "--seed", "5", "--force")).exitCode());
        assertEquals(5, Manifest.json().readTree(out.resolve("manifest.json").toFile()).get("seed").asLong());
        assertEquals("from a run killed with SIGKILL\n", Files.readString(stale.resolve("spines.csv")));
    }
}
