package org.ltpsim.cli.io;

import java.util.Locale;
import org.ltpsim.cli.UserInputException;
import picocli.CommandLine.Option;

/**
 * How a result folder's tables are stored: CSV (default), or Parquet instead of CSV ({@code --format parquet}:
 * every {@code NAME.csv} the command writes becomes {@code NAME.parquet}, same columns and values; see
 * {@link ParquetTables}). Used as a picocli {@code @Mixin} by run, sweep, camkii and experiment.
 */
public final class TableFormat {
    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|parquet", description = "how tables are "
            + "written: csv (default) or parquet (NAME.parquet instead of NAME.csv: the same columns and values, "
            + "typed, zstd-compressed; read by pandas, pyarrow, polars)")
    String format;

    /** True for Parquet; a value other than csv or parquet is refused (one line, exit 2) before any work. */
    public boolean parquet() {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> false;
            case "parquet" -> true;
            default -> throw new UserInputException("--format must be csv or parquet: '" + format + "'");
        };
    }
}
