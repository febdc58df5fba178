package org.ltpsim.cli.slurm;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ltpsim.cli.Main;
import org.ltpsim.cli.UserInputException;
import org.ltpsim.cli.io.OutputDirectory;
import org.ltpsim.cli.io.OutputFile;
import org.ltpsim.cli.scale.CheckpointInterval;
import org.ltpsim.parallel.Shard;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ltpsim slurm submit --shards N [...] -- ltpsim COMMAND ... --out OUT}: writes a job folder (the array and
 * merge scripts, job.json, shards/, logs/) beside OUT and submits the array and the merge job that waits for it.
 */
@Command(name = "submit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Submit an ltpsim run, sweep or sbml command as a SLURM job array of N shards and a merge job "
                + "that starts when every shard has succeeded (afterok).",
            "Give the command after '--', with its --out (the merged result); e.g.",
            "  ltpsim slurm submit --shards 16 --time 2:00:00 --cpus-per-task 8 -- \\",
            "      ltpsim run --protocol hfs --spines 100000 --out runs/big",
            "Each task runs shard SLURM_ARRAY_TASK_ID of N with SLURM_CPUS_PER_TASK threads, checkpointing, and "
                    + "resumes when requeued. The job folder (default OUT.slurm) keeps the scripts, job.json, the "
                    + "shard folders and the logs."})
public final class SlurmSubmitCommand implements Callable<Integer> {
    /** Options the scripts set themselves, which the command must leave out. */
    private static final Set<String> SET_BY_SCRIPTS = Set.of("--shard", "--threads", "--checkpoint-every",
            "--resume");

    @Option(names = "--shards", required = true, paramLabel = "N", description = "array tasks, one shard each")
    int shards;

    @Option(names = "--time", paramLabel = "D-HH:MM:SS", description = "time limit per task (sbatch --time)")
    String time;

    @Option(names = "--mem", paramLabel = "SIZE", description = "memory per task, e.g. 4G (sbatch --mem)")
    String mem;

    @Option(names = "--cpus-per-task", paramLabel = "C", description = "cores per task; ltpsim runs that many "
            + "threads (sbatch --cpus-per-task)")
    Integer cpusPerTask;

    @Option(names = "--partition", paramLabel = "NAME", description = "sbatch --partition")
    String partition;

    @Option(names = "--account", paramLabel = "NAME", description = "sbatch --account")
    String account;

    @Option(names = "--merge-time", paramLabel = "D-HH:MM:SS", description = "time limit of the merge job "
            + "(default: --time)")
    String mergeTime;

    @Option(names = "--checkpoint-every", paramLabel = "DURATION", defaultValue = "5min",
            description = "how often each task saves its finished blocks (default: ${DEFAULT-VALUE})")
    String checkpointEvery;

    @Option(names = "--job-dir", paramLabel = "DIR", description = "the job folder (default: OUT.slurm beside OUT)")
    Path jobDir;

    @Option(names = "--ltpsim", paramLabel = "COMMAND", description = "how compute nodes start ltpsim, e.g. "
            + "'/opt/jdk-25/bin/java -jar /shared/ltpsim.jar' (default: this Java and this jar)")
    String ltpsim;

    @Option(names = "--dry-run", description = "print the two scripts and the sbatch commands; write and submit "
            + "nothing")
    boolean dryRun;

    @Option(names = "--no-submit", description = "write the job folder but do not submit (run the printed sbatch "
            + "commands yourself)")
    boolean noSubmit;

