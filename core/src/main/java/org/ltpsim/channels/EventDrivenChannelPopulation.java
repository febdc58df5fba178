package org.ltpsim.channels;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ltpsim.simd.ChannelClockKernel;
import org.ltpsim.simd.TransitionTable;
import org.ltpsim.simd.VectorizationProvider;

/**
 * Exact event-driven simulation of individual channels over state classes (Gillespie's direct method per spine,
 * with the channel that moves drawn uniformly among those in its state).
 *
 * <p>Channels of one type at one spine in the same state are exchangeable, so a spine's total propensity is
 * {@code a0 = sum_s n_s k_s(g)} with {@code k_s(g)} the total exit rate of state s at glutamate g. Each spine keeps a
 * residual unit-exponential "clock" (the integrated-hazard form of the next-reaction method, Anderson 2007): a step
 * of length dt with glutamate frozen consumes {@code a0 dt} of it; when the clock runs out inside the step, the
 * event fires at that time, a state class is chosen with probability {@code n_s k_s / a0}, an exit of it with
 * probability {@code k / k_s}, the channel uniformly among the {@code n_s} in the class (O(1) from the per-class id
 * list), and a fresh Exp(1) clock is drawn. This is exact for piecewise-constant glutamate, and its cost is
 * proportional to events plus O(states) per active spine and step; a resting spine at zero glutamate costs O(1).
 *
 * <p>Random numbers per event: one exponential (ziggurat, usually one 64-bit draw) and one double that picks the
 * class, the channel within it and its exit. Layout: per spine the class counts; per id the spine ({@link ChannelIds},
 * no per-id array until an id changes) and, once a spine's channels are <em>tracked</em>, the state and the position
 * in one flat int array of class lists,
 * {@code members[listBase[spine] + state * capacity[spine] + i]}.
 *
 * <p>Ids are tracked lazily. Until a spine's channels are told apart (an id's state is read, or a channel is inserted
 * or removed there), all of them started in the initial state at time 0 and are exchangeable, so the class counts
 * are the whole state: an event moves a count, not a channel. The first id operation at a spine "materialises" it:
 * its ids get states uniformly at random among the arrangements with the current counts (a shuffle drawn from the
 * population's stream, none when a single class is occupied), which is the exact conditional law of exchangeable
 * channels; from then on the spine keeps per-id lists. Counts-only and tracked spines draw the same random numbers
 * per event, so their count trajectories are the same bits (tested).
 */
public final class EventDrivenChannelPopulation implements ChannelPopulation {
    private final KineticScheme scheme;
    private final int stateCount;
    private final UniformRandomProvider rng;
    private final ZigguratSampler.Exponential exponential;

    // Scheme, flattened: exits of state s are exitStart[s] .. exitStart[s+1]-1.
    private final int[] exitStart;
    private final int[] exitTo;
    private final double[] exitConstPerMs;
    private final double[] exitGluPerMs;
    private final double[] totalConstPerMs;
    private final double[] totalGluPerMs;
    private final boolean[] conducting;
    private final int initialState;
    private final int restingState;

    // Per spine.
    private final int spineCount;
    private final int[] counts; // [spine * stateCount + state]
    private final int[] channelCount;
    private final double[] clock; // residual unit-exponential hazard to the next event
    // a0(g) = constSum + gluSum * g, kept up to date event by event and recomputed exactly from the counts every
    // EXACT_EVERY events (bounds the rounding drift of the incremental sums to a few ulps)
    private final double[] constSum; // sum_s n_s totalConstPerMs[s]
    private final double[] gluSum; // sum_s n_s totalGluPerMs[s]
    private final int[] sinceExact; // events since constSum/gluSum were last recomputed from the counts
    private static final int EXACT_EVERY = 64;
    private final int[] open; // conducting channels per spine
    private int[] listBase;
    private int[] capacity;
    private int[] members; // null until a spine is first tracked
    private final boolean[] tracked; // per spine: ids materialised (per-id states and class lists kept)
    private final int[] firstId; // per spine: its ids at construction are firstId .. firstId + channels - 1

    // Per channel id: its spine (ChannelIds, no array until an id changes) and, once a spine is first tracked, the
    // state and the position in its class list (null before: an untracked population holds no byte per channel).
    private final ChannelIds ids;
    private byte[] state;
    private int[] position;

    private long transitions;

