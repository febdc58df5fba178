package org.ltpsim.spine.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;
import org.ltpsim.channels.ChannelPopulation;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.rng.RandomStreams;
import org.ltpsim.spine.Receptor;
import org.ltpsim.spine.ReceptorChannels;

/**
 * The trafficking layer on its own, driven by a scripted CaMKII (autonomous fraction, PP1 activity, switch state
 * set by the test): receptor conservation, the stationary baseline, and the exact-SSA rates of insertion and of the
 * Erlang lifetime of unconsolidated slots. Statistical checks state n and their false-failure rate.
 */
class SynapseExpressionTest {
    private static final ReceptorChannels CHANNELS = new ReceptorChannels();

    /** A layer of {@code spines} spines with 100 GluA2-containing AMPARs and 2 NMDARs each. */
    private static SynapseExpression layer(ExpressionModel model, ScriptedCamkii camkii, long seed) {
        int n = camkii.spineCount();
        int[] ampa = new int[n];
        int[] nmda = new int[n];
        Arrays.fill(ampa, 100);
        Arrays.fill(nmda, 2);
        ChannelPopulation ci = CHANNELS.create(Receptor.AMPA, ampa, RandomStreams.forBlock(seed, "ampa", 0));
        ChannelPopulation cp = CHANNELS.create(Receptor.AMPA, new int[n], RandomStreams.forBlock(seed, "ampa-cp", 0));
        ChannelPopulation nm = CHANNELS.create(Receptor.NMDA, nmda, RandomStreams.forBlock(seed, "nmda", 0));
        return new SynapseExpression(model, ci, cp, nm, camkii, RandomStreams.forBlock(seed, "trafficking", 0));
    }

    /** Every spine's calcium integral above the anchoring threshold (and kept there): CaMKII anchored throughout. */
    private static SynapseExpression anchored(SynapseExpression x) {
        for (int i = 0; i < x.spineCount(); i++) {
            x.anchoringCalcium(i, true);
        }
        return x;
    }

    private static void run(SynapseExpression x, ScriptedCamkii camkii, double seconds) {
        for (int s = 0; s < Math.round(seconds); s++) {
            camkii.advanceUniform(1, 0.1);
            x.advance(1.0, camkii);
        }
    }

    @Test
    void receptorsAreConservedThroughInductionDepressionCaptureAndNmdarInsertion() {
        ScriptedCamkii camkii = new ScriptedCamkii(30);
        SynapseExpression x = anchored(layer(ExpressionModel.defaults(), camkii, 3));
        x.setProteinLevel(2000);
        for (int i = 0; i < 30; i++) {
            x.primedByMglur(i);
        }
        double[][] phases = { // autonomous fraction, PP1 factor, switch ON, seconds
            {0.003, 1, 0, 600}, {0.6, 1.2, 1, 1800}, {0.6, 1, 1, 3600}, {0.0, 250, 0, 900}, {0.003, 1, 0, 7200}};
        for (double[] phase : phases) {
            camkii.set(phase[0], phase[1], phase[2] > 0);
            for (int s = 0; s < phase[3]; s += 60) {
                run(x, camkii, 60);
                assertNull(x.checkConservation(), "after " + s + " s of phase " + Arrays.toString(phase));
            }
        }
        long[] counts = x.reactionCounts();
        for (int r : new int[] {SynapseExpression.EXO, SynapseExpression.ENDO_CI, SynapseExpression.SWAP,
            SynapseExpression.INSERT, SynapseExpression.CAPTURE, SynapseExpression.SLOT_LOSS,
            SynapseExpression.NMDA_IN, SynapseExpression.NMDA_OUT}) {
            assertTrue(counts[r] > 0, "reaction " + r + " fired: " + Arrays.toString(counts));
        }
    }

    @Test
    void unstimulatedSpinesStayAtBaseline() {
        // 200 spines for 3 h with CaMKII DOWN and PP1 at rest. Per spine the synaptic count is ~Binomial(105, 0.95)
        // (sd 2.2); the mean of 200 has sd ~0.16 (less than independent draws would give: the same spines over
        // time), so +-1 receptor is > 6 sd: false-failure rate < 1e-9.
        ScriptedCamkii camkii = new ScriptedCamkii(200);
        camkii.set(0.003, 1, false);
        SynapseExpression x = layer(ExpressionModel.defaults(), camkii, 5);
        run(x, camkii, 3 * 3600);
        double sum = 0;
        for (int i = 0; i < 200; i++) {
            sum += x.synapticAmpa(i);
            assertEquals(105, x.slots(i));
            assertEquals(0, x.synapticGluA2Lacking(i));
        }
        assertEquals(100, sum / 200, 1.0, "mean synaptic AMPARs after 3 h");
        assertNull(x.checkConservation());
    }

    @Test
    void camkiiDrivenInsertionHasTheExactRate() {
        // Autonomous fraction 0.6 (drive D = 0.6^4 / (0.6^4 + 0.3^4) = 16/17) and PP1 at rest: the growth left decays
        // as Binomial(50, exp(-k D t)), k = 0.25 /min. At t = 4 min the mean of 400 spines has sd
        // sqrt(50 p (1 - p) / 400) ~ 0.17; tolerance 4.5 sd: false-failure rate 7e-6.
        ScriptedCamkii camkii = new ScriptedCamkii(400);
        camkii.set(0.6, 1, true);
        ExpressionModel model = ExpressionModel.defaults();
        SynapseExpression x = anchored(layer(model, camkii, 7));
        run(x, camkii, 240);
        double p = Math.exp(-model.insertionHz() * model.drive(Math.round(0.6 * 192) / 192.0) * 240);
        double mean = 0;
        for (int i = 0; i < 400; i++) {
            mean += x.growthLeft(i);
        }
        mean /= 400;
        double sd = Math.sqrt(50 * p * (1 - p) / 400);
        assertEquals(50 * p, mean, 4.5 * sd, "growth left after 4 min of full drive");
    }

