package org.ltpsim.spine.sim;

import java.util.Arrays;
import java.util.List;
import org.ltpsim.camkii.CamkiiParameters;
import org.ltpsim.camkii.CamkiiPopulation;
import org.ltpsim.channels.ChannelPopulation;
import org.ltpsim.rng.RandomStreams;
import org.ltpsim.simd.CalciumStep;
import org.ltpsim.simd.SpineCircuit;
import org.ltpsim.simd.SpineStepArrays;
import org.ltpsim.simd.SpineStepKernel;
import org.ltpsim.simd.VectorizationProvider;
import org.ltpsim.spine.ChannelFactory;
import org.ltpsim.spine.Receptor;
import org.ltpsim.spine.Release;
import org.ltpsim.spine.SpineModel;
import org.ltpsim.spine.expression.ExpressionSettings;
import org.ltpsim.spine.expression.SynapseExpression;
import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.input.Stimulus;
import org.ltpsim.stats.YoungsCramer;

/**
 * One dendritic branch and its spines: the unit of parallel work and of random streams ("release", "ampa",
 * "nmda", block id = branch id).
 *
 * <p>Per step of length dt (ms), with time kept as whole ticks of the fast step:
 * <ol>
 * <li><b>release</b>: at a presynaptic spike each spine of the pathway releases Binomial(sites, p) vesicles;
 * each adds {@code peak} mM of cleft glutamate decaying with tau_glu (an exact exponential);</li>
 * <li><b>channels</b>: AMPA and NMDA populations advance with the step-average glutamate frozen over the step
 * (NMDA sees none under AP5, a competitive antagonist);</li>
 * <li><b>voltage</b>: backward Euler on the star network of spine heads (capacitance, leak, AMPA conductance,
 * NMDA conductance times the Jahr &amp; Stevens Mg2+ unblocked fraction at the start-of-step voltage) coupled
 * through their neck conductances to one branch compartment (leak to rest, optional clamp to a postsynaptic
 * command); solved exactly in O(spines) by eliminating the heads;</li>
 * <li><b>calcium</b>: Ca share of the NMDA current, I_Ca = f g_NMDA B(V)(V - E_Ca), into a buffered pool with
 * extrusion to rest: dCa/dt = J - (Ca - rest)/tau, J = -I_Ca / (2 F vol (1 + kappa)), integrated exactly for J
 * frozen over the step; and the leaky integral Q' = (Ca - rest) - Q/tau_Q, also exact.</li>
 * </ol>
 * The step is the fast step while a postsynaptic drive is on or glutamate is high, up to the slow step down the tail
 * of a release ({@code timestep.fast_step_glutamate_mm}), a quiet step when the branch has no glutamate
 * ({@code quietSteps} fast steps or up to the next channel event, at least {@code slowSteps}), in plain and
 * expression runs alike (one loop, {@link #advanceTo}). A branch with no glutamate, no drive, no channel able to
 * conduct, and every voltage and calcium within tolerance of rest jumps to its next input in one step (never
 * stepping through silence).
 *
 * <p>Readouts over time: the mean calcium trace per pathway, sampled at every trace bin time, with the mean over
 * spines of each spine's minimum and maximum calcium at the step ends within the bin (so that transients shorter
 * than a bin are not lost), and, for requested spines only, full state traces ({@link SpineTraceRecorder}). Neither
 * changes the steps taken or the random numbers drawn.
 *
 * <p>With CaMKII (optional), each spine's holoenzymes (org.ltpsim.camkii, stream "camkii") advance after the
 * calcium update with that step's calcium frozen, and across a silent jump at resting calcium.
 *
 * <p>With the expression layers (optional; {@link #advanceExpressionTo}), the branch also has GluA2-lacking AMPA
 * channels (stream "ampa-cp", none at the start) and a {@link SynapseExpression} (stream "trafficking") that moves
 * receptors into and out of the channel populations. Then: AMPA conductance counts both kinds of AMPA channels;
 * GluA2-lacking ones carry calcium; a spine's calcium per unit current scales with 1 / its head volume; CaMKII sees
 * each step's time-averaged calcium (exact mean of the frozen-influx solution) rather than its end value; the slow
 * layers advance on a grid of {@code timing.slow_step_s}, every step (quiet steps too) ending on it; and through
 * silence the branch advances in silent steps of {@code timing.silent_step_s}, a whole number of grid steps (CaMKII
 * lumped, {@link CamkiiPopulation#advanceSilence}, with its PP1 / inhibitor-1 state updated at each, then the slow
 * layers) instead of one jump, stopping at records and at the neuron's synchronisation points. Test pulses open a
 * window in which each spine's peak depolarisation (the EPSP) is taken. Without the expression layers none of this
 * runs and the branch is bitwise what it was.
 */
final class BranchSimulation {
    /** Calcium this far above rest counts as "elevated" for the elevated-time readout. */
    static final double ELEVATED_MICRO_MOLAR = 0.1;

    private final SpineModel m;
    private final ChannelFactory factory;
    private final int n;
    private final int[] pathwayOfSpine;
    /** Per spine: its rank among the branch's spines of its pathway, from 1 (the trace's running count). */
    private final int[] rankInPathway;
    private final int pathwayCount;
    private final ChannelPopulation ampa;
    private final ChannelPopulation nmda;
    private final Release release;
    private final double[] releasedVesicles; // per spine: whole numbers, or expected vesicles when mean-field
    private final CamkiiPopulation camkii;
    // events: presynaptic spikes of pathways with spines here, merged in (tick, pathway) order
    private final long[] eventTick;
    private final int[] eventPathway;
    // postsynaptic depolarisation windows (cell-wide), sorted by start
    private final long[] windowStart;
    private final long[] windowEnd;
    private final double[] windowMv;
    private final long endTick;
    private final long binTicks;