    // Switch by activity (HYBRID): a spine-step whose expected events exceed switchAt x channels is done by the
    // exact step transition table instead (one uniform per channel); +inf: pure SSA.
    private final double switchAt;
    private final boolean hybrid;
    private final TransitionTableCache tables;
    private int[] moveId = new int[16];
    private byte[] moveFrom = new byte[16];
    private byte[] moveTo = new byte[16];

    // Silent pool (EVENT_DRIVEN_SILENT_POOL): while a spine's glutamate is zero its silent channels (SilentStates:
    // AMPA C0, C1, D1; NMDA C0, C1) are not simulated event by event; their counts and lists are those of time
    // poolSinceMs[sp] and are brought to the present ("resolved": one uniform per silent channel against its row of
    // exp(Q_S dt)) when glutamate returns, when a channel enters a silent state, or when they are read.
    private final boolean pooling;
    private final SilentStates silentStates;
    private final boolean[] silent; // per state
    private final int[] silentList; // silent states, ascending (destinations of a resolution row)
    private final int[] transientSilent; // silent states with a constant exit (rows of a resolution)
    private final double[] liveConstPerMs; // totalConstPerMs of live states, 0 for silent ones
    private final double[] resolveRows;
    private final double[] poolSinceMs; // NaN: not pooled
    private final double[] liveSum; // while pooled: sum over live classes of n_s totalConstPerMs[s]
    private double timeMs;
    private final ChannelClockKernel clockKernel;
    private final int[] pending;
    // A busy spine's rates at its step's glutamate (per state the total, per exit its own), set once per step.
    private final double[] stateRateNow;
    private final double[] exitRateNow;
    // select's choice within the chosen class: the uniform's offset in the exit's share (n k_e), k_e and n
    private double selectedOffset;
    private double selectedExitRate;
    private int selectedCount;

    EventDrivenChannelPopulation(KineticScheme scheme, int[] channelsPerSpine, UniformRandomProvider rng) {
        this(scheme, channelsPerSpine, rng, Double.POSITIVE_INFINITY, false);
    }

    EventDrivenChannelPopulation(KineticScheme scheme, int[] channelsPerSpine, UniformRandomProvider rng,
            double switchAtEventsPerChannel) {
        this(scheme, channelsPerSpine, rng, switchAtEventsPerChannel, false);
    }

    /**
     * @param switchAtEventsPerChannel expected events per channel in one step above which a spine's step is taken
     *     with the step's exact transition table instead of event by event (+inf: never)
     * @param silentPool pool the silent channels of a spine while its glutamate is zero ({@link SilentStates})
     */
    EventDrivenChannelPopulation(KineticScheme scheme, int[] channelsPerSpine, UniformRandomProvider rng,
            double switchAtEventsPerChannel, boolean silentPool) {
        this(scheme, channelsPerSpine, rng, switchAtEventsPerChannel, silentPool, false);
    }

    /** As above; {@code trackIds}: keep per-id lists from the start (tests: the same counts, bit for bit). */
    EventDrivenChannelPopulation(KineticScheme scheme, int[] channelsPerSpine, UniformRandomProvider rng,
            double switchAtEventsPerChannel, boolean silentPool, boolean trackIds) {
        this(scheme, channelsPerSpine, rng, switchAtEventsPerChannel, silentPool, trackIds,
                VectorizationProvider.getInstance().channelClockKernel());
    }