    @Test
    void insertionNeedsAnchoredCamkii() {
        // Full drive (autonomous fraction 0.6, D = 16/17) on 100 spines, k = 0.25 /min. Not anchored: no insertion at
        // all (exact). Anchored by a calcium integral that then falls, switch OFF: insertion only while the 10-s hold
        // lasts (plus the step it was set in), then none. Switch ON: anchored as long as it stays ON.
        ScriptedCamkii camkii = new ScriptedCamkii(100);
        camkii.set(0.6, 1, true);
        ExpressionModel model = ExpressionModel.defaults();
        SynapseExpression x = layer(model, camkii, 17);
        run(x, camkii, 600);
        assertEquals(0, x.reactionCounts()[SynapseExpression.INSERT], "no insertion without anchoring");
        camkii.set(0.6, 1, false);
        for (int i = 0; i < 100; i++) {
            x.anchoringCalcium(i, true);
            x.anchoringCalcium(i, false);
        }
        run(x, camkii, 30);
        long held = x.reactionCounts()[SynapseExpression.INSERT];
        run(x, camkii, 600);
        assertEquals(held, x.reactionCounts()[SynapseExpression.INSERT], "none after the hold");
        // expected during the hold: 100 x 50 x (1 - exp(-k D 11 s)) ~ 213, Poisson-like sd ~15: within 4.5 sd
        double expected = 100 * 50 * (1 - Math.exp(-model.insertionHz() * model.drive(Math.round(0.6 * 192) / 192.0)
                * (model.anchoringHoldSec() + 1)));
        assertEquals(expected, held, 4.5 * Math.sqrt(expected), "insertions during the hold");
        camkii.set(0.6, 1, true);
        for (int i = 0; i < 100; i++) {
            x.anchoringCalcium(i, true);
            x.anchoringCalcium(i, false);
        }
        run(x, camkii, 600);
        assertTrue(x.reactionCounts()[SynapseExpression.INSERT] - held > 2000, "switch ON: stays anchored");
    }

    @Test
    void unconsolidatedSlotsHaveAnErlangLifetime() {
        // All growth converted at once (a very fast insertion), then no drive and no protein: each slot survives to t
        // with P(Poisson(K t / mean) < K), K = 8 stages, mean 100 min. 200 spines x 50 slots; per-spine counts are
        // Binomial(50, S(t)), the mean's sd sqrt(50 S (1 - S) / 200); tolerance 4.5 sd at each of 3 times:
        // false-failure rate < 2e-5.
        ParameterSet p = ParameterSet.defaults("expression").with("camkii_drive.insertion_rate_per_min", "1000");
        ExpressionModel model = ExpressionModel.from(p, false, false);
        ScriptedCamkii camkii = new ScriptedCamkii(200);
        camkii.set(0.9, 1, false);
        SynapseExpression x = anchored(layer(model, camkii, 11));
        run(x, camkii, 1);
        camkii.set(0.0, 1, false);
        run(x, camkii, 1); // the trapezoid average of the drive: half a step more at half drive
        for (int i = 0; i < 200; i++) {
            assertEquals(50, x.unconsolidatedSlots(i), "all growth used at once");
        }
        double elapsed = 2;
        for (double tMin : new double[] {60, 100, 180}) {
            run(x, camkii, tMin * 60 - elapsed);
            elapsed = tMin * 60;
            double survival = PoissonDistribution.of(8 * tMin / 100).cumulativeProbability(7);
            double mean = 0;
            for (int i = 0; i < 200; i++) {
                mean += x.unconsolidatedSlots(i);
            }
            mean /= 200;
            double sd = Math.sqrt(50 * survival * (1 - survival) / 200);
            assertEquals(50 * survival, mean, 4.5 * sd + 0.02, "unconsolidated slots at " + tMin + " min");
        }
        assertNull(x.checkConservation());
    }

    @Test
    void phosphataseActivityRemovesSlotsAndReceptorsAndNothingAtRest() {
        ScriptedCamkii camkii = new ScriptedCamkii(50);
        camkii.set(0.0, 250, false);
        SynapseExpression x = layer(ExpressionModel.defaults(), camkii, 13);
        run(x, camkii, 900);
        double slots = 0;
        for (int i = 0; i < 50; i++) {
            slots += x.slots(i);
        }
        // expected loss: 105 (1 - exp(-kRem (F - 1) t)) with kRem = 0.00008 /min, F = 250, t = 15 min: ~27%
        double expected = 105 * Math.exp(-0.00008 / 60 * 249 * 900);
        assertEquals(expected, slots / 50, 3, "slots after 15 min of LFS-like PP1 activity");
        camkii.set(0.0, 1, false);
        run(x, camkii, 1); // the step across the change sees the trapezoid average of F
        double before = 0;
        for (int i = 0; i < 50; i++) {
            before += x.slots(i);
        }
        run(x, camkii, 3600);
        slots = 0;
        for (int i = 0; i < 50; i++) {
            slots += x.slots(i);
        }
        assertEquals(before, slots, "no slot loss with PP1 at rest");
    }
}
