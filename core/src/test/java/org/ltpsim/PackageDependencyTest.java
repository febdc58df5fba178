package org.ltpsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ltpsim.simd.VectorizationProvider;

/**
 * Package layering of core, read from the compiled classes (the constant pools: class references, and the field,
 * method and generic signatures), so it holds whatever the sources import or spell out in full.
 *
 * <p>Rules: no cycle among {@code org.ltpsim} packages; {@code org.ltpsim.simd} (kernels, their interfaces and data
 * types, the vectorization provider) depends on no {@code org.ltpsim} package but {@code org.ltpsim.rng}, which
 * depends on none; nothing outside {@code org.ltpsim.simd} references {@code jdk.incubator.vector}.
 */
class PackageDependencyTest {
    private static final String ROOT = "org/ltpsim/";
    private static final String SIMD = "org.ltpsim.simd";
    private static final String RNG = "org.ltpsim.rng";
    /** Type names inside descriptors and signatures: {@code Lorg/ltpsim/x/Y;} or {@code Lorg/ltpsim/x/Y<...>;}. */
    private static final Pattern DESCRIPTOR_TYPE = Pattern.compile("L(org/ltpsim/[\\w/$]+)[;<]");

    @Test
    void noCycleAmongPackages() {
        Dependencies deps = Dependencies.scan(classesDir());
        assertTrue(deps.packages().size() >= 8, "scanned packages: " + deps.packages());
        List<List<String>> cycles = cycles(deps.graph());
        assertTrue(cycles.isEmpty(), () -> "package cycles (one per group of packages that reach each other):\n"
                + describe(cycles, deps));
    }

    @Test
    void simdDependsOnlyOnRngAndRngOnNothing() {
        Dependencies deps = Dependencies.scan(classesDir());
        assertEquals(Set.of(RNG), deps.graph().getOrDefault(SIMD, Set.of()),
                () -> "simd may use only " + RNG + ": " + deps.examples(SIMD));
        assertEquals(Set.of(), deps.graph().getOrDefault(RNG, Set.of()), () -> "rng uses: " + deps.examples(RNG));
    }

    @Test
    void onlySimdTouchesTheVectorApi() {
        Dependencies deps = Dependencies.scan(classesDir());
        Set<String> users = new TreeSet<>(deps.vectorApiUsers());
        assertFalse(users.isEmpty(), "the Panama kernels should reference jdk.incubator.vector");
        users.removeIf(cls -> cls.startsWith(SIMD + "."));
        assertEquals(Set.of(), users, "classes outside " + SIMD + " that reference jdk.incubator.vector");
    }

    /** The rule itself fails on a cycle, and names it. */
    @Test
    void aCycleIsFoundAndNamed() {
        Map<String, Set<String>> graph = new TreeMap<>();
        graph.put("a", Set.of("b"));
        graph.put("b", Set.of("c", "d"));
        graph.put("c", Set.of("a"));
        graph.put("d", Set.of("e"));
        graph.put("e", Set.of("d"));
        graph.put("f", Set.of("a"));
        List<List<String>> cycles = cycles(graph);
        assertEquals(List.of(List.of("a", "b", "c", "a"), List.of("d", "e", "d")), cycles);
        assertEquals(List.of(), cycles(Map.of("a", Set.of("b"), "b", Set.of("c"))));
    }

