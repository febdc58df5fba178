package org.ltpsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltpsim.cli.io.ParquetRead;

/**
 * {@code --format parquet}: the same command with the same seed writes NAME.parquet instead of every NAME.csv, and
 * parquet-java's reader gives back every value of the CSV (numbers exactly, empty cells as null), typed.
 */
class ParquetFormatTest {
    private static final String[] SHORT_HFS = {"--no-camkii", "--set", "protocol.hfs_pulses=10", "--set",
        "protocol.after_ms=100", "--seed", "4"};

    @TempDir
    Path dir;

    @Test
    void runTablesAsParquetHoldTheCsvValues() throws IOException {
        String[] run = CliRun.concat(new String[] {"run", "--spines", "6", "--record", "0,1"}, SHORT_HFS);
        assertEquals(0, Main.execute(CliRun.concat(run, "--out", dir.resolve("csv").toString())));
        assertEquals(0, Main.execute(CliRun.concat(run, "--format", "parquet", "--threads", "1", "--out",
                dir.resolve("pq").toString())));
        List<String> tables = sameTables(dir.resolve("csv"), dir.resolve("pq"));
        assertTrue(tables.containsAll(List.of("spines", "calcium", "traces")), tables.toString());
        ParquetRead spines = ParquetRead.of(dir.resolve("pq/spines.parquet"));
        assertEquals("INT64", spines.typeOf("id"));
        assertEquals("DOUBLE", spines.typeOf("peak_ca_uM"));
        assertEquals("BINARY", spines.typeOf("outcome"));
        assertEquals(6, spines.rows().size());

        // staged and listed like every output: the manifest names the Parquet files, so --force can replace them
        String manifest = Files.readString(dir.resolve("pq/manifest.json"));
        assertTrue(manifest.contains("\"spines.parquet\"") && !manifest.contains("\"spines.csv\""), manifest);
        assertEquals(0, Main.execute(CliRun.concat(run, "--force", "--out", dir.resolve("pq").toString())));
        assertTrue(Files.exists(dir.resolve("pq/spines.csv")) && !Files.exists(dir.resolve("pq/spines.parquet")));
        assertEquals(0, Main.execute(CliRun.concat(run, "--format", "parquet", "--threads", "1", "--force", "--out",
                dir.resolve("pq").toString())));

        // same seed, another thread count: the same bytes
        assertEquals(0, Main.execute(CliRun.concat(run, "--format", "parquet", "--threads", "2", "--out",
                dir.resolve("pq2").toString())));
        for (String table : tables) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("pq/" + table + ".parquet")),
                    Files.readAllBytes(dir.resolve("pq2/" + table + ".parquet")), table);
        }
    }

    @Test
    void sweepAndExperimentTablesAsParquet() throws IOException {
        String[] sweep = {"sweep", "--param", "protocol.hfs_pulses=5,20", "--spines", "8", "--no-camkii", "--set",
            "protocol.after_ms=100"};
        CliRun first = CliRun.of(CliRun.concat(sweep, "--out", dir.resolve("s-csv").toString()));
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(0, Main.execute(CliRun.concat(sweep, "--format", "parquet", "--out",
                dir.resolve("s-pq").toString())));
        assertEquals(List.of("sweep"), sameTables(dir.resolve("s-csv"), dir.resolve("s-pq")));

        String[] rules = {"experiment", "rules", "--branches", "1", "--set", "branch.spines_per_branch=8", "--set",
            "protocol.hfs_pulses=20"};
        assertEquals(0, Main.execute(CliRun.concat(rules, "--out", dir.resolve("r-csv").toString())));
        assertEquals(0, Main.execute(CliRun.concat(rules, "--format", "PARQUET", "--out",
                dir.resolve("r-pq").toString())));
        assertEquals(List.of("rules"), sameTables(dir.resolve("r-csv"), dir.resolve("r-pq")));
    }

    @Test
    void anUnknownFormatIsOneLineAndWritesNothing() {
        Path out = dir.resolve("x");
        CliRun r = CliRun.of(CliRun.concat(new String[] {"run", "--spines", "2", "--format", "xlsx", "--out",
            out.toString()},
                SHORT_HFS));
        assertEquals(Main.EXIT_BAD_INPUT, r.exitCode());
        assertEquals("--format must be csv or parquet: 'xlsx'", r.message());
        assertFalse(Files.exists(out));
    }

    /**
     * Every NAME.csv of {@code csvDir} is NAME.parquet (and no CSV) in {@code parquetDir}, with the same columns and
     * every value equal; the other files are there by the same names. Returns the table names.
     */
    private static List<String> sameTables(Path csvDir, Path parquetDir) throws IOException {
        List<String> tables = new ArrayList<>();
        List<String> others = new ArrayList<>();
        try (Stream<Path> files = Files.list(csvDir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".csv")) {
                    String table = name.substring(0, name.length() - 4);
                    assertFalse(Files.exists(parquetDir.resolve(name)), name + " is written as Parquet only");
                    compare(file, ParquetRead.of(parquetDir.resolve(table + ".parquet")));
                    tables.add(table);
                } else {
                    others.add(name);
                }
            }
        }
        for (String other : others) {
            assertTrue(Files.exists(parquetDir.resolve(other)), other);
        }
        return tables;
    }

    private static void compare(Path csv, ParquetRead parquet) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(",", -1));
        assertEquals(header.size(), parquet.schema().getFieldCount(), csv.toString());
        for (int c = 0; c < header.size(); c++) {
            assertEquals(header.get(c), parquet.schema().getFieldName(c));
        }
        assertEquals(lines.size() - 1, parquet.rows().size(), csv + ": rows");
        for (int r = 1; r < lines.size(); r++) {
            List<String> cells = csvCells(lines.get(r));
            List<Object> values = parquet.rows().get(r - 1);
            for (int c = 0; c < header.size(); c++) {
                String where = csv.getFileName() + " row " + r + " " + header.get(c);
                String text = cells.get(c);
                Object value = values.get(c);
                if (text.isEmpty()) {
                    assertNull(value, where);
                } else {
                    switch (value) {
                        case Long l -> assertEquals(Long.parseLong(text), l, where);
                        case Double d -> assertEquals(0, Double.compare(Double.parseDouble(text), d), where);
                        case Boolean b -> assertEquals(Boolean.parseBoolean(text), b, where);
                        default -> assertEquals(text, value, where);
                    }
                }
            }
        }
    }

    /** The cells of one CSV line: split at commas outside double quotes, then unquoted (as in rules.csv). */
    private static List<String> csvCells(String line) {
        return Stream.of(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1))
                .map(c -> c.startsWith("\"") ? c.substring(1, c.length() - 1).replace("\"\"", "\"") : c).toList();
    }
}
