package org.ltpsim.cli.scale;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.ltpsim.parallel.CheckpointRequest;

/**
 * Saves a last checkpoint when the process is told to stop (SIGTERM, SIGINT, SIGHUP: SLURM's pre-emption, time
 * limit and {@code scancel} send SIGTERM and kill about 30 s later), so a requeued or resumed run loses no more
 * than the blocks that were running. A JVM shutdown hook asks the run for the save and waits for it.
 */
final class FinalCheckpoint {
    /** How long the hook waits for the save: well inside SLURM's default KillWait of 30 s. */
    private static final long WAIT_SECONDS = 20;

    private final CheckpointRequest request;
    private final Thread hook;

    private FinalCheckpoint(CheckpointRequest request, Thread hook) {
        this.request = request;
        this.hook = hook;
    }

    /** Installs the hook for a run that saves to {@code file} when {@code request} asks. */
    static FinalCheckpoint install(CheckpointRequest request, Path file) {
        Thread hook = new Thread(() -> {
            request.request();
            try {
                if (request.awaitSaved(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    System.err.printf("%nltpsim: stopped: checkpoint saved to %s; run the same command with "
                            + "--resume to continue%n", file);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ltpsim-final-checkpoint");
        Runtime.getRuntime().addShutdownHook(hook);
        return new FinalCheckpoint(request, hook);
    }

    /** The run is over: no save will come, and none is needed on a later shutdown. */
    void remove() {
        request.close();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run; close() has released it
        }
    }
}
