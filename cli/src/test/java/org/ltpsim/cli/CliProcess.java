package org.ltpsim.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ltpsim} as its own process, in a chosen working folder and with a chosen home folder: what a user's shell
 * does, for the paths ({@code .}, {@code ..}, the empty string, {@code ~}) that are resolved against them.
 */
final class CliProcess {
    private CliProcess() {}

    record Result(int exitCode, String out, String err) {}

    /**
     * Starts {@code ltpsim ARGS} in {@code workingDir} with {@code user.home} set to {@code home}; its standard
     * output and error go to {@code log.out} and {@code log.err}.
     */
    static Process start(Path workingDir, Path home, Path log, String... args) throws IOException {
        return start(List.of(), Main.class, workingDir, home, log, args);
    }

    /** As {@link #start(Path, Path, Path, String...)}, with JVM options and another main class. */
    static Process start(List<String> jvmOptions, Class<?> mainClass, Path workingDir, Path home, Path log,
            String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-modules=jdk.incubator.vector");
        command.addAll(jvmOptions);
        command.add("-Duser.home=" + home);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workingDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(log.resolveSibling(log.getFileName() + ".out").toFile())
                .redirectError(log.resolveSibling(log.getFileName() + ".err").toFile()).start();
    }

    /** Runs {@code ltpsim ARGS} to the end (at most two minutes) and returns its exit code and output. */
    static Result run(Path workingDir, Path home, Path log, String... args) throws IOException, InterruptedException {
        Process process = start(workingDir, home, log, args);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("ltpsim " + String.join(" ", args) + " did not finish");
        }
        return new Result(process.exitValue(), Files.readString(log.resolveSibling(log.getFileName() + ".out")),
                Files.readString(log.resolveSibling(log.getFileName() + ".err")));
    }
}
