package org.ltpsim.spine.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ltpsim.spine.expression.ExpressionModel;

/** The neuron's nucleus and protein pool against a fine reference integration of the same equations. */
class NeuronCellTest {
    private static final ExpressionModel MODEL = ExpressionModel.defaults();

    /** Explicit Euler with 1 ms steps: the reference (X decays exactly). */
    private static double[] reference(double x0, double seconds) {
        double x = x0;
        double m = 0;
        double p = 0;
        double h = 1e-3;
        NeuronCell gate = new NeuronCell(MODEL);
        for (long k = 0; k < Math.round(seconds / h); k++) {
            double g = gate.transcription(x);
            double dm = (g - m) / MODEL.mrnaTauSec();
            double dp = MODEL.synthesisPerSec() * m - p / MODEL.proteinLifetimeSec();
            m += h * dm;
            p += h * dp;
            x *= Math.exp(-h / MODEL.signalTauSec());
        }
        return new double[] {x, m, p};
    }

    @Test
    void poolFollowsTheEquations() {
        NeuronCell cell = new NeuronCell(MODEL);
        cell.update(0, 250, 0); // 2.5 units of signal at once
        for (int k = 0; k < 60; k++) {
            cell.update(60, 0, 0);
        }
        double[] ref = reference(2.5, 3600);
        assertEquals(ref[0], cell.signal(), 1e-9 * ref[0]);
        assertEquals(ref[1], cell.transcripts(), 1e-4 * ref[1]);
        assertEquals(ref[2], cell.proteins(), 1e-4 * ref[2]);
        assertTrue(cell.proteins() > 1000, "a strong signal makes proteins: " + cell.proteins());
    }

    @Test
    void oneTrainIsBelowThresholdThreeAreAbove() {
        assertTrue(new NeuronCell(MODEL).transcription(1.0) < 0.03);
        double three = 1 + Math.exp(-10 / 30.0) + Math.exp(-20 / 30.0);
        assertTrue(new NeuronCell(MODEL).transcription(three) > 0.9, "three trains 10 min apart: " + three);
    }

    @Test
    void drugsStopSynthesisAndCapturesDrawThePool() {
        for (ExpressionModel drugged : new ExpressionModel[] {MODEL.withDrugs(true, false),
            MODEL.withDrugs(false, true)}) {
            NeuronCell cell = new NeuronCell(drugged);
            cell.update(0, 300, 0);
            for (int k = 0; k < 60; k++) {
                cell.update(60, 0, 0);
            }
            assertEquals(0.0, cell.proteins(), "no proteins under " + drugged.actinomycinD() + "/"
                    + drugged.anisomycin());
        }
        NeuronCell cell = new NeuronCell(MODEL);
        cell.update(0, 300, 0);
        for (int k = 0; k < 30; k++) {
            cell.update(60, 0, 0);
        }
        double before = cell.proteins();
        double predicted = cell.predictedMeanProteins(60);
        cell.update(0, 0, 100);
        assertEquals(before - 100, cell.proteins(), 1e-9);
        cell.update(0, 0, (int) before + 50);
        assertEquals(0.0, cell.proteins());
        assertEquals(150 - (before - (int) before), cell.overdraftUnits(), 1e-9, "captured beyond the pool");
        assertTrue(predicted > 0);
    }
}
