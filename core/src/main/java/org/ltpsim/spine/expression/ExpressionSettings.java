package org.ltpsim.spine.expression;

/**
 * How a run uses the expression layers: their parameters, the run's length, how often the weights are recorded,
 * how many neurons (independent copies of the whole set of pathways, each with its own nucleus and protein pool),
 * and test pulses.
 *
 * @param model the expression parameters (with drugs)
 * @param durationMs the run's end, ms from its start (0: the last stimulus plus the experiment's afterMs)
 * @param recordEveryMs interval of the weight records, a whole number of {@link ExpressionModel#slowStepSec}
 * @param neurons independent neurons, each with every pathway's spines
 * @param testPulseEveryMs a single test pulse to every pathway this often (0: none); pathway p's pulses fall at
 *     k x interval + p x {@link #TEST_PULSE_STAGGER_MS}, so that pathways are tested one at a time. A test pulse
 *     is a read-only probe: its glutamate reaches the AMPA receptors only (an AMPA EPSP, as read at rest or in AP5),
 *     because in this model one release at rest can latch a spine's CaMKII switch (docs/camkii.md) where real test
 *     pulses leave the synapse unchanged; one within 1 s of the pathway's own stimulus is left out
 * @param ap5WindowsMs timed AP5 application: [start, end) pairs in ms, ascending (bath application and washout,
 *     applied at step resolution); empty for none
 */
public record ExpressionSettings(ExpressionModel model, double durationMs, double recordEveryMs, int neurons,
        double testPulseEveryMs, double[] ap5WindowsMs) {
    /** Pathway p's test pulses are this much later than pathway 0's. */
    public static final double TEST_PULSE_STAGGER_MS = 5000;
    /** An EPSP is the peak depolarisation within this long after a test pulse. */
    public static final double EPSP_WINDOW_MS = 50;

    public ExpressionSettings {
        if (model == null) {
            throw new IllegalArgumentException("an expression model is needed");
        }
        if (!(durationMs >= 0) || Double.isInfinite(durationMs)) {
            throw new IllegalArgumentException("duration must be finite and >= 0 ms: " + durationMs);
        }
        if (neurons < 1) {
            throw new IllegalArgumentException("neurons must be >= 1: " + neurons);
        }
        double slowMs = model.slowStepSec() * 1000;
        double steps = recordEveryMs / slowMs;
        if (!(recordEveryMs > 0) || Math.abs(steps - Math.rint(steps)) > 1e-9 * steps || Math.rint(steps) < 1) {
            throw new IllegalArgumentException("the weight record interval (" + recordEveryMs + " ms) must be a whole "
                    + "number of slow steps (timing.slow_step_s = " + model.slowStepSec() + " s)");
        }
        if (!(testPulseEveryMs >= 0) || Double.isInfinite(testPulseEveryMs)) {
            throw new IllegalArgumentException("test pulse interval must be finite and >= 0 ms: " + testPulseEveryMs);
        }
        ap5WindowsMs = ap5WindowsMs == null ? new double[0] : ap5WindowsMs.clone();
        if (ap5WindowsMs.length % 2 != 0) {
            throw new IllegalArgumentException("AP5 windows come in [start, end) pairs");
        }
        for (int w = 0; w < ap5WindowsMs.length; w += 2) {
            if (!(ap5WindowsMs[w] >= 0 && ap5WindowsMs[w + 1] > ap5WindowsMs[w])
                    || Double.isInfinite(ap5WindowsMs[w + 1])) {
                throw new IllegalArgumentException("bad AP5 window [" + ap5WindowsMs[w] + ", " + ap5WindowsMs[w + 1]
                        + ") ms");
            }
        }
    }

    @Override
    public double[] ap5WindowsMs() {
        return ap5WindowsMs.clone();
    }

    /** The same settings with AP5 applied over [startMs, endMs) as well. */
    public ExpressionSettings withAp5WindowMs(double startMs, double endMs) {
        double[] w = java.util.Arrays.copyOf(ap5WindowsMs, ap5WindowsMs.length + 2);
        w[w.length - 2] = startMs;
        w[w.length - 1] = endMs;
        return new ExpressionSettings(model, durationMs, recordEveryMs, neurons, testPulseEveryMs, w);
    }

    /** Defaults: the given model, one neuron, weights every minute, no test pulses, length set by the stimuli. */
    public static ExpressionSettings of(ExpressionModel model) {
        return new ExpressionSettings(model, 0, 60_000, 1, 0, null);
    }

    public ExpressionSettings withDurationMs(double ms) {
        return new ExpressionSettings(model, ms, recordEveryMs, neurons, testPulseEveryMs, ap5WindowsMs);
    }

    public ExpressionSettings withRecordEveryMs(double ms) {
        return new ExpressionSettings(model, durationMs, ms, neurons, testPulseEveryMs, ap5WindowsMs);
    }

    public ExpressionSettings withNeurons(int count) {
        return new ExpressionSettings(model, durationMs, recordEveryMs, count, testPulseEveryMs, ap5WindowsMs);
    }

    public ExpressionSettings withTestPulsesEveryMs(double ms) {
        return new ExpressionSettings(model, durationMs, recordEveryMs, neurons, ms, ap5WindowsMs);
    }

    public ExpressionSettings withModel(ExpressionModel other) {
        return new ExpressionSettings(other, durationMs, recordEveryMs, neurons, testPulseEveryMs, ap5WindowsMs);
    }

    /** Test pulse times of pathway {@code p} before {@code endMs}. */
    public double[] testPulseTimesMs(int pathway, double endMs) {
        if (testPulseEveryMs <= 0) {
            return new double[0];
        }
        double offset = pathway * TEST_PULSE_STAGGER_MS;
        int count = offset >= endMs ? 0 : (int) Math.ceil((endMs - offset) / testPulseEveryMs);
        double[] times = new double[Math.max(0, count)];
        for (int k = 0; k < times.length; k++) {
            times[k] = offset + k * testPulseEveryMs;
        }
        return times;
    }
}
