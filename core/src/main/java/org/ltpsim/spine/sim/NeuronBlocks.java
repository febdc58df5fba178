package org.ltpsim.spine.sim;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;
import org.ltpsim.parallel.BlockCodec;
import org.ltpsim.parallel.BlockListCodec;
import org.ltpsim.parallel.BlockFold;
import org.ltpsim.parallel.BlockRange;
import org.ltpsim.spine.ChannelFactory;

/**
 * An expression run as independent blocks, one per neuron (a neuron's branches synchronise at its protein-pool
 * updates; neurons share nothing), for shards and checkpoints. A block runs the neuron's branches one after another
 * on the calling thread ({@link NeuronRunner#runNeurons}, each branch with its index in the whole run, so its random
 * streams); {@link #result} assembles the run from the neurons in order. The same bits as {@link SpineSimulator}'s
 * whole run, which runs the branches of all neurons in parallel instead.
 */
public final class NeuronBlocks {
    private final ChannelFactory channels;
    private final SpineExperiment experiment;
    private final SpineLayout layout;
    private final TraceRequest traces;
    private SimulatedWork work = new SimulatedWork(done -> {});

    /** One neuron's result: its branches in order and its cell's records. */
    public static final class Neuron {
        final List<BranchResult> branches;
        final CellRecords cell;

        Neuron(List<BranchResult> branches, CellRecords cell) {
            this.branches = List.copyOf(branches);
            this.cell = cell;
        }
    }

    /**
     * @param experiment an experiment with the expression layers
     * @param traces spines to record (null: none)
     */
    public NeuronBlocks(ChannelFactory channels, SpineExperiment experiment, TraceRequest traces) {
        this.channels = Objects.requireNonNull(channels, "channels");
        this.experiment = Objects.requireNonNull(experiment, "experiment");
        if (experiment.expression() == null) {
            throw new IllegalArgumentException("neuron blocks are for runs with the expression layers");
        }
        this.layout = new SpineLayout(experiment.pathways(), experiment.model().spinesPerBranch(),
                experiment.neurons());
        this.traces = traces;
        SpineBlocks.announceRunLength(work(BlockRange.all(blockCount())));
    }

    /** Blocks: one per neuron. */
    public int blockCount() {
        return layout.neurons();
    }

    /** Branches of the whole run. */
    public int branchCount() {
        return layout.branchCount();
    }

    /** Reports simulated work (branch fast-step ticks) from any worker thread, counting from {@code alreadyDone}. */
    public NeuronBlocks reportingTo(LongConsumer listener, long alreadyDone) {
        Objects.requireNonNull(listener, "listener");
        this.work = new SimulatedWork(done -> listener.accept(alreadyDone + done));
        return this;
    }

    /** Simulated work of the neurons of {@code range}: their branches' ticks. */
    public long work(BlockRange range) {
        return (long) range.size() * layout.branchesPerNeuron() * SpineBlocks.ticks(experiment);
    }

    /** Simulates neuron {@code block}. */
    public Neuron run(int block) {
        NeuronRunner.Neurons n = NeuronRunner.runNeurons(experiment, channels, NeuronBlocks::inOrder, work, traces,
                false, block, block + 1);
        return new Neuron(n.branches(), n.cells());
    }

