package org.ltpsim.cli.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

/** A Parquet file read back with parquet-java's own reader (no Hadoop): its schema and every row, nulls as null. */
public record ParquetRead(MessageType schema, List<List<Object>> rows) {
    public static ParquetRead of(Path file) throws IOException {
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(new ZstdCodecs()).build();
        List<List<Object>> rows = new ArrayList<>();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            for (PageReadStore pages = reader.readNextRowGroup(); pages != null; pages = reader.readNextRowGroup()) {
                RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long r = 0; r < pages.getRowCount(); r++) {
                    Group group = records.read();
                    List<Object> row = new ArrayList<>();
                    for (int c = 0; c < schema.getFieldCount(); c++) {
                        row.add(group.getFieldRepetitionCount(c) == 0 ? null : value(group, c,
                                schema.getType(c).asPrimitiveType()));
                    }
                    rows.add(row);
                }
            }
            return new ParquetRead(schema, rows);
        }
    }

    private static Object value(Group group, int c, PrimitiveType type) {
        return switch (type.getPrimitiveTypeName()) {
            case INT64 -> group.getLong(c, 0);
            case DOUBLE -> group.getDouble(c, 0);
            case BOOLEAN -> group.getBoolean(c, 0);
            case BINARY -> group.getString(c, 0);
            default -> throw new AssertionError("ltpsim writes no " + type);
        };
    }

    public String typeOf(String column) {
        return schema.getType(column).asPrimitiveType().getPrimitiveTypeName().name();
    }
}