    // state, structure of arrays
    private final double[] glutamateMilliMolar;
    private final double[] glutamateStepAverage;
    private final double[] zeros;
    private final double[] vSpineMv;
    private double vBranchMv;
    private final double[] caMicroMolar;
    private final double[] qMicroMolarSec;
    private final double[] aCoefficient; // the heads' rows of the step's voltage system (spineStep's arrays)
    private final double[] inverseDiagonal; // 1 / the head's diagonal of the step's voltage system
    private final double[] nmdaConductanceNs;
    private final SpineStepKernel spineStepKernel;
    private final SpineStepArrays spineStep;
    private final SpineCircuit.Model circuitModel;
    private final MgBlock mgBlock;
    private final double[] caStepMean; // mean calcium over the step, for CaMKII on quiet steps (null if not needed)
    private boolean glutamateCleared; // every spine's glutamate is 0: glutamateStepTicks() found so, and no release since
    private boolean stepAverageCleared; // glutamateStepAverage is all 0 (advance() left it so)
    // calcium extremes of each spine since the last trace bin time (the envelope of the mean trace)
    private final double[] binMinCaMicroMolar;
    private final double[] binMaxCaMicroMolar;
    private final SpineTraceRecorder recorder; // null unless a spine of this branch is recorded

    // expression layers (null / empty without them)
    private final ExpressionSettings settings;
    private final SynapseExpression expression;
    private final ChannelPopulation ampaCp;
    private final double[] caStepAverage;
    private final long slowTicks;
    private final long silentTicks; // the step through silence, a whole number of slow steps
    private final long recordTicks;
    private final long[] testTick;
    private final int[] testPathway;
    private final int[] testIndex;
    private final double[] epspPeakMv;
    private final double qLtp;
    private final double qAnchor;
    private final double qLtd;
    private final double[] mglur;
    private final long[] mglurTick;
    private final double[] testMaskedGlutamate;
    private final long[] ap5Windows; // [start, end) tick pairs of timed AP5 application
    private long currentTick; // start of the step being taken (expression runs)
    private long lastSlowTick;
    private int nextTest;
    private int activeTest = -1; // index into testTick of the open EPSP window, -1 if none
    private long activeTestEndTick;
    private double activeTestBranchPeakMv;
    // resumable loop state (expression runs stop at synchronisation points)
    private long loopTick;
    private int loopNextEvent;
    private int loopNextWindow;
    private long loopReportedTick;
    private boolean loopStarted;
    private boolean stepThroughSilence; // tests: never jump, step through silence (the reference for the jumps)

    private final BranchResult result;
    // the constants of the last step length (steps take only a few distinct lengths)
    private SpineCircuit circuit;
    /**
     * Step constants by step length, direct-mapped on the length's bits: fast, slow and quiet steps alternate, and
     * making a calcium step anew (two exponentials) on every change was ~10% of an HFS run (JFR). Same numbers
     * either way.
     */
    private final SpineCircuit[] circuits = new SpineCircuit[64];

    BranchSimulation(SpineModel model, ChannelFactory factory, List<Pathway> pathways, SpineLayout layout,
            int branch, long seed, double endMs, double traceBinMs, CamkiiParameters camkiiParameters,
            int holoenzymesPerSpine, TraceRequest traceRequest) {
        this(model, factory, pathways, layout, branch, seed, endMs, traceBinMs, camkiiParameters, holoenzymesPerSpine,
                traceRequest, null);
    }

    BranchSimulation(SpineModel model, ChannelFactory factory, List<Pathway> pathways, SpineLayout layout,
            int branch, long seed, double endMs, double traceBinMs, CamkiiParameters camkiiParameters,
            int holoenzymesPerSpine, TraceRequest traceRequest, ExpressionSettings expressionSettings) {
        this.m = model;
        this.factory = factory;
        this.n = layout.spinesOn(branch);
        this.pathwayCount = pathways.size();
        int first = layout.firstSpine(branch);
        pathwayOfSpine = new int[n];
        rankInPathway = new int[n];
        boolean[] present = new boolean[pathwayCount];
        int[] seen = new int[pathwayCount];
        for (int i = 0; i < n; i++) {
            pathwayOfSpine[i] = layout.pathwayOf(first + i);
            present[pathwayOfSpine[i]] = true;
            rankInPathway[i] = ++seen[pathwayOfSpine[i]];
        }
        double fast = model.fastStepMs();
        endTick = Math.round(endMs / fast);
        binTicks = Math.max(1, Math.round(traceBinMs / fast));
        int bins = (int) (endTick / binTicks) + 1;

        int[] ampaCounts = new int[n];
        int[] nmdaCounts = new int[n];
        Arrays.fill(ampaCounts, model.ampaChannels());
        Arrays.fill(nmdaCounts, model.nmdaChannels());
        ampa = factory.create(Receptor.AMPA, ampaCounts, RandomStreams.forBlock(seed, "ampa", branch));
        nmda = factory.create(Receptor.NMDA, nmdaCounts, RandomStreams.forBlock(seed, "nmda", branch));
        release = factory.release(RandomStreams.forBlock(seed, "release", branch));
        releasedVesicles = new double[n];
        camkii = camkiiParameters == null ? null : factory.camkii(camkiiParameters, n, holoenzymesPerSpine,
                RandomStreams.forBlock(seed, "camkii", branch));

        int events = 0;
        for (int p = 0; p < pathwayCount; p++) {
            if (present[p]) {
                events += pathways.get(p).stimulus().pulseCount();
            }
        }
        long[] keys = new long[events];
        int k = 0;
        for (int p = 0; p < pathwayCount; p++) {
            if (present[p]) {
                for (double t : pathways.get(p).stimulus().spikeTimesMs()) {
                    keys[k++] = Math.round(t / fast) * 256 + p; // (tick, pathway) in one sortable key
                }
            }
        }
        if (pathwayCount > 256) {
            throw new IllegalArgumentException("at most 256 pathways: " + pathwayCount);
        }
        Arrays.sort(keys);
        eventTick = new long[events];
        eventPathway = new int[events];
        for (int e = 0; e < events; e++) {
            eventTick[e] = keys[e] / 256;
            eventPathway[e] = (int) (keys[e] % 256);
        }
        int windows = 0;
        for (Pathway p : pathways) {
            windows += p.stimulus().depolStartMs().length;
        }
        long[][] w = new long[windows][];
        double[] wMv = new double[windows];
        int wi = 0;
        for (Pathway p : pathways) {
            Stimulus s = p.stimulus();
            double[] starts = s.depolStartMs();
            double[] ends = s.depolEndMs();
            for (int i = 0; i < starts.length; i++) {
                w[wi] = new long[] {Math.round(starts[i] / fast), Math.max(Math.round(ends[i] / fast),
                        Math.round(starts[i] / fast) + 1), wi};
                wMv[wi] = s.depolMv();
                wi++;
            }
        }
        Arrays.sort(w, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[2], b[2]));
        windowStart = new long[windows];
        windowEnd = new long[windows];
        windowMv = new double[windows];
        for (int i = 0; i < windows; i++) {
            windowStart[i] = w[i][0];
            windowEnd[i] = w[i][1];
            windowMv[i] = wMv[(int) w[i][2]];
        }