    private static <R> List<R> inOrder(int count, java.util.function.IntFunction<R> work) {
        List<R> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(work.apply(i));
        }
        return out;
    }

    /** The neurons in block order. */
    public static BlockFold<Neuron, List<Neuron>> fold() {
        return new BlockFold<>() {
            @Override
            public List<Neuron> start() {
                return new ArrayList<>();
            }

            @Override
            public List<Neuron> add(List<Neuron> state, Neuron result) {
                state.add(result);
                return state;
            }
        };
    }

    /** The run from all its neurons, in order. */
    public SpineRunResult result(List<Neuron> neurons) {
        if (neurons.size() != layout.neurons()) {
            throw new IllegalArgumentException("the run has " + layout.neurons() + " neurons, got " + neurons.size());
        }
        List<BranchResult> branches = new ArrayList<>(layout.branchCount());
        List<CellRecords> cells = new ArrayList<>(neurons.size());
        for (Neuron n : neurons) {
            branches.addAll(n.branches);
            cells.add(n.cell);
        }
        return new SpineRunResult(experiment, layout, branches, CellRecords.concat(cells));
    }

    /** Neurons exactly (doubles as IEEE bits): each branch with its expression records, then the cell's records. */
    public BlockCodec<Neuron, List<Neuron>> codec() {
        return new NeuronCodec();
    }

    private static final class NeuronCodec extends BlockListCodec<Neuron> {
        private final BranchResultCodec withSums = new BranchResultCodec(true);
        private final BranchResultCodec withoutSums = new BranchResultCodec(false);

        NeuronCodec() {
            super("neurons");
        }

        @Override
        public String format() {
            return "expression-neurons/1";
        }

        @Override
        public void writeBlock(DataOutput out, Neuron n) throws IOException {
            out.writeInt(n.branches.size());
            for (BranchResult b : n.branches) {
                boolean sums = b.traceSum.length > 0 && b.traceSum[0].length > 0;
                out.writeBoolean(sums);
                (sums ? withSums : withoutSums).writeBranch(out, b);
                writeExpression(out, b.expression);
            }
            CellRecords c = n.cell;
            out.writeInt(c.signal.length);
            out.writeInt(c.signal.length == 0 ? 0 : c.signal[0].length);
            for (int k = 0; k < c.signal.length; k++) {
                BranchResultCodec.writeDoubles(out, c.signal[k]);
                BranchResultCodec.writeDoubles(out, c.transcripts[k]);
                BranchResultCodec.writeDoubles(out, c.proteins[k]);
                out.writeDouble(c.overdraftUnits[k]);
                out.writeDouble(c.capturedUnits[k]);
                out.writeLong(c.inductions[k]);
            }
        }

        @Override
        public Neuron readBlock(DataInput in) throws IOException {
            int count = BranchResultCodec.length(in.readInt(), "branches");
            List<BranchResult> list = new ArrayList<>(Math.min(count, 1 << 16));
            for (int i = 0; i < count; i++) {
                BranchResult b = (in.readBoolean() ? withSums : withoutSums).readBranch(in);
                b.expression = readExpression(in);
                list.add(b);
            }
            int neurons = BranchResultCodec.length(in.readInt(), "neurons");
            int records = BranchResultCodec.length(in.readInt(), "records");
            CellRecords c = new CellRecords(neurons, records);
            for (int k = 0; k < neurons; k++) {
                BranchResultCodec.readDoubles(in, c.signal[k]);
                BranchResultCodec.readDoubles(in, c.transcripts[k]);
                BranchResultCodec.readDoubles(in, c.proteins[k]);
                c.overdraftUnits[k] = in.readDouble();
                c.capturedUnits[k] = in.readDouble();
                c.inductions[k] = in.readLong();
            }
            return new Neuron(list, c);
        }

        private static void writeExpression(DataOutput out, ExpressionRecords x) throws IOException {
            int records = x.synapticAmpa.length;
            int spines = x.synapticNmdaEnd.length;
            int pathways = x.gluA2LackingSum.length;
            out.writeInt(spines);
            out.writeInt(pathways);
            out.writeInt(records);
            for (int p = 0; p < pathways; p++) {
                out.writeInt(x.epspSpineSumMv[p].length);
            }
            for (int[] row : x.synapticAmpa) {
                BranchResultCodec.writeInts(out, row);
            }
            for (double[][] sums : new double[][][] {x.gluA2LackingSum, x.reserveSum, x.slotsSum, x.stableSlotsSum,
                x.nmdaSum, x.volumeSum, x.epspSpineSumMv, x.epspBranchMv}) {
                for (double[] row : sums) {
                    BranchResultCodec.writeDoubles(out, row);
                }
            }
            for (int[][] counts : new int[][][] {x.tagged, x.primed, x.epspSpines}) {
                for (int[] row : counts) {
                    BranchResultCodec.writeInts(out, row);
                }
            }
            BranchResultCodec.writeInts(out, x.synapticNmdaEnd);
            BranchResultCodec.writeInts(out, x.slotsEnd);
            out.writeInt(x.reactionCounts == null ? -1 : x.reactionCounts.length);
            if (x.reactionCounts != null) {
                for (long c : x.reactionCounts) {
                    out.writeLong(c);
                }
            }
            out.writeBoolean(x.conservationViolation != null);
            if (x.conservationViolation != null) {
                out.writeUTF(x.conservationViolation);
            }
        }

        private static ExpressionRecords readExpression(DataInput in) throws IOException {
            int spines = BranchResultCodec.length(in.readInt(), "spines");
            int pathways = BranchResultCodec.length(in.readInt(), "pathways");
            int records = BranchResultCodec.length(in.readInt(), "records");
            int[] tests = new int[pathways];
            for (int p = 0; p < pathways; p++) {
                tests[p] = BranchResultCodec.length(in.readInt(), "test pulses");
            }
            ExpressionRecords x = new ExpressionRecords(spines, pathways, records, tests);
            for (int[] row : x.synapticAmpa) {
                BranchResultCodec.readInts(in, row);
            }
            for (double[][] sums : new double[][][] {x.gluA2LackingSum, x.reserveSum, x.slotsSum, x.stableSlotsSum,
                x.nmdaSum, x.volumeSum, x.epspSpineSumMv, x.epspBranchMv}) {
                for (double[] row : sums) {
                    BranchResultCodec.readDoubles(in, row);
                }
            }
            for (int[][] counts : new int[][][] {x.tagged, x.primed, x.epspSpines}) {
                for (int[] row : counts) {
                    BranchResultCodec.readInts(in, row);
                }
            }
            BranchResultCodec.readInts(in, x.synapticNmdaEnd);
            BranchResultCodec.readInts(in, x.slotsEnd);
            int reactions = in.readInt();
            if (reactions >= 0) {
                x.reactionCounts = new long[BranchResultCodec.length(reactions, "reactions")];
                for (int r = 0; r < reactions; r++) {
                    x.reactionCounts[r] = in.readLong();
                }
            }
            if (in.readBoolean()) {
                x.conservationViolation = in.readUTF();
            }
            return x;
        }
    }
}
