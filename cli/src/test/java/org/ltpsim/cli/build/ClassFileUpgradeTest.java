package org.ltpsim.cli.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ClassFileUpgradeTest {
    @TempDir
    Path dir;

    /**
     * picocli's own jar (Java 5 class files): after the upgrade every class file is Java 8, the other entries are the
     * same bytes, and every class loads and passes the verifier in a fresh loader.
     */
    @Test
    void picocliUpgradedLoadsAndVerifies() throws IOException, URISyntaxException, ReflectiveOperationException {
        Path original = Path.of(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = dir.resolve("picocli.jar");
        Files.copy(original, jar);
        assertEquals(49, majorVersion(original, "picocli/CommandLine.class"), "picocli is no longer Java 5: "
                + "check whether the build step is still needed");

        int upgraded = ClassFileUpgrade.upgradeJar(jar, "picocli");

        List<String> classes = new ArrayList<>();
        try (ZipFile before = new ZipFile(original.toFile()); ZipFile after = new ZipFile(jar.toFile())) {
            assertEquals(before.size(), after.size());
            for (ZipEntry entry : before.stream().toList()) {
                String name = entry.getName();
                byte[] old = before.getInputStream(entry).readAllBytes();
                byte[] now = after.getInputStream(after.getEntry(name)).readAllBytes();
                if (name.startsWith("picocli/") && name.endsWith(".class")) {
                    classes.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                    assertEquals(ClassFileUpgrade.TARGET_MAJOR, ClassFile.of().parse(now).majorVersion(), name);
                } else {
                    assertTrue(Arrays.equals(old, now), name + " changed");
                }
            }
        }
        assertEquals(classes.size(), upgraded);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (String name : classes) {
                Class<?> loaded = Class.forName(name, true, loader); // initialised, so linked: verified
                assertEquals(loader, loaded.getClassLoader(), name);
            }
        }
    }

    private static int majorVersion(Path jar, String entry) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return ClassFile.of().parse(zip.getInputStream(zip.getEntry(entry)).readAllBytes()).majorVersion();
        }
    }
}