    /** As above, with the event-free pass given (tests compare the scalar and the vector one). */
    EventDrivenChannelPopulation(KineticScheme scheme, int[] channelsPerSpine, UniformRandomProvider rng,
            double switchAtEventsPerChannel, boolean silentPool, boolean trackIds, ChannelClockKernel clockKernel) {
        this.clockKernel = clockKernel;
        if (!(switchAtEventsPerChannel > 0)) {
            throw new IllegalArgumentException("switchAtEventsPerChannel must be > 0: " + switchAtEventsPerChannel);
        }
        this.switchAt = switchAtEventsPerChannel;
        this.hybrid = switchAtEventsPerChannel != Double.POSITIVE_INFINITY;
        this.tables = new TransitionTableCache(scheme);
        this.scheme = scheme;
        this.stateCount = scheme.stateCount();
        this.rng = rng;
        this.exponential = ZigguratSampler.Exponential.of(rng);
        int s = stateCount;
        SchemeExits exits = new SchemeExits(scheme, true);
        exitStart = exits.start;
        exitTo = exits.to;
        exitConstPerMs = exits.constPerMs;
        exitGluPerMs = exits.gluPerMs;
        stateRateNow = new double[s];
        exitRateNow = new double[exitTo.length];
        totalConstPerMs = exits.totalConstPerMs;
        totalGluPerMs = exits.totalGluPerMs;
        conducting = new boolean[s];
        for (int i = 0; i < s; i++) {
            conducting[i] = scheme.isConducting(i);
        }
        initialState = scheme.initialState();
        restingState = scheme.restingState();
        silentStates = new SilentStates(scheme);
        pooling = silentPool && silentStates.useful();
        silent = new boolean[s];
        liveConstPerMs = new double[s];
        for (int i = 0; i < s; i++) {
            silent[i] = silentStates.isSilent(i);
            liveConstPerMs[i] = silent[i] ? 0.0 : totalConstPerMs[i];
        }
        silentList = silentStates.states();
        transientSilent = silentStates.transientStates();
        resolveRows = new double[transientSilent.length * silentList.length];

        spineCount = channelsPerSpine.length;
        counts = new int[spineCount * s];
        channelCount = new int[spineCount];
        clock = new double[spineCount];
        constSum = new double[spineCount];
        gluSum = new double[spineCount];
        sinceExact = new int[spineCount];
        open = new int[spineCount];
        pending = new int[spineCount];
        poolSinceMs = new double[spineCount];
        Arrays.fill(poolSinceMs, Double.NaN);
        liveSum = new double[spineCount];
        listBase = new int[spineCount];
        capacity = new int[spineCount];
        long total = 0;
        long listTotal = 0;
        for (int sp = 0; sp < spineCount; sp++) {
            int n = channelsPerSpine[sp];
            if (n < 0) {
                throw new IllegalArgumentException("channelsPerSpine[" + sp + "] must be >= 0: " + n);
            }
            total += n;
            capacity[sp] = Math.max(4, n);
            listBase[sp] = (int) listTotal;
            listTotal += (long) s * capacity[sp];
        }
        if (listTotal > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("too many channels in one block: " + total);
        }
        ids = ChannelIds.ofRuns(channelsPerSpine);
        tracked = new boolean[spineCount];
        firstId = new int[spineCount];
        int nextId = 0;
        for (int sp = 0; sp < spineCount; sp++) {
            int n = channelsPerSpine[sp];
            firstId[sp] = nextId;
            nextId += n;
            counts[sp * s + initialState] = n;
            channelCount[sp] = n;
            if (conducting[initialState]) {
                open[sp] = n;
            }
            recomputeSums(sp);
            clock[sp] = exponential.sample();
        }
        if (hybrid || trackIds) { // table steps walk the class lists
            for (int sp = 0; sp < spineCount; sp++) {
                track(sp);
            }
        }
    }

