package org.ltpsim.camkii.ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import java.util.function.LongConsumer;
import org.ltpsim.camkii.CamkiiPopulation;
import org.ltpsim.parallel.BlockCodec;
import org.ltpsim.camkii.RingW2Population;
import org.ltpsim.camkii.SubunitSwitchPopulation;
import org.ltpsim.parallel.BlockExecutor;
import org.ltpsim.parallel.BlockFold;
import org.ltpsim.parallel.BlockRange;
import org.ltpsim.parallel.BlockRun;
import org.ltpsim.stats.RunningStats;

/**
 * A CaMKII ensemble (N spines of H holoenzymes under one calcium time course) as independent blocks of
 * {@link #BLOCK_SPINES} spines: block b is a population made by the caller from the stream
 * {@code RandomStreams.forBlock(seed, "camkii", b)}, advanced piecewise (calcium is constant between breakpoints, so
 * each piece is one exact call) and sampled at every output time; blocks fold in block order, so the ensemble is
 * bitwise the same for any thread count.
 */
public final class CamkiiBlocks {
    /** Spines per block: fixed, so random streams never depend on the thread count. */
    public static final int BLOCK_SPINES = 32;

    private final int spines;
    private final CalciumCourse course;
    private final double[] outputSec;
    private final IntFunction<BlockPopulation> population;

    /**
     * @param population the population of block b's spines ({@link #spinesIn(int)} of them), drawing from block
     *                   b's own stream
     */
    public CamkiiBlocks(int spines, CalciumCourse course, double[] outputSec,
            IntFunction<CamkiiPopulation> population) {
        this(model(Objects.requireNonNull(population, "population")), spines, course, outputSec);
    }

    private static IntFunction<BlockPopulation> model(IntFunction<CamkiiPopulation> population) {
        return block -> {
            CamkiiPopulation pop = population.apply(block);
            return new BlockPopulation(pop, pop::advanceUniform, pop::activeSubunits, pop::autonomousSubunits,
                    pop::hasLtp);
        };
    }

    /**
     * The W2 benchmark kernel's ensemble, for comparison with other simulators. The kernel has no calcium input: the
     * course only sets where its steps break, as for the model. It has one phosphorylated state (active and
     * autonomous, so both fractions report the phosphorylated one) and no LTP criterion (no spine counts as LTP).
     */
    public static CamkiiBlocks ofW2Kernel(int spines, CalciumCourse course, double[] outputSec,
            IntFunction<RingW2Population> kernel) {
        Objects.requireNonNull(kernel, "kernel");
        return new CamkiiBlocks(block -> {
            RingW2Population pop = kernel.apply(block);
            return new BlockPopulation(pop, (dtSec, caMicroMolar) -> pop.advance(dtSec), pop::phosphorylatedSubunits,
                    pop::phosphorylatedSubunits, spine -> false);
        }, spines, course, outputSec);
    }

    private CamkiiBlocks(IntFunction<BlockPopulation> population, int spines, CalciumCourse course,
            double[] outputSec) {
        if (spines < 1) {
            throw new IllegalArgumentException("spines must be >= 1: " + spines);
        }
        if (outputSec.length == 0) {
            throw new IllegalArgumentException("at least one output time is needed");
        }
        this.spines = spines;
        this.course = Objects.requireNonNull(course, "course");
        this.outputSec = outputSec.clone();
        this.population = population;
    }

    /** A block's population as a run reads it: the readouts all share, a step at calcium, and the model's own. */
    private record BlockPopulation(SubunitSwitchPopulation readouts, Step step, IntUnaryOperator activeSubunits,
            IntUnaryOperator autonomousSubunits, IntPredicate hasLtp) {}

    /** Advances a population by {@code dtSec} at a calcium it may ignore. */
    @FunctionalInterface
    private interface Step {
        void advance(double dtSec, double caMicroMolar);
    }

    public int blockCount() {
        return (int) ((spines + (long) BLOCK_SPINES - 1) / BLOCK_SPINES);
    }

    /** Spines in block {@code block} (the last may have fewer). */
    public int spinesIn(int block) {
        return Math.min(BLOCK_SPINES, spines - block * BLOCK_SPINES);
    }

    /**
     * Runs every block on {@code executor} and folds them in block order; {@code progress} hears the number of
     * (block, output time) samples taken so far, out of {@code blockCount() * outputTimes}, from any thread.
     */
    public CamkiiEnsemble run(BlockExecutor executor, LongConsumer progress) {
        AtomicLong samples = new AtomicLong();
        return new BlockRun<>(fold(), null, true).run(executor, BlockRange.all(blockCount()),
                block -> runBlock(block, () -> progress.accept(samples.incrementAndGet())))
                .state();
    }

    /** Runs block {@code block} (a pure function of it); {@code tick} hears each output time sampled. */
    public CamkiiBlock runBlock(int block, Runnable tick) {
        return runBlock(population.apply(block), tick);
    }

    /** Progress units (block x output time samples) of the blocks in {@code range}. */
    public long samplesIn(BlockRange range) {
        return (long) range.size() * outputSec.length;
    }