    private static Path classesDir() {
        try {
            Path dir = Path.of(VectorizationProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            assertTrue(Files.isDirectory(dir.resolve(ROOT)), "not a classes directory: " + dir);
            return dir;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One cycle per strongly connected component of more than one package (Tarjan), each as a closed path that
     * starts at the component's smallest name, in name order.
     */
    static List<List<String>> cycles(Map<String, Set<String>> graph) {
        List<Set<String>> components = new Tarjan(graph).components;
        List<List<String>> cycles = new ArrayList<>();
        for (Set<String> component : components) {
            if (component.size() > 1) {
                cycles.add(closedPath(graph, component));
            }
        }
        cycles.sort((x, y) -> x.getFirst().compareTo(y.getFirst()));
        return cycles;
    }

    /** A shortest path from the component's first package back to itself, inside the component (BFS). */
    private static List<String> closedPath(Map<String, Set<String>> graph, Set<String> component) {
        String start = new TreeSet<>(component).first();
        Map<String, String> parent = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            String p = queue.poll();
            for (String q : new TreeSet<>(graph.getOrDefault(p, Set.of()))) {
                if (!component.contains(q)) {
                    continue;
                }
                if (q.equals(start)) {
                    List<String> path = new ArrayList<>();
                    path.add(start);
                    for (String r = p; !r.equals(start); r = parent.get(r)) {
                        path.add(1, r);
                    }
                    path.add(start);
                    return path;
                }
                if (!parent.containsKey(q)) {
                    parent.put(q, p);
                    queue.add(q);
                }
            }
        }
        throw new AssertionError("no cycle through " + start);
    }

    private static String describe(List<List<String>> cycles, Dependencies deps) {
        StringBuilder sb = new StringBuilder();
        List<Set<String>> components = new Tarjan(deps.graph()).components;
        for (List<String> cycle : cycles) {
            Set<String> group = components.stream().filter(c -> c.contains(cycle.getFirst())).findFirst().orElseThrow();
            sb.append("  ").append(String.join(" -> ", cycle)).append("   (group: ").append(group).append(")\n");
            for (int i = 0; i + 1 < cycle.size(); i++) {
                sb.append("    e.g. ").append(deps.example(cycle.get(i), cycle.get(i + 1))).append('\n');
            }
        }
        return sb.toString();
    }

    /** Tarjan's strongly connected components, iterating nodes and edges in name order. */
    private static final class Tarjan {
        final List<Set<String>> components = new ArrayList<>();
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();

        Tarjan(Map<String, Set<String>> graph) {
            this.graph = graph;
            for (String node : new TreeSet<>(graph.keySet())) {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            }
        }

        private void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.push(v);
            onStack.add(v);
            for (String w : new TreeSet<>(graph.getOrDefault(v, Set.of()))) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                Set<String> component = new TreeSet<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    component.add(w);
                } while (!w.equals(v));
                components.add(component);
            }
        }
    }

    /** Package -> packages it references (org.ltpsim only, itself excluded), with one example class edge each. */
    private record Dependencies(Map<String, Set<String>> graph, Map<String, String> edgeExamples,
                                Set<String> packages, Set<String> vectorApiUsers) {
        static Dependencies scan(Path classes) {
            Map<String, Set<String>> graph = new TreeMap<>();
            Map<String, String> examples = new TreeMap<>();
            Set<String> packages = new TreeSet<>();
            Set<String> vectorUsers = new TreeSet<>();
            try (Stream<Path> files = Files.walk(classes.resolve(ROOT))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    ClassModel model = ClassFile.of().parse(Files.readAllBytes(file));
                    String cls = model.thisClass().asInternalName();
                    String pkg = packageOf(cls);
                    packages.add(pkg);
                    for (String ref : references(model)) {
                        if (ref.startsWith("jdk/incubator/vector/")) {
                            vectorUsers.add(cls.replace('/', '.'));
                        }
                        if (ref.startsWith(ROOT) && !packageOf(ref).equals(pkg)) {
                            graph.computeIfAbsent(pkg, k -> new TreeSet<>()).add(packageOf(ref));
                            examples.putIfAbsent(pkg + " " + packageOf(ref),
                                    cls.replace('/', '.') + " uses " + ref.replace('/', '.'));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Dependencies(graph, examples, packages, vectorUsers);
        }

        /** Internal names of the classes a class file refers to. */
        private static Set<String> references(ClassModel model) {
            Set<String> refs = new TreeSet<>();
            for (PoolEntry entry : model.constantPool()) {
                if (entry instanceof ClassEntry c) {
                    String name = c.asInternalName();
                    int dims = 0;
                    while (name.charAt(dims) == '[') {
                        dims++;
                    }
                    if (dims == 0) {
                        refs.add(name);
                    } else if (name.charAt(dims) == 'L') {
                        refs.add(name.substring(dims + 1, name.length() - 1));
                    }
                } else if (entry instanceof Utf8Entry u) {
                    String text = u.stringValue();
                    if (text.indexOf('L') >= 0) {
                        Matcher m = DESCRIPTOR_TYPE.matcher(text);
                        while (m.find()) {
                            refs.add(m.group(1));
                        }
                        if (text.contains("Ljdk/incubator/vector/")) {
                            refs.add("jdk/incubator/vector/");
                        }
                    }
                }
            }
            return refs;
        }

        private static String packageOf(String internalName) {
            return internalName.substring(0, internalName.lastIndexOf('/')).replace('/', '.');
        }

        String example(String from, String to) {
            return edgeExamples.getOrDefault(from + " " + to, "?");
        }

        String examples(String from) {
            StringBuilder sb = new StringBuilder();
            for (String to : graph.getOrDefault(from, Set.of())) {
                sb.append("\n  ").append(example(from, to));
            }
            return sb.toString();
        }
    }
}
