package org.ltpsim.cli.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.instruction.DiscontinuedInstruction;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A build step (cli/pom.xml, after the shade plugin): rewrites the class files of one package of the shaded jar that
 * are older than Java 6 (major version below 50; picocli is compiled for Java 5) as Java 8 class files, with stack
 * map frames. One package, named: other libraries' old classes are never loaded at start, and some refer to classes
 * that are not in the jar (the frames could not be computed).
 *
 * <p>Why: the JVM's ahead-of-time cache, which the launcher makes for each build (JEP 483), leaves such classes out
 * ("Old class has been linked"), so picocli's ~170 classes were read from the jar and checked by the old verifier at
 * every start: the launcher starts 50-80 ms sooner without it, pinned to one CPU (docs/performance.md, "The
 * seventh session"). The JDK's
 * class-file API rebuilds each method's code with the same instructions, which generates the frames that class
 * files of version 50 and later must carry; {@code ClassFileUpgradeTest} loads and verifies every upgraded class.
 */
public final class ClassFileUpgrade {
    /** The version written: Java 8 (a verifier that checks frames, no newer class-file features needed). */
    static final int TARGET_MAJOR = 52;
    private static final int OLDEST_CACHEABLE_MAJOR = 50;

    private ClassFileUpgrade() {}

    /**
     * {@code ClassFileUpgrade JAR PACKAGE}: upgrades the package's classes ({@code PACKAGE}: e.g. {@code picocli}) in
     * the jar, in place (written beside it, then moved over it).
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ClassFileUpgrade JAR PACKAGE");
        }
        Path jar = Path.of(args[0]);
        int upgraded = upgradeJar(jar, args[1]);
        System.out.println("ClassFileUpgrade: " + upgraded + " class files of " + args[1]
                + " older than Java 6 rewritten in " + jar);
    }

    /**
     * Rewrites every class file of {@code jar} in package {@code packageName} (and below) older than Java 6 that has
     * no subroutines, keeping the entry order; returns how many.
     */
    static int upgradeJar(Path jar, String packageName) throws IOException {
        String prefix = packageName.replace('.', '/') + "/";
        Path upgradedJar = jar.resolveSibling(jar.getFileName() + ".upgrading");
        int upgraded = 0;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            // stack map frames need the common supertypes of the types they merge: the jar's classes and the JDK's
            ClassFile classFile = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                    ClassHierarchyResolver.ofClassLoading(loader)));
            try (InputStream in = Files.newInputStream(jar);
                    ZipInputStream entries = new ZipInputStream(in);
                    OutputStream out = Files.newOutputStream(upgradedJar);
                    ZipOutputStream written = new ZipOutputStream(out)) {
                ZipEntry entry;
                while ((entry = entries.getNextEntry()) != null) {
                    byte[] bytes = entries.readAllBytes();
                    if (entry.getName().startsWith(prefix) && entry.getName().endsWith(".class")) {
                        ClassModel model = classFile.parse(bytes);
                        if (model.majorVersion() < OLDEST_CACHEABLE_MAJOR && !hasSubroutines(model)) {
                            bytes = upgrade(classFile, model);
                            upgraded++;
                        }
                    }
                    ZipEntry copy = new ZipEntry(entry.getName());
                    copy.setTime(entry.getTime());
                    written.putNextEntry(copy);
                    written.write(bytes);
                    written.closeEntry();
                }
            }
            Files.move(upgradedJar, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(upgradedJar);
        }
        return upgraded;
    }

    /**
     * Whether a method uses jsr or ret (subroutines, as very old compilers wrote {@code finally}): not allowed from
     * version 51 on, and not worth rewriting; such a class (none of picocli's) stays as it was.
     */
    static boolean hasSubroutines(ClassModel model) {
        return model.methods().stream().flatMap(m -> m.code().stream())
                .anyMatch(code -> code.elementStream().anyMatch(e -> e instanceof DiscontinuedInstruction));
    }

    /** The class rebuilt as a Java 8 class file: every method's code passed through, so its frames are generated. */
    static byte[] upgrade(ClassFile classFile, ClassModel model) {
        ClassTransform version = (builder, element) -> {
            if (element instanceof ClassFileVersion) {
                builder.withVersion(TARGET_MAJOR, 0);
            } else {
                builder.with(element);
            }
        };
        return classFile.transformClass(model,
                ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL).andThen(version));
    }
}