        glutamateMilliMolar = new double[n];
        glutamateStepAverage = new double[n];
        zeros = new double[n];
        vSpineMv = new double[n];
        Arrays.fill(vSpineMv, model.restMv());
        vBranchMv = model.restMv();
        caMicroMolar = new double[n];
        Arrays.fill(caMicroMolar, model.caRestMicroMolar());
        qMicroMolarSec = new double[n];
        caStepMean = camkii != null && expressionSettings == null && model.quietSteps() > model.slowSteps()
                ? new double[n] : null;
        binMinCaMicroMolar = new double[n];
        binMaxCaMicroMolar = new double[n];
        Arrays.fill(binMinCaMicroMolar, model.caRestMicroMolar());
        Arrays.fill(binMaxCaMicroMolar, model.caRestMicroMolar());
        result = new BranchResult(n, pathwayCount, bins);
        spineStepKernel = VectorizationProvider.getInstance().spineStepKernel();
        spineStep = new SpineStepArrays(n, vSpineMv, caMicroMolar, qMicroMolarSec, result.nmdaOpenChannelMs,
                result.peakDepolarisationMv, result.caInfluxMicroMolar, result.qMaxMicroMolarSec,
                result.peakCaMicroMolar, result.caElevatedMs, binMinCaMicroMolar, binMaxCaMicroMolar, caStepMean);
        aCoefficient = spineStep.aCoefficient;
        inverseDiagonal = spineStep.inverseDiagonal;
        nmdaConductanceNs = spineStep.nmdaConductanceNs;
        circuitModel = model.circuit(ELEVATED_MICRO_MOLAR);
        circuit = new SpineCircuit(circuitModel, fast);
        mgBlock = new MgBlock(circuit, n);
        recorder = traceRequest == null ? null : recorder(traceRequest, layout, first, endTick);

