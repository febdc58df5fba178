package org.ltpsim.cli.sweep;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.ltpsim.parallel.BlockCodec;
import org.ltpsim.parallel.BlocksCodedBy;
import org.ltpsim.parallel.BlockFold;
import org.ltpsim.spine.sim.BranchResult;
import org.ltpsim.spine.sim.SpineBlocks;

/**
 * A sweep's fold of branch results (blocks in grid-point order): each grid point's branches are kept until its
 * last one arrives, then reduced to its {@link PointReadouts} and dropped, so a sweep holds one point's branches at a
 * time. Saved exactly (doubles as IEEE bits) by {@link #codec()}.
 */
public final class SweepFold implements BlockFold<BranchResult, SweepFold.State> {
    private final SpineBlocks blocks;

    /** @param blocks the sweep's blocks (without trace sums: a sweep never reads them) */
    public SweepFold(SpineBlocks blocks) {
        this.blocks = blocks;
    }

    /** The readouts of the grid points done so far, and the branches of the point in progress. */
    public static final class State {
        final List<PointReadouts> done = new ArrayList<>();
        List<BranchResult> pending = new ArrayList<>();

        /** Readouts of points 0, 1, ... in order. */
        public List<PointReadouts> readouts() {
            return done;
        }
    }

    @Override
    public State start() {
        return new State();
    }

    @Override
    public State add(State state, BranchResult result) {
        state.pending.add(result);
        int point = state.done.size();
        if (state.pending.size() == blocks.firstBlock(point + 1) - blocks.firstBlock(point)) {
            state.done.add(PointReadouts.of(blocks.result(point, state.pending)));
            state.pending = new ArrayList<>();
        }
        return state;
    }

    /** Branches as {@link SpineBlocks#branchListCodec()} writes them; states as the points' readouts and the pending branches. */
    public BlockCodec<BranchResult, State> codec() {
        BlockCodec<BranchResult, List<BranchResult>> branches = blocks.branchListCodec();
        return new BlocksCodedBy<>(branches) {
            @Override
            public String format() {
                return "sweep-points/1+" + blockFormat();
            }

            @Override
            public void writeState(DataOutput out, State state) throws IOException {
                out.writeInt(state.done.size());
                for (PointReadouts r : state.done) {
                    out.writeInt(r.spines());
                    out.writeInt(r.ruleLtp());
                    out.writeInt(r.ruleLtd());
                    out.writeDouble(r.meanPeakCaMicroMolar());
                    out.writeDouble(r.qMaxP10());
                    out.writeDouble(r.qMaxP50());
                    out.writeDouble(r.qMaxP90());
                    out.writeBoolean(r.camkii());
                    out.writeInt(r.camkiiOn());
                    out.writeInt(r.camkiiLtp());
                    out.writeInt(r.camkiiUndecided());
                }
                branches.writeState(out, state.pending);
            }

            @Override
            public State readState(DataInput in) throws IOException {
                State state = new State();
                int points = in.readInt();
                if (points < 0 || points > blocks.experiments().size()) {
                    throw new IOException("bad number of grid points: " + points);
                }
                for (int i = 0; i < points; i++) {
                    state.done.add(new PointReadouts(in.readInt(), in.readInt(), in.readInt(), in.readDouble(),
                            in.readDouble(), in.readDouble(), in.readDouble(), in.readBoolean(), in.readInt(),
                            in.readInt(), in.readInt()));
                }
                state.pending = new ArrayList<>(branches.readState(in));
                return state;
            }
        };
    }
}
