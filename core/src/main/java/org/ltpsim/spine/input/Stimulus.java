package org.ltpsim.spine.input;

import java.util.Arrays;

/**
 * What one pathway delivers: presynaptic spike times, and the postsynaptic depolarisation windows paired with
 * them (empty for purely presynaptic protocols). Times in ms from the start of the run, sorted.
 *
 * @param name the protocol's name, for outputs
 * @param spikeTimesMs presynaptic spikes, ascending, each &gt;= 0
 * @param depolStartMs starts of postsynaptic depolarisation windows, ascending
 * @param depolEndMs ends of those windows (each &gt; its start)
 * @param depolMv the command potential during a window
 */
public record Stimulus(String name, double[] spikeTimesMs, double[] depolStartMs, double[] depolEndMs, double depolMv) {
    public Stimulus {
        spikeTimesMs = spikeTimesMs.clone();
        depolStartMs = depolStartMs.clone();
        depolEndMs = depolEndMs.clone();
        for (int i = 0; i < spikeTimesMs.length; i++) {
            if (!(spikeTimesMs[i] >= 0) || Double.isInfinite(spikeTimesMs[i])) {
                throw new IllegalArgumentException("spike time must be a finite time >= 0 ms: " + spikeTimesMs[i]);
            }
            if (i > 0 && spikeTimesMs[i] < spikeTimesMs[i - 1]) {
                throw new IllegalArgumentException("spike times must be ascending: " + spikeTimesMs[i - 1]
                        + " then " + spikeTimesMs[i]);
            }
        }
        if (depolStartMs.length != depolEndMs.length) {
            throw new IllegalArgumentException("depolarisation windows need a start and an end each");
        }
        for (int i = 0; i < depolStartMs.length; i++) {
            if (!(depolStartMs[i] >= 0 && depolEndMs[i] > depolStartMs[i]) || Double.isInfinite(depolEndMs[i])) {
                throw new IllegalArgumentException("bad depolarisation window [" + depolStartMs[i] + ", "
                        + depolEndMs[i] + ") ms");
            }
        }
    }

    /** Presynaptic spikes only. */
    public static Stimulus presynaptic(String name, double[] spikeTimesMs) {
        return new Stimulus(name, spikeTimesMs, new double[0], new double[0], 0);
    }

    /** The same stimulus {@code offsetMs} later (every spike and window), under another name. */
    public Stimulus shiftedBy(double offsetMs, String newName) {
        if (!(offsetMs >= 0) || Double.isInfinite(offsetMs)) {
            throw new IllegalArgumentException("offset must be finite and >= 0 ms: " + offsetMs);
        }
        double[] spikes = spikeTimesMs.clone();
        double[] starts = depolStartMs.clone();
        double[] ends = depolEndMs.clone();
        for (int i = 0; i < spikes.length; i++) {
            spikes[i] += offsetMs;
        }
        for (int i = 0; i < starts.length; i++) {
            starts[i] += offsetMs;
            ends[i] += offsetMs;
        }
        return new Stimulus(newName, spikes, starts, ends, depolMv);
    }

    /**
     * This stimulus and {@code other} together, as one: spikes merged in time order, windows kept. Both must use the
     * same command potential if both have windows.
     */
    public Stimulus joinedWith(Stimulus other, String newName) {
        if (depolStartMs.length > 0 && other.depolStartMs.length > 0 && depolMv != other.depolMv) {
            throw new IllegalArgumentException("cannot join stimuli that depolarise to different potentials: "
                    + depolMv + " and " + other.depolMv + " mV");
        }
        double[] spikes = new double[spikeTimesMs.length + other.spikeTimesMs.length];
        System.arraycopy(spikeTimesMs, 0, spikes, 0, spikeTimesMs.length);
        System.arraycopy(other.spikeTimesMs, 0, spikes, spikeTimesMs.length, other.spikeTimesMs.length);
        Arrays.sort(spikes);
        int w = depolStartMs.length + other.depolStartMs.length;
        double[][] windows = new double[w][];
        for (int i = 0; i < depolStartMs.length; i++) {
            windows[i] = new double[] {depolStartMs[i], depolEndMs[i]};
        }
        for (int i = 0; i < other.depolStartMs.length; i++) {
            windows[depolStartMs.length + i] = new double[] {other.depolStartMs[i], other.depolEndMs[i]};
        }
        Arrays.sort(windows, (a, b) -> Double.compare(a[0], b[0]));
        double[] starts = new double[w];
        double[] ends = new double[w];
        for (int i = 0; i < w; i++) {
            starts[i] = windows[i][0];
            ends[i] = windows[i][1];
        }
        return new Stimulus(newName, spikes, starts, ends, depolStartMs.length > 0 ? depolMv : other.depolMv);
    }

    /** Time of the first spike or window start, NaN if none. */
    public double firstEventMs() {
        double first = spikeTimesMs.length == 0 ? Double.NaN : spikeTimesMs[0];
        for (double start : depolStartMs) {
            first = Double.isNaN(first) ? start : Math.min(first, start);
        }
        return first;
    }

    /** Time of the last event (spike or window end), 0 if none. */
    public double lastEventMs() {
        double last = spikeTimesMs.length == 0 ? 0 : spikeTimesMs[spikeTimesMs.length - 1];
        for (double end : depolEndMs) {
            last = Math.max(last, end);
        }
        return last;
    }

    @Override
    public double[] spikeTimesMs() {
        return spikeTimesMs.clone();
    }

    @Override
    public double[] depolStartMs() {
        return depolStartMs.clone();
    }

    @Override
    public double[] depolEndMs() {
        return depolEndMs.clone();
    }

    public int pulseCount() {
        return spikeTimesMs.length;
    }

    @Override
    public String toString() {
        return name + " (" + spikeTimesMs.length + " pulses" + (depolStartMs.length > 0
                ? ", " + depolStartMs.length + " depolarisations to " + depolMv + " mV" : "") + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Stimulus s && name.equals(s.name) && Arrays.equals(spikeTimesMs, s.spikeTimesMs)
                && Arrays.equals(depolStartMs, s.depolStartMs) && Arrays.equals(depolEndMs, s.depolEndMs)
                && Double.compare(depolMv, s.depolMv) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(spikeTimesMs) * 31 + name.hashCode();
    }
}
