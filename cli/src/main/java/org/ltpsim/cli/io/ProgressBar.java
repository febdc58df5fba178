package org.ltpsim.cli.io;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress bar on stderr that appears only once a run has taken longer than a couple of seconds, so short runs
 * and scripted use stay quiet. Thread-safe: workers call {@link #update(long)} with the work done so far.
 */
public final class ProgressBar implements AutoCloseable {
    private static final long QUIET_NANOS = 2_000_000_000L;
    private static final long REDRAW_NANOS = 200_000_000L;
    private final PrintStream out;
    private final String label;
    private final long total;
    private final long startNanos = System.nanoTime();
    private final AtomicLong lastDrawNanos = new AtomicLong();
    private volatile boolean drawn;

    public ProgressBar(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = Math.max(1, total);
    }

    public void update(long done) {
        long now = System.nanoTime();
        long last = lastDrawNanos.get();
        if (now - startNanos < QUIET_NANOS || now - last < REDRAW_NANOS || !lastDrawNanos.compareAndSet(last, now)) {
            return;
        }
        double fraction = Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(fraction * 30);
        double elapsed = (now - startNanos) / 1e9;
        double remaining = fraction > 0 ? elapsed * (1 - fraction) / fraction : Double.NaN;
        synchronized (out) {
            out.printf("\r%s [%s%s] %5.1f%%  %.0fs elapsed, ~%.0fs left ", label, "#".repeat(filled),
                    " ".repeat(30 - filled), 100 * fraction, elapsed, remaining);
            out.flush();
        }
        drawn = true;
    }

    @Override
    public void close() {
        if (drawn) {
            synchronized (out) {
                out.println();
            }
        }
    }
}