    @Parameters(paramLabel = "COMMAND", description = "the ltpsim command to shard (after '--')")
    List<String> command = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SlurmScripts scripts = scripts();
        PrintWriter out = spec.commandLine().getOut();
        List<String> arraySubmit = List.of("sbatch", "--parsable", scripts.jobDir().resolve(
                SlurmScripts.SHARD_SCRIPT).toString());
        String mergeSubmit = "sbatch --parsable --dependency=afterok:<array job id> "
                + scripts.jobDir().resolve(SlurmScripts.MERGE_SCRIPT);
        if (dryRun) {
            out.println("# " + scripts.jobDir().resolve(SlurmScripts.SHARD_SCRIPT));
            out.print(scripts.shardScript());
            out.println();
            out.println("# " + scripts.jobDir().resolve(SlurmScripts.MERGE_SCRIPT));
            out.print(scripts.mergeScript());
            out.println();
            out.println("# submitted with:");
            out.println(String.join(" ", arraySubmit));
            out.println(mergeSubmit);
            return 0;
        }
        SlurmJob job = writeJobFolder(scripts);
        if (noSubmit) {
            out.println("wrote " + scripts.jobDir() + "; submit with:");
            out.println(String.join(" ", arraySubmit));
            out.println(mergeSubmit);
            return 0;
        }
        String arrayId = SlurmTools.sbatch(List.of(), scripts.jobDir().resolve(SlurmScripts.SHARD_SCRIPT).toString());
        job.addArrayJob(arrayId);
        job.save();
        String mergeId = SlurmTools.sbatch(List.of("--dependency=afterok:" + arrayId),
                scripts.jobDir().resolve(SlurmScripts.MERGE_SCRIPT).toString());
        job.addMergeJob(mergeId);
        job.save();
        out.printf("submitted job array %s (%d shards) and merge job %s (after all succeed) -> %s%n", arrayId,
                shards, mergeId, scripts.out());
        out.println("follow it with: ltpsim slurm status " + scripts.jobDir());
        return 0;
    }

    /** Checks everything and returns the scripts; nothing is written. */
    private SlurmScripts scripts() {
        if (shards < 1 || shards > Shard.MAX_COUNT) {
            throw new UserInputException("--shards must be from 1 to " + Shard.MAX_COUNT + ": " + shards);
        }
        if (cpusPerTask != null && cpusPerTask < 1) {
            throw new UserInputException("--cpus-per-task must be at least 1: " + cpusPerTask);
        }
        CheckpointInterval.parseNanos(checkpointEvery);
        List<String> args = new ArrayList<>(command);
        if (!args.isEmpty() && (args.get(0).equals("ltpsim") || args.get(0).endsWith("/ltpsim"))) {
            args.remove(0);
        }
        if (args.isEmpty() || !Set.of("run", "sweep", "sbml").contains(args.get(0))) {
            throw new UserInputException("give the command to shard after '--': ltpsim run, sweep or sbml with its "
                    + "options and --out, e.g. -- ltpsim run --spines 1000 --out runs/big"
                    + (args.isEmpty() ? "" : " (got '" + args.get(0) + "')"));
        }
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (SET_BY_SCRIPTS.contains(name)) {
                throw new UserInputException("the command must leave out " + name + ": each task sets --shard, "
                        + "--threads (from SLURM_CPUS_PER_TASK), --checkpoint-every and --resume itself");
            }
        }
        try {
            Main.commandLine().parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new UserInputException("the command after '--' does not parse: " + e.getMessage(), e);
        }
        boolean force = args.remove("--force");
        String outText = takeOut(args);
        Path cwd = Path.of("").toAbsolutePath();
        Path outPath = cwd.resolve(outText).normalize();
        if (args.get(0).equals("sbml")) {
            OutputFile.claim("--out", outPath, force);
        } else {
            OutputDirectory.claim("--out", outPath, force);
        }
        Path dir = (jobDir != null ? cwd.resolve(jobDir) : outPath.resolveSibling(outPath.getFileName() + ".slurm"))
                .normalize();
        if (!dryRun && Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new UserInputException("--job-dir " + dir + " exists: give a new folder (ltpsim slurm status / "
                    + "resubmit work on an existing one)");
        }
        return new SlurmScripts(launcher(), args, outPath, force, dir, cwd, shards, checkpointEvery,
                new SlurmScripts.Resources(time, mem, cpusPerTask, partition, account, mergeTime));
    }

    /** Removes {@code --out X} (or {@code --out=X}) from {@code args} and returns X. */
    private static String takeOut(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--out") && i + 1 < args.size()) {
                args.remove(i);
                return args.remove(i);
            }
            if (arg.startsWith("--out=")) {
                args.remove(i);
                return arg.substring("--out=".length());
            }
        }
        throw new UserInputException("the command after '--' needs --out (where the merged result goes)");
    }

    /** How compute nodes start ltpsim: --ltpsim, else this JVM with this class path (absolute). */
    private List<String> launcher() {
        if (ltpsim != null) {
            List<String> words = List.of(ltpsim.strip().split("\\s+"));
            if (words.isEmpty() || words.get(0).isEmpty()) {
                throw new UserInputException("--ltpsim must be a command, e.g. 'java -jar /shared/ltpsim.jar': '"
                        + ltpsim + "'");
            }
            return words;
        }
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            classPath.add(Path.of(entry).toAbsolutePath().normalize().toString());
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(),
                // the launcher's collector settings: a small young generation keeps a task's memory flat
                "--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC", "-Xmn32m"));
        // and its JIT settings as this JVM has them (the SIMD kernels' compile threshold and forced inlining)
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("-XX:CompileCommand=")) {
                command.add(option);
            }
        }
        command.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, classPath), Main.class.getName()));
        return command;
    }

    private SlurmJob writeJobFolder(SlurmScripts scripts) throws IOException {
        Path dir = scripts.jobDir();
        Files.createDirectories(dir.getParent());
        Files.createDirectory(dir);
        Files.createDirectory(dir.resolve("shards"));
        Files.createDirectory(dir.resolve("logs"));
        writeScript(dir.resolve(SlurmScripts.SHARD_SCRIPT), scripts.shardScript());
        writeScript(dir.resolve(SlurmScripts.MERGE_SCRIPT), scripts.mergeScript());
        SlurmJob job = SlurmJob.create(dir, scripts);
        job.save();
        return job;
    }

    private static void writeScript(Path file, String text) throws IOException {
        Files.writeString(file, text);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: sbatch reads the script anyway
        }
    }
}
