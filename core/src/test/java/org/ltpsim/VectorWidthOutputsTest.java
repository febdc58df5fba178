package org.ltpsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ltpsim.simd.VectorizationProvider;

/**
 * Outputs are the same bytes whatever the vector width: {@link KernelOutputs} run in child JVMs with the AVX2 path
 * ({@code -XX:UseAVX=2}: 4-lane kernels), with the machine's Panama kernels from the first call (a default run
 * starts on their scalar twins), with scalar kernels, and without the Vector API module gives the digest
 * of this JVM's run (8 lanes on an AVX-512 machine). The last also checks the fallback's one warning, which names
 * the flag to pass; a default run prints nothing.
 */
class VectorWidthOutputsTest {
    private static final String MODULE_ARG = "--add-modules=jdk.incubator.vector";
    /** The Panama kernels' vector bodies from the first call (a default run warms them up on scalar twins). */
    private static final String EAGER = "-Dltpsim.vectorization=panama";
    private static String here;

    @BeforeAll
    static void digestInThisJvm() {
        here = KernelOutputs.digest();
    }

    @Test
    void avx2PathGivesTheSameBytes() throws Exception {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        assumeTrue(arch.equals("amd64") || arch.equals("x86_64"), "-XX:UseAVX is an x86 flag");
        assumeTrue(VectorizationProvider.nativeLanes() >= 4, "no AVX2 here");
        Child child = run(MODULE_ARG, "-XX:UseAVX=2", EAGER);
        assertEquals("panama-256 (4 lanes)", child.provider(), child.toString());
        assertEquals(here, child.digest(), child.toString());
    }

    @Test
    void vectorBodiesFromTheFirstCallGiveTheSameBytes() throws Exception {
        assumeTrue(VectorizationProvider.nativeLanes() >= 4, "no Panama kernels here");
        Child child = run(MODULE_ARG, EAGER);
        assertTrue(child.provider().startsWith("panama-"), child.toString());
        assertEquals(here, child.digest(), child.toString());
    }

    @Test
    void scalarKernelsGiveTheSameBytes() throws Exception {
        Child child = run(MODULE_ARG, "-Dltpsim.vectorization=scalar");
        assertEquals("scalar", child.provider(), child.toString());
        assertEquals(here, child.digest(), child.toString());
        assertEquals("", withoutJdkWarning(child.stderr()), child.toString());
    }

    @Test
    void withoutTheModuleTheScalarFallbackWarnsOnceNamingTheFlag() throws Exception {
        Child child = run();
        assertEquals("scalar", child.provider(), child.toString());
        assertEquals(here, child.digest(), child.toString());
        String flag = VectorizationProvider.MODULE_FLAG;
        assertEquals("--add-modules jdk.incubator.vector", flag);
        int first = child.stderr().indexOf(flag);
        assertTrue(first >= 0, child.toString());
        assertEquals(-1, child.stderr().indexOf(flag, first + 1), "one warning: " + child);
    }

    @Test
    void insistingOnPanamaWithoutTheModuleFailsNamingTheFlag() throws Exception {
        Child child = run("-Dltpsim.vectorization=panama");
        assertNotEquals(0, child.exitCode(), child.toString());
        assertTrue(child.stderr().contains(VectorizationProvider.MODULE_FLAG), child.toString());
    }

    /** This JVM's choice is logged only when it falls back for want of the module: a normal run prints nothing. */
    @Test
    void theDefaultChoicePrintsNothing() throws Exception {
        Child child = run(MODULE_ARG);
        // the child runs at the machine's width, which this JVM's flags (e.g. -XX:UseAVX=2) may have narrowed
        assertTrue(VectorizationProvider.nativeLanes() == 0 || child.provider().startsWith("panama-"),
                child.toString());
        assertEquals(here, child.digest(), child.toString());
        assertEquals("", withoutJdkWarning(child.stderr()), child.toString());
    }

    /** Standard error without the JVM's own line about incubator modules. */
    private static String withoutJdkWarning(String stderr) {
        return stderr.replace("WARNING: Using incubator modules: jdk.incubator.vector", "").strip();
    }

    private record Child(List<String> command, int exitCode, String stdout, String stderr) {
        String provider() {
            return line("provider ");
        }

        String digest() {
            return line("digest ");
        }

        private String line(String prefix) {
            return stdout.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
                    .findFirst().orElse("(none)");
        }

        @Override
        public String toString() {
            return String.join(" ", command.subList(1, command.size() - 3)) + " -> exit " + exitCode
                    + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private static Child run(String... jvmArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmArgs));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(KernelOutputs.class.getName());
        Path out = Files.createTempFile("kernel-outputs", ".out");
        Path err = Files.createTempFile("kernel-outputs", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("child JVM did not finish: " + command);
            }
            return new Child(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