    /**
     * The fold of a run kept as blocks (for shards and checkpoints, through {@link #codec()}): its blocks in block
     * order, made into the ensemble by {@link #ensemble}.
     */
    public static BlockFold<CamkiiBlock, List<CamkiiBlock>> inBlockOrder() {
        return new BlockFold<>() {
            @Override
            public List<CamkiiBlock> start() {
                return new ArrayList<>();
            }

            @Override
            public List<CamkiiBlock> add(List<CamkiiBlock> state, CamkiiBlock result) {
                state.add(result);
                return state;
            }
        };
    }

    /** Writes and reads the blocks of {@link #inBlockOrder} exactly. */
    public static BlockCodec<CamkiiBlock, List<CamkiiBlock>> codec() {
        return new CamkiiBlockCodec();
    }

    /** The ensemble of every block, in block order (the same bits as {@link #run}). */
    public CamkiiEnsemble ensemble(List<CamkiiBlock> blocks) {
        if (blocks.size() != blockCount()) {
            throw new IllegalArgumentException(blocks.size() + " blocks given, the run has " + blockCount());
        }
        BlockFold<CamkiiBlock, CamkiiEnsemble> fold = fold();
        CamkiiEnsemble ensemble = fold.start();
        for (CamkiiBlock block : blocks) {
            ensemble = fold.add(ensemble, block);
        }
        return ensemble;
    }

    private CamkiiBlock runBlock(BlockPopulation block, Runnable tick) {
        final SubunitSwitchPopulation pop = block.readouts();
        int n = pop.spineCount();
        int times = outputSec.length;
        float[][] phosphorylated = new float[times][n];
        RunningStats[] phosphorylatedStats = CamkiiEnsemble.fresh(times);
        RunningStats[] active = CamkiiEnsemble.fresh(times);
        RunningStats[] autonomous = CamkiiEnsemble.fresh(times);
        int[] onCount = new int[times];
        for (int k = 0; k < times; k++) {
            // advance piecewise: calcium is constant between breakpoints, so each piece is one exact call
            while (pop.timeSec() < outputSec[k]) {
                double t = pop.timeSec();
                double until = Math.min(outputSec[k], course.nextChangeAfter(t));
                block.step().advance(until - t, course.valueAt(t));
                if (pop.timeSec() >= outputSec[k] - 1e-12 * Math.max(1, outputSec[k])) {
                    break; // absorb rounding of the accumulated clock
                }
            }
            for (int spine = 0; spine < n; spine++) {
                double total = pop.subunitCount(spine);
                double fraction = pop.phosphorylatedSubunits(spine) / total;
                phosphorylated[k][spine] = (float) fraction;
                phosphorylatedStats[k].add(fraction);
                active[k].add(block.activeSubunits().applyAsInt(spine) / total);
                autonomous[k].add(block.autonomousSubunits().applyAsInt(spine) / total);
                onCount[k] += pop.isOn(spine) ? 1 : 0;
            }
            tick.run();
        }
        int onAtEnd = 0;
        int ltp = 0;
        List<Double> censoredOn = new ArrayList<>();
        List<Double> censoredOff = new ArrayList<>();
        for (int spine = 0; spine < n; spine++) {
            onAtEnd += pop.isOn(spine) ? 1 : 0;
            ltp += block.hasLtp().test(spine) ? 1 : 0;
            // the period still running at the end: right-censored
            (pop.isOn(spine) ? censoredOn : censoredOff).add(pop.timeSec() - pop.stateSinceSec(spine));
        }
        return new CamkiiBlock(phosphorylated, phosphorylatedStats, active, autonomous, onCount, pop.lifetimes(),
                censoredOn.stream().mapToDouble(Double::doubleValue).toArray(),
                censoredOff.stream().mapToDouble(Double::doubleValue).toArray(), onAtEnd, ltp, pop.eventCount());
    }

    /** Blocks merged in block order: statistics by Chan et al.'s merge, spines and lifetimes appended. */
    BlockFold<CamkiiBlock, CamkiiEnsemble> fold() {
        final int times = outputSec.length;
        return new BlockFold<>() {
            @Override
            public CamkiiEnsemble start() {
                return new CamkiiEnsemble(times, spines);
            }

            @Override
            public CamkiiEnsemble add(CamkiiEnsemble e, CamkiiBlock r) {
                for (int k = 0; k < times; k++) {
                    e.phosphorylated[k].merge(r.phosphorylatedStats()[k]);
                    e.active[k].merge(r.active()[k]);
                    e.autonomous[k].merge(r.autonomous()[k]);
                    e.onCount[k] += r.onCount()[k];
                    System.arraycopy(r.phosphorylated()[k], 0, e.all[k], e.spinesSoFar, r.phosphorylated()[k].length);
                }
                e.spinesSoFar += r.phosphorylated()[0].length;
                e.lifetimes.add(r.lifetimes());
                for (double d : r.censoredOnSec()) {
                    e.censoredOnSec.add(d);
                }
                for (double d : r.censoredOffSec()) {
                    e.censoredOffSec.add(d);
                }
                e.onAtEnd += r.onAtEnd();
                e.ltpAtEnd += r.ltpAtEnd();
                e.events += r.events();
                return e;
            }
        };
    }
}
