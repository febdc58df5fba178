package org.ltpsim.spine.sim;

import static org.ltpsim.spine.sim.BranchResultCodec.length;
import static org.ltpsim.spine.sim.BranchResultCodec.readBooleans;
import static org.ltpsim.spine.sim.BranchResultCodec.readDoubles;
import static org.ltpsim.spine.sim.BranchResultCodec.readInts;
import static org.ltpsim.spine.sim.BranchResultCodec.writeBooleans;
import static org.ltpsim.spine.sim.BranchResultCodec.writeDoubles;
import static org.ltpsim.spine.sim.BranchResultCodec.writeInts;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import org.ltpsim.parallel.BlocksCodedBy;
import org.ltpsim.stats.RunningStats;

/**
 * A spine run's blocks (branches, as {@link BranchResultCodec} writes them) and its folded state
 * ({@link FoldedBranches}), exactly (doubles as IEEE bits, each trace bin's running statistics as count, mean and sum
 * of squared deviations), so a resumed or merged run folds on to the same bits.
 */
final class FoldedBranchesCodec extends BlocksCodedBy<BranchResult, FoldedBranches> {
    private final List<SpineExperiment> experiments;
    private final SpineLayout[] layouts;

    FoldedBranchesCodec(BranchResultCodec branches, List<SpineExperiment> experiments, SpineLayout[] layouts) {
        super(branches);
        this.experiments = experiments;
        this.layouts = layouts;
    }

    @Override
    public String format() {
        // +folded/1: the state is one aggregate per experiment (was the list of branches)
        return blockFormat() + "+folded/1";
    }

    @Override
    public void writeState(DataOutput out, FoldedBranches state) throws IOException {
        out.writeInt(state.experiments.size());
        for (SpineAggregate a : state.experiments) {
            out.writeInt(a.branches);
            out.writeInt(a.bins());
            writeDoubles(out, a.peakCaMicroMolar);
            writeDoubles(out, a.qMaxMicroMolarSec);
            writeDoubles(out, a.qEndMicroMolarSec);
            writeDoubles(out, a.caElevatedMs);
            writeDoubles(out, a.peakDepolarisationMv);
            writeDoubles(out, a.caInfluxMicroMolar);
            writeDoubles(out, a.nmdaOpenChannelMs);
            writeInts(out, a.releases);
            writeBooleans(out, a.camkiiOn);
            writeBooleans(out, a.camkiiLtp);
            writeDoubles(out, a.branchPeakDepolarisationMv);
            for (int p = 0; p < a.experiment.pathways().size(); p++) {
                writeDoubles(out, a.traceSum[p]);
                for (RunningStats bin : a.traceStats[p]) {
                    out.writeLong(bin.count());
                    out.writeDouble(bin.rawMean());
                    out.writeDouble(bin.sumSquaredDeviations());
                }
                writeDoubles(out, a.traceMinSum[p]);
                writeDoubles(out, a.traceMaxSum[p]);
            }
            out.writeLong(a.fastSteps);
            out.writeLong(a.slowSteps);
            out.writeLong(a.jumps);
            out.writeInt(a.recordedTraces.size());
            for (SpineTrace trace : a.recordedTraces) {
                BranchResultCodec.writeTrace(out, trace);
            }
        }
    }

    @Override
    public FoldedBranches readState(DataInput in) throws IOException {
        FoldedBranches state = new FoldedBranches();
        int count = length(in.readInt(), "experiments");
        if (count > experiments.size()) {
            throw new IOException("a state of " + count + " experiments, the run has " + experiments.size());
        }
        for (int e = 0; e < count; e++) {
            SpineAggregate a = new SpineAggregate(experiments.get(e), layouts[e]);
            a.branches = in.readInt();
            if (a.branches < 1 || a.branches > layouts[e].branchCount()
                    || (e < count - 1 && a.branches != layouts[e].branchCount())) {
                throw new IOException("experiment " + e + " of " + layouts[e].branchCount() + " branches has "
                        + a.branches + " folded in");
            }
            a.allocateTraces(length(in.readInt(), "trace bins"));
            readDoubles(in, a.peakCaMicroMolar);
            readDoubles(in, a.qMaxMicroMolarSec);
            readDoubles(in, a.qEndMicroMolarSec);
            readDoubles(in, a.caElevatedMs);
            readDoubles(in, a.peakDepolarisationMv);
            readDoubles(in, a.caInfluxMicroMolar);
            readDoubles(in, a.nmdaOpenChannelMs);
            readInts(in, a.releases);
            readBooleans(in, a.camkiiOn);
            readBooleans(in, a.camkiiLtp);
            readDoubles(in, a.branchPeakDepolarisationMv);
            for (int p = 0; p < a.experiment.pathways().size(); p++) {
                readDoubles(in, a.traceSum[p]);
                RunningStats[] bins = a.traceStats[p];
                for (int k = 0; k < bins.length; k++) {
                    long n = in.readLong();
                    double mean = in.readDouble();
                    double squaredDeviations = in.readDouble();
                    if (n < 0 || !(squaredDeviations >= 0)) {
                        throw new IOException("bad trace statistics in bin " + k + ": " + n + ", " + squaredDeviations);
                    }
                    bins[k] = RunningStats.of(n, mean, squaredDeviations);
                }
                readDoubles(in, a.traceMinSum[p]);
                readDoubles(in, a.traceMaxSum[p]);
            }
            a.fastSteps = in.readLong();
            a.slowSteps = in.readLong();
            a.jumps = in.readLong();
            int traces = length(in.readInt(), "recorded traces");
            for (int i = 0; i < traces; i++) {
                a.recordedTraces.add(BranchResultCodec.readTrace(in));
            }
            state.experiments.add(a);
        }
        return state;
    }
}
