package org.ltpsim.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The kernels' helpers that take or return vectors are force-inlined by {@code -XX:CompileCommand=inline} (and the
 * lanes' batch draw kept out of line by {@code dontinline}) in the launcher and in the test JVMs (pom.xml,
 * {@code vector.jit.args}): a command naming a method that no longer exists is silently ignored by the JVM, so this
 * checks that every named method exists and that the lists agree; the JMH forks take the same list from
 * {@code bench/.../BenchJvm.java}.
 */
class JitDirectivesTest {
    private static final Pattern INLINE = Pattern.compile("CompileCommand=((?:dont)?inline),([\\w.]+)::(\\w+)");

    @Test
    void theLauncherForcesInliningOfExistingMethodsOnly() throws Exception {
        List<String> launcher = inlined(Files.readString(Path.of("..", "ltpsim")));
        assertFalse(launcher.isEmpty(), "no CompileCommand=inline in the launcher");
        for (String target : launcher) {
            String[] parts = target.substring(target.indexOf(' ') + 1).split("::");
            Class<?> owner = Class.forName(parts[0]);
            boolean found = Arrays.stream(owner.getDeclaredMethods()).map(Method::getName).anyMatch(parts[1]::equals);
            assertTrue(found, "the launcher names " + target + ", which does not exist");
        }
    }

    @Test
    void theTestJvmsForceTheSameInlining() throws IOException {
        String testJvm = String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments());
        assertEquals(inlined(Files.readString(Path.of("..", "ltpsim"))), inlined(testJvm),
                "pom.xml's vector.jit.args and the launcher name different methods");
    }

    @Test
    void theBenchmarkForksForceTheSameInlining() throws IOException {
        Path benchJvm = Path.of("..", "bench", "src", "main", "java", "org", "ltpsim", "bench", "BenchJvm.java");
        assertEquals(inlined(Files.readString(Path.of("..", "ltpsim"))), inlined(Files.readString(benchJvm)),
                "bench's BenchJvm and the launcher name different methods");
    }

    private static List<String> inlined(String text) {
        Matcher m = INLINE.matcher(text);
        return m.results().map(r -> r.group(1) + " " + r.group(2) + "::" + r.group(3)).sorted().toList();
    }
}
