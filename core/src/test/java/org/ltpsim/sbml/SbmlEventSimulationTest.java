package org.ltpsim.sbml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ltpsim.sbml.SbmlText.apply;
import static org.ltpsim.sbml.SbmlText.ci;
import static org.ltpsim.sbml.SbmlText.cn;
import static org.ltpsim.sbml.SbmlText.compartment;
import static org.ltpsim.sbml.SbmlText.compartments;
import static org.ltpsim.sbml.SbmlText.math;
import static org.ltpsim.sbml.SbmlText.model;
import static org.ltpsim.sbml.SbmlText.parameter;
import static org.ltpsim.sbml.SbmlText.parameters;
import static org.ltpsim.sbml.SbmlText.reaction;
import static org.ltpsim.sbml.SbmlText.reactions;
import static org.ltpsim.sbml.SbmlText.species;
import static org.ltpsim.sbml.SbmlText.speciesList;

import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;
import org.ltpsim.network.ReactionNetwork;
import org.ltpsim.ssa.EnsembleResult;
import org.ltpsim.ssa.EnsembleSimulator;
import org.ltpsim.ssa.EnsembleSpec;
import org.ltpsim.ssa.SimulationMethod;

/**
 * A state-triggered event, end to end through import and the exact SSA, against an exact answer.
 *
 * <p>Immigration {@code -> X} at rate 2/s; event {@code X >= 3}: {@code X = 0, R = R + 1} (R a boundary species
 * only the event changes). If the trigger is checked after every firing, X counts arrivals modulo 3 and R counts
 * completed triples: with N(t) ~ Poisson(2t), X = N mod 3 and R = floor(N / 3), whose means and sds are sums over
 * the Poisson distribution. Checked with Z = sqrt(n) (mean - exact) / sd in (-4, 4) at 4 times, 2 species,
 * n = 20,000: P(|Z| >= 4) = 6.3e-5 per point, 5e-4 for the 8 points (fixed seed). The sd must be within 5% of
 * the exact one: the relative standard error of a sample sd is about sqrt((kurtosis - 1) / (4n)), at most 0.011
 * here (R at t = 0.5 is nearly Bernoulli(0.08), kurtosis 10.6), so 5% is at least 4.5 standard errors.
 */
class SbmlEventSimulationTest {
    private static final double ALPHA = 2.0;

    @Test
    void stateTriggerIsCheckedAfterEveryFiring() {
        String event = "<listOfEvents><event id=\"wrap\" useValuesFromTriggerTime=\"true\">"
                + "<trigger initialValue=\"false\" persistent=\"true\">" + math(apply("geq", ci("X"), cn(3)))
                + "</trigger><listOfEventAssignments>"
                + "<eventAssignment variable=\"X\">" + math(cn(0)) + "</eventAssignment>"
                + "<eventAssignment variable=\"R\">" + math(apply("plus", ci("R"), cn(1))) + "</eventAssignment>"
                + "</listOfEventAssignments></event></listOfEvents>";
        String xml = model(compartments(compartment("C", "1"))
                + speciesList(species("X", "C", 0),
                        species("R", "C", "initialAmount=\"0\"", true, true, false))
                + parameters(parameter("alpha", ALPHA, true))
                + reactions(reaction("arrive", "", "X:1", ci("alpha")))
                + event);
        ReactionNetwork network = SbmlImporter.parse(xml, "wrap.xml");
        int n = 20_000;
        EnsembleResult result = EnsembleSimulator.run(network,
                new EnsembleSpec(n, 5.0, 0.5, 7, 2, SimulationMethod.SSA));
        for (int t : new int[] {1, 2, 5, 10}) {
            double timeSec = result.timeSec(t);
            PoissonDistribution arrivals = PoissonDistribution.of(ALPHA * timeSec);
            double[] meanX = {0, 0};
            double[] meanR = {0, 0};
            for (int k = 0; k < 200; k++) {
                double p = arrivals.probability(k);
                meanX[0] += p * (k % 3);
                meanX[1] += p * (k % 3) * (k % 3);
                meanR[0] += p * (k / 3);
                meanR[1] += p * (k / 3) * (k / 3);
            }
            check(result, t, 0, meanX, n, "X");
            check(result, t, 1, meanR, n, "R");
        }
        // the trigger holds X below 3 in every realisation, so the mean can never reach 3
        for (int t = 0; t < result.timeCount(); t++) {
            assertTrue(result.mean(t, 0) < 3);
        }
    }

    private static void check(EnsembleResult result, int t, int species, double[] moments, int n, String id) {
        double exactMean = moments[0];
        double exactSd = Math.sqrt(moments[1] - exactMean * exactMean);
        double z = Math.sqrt(n) * (result.mean(t, species) - exactMean) / exactSd;
        assertTrue(Math.abs(z) < 4, id + " at t=" + result.timeSec(t) + ": mean " + result.mean(t, species)
                + " vs exact " + exactMean + " (Z = " + z + ")");
        assertEquals(exactSd, result.sd(t, species), 0.05 * exactSd, id + " sd at t=" + result.timeSec(t));
    }
}
