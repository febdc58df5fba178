package org.ltpsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run behind the launcher's start-up cache (Java 25 AOT cache: the classes a run loads, linked, and
 * its method profiles): one JVM that runs the commands users start most, small, so that the cache holds what each of
 * them needs. {@code java -XX:AOTCacheOutput=... -cp ltpsim.jar org.ltpsim.cli.StartupTraining SCRATCH_DIR}; the
 * outputs go under the scratch folder, which must exist and which the launcher deletes afterwards.
 */
public final class StartupTraining {
    private static final String MODEL = "startup-training-isomerisation.xml";

    private StartupTraining() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: StartupTraining EXISTING_SCRATCH_DIR");
            System.exit(Main.EXIT_BAD_INPUT);
        }
        System.exit(train(Path.of(args[0])));
    }

    /** Runs the training commands with their outputs under {@code scratch}; the first non-zero exit code, else 0. */
    static int train(Path scratch) throws IOException {
        int code = Main.execute("run", "--protocol", "hfs", "--spines", "100", "--seed", "1", "--threads", "1",
                "--out", scratch.resolve("run").toString());
        if (code != 0) {
            return code;
        }
        Path model = scratch.resolve(MODEL);
        try (InputStream in = StartupTraining.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IOException("resource missing: " + MODEL);
            }
            Files.copy(in, model);
        }
        return Main.execute("sbml", model.toString(), "--replicates", "20000", "--t-end", "50", "--dt-out", "1",
                "--seed", "1", "--threads", "1", "--out", scratch.resolve("sbml.csv").toString());
    }
}