        settings = expressionSettings;
        qLtp = model.qLtpMicroMolarSec();
        qLtd = model.qLtdMicroMolarSec();
        qAnchor = settings == null ? Double.POSITIVE_INFINITY : settings.model().anchoringQMicroMolarSec();
        if (settings == null) {
            expression = null;
            ampaCp = null;
            caStepAverage = null;
            slowTicks = 0;
            silentTicks = 0;
            recordTicks = 0;
            testTick = new long[0];
            testPathway = new int[0];
            testIndex = new int[0];
            epspPeakMv = null;
            mglur = null;
            mglurTick = null;
            testMaskedGlutamate = null;
            ap5Windows = new long[0];
            return;
        }
        mglur = new double[n];
        mglurTick = new long[n];
        testMaskedGlutamate = new double[n];
        double[] windowsMs = settings.ap5WindowsMs();
        ap5Windows = new long[windowsMs.length];
        for (int edge = 0; edge < windowsMs.length; edge++) {
            ap5Windows[edge] = Math.round(windowsMs[edge] / fast);
        }
        if (camkii == null) {
            throw new IllegalArgumentException("the expression layers need CaMKII");
        }
        ampaCp = factory.create(Receptor.AMPA, new int[n], RandomStreams.forBlock(seed, "ampa-cp", branch));
        expression = new SynapseExpression(settings.model(), ampa, ampaCp, nmda, camkii,
                RandomStreams.forBlock(seed, "trafficking", branch));
        caStepAverage = new double[n];
        Arrays.fill(caStepAverage, model.caRestMicroMolar());
        slowTicks = Math.max(1, Math.round(settings.model().slowStepSec() * 1000 / fast));
        silentTicks = slowTicks * Math.max(1, Math.round(settings.model().silentStepSec()
                / settings.model().slowStepSec()));
        recordTicks = slowTicks * Math.max(1, Math.round(settings.recordEveryMs() / (settings.model().slowStepSec()
                * 1000)));
        int records = (int) (endTick / recordTicks) + 1;
        int[] testCounts = new int[pathwayCount];
        long[] testKeys = new long[0];
        for (int p = 0; p < pathwayCount; p++) {
            double[] times = settings.testPulseTimesMs(p, endMs);
            testCounts[p] = times.length;
            if (!present[p]) {
                continue;
            }
            double[] spikes = pathways.get(p).stimulus().spikeTimesMs();
            int old = testKeys.length;
            testKeys = Arrays.copyOf(testKeys, old + times.length);
            int kept = 0;
            for (int t = 0; t < times.length; t++) {
                if (nearSpike(spikes, times[t])) {
                    continue; // a test pulse during the pathway's own stimulus is no test: left out
                }
                // (tick, pathway, index) in one sortable key: index < 2^24, pathway < 256
                testKeys[old + kept++] = (Math.round(times[t] / fast) << 32) | ((long) p << 24) | t;
            }
            testKeys = Arrays.copyOf(testKeys, old + kept);
        }
        Arrays.sort(testKeys);
        testTick = new long[testKeys.length];
        testPathway = new int[testKeys.length];
        testIndex = new int[testKeys.length];
        for (int t = 0; t < testKeys.length; t++) {
            testTick[t] = testKeys[t] >>> 32;
            testPathway[t] = (int) ((testKeys[t] >>> 24) & 0xFF);
            testIndex[t] = (int) (testKeys[t] & 0xFFFFFF);
        }
        epspPeakMv = new double[n];
        result.expression = new ExpressionRecords(n, pathwayCount, records, testCounts);
    }

    /** Whether a spike of {@code spikes} (ascending) lies within 1 s of {@code timeMs}. */
    private static boolean nearSpike(double[] spikes, double timeMs) {
        int k = Arrays.binarySearch(spikes, timeMs);
        int next = k >= 0 ? k : -k - 1;
        return (next < spikes.length && spikes[next] - timeMs < 1000)
                || (next > 0 && timeMs - spikes[next - 1] < 1000);
    }

    /**
     * The glutamate the NMDA receptors see: none under AP5; while a test pulse's window is open, none at the tested
     * pathway's spines (test pulses read the AMPA EPSP and do not themselves drive plasticity).
     */
    private double[] nmdaGlutamate() {
        if (m.ap5() || ap5At(currentTick)) {
            return zeros;
        }
        if (activeTest < 0) {
            return glutamateStepAverage;
        }
        int p = testPathway[activeTest];
        for (int i = 0; i < n; i++) {
            testMaskedGlutamate[i] = pathwayOfSpine[i] == p ? 0.0 : glutamateStepAverage[i];
        }
        return testMaskedGlutamate;
    }

    /** Whether timed AP5 (expression runs) is applied at this tick. */
    private boolean ap5At(long tick) {
        for (int w = 0; w < ap5Windows.length; w += 2) {
            if (tick >= ap5Windows[w] && tick < ap5Windows[w + 1]) {
                return true;
            }
        }
        return false;
    }

    /** The branch's expression layers (null without them). */
    SynapseExpression expression() {
        return expression;
    }

    /** A recorder for the requested spines that sit on this branch, or null if none does. */
    private SpineTraceRecorder recorder(TraceRequest request, SpineLayout layout, int first, long endTickOfRun) {
        int[] ids = java.util.stream.IntStream.of(request.spines()).filter(id -> id >= first && id < first + n)
                .toArray();
        if (ids.length == 0) {
            return null;
        }
        int[] local = new int[ids.length];
        int[] pathways = new int[ids.length];
        for (int s = 0; s < ids.length; s++) {
            local[s] = ids[s] - first;
            pathways[s] = layout.pathwayOf(ids[s]);
        }
        return new SpineTraceRecorder(m, local, ids, pathways, request.sampleTicks(m.fastStepMs()), endTickOfRun,
                camkii != null);
    }

    /** Runs the branch to its end; {@code work} (null: none) hears of its advance as it goes. */
    BranchResult run(SimulatedWork work) {
        advanceTo(endTick, work);
        return finish();
    }

    /**
     * Expression runs: advances the branch to {@code stopTick} (a synchronisation point or the end), from wherever the
     * previous call left it ({@link #advanceTo}).
     */
    void advanceExpressionTo(long stopTick, SimulatedWork work) {
        if (expression == null) {
            throw new IllegalStateException("not an expression run");
        }
        advanceTo(stopTick, work);
    }

    /**
     * The branch loop, for plain and expression runs alike: advances to {@code stopTick} (the end, or a neuron's
     * synchronisation point) from wherever the previous call left it. Per step: deliver the pulses (and test pulses)
     * due, find the drive, then either cross silence ({@link #crossSilence}) or take one step: the fast step while a
     * drive is on, the step glutamate allows while it is present ({@link #glutamateStepTicks}), else a quiet step
     * ({@link #quietStepTicks}), never past the next input, window
     * edge or stop, nor (expression runs) past the next slow grid point or the end of an open test window; expression
     * runs then advance their slow layers at each grid point.
     */
    private void advanceTo(long stopTick, SimulatedWork work) {
        final long slow = m.slowSteps();
        final long reportEvery = SimulatedWork.reportInterval(endTick);
        long tick = loopTick;
        int nextEvent = loopNextEvent;
        int nextWindow = loopNextWindow; // first window whose end is still ahead
        long reportedTick = loopReportedTick;
        stopTick = Math.min(stopTick, endTick);
        if (!loopStarted) {
            loopStarted = true;
            recordBins(-1, 0);
            if (recorder != null) {
                recordSamples(-1, 0, true);
            }
            if (expression != null) {
                recordWeights(0);
            }
        }
        while (tick < stopTick) {
            if (work != null && tick - reportedTick >= reportEvery) {
                work.add(tick - reportedTick);
                reportedTick = tick;
            }
            currentTick = tick;
            boolean delivered = false;
            while (nextEvent < eventTick.length && eventTick[nextEvent] <= tick) {
                deliver(eventPathway[nextEvent]);
                nextEvent++;
                delivered = true;
            }
            while (nextTest < testTick.length && testTick[nextTest] <= tick) {
                openTestWindow(nextTest, tick);
                deliver(testPathway[nextTest]);
                nextTest++;
                delivered = true;
            }
            while (nextWindow < windowEnd.length && windowEnd[nextWindow] <= tick) {
                nextWindow++;
            }
            double commandMv = Double.NaN;
            long windowBoundary = Long.MAX_VALUE;
            for (int w = nextWindow; w < windowStart.length && windowStart[w] <= tick + slow; w++) {
                if (windowStart[w] <= tick && tick < windowEnd[w]) {
                    if (Double.isNaN(commandMv)) {
                        commandMv = windowMv[w];
                    }
                    windowBoundary = Math.min(windowBoundary, windowEnd[w]);
                } else if (windowStart[w] > tick) {
                    windowBoundary = Math.min(windowBoundary, windowStart[w]);
                }
            }
            boolean driveOn = !Double.isNaN(commandMv);
            long nextInput = nextEvent < eventTick.length ? eventTick[nextEvent] : endTick;
            if (nextTest < testTick.length) {
                nextInput = Math.min(nextInput, testTick[nextTest]);
            }
            if (nextWindow < windowStart.length && windowStart[nextWindow] > tick) {
                nextInput = Math.min(nextInput, windowStart[nextWindow]);
            }
            nextInput = Math.min(nextInput, endTick);
            if (!stepThroughSilence && !driveOn && !delivered && quiescent()) {
                long target = Math.min(nextInput, stopTick);
                crossSilence(tick, target);
                tick = target;
                continue;
            }
            // glutamate sets the step while present; else a quiet step (the tests' reference for silence steps at the
            // slow step instead)
            long glutamateStep = driveOn ? 1 : glutamateStepTicks();
            long step = glutamateStep > 0 ? glutamateStep : stepThroughSilence ? slow : quietStepTicks(tick);
            step = Math.min(step, nextInput - tick);
            step = Math.min(step, windowBoundary - tick);
            if (expression != null) {
                step = Math.min(step, (tick / slowTicks + 1) * slowTicks - tick); // every step ends on the grid
                if (activeTest >= 0) {
                    step = Math.min(step, activeTestEndTick - tick); // the EPSP window closes on time
                }
            }
            step = Math.max(1, Math.min(step, stopTick - tick));
            advance(step, commandMv);
            if (step == 1) {
                result.fastSteps++;
            } else {
                result.slowSteps++; // slow and quiet steps
            }
            recordBins(tick, tick + step);
            if (recorder != null) {
                recordSamples(tick, tick + step, false);
            }
            tick += step;
            if (expression != null) {
                if (activeTest >= 0 && tick >= activeTestEndTick) {
                    closeTestWindow();
                }
                slowLayers(tick);
            }
        }
        if (work != null) {
            work.add(tick - reportedTick);
            reportedTick = tick;
        }
        loopTick = tick;
        loopNextEvent = nextEvent;
        loopNextWindow = nextWindow;
        loopReportedTick = reportedTick;
    }

    /**
     * A quiescent branch up to {@code toTick}: plain runs jump there in one step; expression runs cross it grid step
     * by grid step ({@link #quiescentAdvance}).
     */
    private void crossSilence(long fromTick, long toTick) {
        if (expression != null) {
            closeTestWindow();
            quiescentAdvance(fromTick, toTick);
            return;
        }
        jump(fromTick, toTick);
        if (recorder != null) {
            recordSamples(fromTick, toTick, true);
        }
    }

    /**
     * The step with no glutamate on the branch and no drive: {@code quietSteps} fast steps (at least the slow step),
     * or longer, up to the next channel event anywhere on the branch when none comes sooner; never more than a slow
     * step past the next trace bin time. Between channel events every conductance is constant, so the
     * only approximations are those of the slow step: backward Euler for voltage (L-stable, the right steady state)
     * and the conductance sampled at the step's end (an event inside a step moves its effect to the step's start: a
     * zero-mean error per event, bounded by the step).
     */
    private long quietStepTicks(long tick) {
        final long slow = m.slowSteps();
        long step = m.quietSteps();
        if (step <= slow) {
            return slow;
        }
        // the smallest quiet time over the populations, asked of each only while the answer could still lengthen
        // the step (a pass over the spines each): the NMDA receptors first, under the step at 86% of the quiet steps
        // between LFS pulses (AMPA at 6%); the same step as asking all of them
        final double fastMs = m.fastStepMs();
        double quietMs = nmda.quietAtZeroGlutamateMs();
        if (Math.floor(quietMs / fastMs) > step) {
            quietMs = Math.min(quietMs, ampa.quietAtZeroGlutamateMs());
        }
        if (ampaCp != null && Math.floor(quietMs / fastMs) > step) {
            quietMs = Math.min(quietMs, ampaCp.quietAtZeroGlutamateMs()); // GluA2-lacking channels gate too
        }
        double quietTicks = Math.floor(quietMs / fastMs);
        if (quietTicks > step) {
            step = quietTicks >= endTick ? endTick : (long) quietTicks;
        }
        long toBin = (Math.floorDiv(tick, binTicks) + 1) * binTicks - tick;
        if (step > toBin) { // no quiet step straddles a bin time by more than a slow step (the envelope's extremes)
            step = Math.max(slow, toBin);
        }
        return step;
    }

    /** The per-spine readouts at the end of the run (the run must have reached its end). */
    BranchResult finish() {
        if (recorder != null) {
            result.recordedTraces = recorder.traces();
        }
        for (int i = 0; i < n; i++) {
            result.qEndMicroMolarSec[i] = qMicroMolarSec[i];
            if (camkii != null) {
                result.camkiiOn[i] = camkii.isOn(i);
                result.camkiiLtp[i] = camkii.hasLtp(i);
            }
        }
        if (expression != null) {
            ExpressionRecords x = result.expression;
            for (int i = 0; i < n; i++) {
                x.synapticNmdaEnd[i] = expression.synapticNmda(i);
                x.slotsEnd[i] = expression.slots(i);
            }
            x.reactionCounts = expression.reactionCounts();
            x.conservationViolation = expression.checkConservation();
        }
        return result;
    }

    /**
     * Tests: take slow steps (not quiet ones) through silence instead of crossing it in grid steps (the reference for
     * the jumps and the quiet steps).
     */
    void stepThroughSilence() {
        stepThroughSilence = true;
    }

    /** The end of the run, in ticks. */
    long endTick() {
        return endTick;
    }

    /** At a grid point (or the end of the run): the slow layers advance over the grid step, then weights are recorded. */
    private void slowLayers(long tick) {
        if (tick % slowTicks != 0 && tick != endTick) {
            return;
        }
        double dtSec = (tick - lastSlowTick) * m.fastStepMs() / 1000;
        expression.advance(dtSec, camkii);
        lastSlowTick = tick;
        if (tick % recordTicks == 0) {
            recordWeights(tick);
        }
    }

    /**
     * Crosses a silent interval in silent steps ({@code timing.silent_step_s}, a whole number of grid steps, ending at
     * every record as well): channels relax once over the whole interval at zero glutamate (as in {@link #jump}:
     * nothing can conduct; receptors inserted meanwhile start resting and stay so), then per silent step calcium and
     * Q decay exactly, CaMKII advances at resting calcium (its PP1 / inhibitor-1 state updated at each call; the
     * phosphorylated subunits' CaM binding lumped, {@link CamkiiPopulation#advanceSilence}: most of
     * an ON spine's events at rest, which no readout needs one by one), and the slow layers follow.
     */
    private void quiescentAdvance(long fromTick, long toTick) {
        if (toTick <= fromTick) {
            return;
        }
        double totalMs = (toTick - fromTick) * m.fastStepMs();
        ampa.advance(totalMs, zeros);
        ampaCp.advance(totalMs, zeros);
        nmda.advance(totalMs, zeros);
        final double rest = m.restMv();
        vBranchMv = rest;
        Arrays.fill(vSpineMv, rest);
        long t = fromTick;
        while (t < toTick) {
            long next = Math.min(toTick, Math.min((t / silentTicks + 1) * silentTicks, (t / recordTicks + 1)
                    * recordTicks)); // (both on the slow grid)
            double dtMs = (next - t) * m.fastStepMs();
            for (int i = 0; i < n; i++) {
                updateCalcium(i, 0.0, dtMs);
            }
            camkii.advanceSilence(dtMs / 1000, m.caRestMicroMolar()); // at rest (within tolerance); lumped
            recordBins(t, next);
            if (recorder != null) {
                recordSamples(t, next, true);
            }
            t = next;
            slowLayers(t);
        }
        result.jumps++;
    }

    private void openTestWindow(int test, long tick) {
        closeTestWindow();
        activeTest = test;
        activeTestEndTick = tick + Math.max(1, Math.round(ExpressionSettings.EPSP_WINDOW_MS / m.fastStepMs()));
        activeTestBranchPeakMv = vBranchMv - m.restMv();
        int p = testPathway[test];
        for (int i = 0; i < n; i++) {
            if (pathwayOfSpine[i] == p) {
                epspPeakMv[i] = vSpineMv[i] - m.restMv();
            }
        }
    }

    private void closeTestWindow() {
        if (activeTest < 0) {
            return;
        }
        int p = testPathway[activeTest];
        int k = testIndex[activeTest];
        ExpressionRecords x = result.expression;
        for (int i = 0; i < n; i++) {
            if (pathwayOfSpine[i] == p) {
                x.epspSpineSumMv[p][k] += epspPeakMv[i];
                x.epspSpines[p][k]++;
            }
        }
        x.epspBranchMv[p][k] = activeTestBranchPeakMv;
        activeTest = -1;
    }

    private void recordWeights(long tick) {
        int r = (int) (tick / recordTicks);
        ExpressionRecords x = result.expression;
        if (r >= x.synapticAmpa.length) {
            return;
        }
        for (int i = 0; i < n; i++) {
            int p = pathwayOfSpine[i];
            x.synapticAmpa[r][i] = expression.synapticAmpa(i);
            x.gluA2LackingSum[p][r] += expression.synapticGluA2Lacking(i);
            x.reserveSum[p][r] += expression.reserveAmpa(i);
            x.slotsSum[p][r] += expression.slots(i);
            x.stableSlotsSum[p][r] += expression.stableSlots(i);
            x.nmdaSum[p][r] += expression.synapticNmda(i);
            x.volumeSum[p][r] += expression.relativeVolume(i);
            if (expression.tagged(i)) {
                x.tagged[p][r]++;
            }
            if (expression.primed(i)) {
                x.primed[p][r]++;
            }
        }
    }

    private void deliver(int pathway) {
        final double p = m.releaseProbability();
        final int sites = m.releaseSites();
        final double peak = m.glutamatePeakMilliMolar();
        for (int i = 0; i < n; i++) {
            if (pathwayOfSpine[i] != pathway) {
                continue;
            }
            double released = release.vesicles(sites, p);
            glutamateMilliMolar[i] += released * peak;
            glutamateCleared = false;
            releasedVesicles[i] += released;
            result.releases[i] = (int) Math.round(releasedVesicles[i]);
            if (expression != null && released > 0) {
                mglurActivation(i, released);
            }
        }
    }

    /**
     * Expression runs: the spine's group I mGluR activation, a leaky count of its releases (decay
     * {@code nmdar.mglur_tau_ms}); reaching {@code nmdar.mglur_threshold} (a burst) primes the spine for NMDAR
     * insertion. Needs no NMDAR calcium, so AP5 does not stop it.
     */
    private void mglurActivation(int i, double released) {
        double elapsedMs = (currentTick - mglurTick[i]) * m.fastStepMs();
        double a = mglur[i] * Math.exp(-elapsedMs / settings.model().mglurTauMs()) + released;
        mglur[i] = a;
        mglurTick[i] = currentTick;
        if (a >= settings.model().mglurThreshold()) {
            expression.primedByMglur(i);
        }
    }

    /**
     * The step glutamate allows, in fast steps: 0 when the branch has none; else the longest n, from 1 up to the slow
     * step, with {@code gMax n^2 <= timestep.fast_step_glutamate_mm}, {@code gMax} the highest glutamate on the
     * branch. Glutamate frozen over a step of length h, while it decays with tau, misplaces binding hazard of about
     * {@code Rb g h^2 / (4 tau)} per channel, so no step misplaces more than one fast step does at that glutamate (the
     * 1 mM peak of a release): the fast step above 0.25 mM, two below it, ..., the slow step below 0.04 mM.
     */
    private long glutamateStepTicks() {
        if (glutamateCleared) {
            return 0; // none since the last look, nor any release since (deliver clears the flag)
        }
        double highest = 0;
        for (int i = 0; i < n; i++) {
            highest = Math.max(highest, glutamateMilliMolar[i]);
        }
        glutamateCleared = highest == 0;
        return highest == 0 ? 0 : glutamateStepTicks(highest, m.fastStepGlutamateMilliMolar(), m.slowSteps());
    }

    /** The largest n in [1, slowSteps] with {@code highest n^2 <= reference} (1 when none). */
    static long glutamateStepTicks(double highestMilliMolar, double referenceMilliMolar, long slowSteps) {
        // sqrt and floor are correctly rounded: the same step on every machine
        long ticks = (long) Math.floor(Math.sqrt(referenceMilliMolar / highestMilliMolar));
        return Math.max(1, Math.min(slowSteps, ticks));
    }

    private boolean quiescent() {
        final double rest = m.restMv();
        final double vTol = m.voltageToleranceMv();
        final double caRest = m.caRestMicroMolar();
        final double caTol = m.calciumToleranceMicroMolar();
        if (Math.abs(vBranchMv - rest) > vTol) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (glutamateMilliMolar[i] > 0 || Math.abs(vSpineMv[i] - rest) > vTol
                    || Math.abs(caMicroMolar[i] - caRest) > caTol) {
                return false;
            }
        }
        for (int i = 0; i < n; i++) {
            if (factory.mayConduct(Receptor.AMPA, ampa, i) || factory.mayConduct(Receptor.NMDA, nmda, i)) {
                return false;
            }
        }
        if (ampaCp != null) {
            for (int i = 0; i < n; i++) {
                if (factory.mayConduct(Receptor.AMPA, ampaCp, i)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Crosses a silent interval in one step: channels relax at zero glutamate, calcium and Q decay exactly. */
    private void jump(long fromTick, long toTick) {
        if (toTick <= fromTick) {
            return;
        }
        double dtMs = (toTick - fromTick) * m.fastStepMs();
        ampa.advance(dtMs, zeros);
        nmda.advance(dtMs, zeros);
        final double rest = m.restMv();
        vBranchMv = rest;
        for (int i = 0; i < n; i++) {
            vSpineMv[i] = rest;
            updateCalcium(i, 0.0, dtMs);
        }
        if (camkii != null) {
            camkii.advanceUniform(dtMs / 1000, m.caRestMicroMolar()); // calcium is within tolerance of rest
        }
        result.jumps++;
        recordBins(fromTick, toTick);
    }

    /**
     * One step of {@code ticks} fast steps, in phases: glutamate decays, the channels move with the step's mean
     * glutamate frozen, the voltage system is solved with the channels open at the step's end, each head's calcium
     * follows, CaMKII last. The per-spine loops are methods of their own: C2 then compiles each once, instead of
     * recompiling this method on stack replacement at every loop.
     */
    private void advance(long ticks, double commandMv) {
        final double dtMs = ticks * m.fastStepMs();
        decayGlutamate(dtMs);
        ampa.advance(dtMs, glutamateStepAverage);
        nmda.advance(dtMs, expression == null ? (m.ap5() ? zeros : glutamateStepAverage) : nmdaGlutamate());
        if (ampaCp != null) {
            ampaCp.advance(dtMs, glutamateStepAverage);
        }
        final SpineCircuit step = circuit(dtMs);
        readOpenChannels();
        solveVoltage(step, commandMv);
        if (expression == null) {
            spineStepKernel.calcium(step, vBranchMv, spineStep, n);
            if (camkii != null) {
                // a quiet step longer than the slow step: the step's mean calcium (exact for the frozen influx), not
                // its end value; up to the slow step, the end value as always
                camkii.advance(dtMs / 1000, ticks > m.slowSteps() ? caStepMean : caMicroMolar);
            }
        } else {
            expressionCalcium(step);
            recordTestPeaks();
            camkii.advance(dtMs / 1000, caStepAverage); // the step's mean calcium, not its end value
        }
    }

    /** Cleft glutamate over the step: its mean (what the channels see) and its value at the step's end. */
    private void decayGlutamate(double dtMs) {
        final double tauGlu = m.glutamateTauMs();
        final double decay = Math.exp(-dtMs / tauGlu);
        final double averageFactor = tauGlu / dtMs * (1 - decay);
        final double tol = m.glutamateToleranceMilliMolar();
        if (!glutamateCleared) {
            for (int i = 0; i < n; i++) {
                double g = glutamateMilliMolar[i];
                glutamateStepAverage[i] = g * averageFactor;
                double next = g * decay;
                glutamateMilliMolar[i] = next < tol ? 0.0 : next;
            }
            stepAverageCleared = false;
        } else if (!stepAverageCleared) { // no glutamate anywhere: what the loop would write, zeros, once
            Arrays.fill(glutamateStepAverage, 0.0);
            stepAverageCleared = true;
        }
    }

    /** Each head's open AMPA (GluA2-lacking ones included) and NMDA channels, for the voltage system. */
    private void readOpenChannels() {
        final double[] openAmpa = spineStep.openAmpa;
        final double[] openNmda = spineStep.openNmda;
        for (int i = 0; i < n; i++) {
            openAmpa[i] = ampaCp == null ? ampa.openChannels(i) : ampa.openChannels(i) + ampaCp.openChannels(i);
            openNmda[i] = nmda.openChannels(i);
        }
    }

    /** Backward Euler, heads eliminated (star network): the heads' rows in the kernel, then the branch's equation. */
    private void solveVoltage(SpineCircuit step, double commandMv) {
        spineStepKernel.voltageRows(step, spineStep, n);
        final double rest = m.restMv();
        final double cd = m.branchCapacitancePf() / step.dtMs();
        final double gClamp = Double.isNaN(commandMv) ? 0 : m.clampConductanceNs();
        final double command = Double.isNaN(commandMv) ? 0 : commandMv;
        vBranchMv = (cd * vBranchMv + m.branchLeakNs() * rest + gClamp * command + spineStep.driveSum)
                / (cd + m.branchLeakNs() + gClamp + spineStep.couplingSum);
        result.peakBranchDepolarisationMv = Math.max(result.peakBranchDepolarisationMv, vBranchMv - rest);
    }

    /** Expression runs: each head's voltage and calcium (with the GluA2-lacking AMPA share and the layers' hooks). */
    private void expressionCalcium(SpineCircuit step) {
        final double rest = m.restMv();
        final double gNeck = m.neckConductanceNs();
        final double f = m.nmdaCaFraction();
        final double eCa = m.nmdaCaReversalMv();
        final double perPa = m.calciumPerPicoAmp();
        final CalciumStep calcium = step.calcium();
        for (int i = 0; i < n; i++) {
            double v = (aCoefficient[i] + gNeck * vBranchMv) * inverseDiagonal[i];
            vSpineMv[i] = v;
            result.peakDepolarisationMv[i] = Math.max(result.peakDepolarisationMv[i], v - rest);
            updateCalcium(i, calciumInflux(i, v, f, eCa, perPa), calcium);
        }
    }

    /** Expression runs: the open test window's EPSP peaks of its pathway's spines and of the branch. */
    private void recordTestPeaks() {
        if (activeTest < 0) {
            return;
        }
        final double rest = m.restMv();
        int p = testPathway[activeTest];
        for (int i = 0; i < n; i++) {
            if (pathwayOfSpine[i] == p) {
                epspPeakMv[i] = Math.max(epspPeakMv[i], vSpineMv[i] - rest);
            }
        }
        activeTestBranchPeakMv = Math.max(activeTestBranchPeakMv, vBranchMv - rest);
    }

    /**
     * The Mg2+ unblocked fraction at the spine's voltage ({@link MgBlock}: remembered per spine, so that the calcium
     * update of one step and the voltage solve of the next, at the same voltage, share it; its exponential from a
     * table and a short polynomial).
     */
    private double mgUnblocked(int i, double vMv) {
        return mgBlock.unblocked(i, vMv);
    }

    /** Calcium influx (uM/ms) through the spine's open NMDA channels at voltage v: the Ca share of the current. */
    private double calciumInflux(int i, double vMv, double caFraction, double eCaMv, double microMolarPerPicoAmpMs) {
        if (expression != null) {
            return expressionCalciumInflux(i, vMv, caFraction, eCaMv, microMolarPerPicoAmpMs);
        }
        if (nmdaConductanceNs[i] <= 0) {
            return 0.0;
        }
        double caCurrentPa = caFraction * nmdaConductanceNs[i] * mgUnblocked(i, vMv) * (vMv - eCaMv); // inward < 0
        return caCurrentPa < 0 ? -caCurrentPa * microMolarPerPicoAmpMs : 0.0;
    }

    /**
     * Expression runs: the Ca share of the NMDA current plus that of the open GluA2-lacking AMPA channels
     * (fraction {@code cp_ampar.ca_fraction}, same driving force, no Mg2+ block), into a head whose volume has
     * grown with its slots.
     */
    private double expressionCalciumInflux(int i, double vMv, double caFraction, double eCaMv,
            double microMolarPerPicoAmpMs) {
        double caCurrentPa = 0;
        if (nmdaConductanceNs[i] > 0) {
            caCurrentPa = caFraction * nmdaConductanceNs[i] * mgUnblocked(i, vMv) * (vMv - eCaMv);
        }
        int openCp = ampaCp.openCount(i);
        if (openCp > 0) {
            caCurrentPa += settings.model().cpCaFraction() * openCp * m.ampaConductanceNs() * (vMv - eCaMv);
        }
        return caCurrentPa < 0 ? -caCurrentPa * microMolarPerPicoAmpMs * expression.calciumScale(i) : 0.0;
    }

    /** Exact update of Ca and Q over dtMs for influx J (uM/ms) frozen over the step. */
    private void updateCalcium(int i, double influxMicroMolarPerMs, double dtMs) {
        updateCalcium(i, influxMicroMolarPerMs, circuit(dtMs).calcium());
    }

    /** The constants of a step of {@code dtMs}, from a small cache (steps take only a few distinct lengths). */
    private SpineCircuit circuit(double dtMs) {
        SpineCircuit step = circuit;
        if (dtMs != step.dtMs()) {
            int slot = (Long.hashCode(Double.doubleToRawLongBits(dtMs)) * 0x9E3779B9) >>> 26;
            step = circuits[slot];
            if (step == null || step.dtMs() != dtMs) {
                step = new SpineCircuit(circuitModel, dtMs);
                circuits[slot] = step;
            }
            circuit = step;
        }
        return step;
    }

    /** Exact update of Ca and Q over the step for influx J (uM/ms) frozen over it. */
    private void updateCalcium(int i, double influxMicroMolarPerMs, CalciumStep step) {
        final double dtMs = step.dtMs;
        final double rest = m.caRestMicroMolar();
        double uInf = influxMicroMolarPerMs * m.extrusionTauMs();
        double u0 = caMicroMolar[i] - rest;
        double u1 = step.excessAfter(u0, uInf);
        double q = step.qAfter(qMicroMolarSec[i], u0, uInf);
        if (caStepMean != null) {
            caStepMean[i] = rest + step.averageExcess(u0, uInf);
        }
        if (expression != null) {
            caStepAverage[i] = rest + step.averageExcess(u0, uInf);
            double before = qMicroMolarSec[i];
            if (before < qLtp && q >= qLtp) {
                expression.induced(i);
            }
            if (before >= qLtd && q < qLtd) {
                expression.calciumSettled(i);
            }
            if ((before < qAnchor) != (q < qAnchor)) { // CaMKII anchoring (expression layer)
                expression.anchoringCalcium(i, q >= qAnchor);
            }
        }
        qMicroMolarSec[i] = q;
        caMicroMolar[i] = rest + u1;
        if (rest + u1 > binMaxCaMicroMolar[i]) {
            binMaxCaMicroMolar[i] = rest + u1;
        } else if (rest + u1 < binMinCaMicroMolar[i]) {
            binMinCaMicroMolar[i] = rest + u1;
        }
        result.caInfluxMicroMolar[i] += influxMicroMolarPerMs * dtMs;
        if (q > result.qMaxMicroMolarSec[i]) {
            result.qMaxMicroMolarSec[i] = q;
        }
        if (rest + u1 > result.peakCaMicroMolar[i]) {
            result.peakCaMicroMolar[i] = rest + u1;
        }
        if (u1 > ELEVATED_MICRO_MOLAR) {
            result.caElevatedMs[i] += dtMs;
        }
    }

    /**
     * Records calcium into every trace bin whose time lies in (fromTick, toTick], with each spine's extremes since
     * the previous bin time; the extremes then restart from the current calcium.
     */
    private void recordBins(long fromTick, long toTick) {
        long firstBin = Math.floorDiv(fromTick, binTicks) + 1;
        long lastBin = Math.floorDiv(toTick, binTicks);
        int bins = result.traceSum[0].length;
        for (long bin = firstBin; bin <= lastBin && bin < bins; bin++) {
            for (int i = 0; i < n; i++) {
                double c = caMicroMolar[i];
                int p = pathwayOfSpine[i];
                YoungsCramer.add(result.traceSum[p], result.traceSumSquaredDeviations[p], (int) bin, c,
                        rankInPathway[i]);
                result.traceMinSum[p][(int) bin] += binMinCaMicroMolar[i];
                result.traceMaxSum[p][(int) bin] += binMaxCaMicroMolar[i];
                binMinCaMicroMolar[i] = c;
                binMaxCaMicroMolar[i] = c;
            }
        }
    }

    /** Hands the recorded spines' state after a step (or a jump) to the recorder, which samples (from, to]. */
    private void recordSamples(long fromTick, long toTick, boolean jumped) {
        SpineTraceRecorder r = recorder;
        // the influx the step held frozen, recomputed exactly as advance() did, only when a sample needs it
        boolean needInflux = !jumped && r.sampleInside(toTick);
        for (int s = 0; s < r.spineCount(); s++) {
            int i = r.localSpine(s);
            double influx = needInflux ? calciumInflux(i, vSpineMv[i], m.nmdaCaFraction(), m.nmdaCaReversalMv(),
                    m.calciumPerPicoAmp()) : 0.0;
            double phosphorylated = camkii == null ? Double.NaN
                    : (double) camkii.phosphorylatedSubunits(i) / camkii.subunitCount(i);
            int openAmpa = ampaCp == null ? ampa.openCount(i) : ampa.openCount(i) + ampaCp.openCount(i);
            r.setEnd(s, influx, caMicroMolar[i], qMicroMolarSec[i], vSpineMv[i], openAmpa,
                    nmda.openCount(i), phosphorylated);
        }
        r.emit(fromTick, toTick);
    }
}
