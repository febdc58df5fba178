package org.ltpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher makes its start-up cache from this training run and, by design, says nothing when the run fails (the
 * JVM then starts without the cache): so the run is checked here.
 */
class StartupTrainingTest {
    @TempDir
    Path scratch;

    @Test
    void trainingRunsTheSpineRunAndTheBundledSbmlModel() throws IOException {
        assertEquals(0, StartupTraining.train(scratch));
        assertTrue(Files.isRegularFile(scratch.resolve("run").resolve("spines.csv")));
        List<String> table = Files.readAllLines(scratch.resolve("sbml.csv"));
        List<String> header = Arrays.asList(table.get(0).split(","));
        String[] last = table.get(table.size() - 1).split(",");
        assertEquals(50.0, Double.parseDouble(last[0]));
        // A <-> B (0.2 A, 0.1 B) from 50 A: at t = 50 (15 relaxation times) A is Binomial(50, 1/3), mean 50/3 and
        // sd 3.33, so the mean of 20,000 realisations has standard error 0.024. Fails wrongly with probability
        // ~6e-7 (5 standard errors, fixed seed).
        double meanA = Double.parseDouble(last[header.indexOf("A_mean")]);
        assertEquals(50.0 / 3, meanA, 5 * 0.0236, "mean A at t = 50");
    }
}