    /**
     * Gives the spine's channels their states (see the class comment): ids uniformly at random among the arrangements
     * with the current counts, then per-id lists from now on. No random number when one class holds every channel.
     */
    private void track(int sp) {
        if (tracked[sp]) {
            return;
        }
        if (members == null) {
            state = new byte[ids.capacity()];
            position = new int[state.length];
            long listTotal = 0;
            for (int i = 0; i < spineCount; i++) {
                listTotal += (long) stateCount * capacity[i];
            }
            members = new int[(int) listTotal];
        }
        final int s = stateCount;
        final int n = channelCount[sp];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = firstId[sp] + i; // an untracked spine has had no insert or remove: its construction ids
        }
        int occupied = 0;
        for (int st = 0; st < s; st++) {
            occupied += counts[sp * s + st] > 0 ? 1 : 0;
        }
        if (occupied > 1) { // Fisher-Yates: a uniform arrangement
            for (int i = n - 1; i > 0; i--) {
                int j = uniformIndex(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        int k = 0;
        for (int st = 0; st < s; st++) {
            int listStart = listBase[sp] + st * capacity[sp];
            for (int i = 0, m = counts[sp * s + st]; i < m; i++) {
                int id = order[k++];
                state[id] = (byte) st;
                members[listStart + i] = id;
                position[id] = i;
            }
        }
        tracked[sp] = true;
    }

    @Override
    public KineticScheme scheme() {
        return scheme;
    }

    @Override
    public int spineCount() {
        return spineCount;
    }

    @Override
    public ChannelPopulations.Method method() {
        return hybrid ? ChannelPopulations.Method.HYBRID
                : pooling ? ChannelPopulations.Method.EVENT_DRIVEN_SILENT_POOL : ChannelPopulations.Method.EVENT_DRIVEN;
    }

    @Override
    public void advance(double dtMs, double[] glutamateMilliMolar) {
        StepArguments.check(dtMs, glutamateMilliMolar, spineCount);
        final double t0 = timeMs;
        long fired = 0;
        if (hybrid) {
            for (int sp = 0; sp < spineCount; sp++) {
                fired += stepSpine(sp, glutamateMilliMolar[sp], dtMs, t0);
            }
        } else {
            // spines without an event: one pass (scalar or Vector API, bitwise equal); the rest, ascending, here
            int busy = clockKernel.integrate(dtMs, glutamateMilliMolar, constSum, gluSum, liveSum, poolSinceMs,
                    pooling, clock, spineCount, pending);
            for (int k = 0; k < busy; k++) {
                int sp = pending[k];
                fired += stepSpine(sp, glutamateMilliMolar[sp], dtMs, t0);
            }
        }
        transitions += fired;
        timeMs = t0 + dtMs;
    }

    /**
     * One spine's step at glutamate {@code g}: pool mode changes, then the class SSA (integrated-hazard clock, event
     * loop); returns the events fired.
     */
    private long stepSpine(int sp, double g, double dtMs, double t0) {
        final int s = stateCount;
        final int[] counts = this.counts;
        final int[] channelCount = this.channelCount;
        final double[] clock = this.clock;
        final double[] constSum = this.constSum;
        final double[] gluSum = this.gluSum;
        final double[] tc = totalConstPerMs;
        final double[] tg = totalGluPerMs;
        final int resting = restingState;
        final boolean hybrid = this.hybrid;
        final ZigguratSampler.Exponential exponential = this.exponential;
        final boolean pooling = this.pooling;
        final double[] poolSinceMs = this.poolSinceMs;
        if (!(g >= 0) || g == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("glutamateMilliMolar[" + sp + "] must be finite and >= 0: " + g);
        }
        if (pooling) {
            if (g == 0) {
                return advancePooled(sp, dtMs, t0);
            }
            if (poolSinceMs[sp] == poolSinceMs[sp]) { // glutamate is back: bring the pool to the step start
                resolve(sp, t0);
                poolSinceMs[sp] = Double.NaN;
                recomputeSums(sp);
            }
        }
        if (g == 0 && resting >= 0 && counts[sp * s + resting] == channelCount[sp]) {
            return 0; // resting spine: nothing can happen
        }
        double a0 = constSum[sp] + gluSum[sp] * g;
        double c = clock[sp];
        double hazard = a0 * dtMs;
        if (hybrid && hazard > switchAt * channelCount[sp]) {
            tableStep(sp, dtMs, g); // busy spine: one uniform per channel beats many events
            recomputeSums(sp);
            return 0; // tableStep counts its own transitions
        }
        if (c > hazard || !(a0 > 0)) {
            clock[sp] = a0 > 0 ? c - hazard : c; // quiet step: no event, no random number
            return 0;
        }
        double aConst = constSum[sp];
        double aGlu = gluSum[sp];
        final double[] stateRate = stateRateNow;
        final double[] exitRate = exitRateNow;
        for (int i = 0; i < s; i++) {
            stateRate[i] = tc[i] + tg[i] * g;
        }
        for (int e = 0; e < exitRate.length; e++) {
            exitRate[e] = exitConstPerMs[e] + exitGluPerMs[e] * g;
        }
        int events = 0;
        double tLeftMs = dtMs;
        while (true) {
            hazard = a0 * tLeftMs;
            if (c > hazard) {
                c -= hazard;
                break;
            }
            tLeftMs -= c / a0;
            int move = fire(sp, a0, stateRate, exitRate);
            if (move < 0) { // rounding left no class with a positive rate: resynchronise the sums
                recomputeSums(sp);
                aConst = constSum[sp];
                aGlu = gluSum[sp];
            } else {
                int from = move >>> 8;
                int to = move & 0xFF;
                aConst += tc[to] - tc[from];
                aGlu += tg[to] - tg[from];
                events++;
            }
            a0 = aConst + aGlu * g;
            c = exponential.sample();
            if (!(a0 > 0)) {
                break;
            }
        }
        clock[sp] = c;
        int since = sinceExact[sp] + events;
        if (since >= EXACT_EVERY) {
            recomputeSums(sp);
        } else {
            constSum[sp] = aConst;
            gluSum[sp] = aGlu;
            sinceExact[sp] = since;
        }
        return events;
    }

    /**
     * A zero-glutamate step of a spine in pool mode: the class SSA over its live classes only (constant rates), a
     * channel entering a silent state first resolving the pool to the event time. Returns the events fired.
     */
    private int advancePooled(int sp, double dtMs, double t0) {
        if (poolSinceMs[sp] != poolSinceMs[sp]) { // enter pool mode: silent channels stop firing from now
            poolSinceMs[sp] = t0;
            recomputeLiveSum(sp);
        }
        double a0 = liveSum[sp];
        if (!(a0 > 0)) {
            return 0; // nothing live: the clock does not run (zero hazard)
        }
        double c = clock[sp];
        double hazard = a0 * dtMs;
        if (c > hazard) {
            clock[sp] = c - hazard;
            return 0;
        }
        final double[] lc = liveConstPerMs;
        final double[] tc = totalConstPerMs;
        int events = 0;
        double tLeftMs = dtMs;
        while (true) {
            hazard = a0 * tLeftMs;
            if (c > hazard) {
                c -= hazard;
                break;
            }
            tLeftMs -= c / a0;
            int move = firePooled(sp, a0, t0 + (dtMs - tLeftMs));
            if (move < 0 || silent[move & 0xFF]) {
                recomputeLiveSum(sp); // rounding, or a resolution: resynchronise from the counts
            } else {
                liveSum[sp] += lc[move & 0xFF] - tc[move >>> 8];
            }
            if (move >= 0) {
                events++;
            }
            a0 = liveSum[sp];
            c = exponential.sample();
            if (!(a0 > 0)) {
                break;
            }
        }
        clock[sp] = c;
        int since = sinceExact[sp] + events;
        if (since >= EXACT_EVERY) {
            recomputeLiveSum(sp);
        } else {
            sinceExact[sp] = since;
        }
        return events;
    }

    /** The spine's live propensity at zero glutamate from its counts (pool mode). */
    private void recomputeLiveSum(int sp) {
        final int base = sp * stateCount;
        double a = 0;
        for (int i = 0; i < stateCount; i++) {
            a += counts[base + i] * liveConstPerMs[i];
        }
        liveSum[sp] = a;
        sinceExact[sp] = 0;
    }

    /**
     * One zero-glutamate event among the live classes of a pooled spine at time {@code tMs}; a channel moving into a
     * silent state resolves the pool to {@code tMs} first. Returns {@code from << 8 | to}, or -1 when rounding left
     * no live class with a positive rate.
     */
    private int firePooled(int sp, double a0, double tMs) {
        int move = select(sp, rng.nextDouble() * a0, liveConstPerMs, exitConstPerMs);
        if (move < 0) {
            return -1;
        }
        if (silent[move & 0xFF]) {
            resolve(sp, tMs); // the pool's channels to tMs, then the newcomer joins it at tMs
        }
        moveSelected(sp, move >>> 8, move & 0xFF);
        return move;
    }

    /**
     * Brings a pooled spine's silent channels from {@code poolSinceMs[sp]} to {@code tMs}: each channel in a transient
     * silent state draws one uniform against its row of {@code exp(Q_S (tMs - since))}, in class-list order; moves
     * are applied after all draws. Exact: silent channels evolve independently of everything else at zero
     * glutamate. Net moves are counted as transitions.
     */
    private void resolve(int sp, double tMs) {
        double since = poolSinceMs[sp];
        poolSinceMs[sp] = tMs;
        double dt = tMs - since;
        if (!(dt > 0)) {
            return;
        }
        final int s = stateCount;
        final int base = sp * s;
        int pooled = 0;
        for (int st : transientSilent) {
            pooled += counts[base + st];
        }
        if (pooled == 0) {
            return;
        }
        silentStates.cumulative(dt, resolveRows);
        if (moveId.length < pooled) {
            int len = Math.max(pooled, 2 * moveId.length);
            moveId = new int[len];
            moveFrom = new byte[len];
            moveTo = new byte[len];
        }
        final double[] rows = resolveRows;
        final int ns = silentList.length;
        final boolean listed = tracked[sp];
        int moves = 0;
        for (int r = 0; r < transientSilent.length; r++) {
            int st = transientSilent[r];
            int listStart = listed ? listBase[sp] + st * capacity[sp] : 0;
            int row = r * ns;
            for (int k = 0, m = counts[base + st]; k < m; k++) {
                double u = rng.nextDouble();
                int j = row;
                while (!(u < rows[j])) {
                    j++;
                }
                int to = silentList[j - row];
                if (to != st) {
                    moveId[moves] = listed ? members[listStart + k] : -1;
                    moveFrom[moves] = (byte) st;
                    moveTo[moves] = (byte) to;
                    moves++;
                }
            }
        }
        for (int m = 0; m < moves; m++) {
            if (listed) {
                moveClass(moveId[m], sp, moveFrom[m], moveTo[m]);
            } else {
                moveCount(sp, moveFrom[m], moveTo[m]);
            }
        }
        transitions += moves;
    }

    /** Resolves a pooled spine to the present (before its silent counts or channels are read or changed). */
    private void resolveNow(int sp) {
        if (poolSinceMs[sp] == poolSinceMs[sp]) {
            resolve(sp, timeMs);
            recomputeLiveSum(sp);
        }
    }

    /** Sets the spine's propensity sums from its counts (no accumulated rounding). */
    private void recomputeSums(int sp) {
        final int s = stateCount;
        final int base = sp * s;
        double a = 0;
        double b = 0;
        for (int i = 0; i < s; i++) {
            int n = counts[base + i];
            a += n * totalConstPerMs[i];
            b += n * totalGluPerMs[i];
        }
        constSum[sp] = a;
        gluSum[sp] = b;
        sinceExact[sp] = 0;
    }

    /**
     * One event at a spine: picks class, channel and exit from one uniform ({@link #select}) and moves the channel;
     * returns {@code from << 8 | to}, or -1 when rounding left no class with a positive rate (nothing fires).
     * {@code a0} is the spine's total propensity at this step's glutamate, at which the rates are given.
     */
    private int fire(int sp, double a0, double[] stateRate, double[] exitRate) {
        int move = select(sp, rng.nextDouble() * a0, stateRate, exitRate);
        if (move >= 0) {
            moveSelected(sp, move >>> 8, move & 0xFF);
        }
        return move;
    }

    /**
     * The event that {@code u}, uniform in [0, a0), hits at the spine: {@code from << 8 | to}, with what picks the
     * channel within class {@code from} left in {@link #selectedOffset} and {@link #selectedExitRate} (read by
     * {@link #moveSelected} only for a tracked spine); -1 when no class has a positive share.
     *
     * <p>{@code u} is laid over the classes' shares {@code n_s k_s} (the class), the class's share over its exits'
     * shares {@code n_s k_e} (the exit), and that exit's share over its {@code n_s} channels, {@code k_e} each (the
     * channel: {@code floor(u / k_e)}): each (channel, exit) pair is hit with probability {@code k_e / a0}, to the
     * 2^-53 resolution of the uniform. Rounding may run past the last class or exit with a share: it then takes that
     * one. The channel comes last so that a counts-only spine needs no division (one fewer step in the chain from one
     * event to the next).
     *
     * @param stateRate per state its total exit rate now ({@code k_s}; zero for a state that cannot fire now)
     * @param exitRate per exit its rate now
     */
    private int select(int sp, double u, double[] stateRate, double[] exitRate) {
        final int s = stateCount;
        final int base = sp * s;
        final int[] counts = this.counts;
        int from = -1;
        int n = 0;
        for (int i = 0; i < s; i++) {
            int ni = counts[base + i];
            double w = ni * stateRate[i];
            if (w == 0) {
                continue;
            }
            from = i;
            n = ni;
            if (u < w) {
                break;
            }
            u -= w;
        }
        if (from < 0) {
            return -1;
        }
        int to = -1;
        double k = 0;
        for (int e = exitStart[from]; e < exitStart[from + 1]; e++) {
            double w = exitRate[e];
            if (w == 0) {
                continue;
            }
            to = exitTo[e];
            k = w;
            double share = n * w;
            if (u < share) {
                break;
            }
            u -= share;
        }
        selectedOffset = u;
        selectedExitRate = k;
        selectedCount = n;
        return from << 8 | to;
    }

    /**
     * Moves the channel {@link #select} chose from class {@code from} to {@code to}: a list move once tracked (the
     * channel's index in the class is only then needed), else counts.
     */
    private void moveSelected(int sp, int from, int to) {
        if (tracked[sp]) {
            int pick = Math.min((int) (selectedOffset / selectedExitRate), selectedCount - 1);
            moveClass(members[listBase[sp] + from * capacity[sp] + pick], sp, from, to);
        } else {
            moveCount(sp, from, to);
        }
    }

    private void moveCount(int sp, int from, int to) {
        counts[sp * stateCount + from]--;
        counts[sp * stateCount + to]++;
        if (conducting[from] != conducting[to]) {
            open[sp] += conducting[to] ? 1 : -1;
        }
    }

    /**
     * One step of a spine by the exact transition table of (dt, g) ({@link TransitionTable}): every channel draws
     * one uniform, in class-list order; moves are collected first and applied after, so lists are not modified
     * while read. The spine's clock is untouched: it is an Exp(1) independent of everything this step used.
     */
    private void tableStep(int sp, double dtMs, double g) {
        TransitionTable t = tables.get(dtMs, g);
        final double[] cum = t.cum();
        final byte[] dest = t.dest();
        final int stride = t.stride();
        int n = channelCount[sp];
        if (moveId.length < n) {
            moveId = new int[n];
            moveFrom = new byte[n];
            moveTo = new byte[n];
        }
        int moves = 0;
        int base = sp * stateCount;
        for (int st = 0; st < stateCount; st++) {
            int listStart = listBase[sp] + st * capacity[sp];
            int row = st * stride;
            double stay = cum[row];
            for (int k = 0, m = counts[base + st]; k < m; k++) {
                double u = rng.nextDouble();
                if (u < stay) {
                    continue;
                }
                int j = row + 1;
                while (!(u < cum[j])) {
                    j++;
                }
                moveId[moves] = members[listStart + k];
                moveFrom[moves] = (byte) st;
                moveTo[moves] = dest[j];
                moves++;
            }
        }
        for (int m = 0; m < moves; m++) {
            moveClass(moveId[m], sp, moveFrom[m], moveTo[m]);
        }
        transitions += moves;
    }

    /**
     * Uniform int in [0, n) from one 32-bit draw (Lemire 2019, nearly divisionless; exact: rejection removes the
     * bias, and the modulo runs only when a draw falls in the biased zone).
     */
    private int uniformIndex(int n) {
        long m = (rng.nextInt() & 0xFFFFFFFFL) * n;
        long low = m & 0xFFFFFFFFL;
        if (low < n) {
            long threshold = (0x100000000L - n) % n;
            while (low < threshold) {
                m = (rng.nextInt() & 0xFFFFFFFFL) * n;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    private void moveClass(int id, int sp, int from, int to) {
        unlist(id, sp, from);
        list(id, sp, to);
        state[id] = (byte) to;
        if (conducting[from] != conducting[to]) {
            open[sp] += conducting[to] ? 1 : -1;
        }
    }

    private void unlist(int id, int sp, int st) {
        int listStart = listBase[sp] + st * capacity[sp];
        int last = --counts[sp * stateCount + st];
        int p = position[id];
        int moved = members[listStart + last];
        members[listStart + p] = moved;
        position[moved] = p;
    }

    private void list(int id, int sp, int st) {
        int listStart = listBase[sp] + st * capacity[sp];
        int p = counts[sp * stateCount + st]++;
        members[listStart + p] = id;
        position[id] = p;
    }

    private void addChannel(int id, int sp, int st) {
        state[id] = (byte) st;
        list(id, sp, st);
        channelCount[sp]++;
        if (conducting[st]) {
            open[sp]++;
        }
        recomputeSums(sp);
    }

    /**
     * The spine's residual clock over its propensity at zero glutamate: of its live classes when silent channels are
     * pooled (they cannot conduct without glutamate, so only live events count), else of all its channels (a lower
     * bound on the next change of the open count). Rounded down until {@code a0 * t < clock}, so that an advance by
     * the returned time fires nothing.
     */
    @Override
    public double quietAtZeroGlutamateMs(int spine) {
        double a0 = zeroGlutamatePropensity(spine);
        if (!(a0 > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double c = clock[spine];
        double t = c / a0;
        while (t > 0 && !(c > a0 * t)) {
            t = Math.nextDown(t);
        }
        return t;
    }

    /**
     * The smallest quiet time over the spines in one pass (the branch loop asks for it every quiet step): the
     * smallest {@code clock / a0}, then rounded down until no spine would fire within it.
     */
    @Override
    public double quietAtZeroGlutamateMs() {
        double t = Double.POSITIVE_INFINITY;
        for (int sp = 0; sp < spineCount; sp++) {
            double a0 = zeroGlutamatePropensity(sp);
            if (a0 > 0) {
                t = Math.min(t, clock[sp] / a0);
            }
        }
        if (t == Double.POSITIVE_INFINITY) {
            return t;
        }
        for (int sp = 0; sp < spineCount; sp++) {
            double a0 = zeroGlutamatePropensity(sp);
            while (t > 0 && a0 > 0 && !(clock[sp] > a0 * t)) {
                t = Math.nextDown(t);
            }
        }
        return t;
    }

    /**
     * The propensity the next zero-glutamate step of the spine will use: the pooled spine's live sum, the live sum
     * from the counts for a spine about to enter the pool, the spine's constant sum without pooling.
     */
    private double zeroGlutamatePropensity(int spine) {
        double a0;
        if (!pooling) {
            a0 = constSum[spine];
        } else if (poolSinceMs[spine] == poolSinceMs[spine]) {
            a0 = liveSum[spine];
        } else {
            final int base = spine * stateCount;
            a0 = 0;
            for (int i = 0; i < stateCount; i++) {
                a0 += counts[base + i] * liveConstPerMs[i];
            }
        }
        return a0;
    }

    @Override
    public int openCount(int spine) {
        return open[spine];
    }

    @Override
    public int channelCount(int spine) {
        return channelCount[spine];
    }

    @Override
    public boolean isResting(int spine) {
        resolveNow(spine);
        if (restingState < 0) {
            return channelCount[spine] == 0;
        }
        return counts[spine * stateCount + restingState] == channelCount[spine];
    }

    @Override
    public int stateCount(int spine, int st) {
        if (st < 0 || st >= stateCount) {
            throw new IllegalArgumentException("state must be in [0, " + stateCount + "): " + st);
        }
        if (silent[st]) {
            resolveNow(spine);
        }
        return counts[spine * stateCount + st];
    }

    @Override
    public int insert(int spine) {
        if (spine < 0 || spine >= spineCount) {
            throw new IllegalArgumentException("spine must be in [0, " + spineCount + "): " + spine);
        }
        resolveNow(spine);
        track(spine); // from now on the channels of this spine are told apart
        if (channelCount[spine] == capacity[spine]) {
            growSpine(spine);
        }
        int id = ids.add(spine);
        if (id >= state.length) { // state and position follow the id capacity (tracked above: they exist)
            int n = Math.max(ids.capacity(), id + 1);
            state = Arrays.copyOf(state, n);
            position = Arrays.copyOf(position, n);
        }
        addChannel(id, spine, initialState);
        if (poolSinceMs[spine] == poolSinceMs[spine]) {
            recomputeLiveSum(spine);
        }
        return id;
    }

    @Override
    public void remove(int channelId) {
        int sp = ids.locator(channelId);
        resolveNow(sp);
        track(sp);
        unlist(channelId, sp, state[channelId]);
        channelCount[sp]--;
        if (conducting[state[channelId]]) {
            open[sp]--;
        }
        recomputeSums(sp);
        if (poolSinceMs[sp] == poolSinceMs[sp]) {
            recomputeLiveSum(sp);
        }
        ids.remove(channelId);
    }

    /** Doubles one spine's class-list capacity: relays out the flat list array (amortised O(1) per insert). */
    private void growSpine(int spine) {
        int[] newCapacity = capacity.clone();
        newCapacity[spine] = capacity[spine] * 2;
        int[] newBase = new int[spineCount];
        long total = 0;
        for (int sp = 0; sp < spineCount; sp++) {
            newBase[sp] = (int) total;
            total += (long) stateCount * newCapacity[sp];
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("too many channels in one block");
        }
        int[] newMembers = new int[(int) total];
        for (int sp = 0; sp < spineCount; sp++) {
            for (int st = 0; st < stateCount; st++) {
                System.arraycopy(members, listBase[sp] + st * capacity[sp],
                        newMembers, newBase[sp] + st * newCapacity[sp], counts[sp * stateCount + st]);
            }
        }
        members = newMembers;
        listBase = newBase;
        capacity = newCapacity;
    }

    @Override
    public int state(int channelId) {
        int sp = ids.locator(channelId);
        if (!tracked[sp]) {
            resolveNow(sp);
            track(sp);
        } else if (silent[state[channelId]]) {
            resolveNow(sp);
        }
        return state[channelId];
    }

    @Override
    public int spineOf(int channelId) {
        return ids.locator(channelId);
    }

    @Override
    public boolean isLive(int channelId) {
        return ids.isLive(channelId);
    }

    @Override
    public long transitionCount() {
        return transitions;
    }
}
