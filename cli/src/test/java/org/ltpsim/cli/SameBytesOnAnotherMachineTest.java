package org.ltpsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shards of one run land on machines with other CPUs: a small {@code run}, {@code sbml} (a model whose rate laws and
 * rules use exp, ln and sin; not power, see {@code Expr}) and {@code sweep} give the same bytes in a child JVM whose code paths differ from this
 * one's: 4-lane AVX2 kernels ({@code -XX:UseAVX=2}) and HotSpot's math intrinsics off
 * ({@code -XX:-UseLibmIntrinsic}, so {@code Math.exp/log/pow} take the portable path, which differs from the
 * intrinsic one in the last bit for about one argument in ten).
 */
class SameBytesOnAnotherMachineTest {
    /** Options that change the code paths the way another CPU would. */
    static final List<String> OTHER_MACHINE = List.of("-XX:UseAVX=2", "-XX:+UnlockDiagnosticVMOptions",
            "-XX:-UseLibmIntrinsic");

    static final String EXP_MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" level="3" version="1">
              <model id="Transcendental" substanceUnits="item" timeUnits="second" extentUnits="item">
                <listOfCompartments><compartment id="C" size="1" constant="true" spatialDimensions="3"/></listOfCompartments>
                <listOfSpecies>
                  <species id="A" compartment="C" initialAmount="50" hasOnlySubstanceUnits="true"
                      boundaryCondition="false" constant="false"/>
                  <species id="B" compartment="C" initialAmount="0" hasOnlySubstanceUnits="true"
                      boundaryCondition="true" constant="false"/>
                </listOfSpecies>
                <listOfParameters><parameter id="d" value="0.1" constant="true"/></listOfParameters>
                <listOfRules>
                  <assignmentRule variable="B"><math xmlns="http://www.w3.org/1998/Math/MathML"><apply><plus/>
                    <apply><exp/><apply><divide/><ci>A</ci><cn>37.3</cn></apply></apply>
                    <apply><sin/><apply><divide/><ci>A</ci><cn>7.1</cn></apply></apply>
                    <apply><ln/><apply><plus/><ci>A</ci><cn>1.5</cn></apply></apply></apply></math></assignmentRule>
                </listOfRules>
                <listOfReactions>
                  <reaction id="birth" reversible="false">
                    <listOfProducts><speciesReference species="A" stoichiometry="1" constant="true"/></listOfProducts>
                    <kineticLaw><math xmlns="http://www.w3.org/1998/Math/MathML"><apply><times/><cn>5</cn>
                      <apply><exp/><apply><divide/><ci>A</ci><cn>-100</cn></apply></apply></apply></math></kineticLaw>
                  </reaction>
                  <reaction id="death" reversible="false">
                    <listOfReactants><speciesReference species="A" stoichiometry="1" constant="true"/></listOfReactants>
                    <kineticLaw><math xmlns="http://www.w3.org/1998/Math/MathML"><apply><times/><ci>d</ci><ci>A</ci>
                      </apply></math></kineticLaw>
                  </reaction>
                </listOfReactions>
              </model>
            </sbml>
            """;

    @TempDir
    Path dir;

    /** The three runs, into {@code args[0]}/here-or-there; run by this JVM and, as a main class, by the child. */
    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        int failed = 0;
        for (String[] command : commands(root, root.resolve(args[1]))) {
            failed += Main.execute(command) == 0 ? 0 : 1;
        }
        System.exit(failed);
    }

    static List<String[]> commands(Path root, Path out) {
        String model = root.resolve("transcendental.xml").toString();
        String[] shortRun = {"--spines", "6", "--set", "branch.spines_per_branch=3", "--set", "protocol.hfs_pulses=8",
            "--set", "protocol.after_ms=60", "--seed", "4", "--threads", "2"};
        return List.of(
                Stream.concat(Stream.of("run", "--out", out.resolve("run").toString()), Stream.of(shortRun))
                        .toArray(String[]::new),
                new String[] {"sbml", model, "--replicates", "300", "--t-end", "10", "--seed", "3", "--threads", "2",
                    "--out", out.resolve("sbml.csv").toString()},
                new String[] {"sweep", "--spines", "6", "--set", "branch.spines_per_branch=3", "--set",
                    "protocol.after_ms=60", "--param", "protocol.hfs_pulses=2,6,12", "--seed", "4", "--threads", "2",
                    "--out", out.resolve("sweep").toString()});
    }

    @Test
    void runSbmlAndSweepGiveTheSameBytesWithAvx2AndWithoutMathIntrinsics() throws Exception {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        assumeTrue(arch.equals("amd64") || arch.equals("x86_64"), "-XX:UseAVX and the libm intrinsics are x86's");
        Files.writeString(dir.resolve("transcendental.xml"), EXP_MODEL);
        main0(dir, "here");
        Path log = dir.resolve("child");
        Process child = CliProcess.start(OTHER_MACHINE, SameBytesOnAnotherMachineTest.class, dir, dir, log,
                dir.toString(), "there");
        if (!child.waitFor(5, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError("the child JVM did not finish");
        }
        assertEquals(0, child.exitValue(), Files.readString(dir.resolve("child.err")));
        Path here = dir.resolve("here");
        Path there = dir.resolve("there");
        assertArrayEquals(Files.readAllBytes(here.resolve("sbml.csv")), Files.readAllBytes(there.resolve("sbml.csv")),
                "sbml.csv");
        for (String file : List.of("run/spines.csv", "run/calcium.csv", "run/calcium.png", "run/q_max.png",
                "run/calcium.svg", "run/q_max.svg", "sweep/sweep.csv", "sweep/threshold.json", "sweep/sweep.png",
                "sweep/sweep.svg")) {
            assertArrayEquals(Files.readAllBytes(here.resolve(file)), Files.readAllBytes(there.resolve(file)), file);
        }
        assertEquals(withoutWallTime(here.resolve("run/summary.json")), withoutWallTime(there.resolve(
                "run/summary.json")), "run/summary.json");
    }

    private static void main0(Path root, String name) {
        for (String[] command : commands(root, root.resolve(name))) {
            assertEquals(0, Main.execute(command), String.join(" ", command));
        }
    }

    private static List<String> withoutWallTime(Path json) throws IOException {
        return Files.readAllLines(json).stream().filter(line -> !line.contains("\"wall_time_s\"")).toList();
    }
}
