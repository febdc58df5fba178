package org.ltpsim.simd;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Gets the vector body of one Panama kernel method compiled by C2 off the simulation's threads.
 *
 * <p>Until C2 has compiled a body, the Vector API runs its Java fallback: ~0.1 ms per vector, thousands of times
 * slower than the compiled body and than the scalar twin. A kernel with a warm-up therefore runs its scalar twin (the
 * same bits) until {@link #compiled()}. Its first call {@link #startOnce starts} the warm-up with a {@link TimedCall}
 * built from that call's inputs, copied (unless the process is short, below); one daemon thread,
 * {@code ltpsim-simd-warm-up}, sends those copies through the body, timed, in short bursts (half the time asleep,
 * leaving the compiler threads a core) until a vector takes under {@code compiledNanos}: C2 has compiled the body
 * and the kernel switches to it. A body still slow after a minute (a JVM without C2, e.g. {@code -Xint}) is given
 * up: the scalar twin stays, logged at DEBUG.
 *
 * <p>{@link #expectShortRun}: compiling the vector bodies and the Vector API's fallback code costs the JIT ~1 s of
 * CPU (per-thread CPU and JFR, 1,000-spine HFS), which on a 2-core machine the simulation's own compiles, and so the
 * simulation, wait for. The spine simulation announces each run's work; while the process's runs add up to too
 * little to repay the compiles, no warm-up starts and the kernels stay scalar. A long run warms up at once: every
 * second on the scalar twins costs it more than the compiles (docs/performance.md, "The fifth session").
 *
 * <p>Before this, the simulation thread itself sent one vector per call through the body until it was fast: in the
 * first second of a 1,000-spine HFS run 23% of its JFR samples were in the kernels, against ~10% later
 * (docs/performance.md, "The fifth session").
 */
final class BodyWarmUp {
    /** One pass of the body over the warm-up's own copy of the inputs; returns nanoseconds per vector. */
    interface TimedCall {
        long nanosPerVector();
    }

    private static final System.Logger LOG = System.getLogger(BodyWarmUp.class.getName());
    /** A vector in less than this: the body is compiled (its Java fallback takes ~100 us per vector). */
    static final long COMPILED_NANOS = 2_000;
    static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(60);

    private static final int CALLS_PER_BURST = 16;

    private static final Object LOCK = new Object();
    private static final List<BodyWarmUp> WARMING = new ArrayList<>(); // guarded by LOCK
    private static Thread thread; // guarded by LOCK; null when no warm-up is running
    private static volatile boolean shortRunAhead;

    private final String name;
    private final long compiledNanos;
    private final long giveUpNanos;
    private final boolean followsShortRuns;

    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean compiled;
    private TimedCall call; // written before the task is published under LOCK, then read by the warm-up thread only
    private long startNanos;
    private long calls;

    /** A spine simulation kernel's warm-up: none while the process is short ({@link #expectShortRun}). */
    BodyWarmUp(String name) {
        this(name, COMPILED_NANOS, GIVE_UP_NANOS, true);
    }

    /** @param followsShortRuns whether no warm-up starts while the spine simulation announces a short process */
    BodyWarmUp(String name, long compiledNanos, long giveUpNanos, boolean followsShortRuns) {
        this.name = name;
        this.compiledNanos = compiledNanos;
        this.giveUpNanos = giveUpNanos;
        this.followsShortRuns = followsShortRuns;
    }

    /** With other thresholds, for tests. */
    BodyWarmUp(String name, long compiledNanos, long giveUpNanos) {
        this(name, compiledNanos, giveUpNanos, true);
    }

    /** Whether the body runs compiled: the kernel may use it. */
    boolean compiled() {
        return compiled;
    }

    /** Whether the warm-up has ended, compiled or given up; for tests. */
    boolean ended() {
        synchronized (LOCK) {
            return started.get() && !WARMING.contains(this);
        }
    }

    /**
     * Whether the process is too short for the vector bodies to repay their compiles: while true, no warm-up starts
     * (the kernels stay scalar). Speed only: the results are the same bits either way.
     */
    static void expectShortRun(boolean shortRun) {
        shortRunAhead = shortRun;
    }

    /** Whether a call should start the warm-up (not started, no short run ahead): cheap, before building inputs. */
    boolean wantsStart() {
        return !started.get() && !(followsShortRuns && shortRunAhead);
    }

    /**
     * Starts the warm-up on the first call outside a short run (later calls return at once). {@code callFromInputs}
     * runs on the caller's thread, now: it must copy what it needs of the caller's inputs, which the caller goes on
     * changing.
     */
    void startOnce(Supplier<TimedCall> callFromInputs) {
        if (compiled || !wantsStart() || !started.compareAndSet(false, true)) {
            return;
        }
        TimedCall timed = callFromInputs.get();
        synchronized (LOCK) {
            call = timed;
            startNanos = System.nanoTime();
            WARMING.add(this);
            if (thread == null) {
                thread = Thread.ofPlatform().daemon().name("ltpsim-simd-warm-up").start(BodyWarmUp::warmUpAll);
            }
        }
    }

    /** The warm-up thread: a burst for every body still warming, then as long asleep (at least a millisecond). */
    private static void warmUpAll() {
        while (true) {
            List<BodyWarmUp> warming;
            synchronized (LOCK) {
                if (WARMING.isEmpty()) {
                    thread = null;
                    return;
                }
                warming = List.copyOf(WARMING);
            }
            long burstStart = System.nanoTime();
            for (BodyWarmUp w : warming) {
                if (w.burst()) {
                    synchronized (LOCK) {
                        WARMING.remove(w);
                    }
                }
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.max(TimeUnit.MILLISECONDS.toNanos(1), System.nanoTime() - burstStart));
            } catch (InterruptedException e) { // nobody interrupts it; if someone does, the next start starts anew
                synchronized (LOCK) {
                    thread = null;
                }
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Up to a burst of timed calls; true when this warm-up has ended (compiled, failed or given up). */
    private boolean burst() {
        try {
            for (int i = 0; i < CALLS_PER_BURST; i++) {
                calls++;
                if (call.nanosPerVector() < compiledNanos) {
                    compiled = true;
                    LOG.log(Level.DEBUG, () -> name + ": vector body compiled after " + calls + " warm-up calls, "
                            + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos) + " ms");
                    return true;
                }
            }
        } catch (RuntimeException e) { // a bug in a warm-up's inputs must not end the run: the scalar twin stays
            LOG.log(Level.DEBUG, name + ": warm-up failed; scalar kernel kept", e);
            return true;
        }
        if (System.nanoTime() - startNanos > giveUpNanos) {
            LOG.log(Level.DEBUG, () -> name + ": vector body not compiled after " + calls
                    + " warm-up calls; scalar kernel kept");
            return true;
        }
        return false;
    }
}
