package org.ltpsim.cli.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.ltpsim.cli.UserInputException;

/**
 * SLURM's own commands ({@code sbatch}, {@code squeue}, {@code sacct}, {@code scancel}), run as processes: ltpsim
 * uses the scheduler as it is, it does not talk to its daemons.
 */
final class SlurmTools {
    private SlurmTools() {}

    /** Submits {@code script} with {@code options} and returns the job id ({@code sbatch --parsable}). */
    static String sbatch(List<String> options, String script) {
        List<String> command = new ArrayList<>(List.of("sbatch", "--parsable"));
        command.addAll(options);
        command.add(script);
        Result result = run(command, true);
        if (result.exitCode != 0) {
            throw new UserInputException("sbatch refused " + script + " (exit " + result.exitCode + "): "
                    + oneLine(result.err.isBlank() ? result.out : result.err));
        }
        String id = result.out.strip().split(";")[0];
        if (!id.matches("\\d+")) {
            throw new UserInputException("sbatch answered '" + oneLine(result.out) + "', not a job id");
        }
        return id;
    }

    /**
     * The state of every task of the job arrays {@code arrayIds} that SLURM still knows (squeue, then sacct when it
     * keeps accounting), by task index: later arrays (resubmissions) override earlier ones. Empty when the tools
     * are not there.
     */
    static Map<Integer, String> taskStates(List<String> arrayIds) {
        Map<Integer, String> states = new TreeMap<>();
        if (arrayIds.isEmpty()) {
            return states;
        }
        for (String arrayId : arrayIds) {
            Result sacct = run(List.of("sacct", "-n", "-P", "-X", "-j", arrayId, "-o", "JobID,State"), false);
            if (sacct != null && sacct.exitCode == 0) {
                parse(sacct.out, arrayId, states);
            }
            Result squeue = run(List.of("squeue", "-h", "-r", "-j", arrayId, "-o", "%i|%T"), false);
            if (squeue != null && squeue.exitCode == 0) {
                parse(squeue.out, arrayId, states);
            }
        }
        return states;
    }

    /** The state of a plain job (squeue, then sacct), or null when SLURM does not know it. */
    static String jobState(String jobId) {
        Result squeue = run(List.of("squeue", "-h", "-j", jobId, "-o", "%T"), false);
        if (squeue != null && squeue.exitCode == 0 && !squeue.out.isBlank()) {
            return squeue.out.strip().lines().findFirst().orElse(null);
        }
        Result sacct = run(List.of("sacct", "-n", "-P", "-X", "-j", jobId, "-o", "State"), false);
        if (sacct != null && sacct.exitCode == 0 && !sacct.out.isBlank()) {
            return sacct.out.strip().lines().findFirst().orElse(null).split(" ")[0];
        }
        return null;
    }

    /** Cancels a job; quiet when it is gone already. */
    static void scancel(String jobId) {
        run(List.of("scancel", jobId), false);
    }

    /** Whether {@code sbatch} can be run here. */
    static boolean available() {
        Result result = run(List.of("sbatch", "--version"), false);
        return result != null && result.exitCode == 0;
    }

    private static void parse(String text, String arrayId, Map<Integer, String> states) {
        for (String line : text.strip().split("\n")) {
            String[] parts = line.strip().split("\\|");
            if (parts.length < 2 || !parts[0].startsWith(arrayId + "_")) {
                continue;
            }
            String task = parts[0].substring(arrayId.length() + 1);
            if (task.matches("\\d+")) {
                states.put(Integer.parseInt(task), parts[1].split(" ")[0]);
            }
        }
    }

    private record Result(int exitCode, String out, String err) {}

    /** Runs a command for at most a minute; null (or, when {@code required}, a refusal) if it cannot start. */
    private static Result run(List<String> command, boolean required) {
        try {
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
                    new java.io.File("/dev/null"))).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new UserInputException(command.get(0) + " did not answer within a minute");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            if (required) {
                throw new UserInputException(command.get(0) + " cannot be run here (" + e.getMessage() + "): is this "
                        + "a SLURM login node? --dry-run prints the scripts, --no-submit writes them", e);
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + command.get(0), e);
        }
    }

    private static String oneLine(String text) {
        return text.strip().replace('\n', ' ');
    }
}
