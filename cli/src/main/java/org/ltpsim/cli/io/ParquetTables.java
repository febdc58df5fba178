package org.ltpsim.cli.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * {@code --format parquet}: every table a command wrote as {@code NAME.csv} into its staging folder is rewritten as
 * {@code NAME.parquet} (and the CSV removed) before the folder is renamed into place, so Parquet files pass through
 * the same output safety as every other file, and the two formats hold the same values by construction.
 *
 * <p>Column types follow the text of the whole column: INT64 when every value is a whole number written without a
 * point or exponent, BOOLEAN when every value is true or false, DOUBLE when every value is a number (NaN and
 * Infinity included), else UTF-8 strings; an empty cell is null (every column is optional). The values are the CSV's
 * (6 significant digits where the CSV has them), so a table reads the same in either format.
 *
 * <p>Runs on Java 25 without Hadoop: {@link LocalOutputFile}, {@link PlainParquetConfiguration} and
 * {@link ZstdCodecs}; Hadoop's API is needed only to compile (a WriteSupport method signature names its
 * Configuration). Same input, same bytes: no timestamps are written.
 */
public final class ParquetTables {
    private ParquetTables() {}

    /** Rewrites every {@code *.csv} directly in {@code dir} as Parquet and deletes the CSV. */
    public static void convertAll(Path dir) throws IOException {
        List<Path> tables = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.csv")) {
            stream.forEach(tables::add);
        }
        tables.sort(null);
        for (Path csv : tables) {
            String name = csv.getFileName().toString();
            write(csv, csv.resolveSibling(name.substring(0, name.length() - ".csv".length()) + ".parquet"));
            Files.delete(csv);
        }
    }

    /** Writes the table {@code csv} as the Parquet file {@code parquet} (which must not exist). */
    public static void write(Path csv, Path parquet) throws IOException {
        List<String> header;
        ColumnKind[] kinds;
        try (BufferedReader in = Files.newBufferedReader(csv)) {
            String first = in.readLine();
            if (first == null) {
                throw new IOException(csv + ": an empty table has no header to take columns from");
            }
            header = CsvText.fields(first);
            kinds = new ColumnKind[header.size()];
            Arrays.fill(kinds, ColumnKind.EMPTY);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                List<String> row = row(csv, line, header.size());
                for (int c = 0; c < kinds.length; c++) {
                    kinds[c] = kinds[c].widen(row.get(c));
                }
            }
        }
        MessageType schema = schema(header, kinds, csv.getFileName().toString());
        try (BufferedReader in = Files.newBufferedReader(csv);
                ParquetWriter<List<String>> writer = new Builder(new LocalOutputFile(parquet), schema, kinds)
                        .withConf(new PlainParquetConfiguration()).withCodecFactory(new ZstdCodecs())
                        .withCompressionCodec(CompressionCodecName.ZSTD).build()) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                writer.write(row(csv, line, header.size()));
            }
        }
    }

    private static List<String> row(Path csv, String line, int columns) throws IOException {
        List<String> row = CsvText.fields(line);
        if (row.size() != columns) {
            throw new IOException(csv + ": a row of " + row.size() + " fields under a header of " + columns + ": "
                    + line);
        }
        return row;
    }

    private static MessageType schema(List<String> header, ColumnKind[] kinds, String name) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (int c = 0; c < kinds.length; c++) {
            switch (kinds[c]) {
                case LONG -> message.optional(PrimitiveTypeName.INT64).named(header.get(c));
                case DOUBLE -> message.optional(PrimitiveTypeName.DOUBLE).named(header.get(c));
                case BOOLEAN -> message.optional(PrimitiveTypeName.BOOLEAN).named(header.get(c));
                case EMPTY, STRING -> message.optional(PrimitiveTypeName.BINARY)
                        .as(LogicalTypeAnnotation.stringType()).named(header.get(c));
            }
        }
        return message.named(name.substring(0, name.length() - ".csv".length()).replace('-', '_'));
    }

    /** The narrowest type that holds every value of a column seen so far. */
    enum ColumnKind {
        EMPTY, LONG, DOUBLE, BOOLEAN, STRING;

        private static final Pattern WHOLE = Pattern.compile("-?[0-9]{1,18}");
        /** What Double.parseDouble accepts and ltpsim writes: not "1d", " 1" or "0x1p3". */
        private static final Pattern NUMBER = Pattern.compile("[-+0-9.eE]+|-?Infinity|NaN");

        ColumnKind widen(String value) {
            if (value.isEmpty() || this == STRING) {
                return this;
            }
            ColumnKind own = of(value);
            if (this == EMPTY || this == own) {
                return own;
            }
            boolean numbers = (this == LONG || this == DOUBLE) && (own == LONG || own == DOUBLE);
            return numbers ? DOUBLE : STRING;
        }

        private static ColumnKind of(String value) {
            if (value.equals("true") || value.equals("false")) {
                return BOOLEAN;
            }
            if (WHOLE.matcher(value).matches()) {
                return LONG;
            }
            if (!NUMBER.matcher(value).matches()) {
                return STRING;
            }
            try {
                Double.parseDouble(value);
                return DOUBLE;
            } catch (NumberFormatException e) { // e.g. "1.2.3"
                return STRING;
            }
        }
    }

    /** Writes rows of CSV text as the typed values of the schema. */
    private static final class RowWriteSupport extends WriteSupport<List<String>> {
        private final MessageType schema;
        private final ColumnKind[] kinds;
        private RecordConsumer consumer;

        RowWriteSupport(MessageType schema, ColumnKind[] kinds) {
            this.schema = schema;
            this.kinds = kinds;
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(schema, new HashMap<>());
        }

        /** Abstract in parquet-java 1.18 but never called: the writer is built with a ParquetConfiguration. */
        @Override
        @SuppressWarnings("deprecation")
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            throw new UnsupportedOperationException("ltpsim writes Parquet without Hadoop");
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(List<String> row) {
            consumer.startMessage();
            for (int c = 0; c < kinds.length; c++) {
                String value = row.get(c);
                if (value.isEmpty()) {
                    continue; // null
                }
                String name = schema.getFieldName(c);
                consumer.startField(name, c);
                switch (kinds[c]) {
                    case LONG -> consumer.addLong(Long.parseLong(value));
                    case DOUBLE -> consumer.addDouble(Double.parseDouble(value));
                    case BOOLEAN -> consumer.addBoolean(Boolean.parseBoolean(value));
                    case EMPTY, STRING -> consumer.addBinary(Binary.fromString(value));
                }
                consumer.endField(name, c);
            }
            consumer.endMessage();
        }
    }

    private static final class Builder extends ParquetWriter.Builder<List<String>, Builder> {
        private final MessageType schema;
        private final ColumnKind[] kinds;

        Builder(OutputFile file, MessageType schema, ColumnKind[] kinds) {
            super(file);
            this.schema = schema;
            this.kinds = kinds;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<List<String>> getWriteSupport(ParquetConfiguration configuration) {
            return new RowWriteSupport(schema, kinds);
        }

        /** Abstract in parquet-java 1.18 but never called: the writer is built with a ParquetConfiguration. */
        @Override
        @SuppressWarnings("deprecation")
        protected WriteSupport<List<String>> getWriteSupport(org.apache.hadoop.conf.Configuration configuration) {
            throw new UnsupportedOperationException("ltpsim writes Parquet without Hadoop");
        }
    }
}
