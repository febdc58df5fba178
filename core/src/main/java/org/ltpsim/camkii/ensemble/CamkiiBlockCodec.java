package org.ltpsim.camkii.ensemble;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.HdrHistogram.Histogram;
import org.ltpsim.camkii.SwitchLifetimes;
import org.ltpsim.parallel.BlockListCodec;
import org.ltpsim.stats.RunningStats;

/**
 * {@link CamkiiBlock}s, exactly (doubles and floats as their bits, histograms in HdrHistogram's own encoding), for
 * the shard files and checkpoints of {@code ltpsim camkii}. The state of a run is its blocks in block order; they
 * fold into the {@link CamkiiEnsemble} once all are there.
 */
final class CamkiiBlockCodec extends BlockListCodec<CamkiiBlock> {
    /** Bounds read sizes, so that a corrupt length fails cleanly instead of exhausting memory. */
    private static final int MAX_LENGTH = 1 << 28;

    CamkiiBlockCodec() {
        super("blocks");
    }

    @Override
    public String format() {
        return "camkii-blocks/1";
    }

    @Override
    public void writeBlock(DataOutput out, CamkiiBlock b) throws IOException {
        int times = b.phosphorylated().length;
        int spines = times == 0 ? 0 : b.phosphorylated()[0].length;
        out.writeInt(times);
        out.writeInt(spines);
        for (float[] row : b.phosphorylated()) {
            for (float value : row) {
                out.writeInt(Float.floatToRawIntBits(value));
            }
        }
        for (RunningStats[] series : new RunningStats[][] {b.phosphorylatedStats(), b.active(), b.autonomous()}) {
            for (RunningStats stats : series) {
                out.writeLong(stats.count());
                out.writeDouble(stats.rawMean());
                out.writeDouble(stats.sumSquaredDeviations());
            }
        }
        for (int count : b.onCount()) {
            out.writeInt(count);
        }
        writeLifetimes(out, b.lifetimes());
        writeDoubles(out, b.censoredOnSec());
        writeDoubles(out, b.censoredOffSec());
        out.writeInt(b.onAtEnd());
        out.writeInt(b.ltpAtEnd());
        out.writeLong(b.events());
    }

    @Override
    public CamkiiBlock readBlock(DataInput in) throws IOException {
        int times = length(in.readInt(), "output times");
        int spines = length(in.readInt(), "spines");
        if ((long) times * spines > MAX_LENGTH) {
            throw new IOException("implausible block size: " + times + " output times x " + spines + " spines");
        }
        float[][] phosphorylated = new float[times][spines];
        for (float[] row : phosphorylated) {
            for (int i = 0; i < spines; i++) {
                row[i] = Float.intBitsToFloat(in.readInt());
            }
        }
        RunningStats[][] series = new RunningStats[3][times];
        for (RunningStats[] stats : series) {
            for (int k = 0; k < times; k++) {
                long count = in.readLong();
                if (count < 0) {
                    throw new IOException("negative count: " + count);
                }
                stats[k] = RunningStats.of(count, in.readDouble(), in.readDouble());
            }
        }
        int[] onCount = new int[times];
        for (int k = 0; k < times; k++) {
            onCount[k] = in.readInt();
        }
        SwitchLifetimes lifetimes = readLifetimes(in);
        double[] censoredOn = readDoubles(in);
        double[] censoredOff = readDoubles(in);
        return new CamkiiBlock(phosphorylated, series[0], series[1], series[2], onCount, lifetimes, censoredOn,
                censoredOff, in.readInt(), in.readInt(), in.readLong());
    }

    private static void writeLifetimes(DataOutput out, SwitchLifetimes lifetimes) throws IOException {
        writeHistogram(out, lifetimes.onMillis());
        writeHistogram(out, lifetimes.offMillis());
        out.writeBoolean(lifetimes.keepsDurations());
        if (lifetimes.keepsDurations()) {
            writeDoubles(out, lifetimes.onDurationsSec());
            writeDoubles(out, lifetimes.offDurationsSec());
            writeDoubles(out, lifetimes.firstOffDurationsSec());
        }
    }

    private static SwitchLifetimes readLifetimes(DataInput in) throws IOException {
        Histogram on = readHistogram(in);
        Histogram off = readHistogram(in);
        if (!in.readBoolean()) {
            return SwitchLifetimes.restore(on, off, null, null, null);
        }
        return SwitchLifetimes.restore(on, off, readDoubles(in), readDoubles(in), readDoubles(in));
    }

    private static void writeHistogram(DataOutput out, Histogram histogram) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int size = histogram.encodeIntoByteBuffer(buffer);
        out.writeInt(size);
        out.write(buffer.array(), 0, size);
    }

    private static Histogram readHistogram(DataInput in) throws IOException {
        byte[] bytes = new byte[length(in.readInt(), "histogram bytes")];
        in.readFully(bytes);
        try {
            Histogram histogram = Histogram.decodeFromByteBuffer(ByteBuffer.wrap(bytes), 0);
            histogram.setAutoResize(true);
            return histogram;
        } catch (RuntimeException e) {
            throw new IOException("a damaged lifetime histogram: " + e.getMessage(), e);
        }
    }

    private static void writeDoubles(DataOutput out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double value : values) {
            out.writeLong(Double.doubleToRawLongBits(value));
        }
    }

    private static double[] readDoubles(DataInput in) throws IOException {
        double[] values = new double[length(in.readInt(), "values")];
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.longBitsToDouble(in.readLong());
        }
        return values;
    }

    private static int length(int value, String what) throws IOException {
        if (value < 0 || value > MAX_LENGTH) {
            throw new IOException("implausible number of " + what + ": " + value);
        }
        return value;
    }
}
