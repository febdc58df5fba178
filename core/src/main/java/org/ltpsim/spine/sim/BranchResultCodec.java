package org.ltpsim.spine.sim;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.ltpsim.parallel.BlockListCodec;

/**
 * {@link BranchResult}s, exactly (doubles as IEEE bits): every per-spine readout, the branch's counters, its
 * recorded spine traces and, unless left out, its per-pathway calcium trace sums. A sweep leaves the trace sums out
 * (its readouts never use them, and they are most of a branch's size). The state of a spine run is the list of its
 * branches in block order.
 */
final class BranchResultCodec extends BlockListCodec<BranchResult> {
    /** Bounds read sizes, so that a corrupt length fails cleanly instead of exhausting memory. */
    private static final int MAX_LENGTH = 1 << 28;

    private final boolean traceSums;

    BranchResultCodec(boolean traceSums) {
        super("branches");
        this.traceSums = traceSums;
    }

    @Override
    public String format() {
        // /2: the trace's second moment is a sum of squared deviations (was a sum of squares)
        return traceSums ? "spine-branches/2" : "spine-branches-without-trace-sums/1";
    }

    /** {@code result} without its calcium trace sums (zero bins), through this codec (so no field is missed). */
    static BranchResult withoutTraceSums(BranchResult result) {
        BranchResultCodec codec = new BranchResultCodec(false);
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            codec.writeBlock(new DataOutputStream(bytes), result);
            return codec.readBlock(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        } catch (IOException e) {
            throw new UncheckedIOException("in memory", e);
        }
    }

    @Override
    public void writeBlock(DataOutput out, BranchResult r) throws IOException {
        if (r.expression != null) {
            // expression runs synchronise a neuron's branches: their blocks are neurons (NeuronBlocks)
            throw new IllegalStateException("a branch of an expression run is written with its neuron (NeuronBlocks)");
        }
        writeBranch(out, r);
    }

    /** The branch without its expression records (written by {@link NeuronBlocks}' codec after it). */
    void writeBranch(DataOutput out, BranchResult r) throws IOException {
        int pathways = r.traceSum.length;
        int bins = traceSums && pathways > 0 ? r.traceSum[0].length : 0;
        out.writeInt(r.peakCaMicroMolar.length);
        out.writeInt(pathways);
        out.writeInt(bins);
        writeDoubles(out, r.peakCaMicroMolar);
        writeDoubles(out, r.qMaxMicroMolarSec);
        writeDoubles(out, r.qEndMicroMolarSec);
        writeDoubles(out, r.caElevatedMs);
        writeDoubles(out, r.peakDepolarisationMv);
        writeDoubles(out, r.caInfluxMicroMolar);
        writeDoubles(out, r.nmdaOpenChannelMs);
        writeInts(out, r.releases);
        writeBooleans(out, r.camkiiOn);
        writeBooleans(out, r.camkiiLtp);
        if (bins > 0) {
            for (double[][] sums : new double[][][] {r.traceSum, r.traceSumSquaredDeviations, r.traceMinSum,
                    r.traceMaxSum}) {
                for (double[] pathway : sums) {
                    writeDoubles(out, pathway);
                }
            }
        }
        out.writeDouble(r.peakBranchDepolarisationMv);
        out.writeLong(r.fastSteps);
        out.writeLong(r.slowSteps);
        out.writeLong(r.jumps);
        out.writeInt(r.recordedTraces.length);
        for (SpineTrace trace : r.recordedTraces) {
            writeTrace(out, trace);
        }
    }

    @Override
    public BranchResult readBlock(DataInput in) throws IOException {
        return readBranch(in);
    }

    /** A branch as {@link #writeBranch} wrote it (no expression records). */
    BranchResult readBranch(DataInput in) throws IOException {
        int spines = length(in.readInt(), "spines");
        int pathways = length(in.readInt(), "pathways");
        int bins = length(in.readInt(), "trace bins");
        if (bins > 0 && !traceSums) { // (none where some are expected: folded into the experiment's first branch)
            throw new IOException("a branch with trace sums, expected without");
        }
        BranchResult r = new BranchResult(spines, pathways, bins);
        readDoubles(in, r.peakCaMicroMolar);
        readDoubles(in, r.qMaxMicroMolarSec);
        readDoubles(in, r.qEndMicroMolarSec);
        readDoubles(in, r.caElevatedMs);
        readDoubles(in, r.peakDepolarisationMv);
        readDoubles(in, r.caInfluxMicroMolar);
        readDoubles(in, r.nmdaOpenChannelMs);
        readInts(in, r.releases);
        readBooleans(in, r.camkiiOn);
        readBooleans(in, r.camkiiLtp);
        if (bins > 0) {
            for (double[][] sums : new double[][][] {r.traceSum, r.traceSumSquaredDeviations, r.traceMinSum,
                    r.traceMaxSum}) {
                for (double[] pathway : sums) {
                    readDoubles(in, pathway);
                }
            }
        }
        r.peakBranchDepolarisationMv = in.readDouble();
        r.fastSteps = in.readLong();
        r.slowSteps = in.readLong();
        r.jumps = in.readLong();
        int traces = length(in.readInt(), "recorded traces");
        r.recordedTraces = new SpineTrace[traces];
        for (int i = 0; i < traces; i++) {
            r.recordedTraces[i] = readTrace(in);
        }
        return r;
    }

    static void writeTrace(DataOutput out, SpineTrace trace) throws IOException {
        out.writeInt(trace.spine());
        out.writeInt(trace.pathway());
        out.writeDouble(trace.everyMs());
        out.writeInt(trace.sampleCount());
        out.writeBoolean(trace.hasCamkii());
        writeDoubles(out, trace.caMicroMolar);
        writeDoubles(out, trace.qMicroMolarSec);
        writeDoubles(out, trace.vMv);
        if (trace.hasCamkii()) {
            writeDoubles(out, trace.camkiiPhosphorylatedFraction);
        }
        writeInts(out, trace.ampaOpen);
        writeInts(out, trace.nmdaOpen);
    }

    static SpineTrace readTrace(DataInput in) throws IOException {
        int spine = in.readInt();
        int pathway = in.readInt();
        double everyMs = in.readDouble();
        int samples = length(in.readInt(), "trace samples");
        boolean camkii = in.readBoolean();
        SpineTrace trace = new SpineTrace(spine, pathway, everyMs, samples, camkii);
        readDoubles(in, trace.caMicroMolar);
        readDoubles(in, trace.qMicroMolarSec);
        readDoubles(in, trace.vMv);
        if (camkii) {
            readDoubles(in, trace.camkiiPhosphorylatedFraction);
        }
        readInts(in, trace.ampaOpen);
        readInts(in, trace.nmdaOpen);
        return trace;
    }

    static int length(int value, String what) throws IOException {
        if (value < 0 || value > MAX_LENGTH) {
            throw new IOException("bad number of " + what + ": " + value);
        }
        return value;
    }

    static void writeDoubles(DataOutput out, double[] values) throws IOException {
        for (double value : values) {
            out.writeDouble(value);
        }
    }

    static void readDoubles(DataInput in, double[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
    }

    static void writeInts(DataOutput out, int[] values) throws IOException {
        for (int value : values) {
            out.writeInt(value);
        }
    }

    static void readInts(DataInput in, int[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
        }
    }

    static void writeBooleans(DataOutput out, boolean[] values) throws IOException {
        for (boolean value : values) {
            out.writeBoolean(value);
        }
    }

    static void readBooleans(DataInput in, boolean[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readBoolean();
        }
    }
}
