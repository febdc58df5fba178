package org.ltpsim.cli.io;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet page compression without Hadoop: zstd (level {@value #LEVEL}) through zstd-jni, and pages written
 * uncompressed. parquet-java's own codec factory loads Hadoop's codec classes, which ltpsim does not ship.
 * Deterministic: the same pages give the same bytes.
 */
@SuppressWarnings("deprecation") // BytesInput.toByteArray: zstd-jni takes heap arrays; pages are small (about 1 MB)
public final class ZstdCodecs implements CompressionCodecFactory {
    /** zstd's default level: a good ratio at a few hundred MB/s, far faster than the simulation that made the table. */
    static final int LEVEL = 3;

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return switch (codec) {
            case ZSTD -> new BytesInputCompressor() {
                @Override
                public BytesInput compress(BytesInput bytes) throws IOException {
                    return BytesInput.from(Zstd.compress(bytes.toByteArray(), LEVEL));
                }

                @Override
                public CompressionCodecName getCodecName() {
                    return CompressionCodecName.ZSTD;
                }

                @Override
                public void release() {}
            };
            case UNCOMPRESSED -> new BytesInputCompressor() {
                @Override
                public BytesInput compress(BytesInput bytes) {
                    return bytes;
                }

                @Override
                public CompressionCodecName getCodecName() {
                    return CompressionCodecName.UNCOMPRESSED;
                }

                @Override
                public void release() {}
            };
            default -> throw new IllegalArgumentException("ltpsim writes Parquet pages as zstd or uncompressed: "
                    + codec);
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case ZSTD -> new BytesInputDecompressor() {
                @Override
                public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
                    byte[] out = Zstd.decompress(bytes.toByteArray(), decompressedSize);
                    if (out.length != decompressedSize) {
                        throw new IOException("zstd page: " + out.length + " bytes, expected " + decompressedSize);
                    }
                    return BytesInput.from(out);
                }

                @Override
                public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
                        throws IOException {
                    byte[] in = new byte[compressedSize];
                    input.get(in);
                    output.put(decompress(BytesInput.from(in), decompressedSize).toByteArray());
                }

                @Override
                public void release() {}
            };
            case UNCOMPRESSED -> new BytesInputDecompressor() {
                @Override
                public BytesInput decompress(BytesInput bytes, int decompressedSize) {
                    return bytes;
                }

                @Override
                public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output,
                        int decompressedSize) {
                    ByteBuffer slice = input.slice();
                    slice.limit(compressedSize);
                    output.put(slice);
                    input.position(input.position() + compressedSize);
                }

                @Override
                public void release() {}
            };
            default -> throw new IllegalArgumentException("not a codec ltpsim writes: " + codec);
        };
    }

    @Override
    public void release() {}
}
