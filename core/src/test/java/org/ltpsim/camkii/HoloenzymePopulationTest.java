package org.ltpsim.camkii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ltpsim.rng.RandomStreams;
import org.ltpsim.simd.VectorizationProvider;

class HoloenzymePopulationTest {
    private static final CamkiiParameters DEFAULTS = CamkiiParameters.defaults();

    @Test
    void classesStayConsistentThroughPulsesAndRest() {
        CamkiiParameters withTurnover = new CamkiiParameters(DEFAULTS.camOnMaxHz(), DEFAULTS.camHalfMicroMolar(),
                DEFAULTS.camHill(), DEFAULTS.camOffHz(), DEFAULTS.camOffTrappedHz(), DEFAULTS.autoHz(),
                DEFAULTS.pp1PerHoloenzyme(), DEFAULTS.pp1KcatHz(), DEFAULTS.pp1KmPerHoloenzyme(), 0, 100, false, 0,
                DEFAULTS.onFraction(), DEFAULTS.offFraction(), DEFAULTS.ltpMinOnSec());
        HoloenzymePopulation pop = (HoloenzymePopulation) CamkiiPopulations.create(withTurnover, 4, 3,
                RandomStreams.forBlock(7, "camkii-test", 0));
        double[] ca = {0.1, 0.5, 1.0, 3.0};
        for (int step = 0; step < 2_000; step++) {
            pop.advance(1e-3, ca);
            if (step % 100 == 0) {
                assertTrue(pop.classesConsistent(), "classes after step " + step);
            }
        }
        pop.advanceUniform(500, 0.1);
        assertTrue(pop.classesConsistent());
        assertTrue(pop.eventCount() > 1000, "events fired: " + pop.eventCount());
        for (int spine = 0; spine < 4; spine++) {
            int phosphorylated = 0;
            int active = 0;
            int autonomous = 0;
            for (int i = 0; i < pop.subunitCount(spine); i++) {
                int s = pop.subunitState(spine, i);
                phosphorylated += s >= HoloenzymePopulation.PHOSPHO_CAM ? 1 : 0;
                active += s != HoloenzymePopulation.INACTIVE ? 1 : 0;
                autonomous += s == HoloenzymePopulation.AUTONOMOUS ? 1 : 0;
            }
            assertEquals(phosphorylated, pop.phosphorylatedSubunits(spine));
            assertEquals(active, pop.activeSubunits(spine));
            assertEquals(autonomous, pop.autonomousSubunits(spine));
        }
    }

    /**
     * Reading the next busy spine ahead is a speed choice only: with and without it, the same events and states, for
     * the byte partition (16 holoenzymes) and the int one (25: 300 subunits); on by default only for large blocks.
     */
    @Test
    void readingAheadChangesNothing() {
        for (int holoenzymes : new int[] {16, 25}) {
            int spines = 40;
            HoloenzymePopulation plain = new HoloenzymePopulation(DEFAULTS, spines, holoenzymes,
                    RandomStreams.forBlock(5, "camkii", 0), false,
                    VectorizationProvider.getInstance().camkiiHazardKernel(), false);
            HoloenzymePopulation ahead = new HoloenzymePopulation(DEFAULTS, spines, holoenzymes,
                    RandomStreams.forBlock(5, "camkii", 0), false,
                    VectorizationProvider.getInstance().camkiiHazardKernel(), true);
            double[] ca = new double[spines];
            for (int step = 0; step < 5_000; step++) {
                for (int i = 0; i < spines; i++) {
                    // a transient restarted every second, its size varying across the spines
                    ca[i] = 0.1 + (0.5 + 0.05 * i) * Math.exp(-(step % 500) * 0.02);
                }
                plain.advance(2e-3, ca);
                ahead.advance(2e-3, ca);
            }
            assertTrue(plain.eventCount() > 10_000, "events fired: " + plain.eventCount());
            assertEquals(plain.eventCount(), ahead.eventCount());
            for (int spine = 0; spine < spines; spine++) {
                for (int i = 0; i < plain.subunitCount(spine); i++) {
                    assertEquals(plain.subunitState(spine, i), ahead.subunitState(spine, i));
                }
            }
            assertTrue(ahead.classesConsistent());
        }
        assertFalse(((HoloenzymePopulation) CamkiiPopulations.create(DEFAULTS, 100, 16,
                RandomStreams.forBlock(1, "camkii", 0))).readsAhead(), "100 spines fit the cache");
        assertTrue(((HoloenzymePopulation) CamkiiPopulations.create(DEFAULTS, 2_000, 16,
                RandomStreams.forBlock(1, "camkii", 0))).readsAhead(), "2,000 x 192 x 3 bytes do not");
        assertTrue(((HoloenzymePopulation) CamkiiPopulations.create(DEFAULTS, 100, 100,
                RandomStreams.forBlock(1, "camkii", 0))).readsAhead(), "100 x 1,200 x 9 bytes (int partition) do not");
    }

    @Test
    void sameSeedSameTrajectoryWhateverTheStepping() {
        CamkiiPopulation a = CamkiiPopulations.create(DEFAULTS, 3, 5, RandomStreams.forBlock(3, "camkii", 1));
        CamkiiPopulation b = CamkiiPopulations.create(DEFAULTS, 3, 5, RandomStreams.forBlock(3, "camkii", 1));
        for (int i = 0; i < 100; i++) {
            a.advanceUniform(0.01, 1.0);
            b.advance(0.01, new double[] {1.0, 1.0, 1.0});
        }
        for (int spine = 0; spine < 3; spine++) {
            for (int i = 0; i < a.subunitCount(spine); i++) {
                assertEquals(a.subunitState(spine, i), b.subunitState(spine, i));
            }
        }
    }

    @Test
    void refusesBadArguments() {
        assertThrows(IllegalArgumentException.class,
                () -> CamkiiPopulations.create(DEFAULTS, 1, -1, RandomStreams.forBlock(1, "camkii", 0)));
        CamkiiPopulation pop = CamkiiPopulations.create(DEFAULTS, 2, 1, RandomStreams.forBlock(1, "camkii", 0));
        assertThrows(IllegalArgumentException.class, () -> pop.advanceUniform(Double.NaN, 0.1));
        assertThrows(IllegalArgumentException.class, () -> pop.advanceUniform(1, -0.1));
        assertThrows(IllegalArgumentException.class, () -> pop.advance(1, new double[1]));
    }

    /**
     * Holoenzyme turnover alone: after a pulse with PP1 fully inhibited, at zero calcium nothing phosphorylates
     * (no CaM binds) and nothing dephosphorylates, so a holoenzyme's phosphorylated subunits stay until it is
     * replaced at rate k: E[P(t)] = P(0) exp(-k t) exactly, each holoenzyme independently. 200 spines x 16
     * holoenzymes; the phosphorylated count is a sum of independent per-holoenzyme terms, so its sd is at most
     * sqrt(sum of squared holoenzyme contents x q(1-q)); the check at 5 sd fails with probability < 1e-6.
     */
    @Test
    void turnoverReplacesHoloenzymesAtItsRate() {
        double perHour = 3600.0 / 50; // k = 0.02 /s per holoenzyme
        CamkiiParameters p = new CamkiiParameters(DEFAULTS.camOnMaxHz(), DEFAULTS.camHalfMicroMolar(),
                DEFAULTS.camHill(), DEFAULTS.camOffHz(), DEFAULTS.camOffTrappedHz(), DEFAULTS.autoHz(),
                DEFAULTS.pp1PerHoloenzyme(), DEFAULTS.pp1KcatHz(), DEFAULTS.pp1KmPerHoloenzyme(), 1.0, 0, false, 0,
                DEFAULTS.onFraction(), DEFAULTS.offFraction(), DEFAULTS.ltpMinOnSec());
        CamkiiParameters withTurnover = new CamkiiParameters(p.camOnMaxHz(), p.camHalfMicroMolar(), p.camHill(),
                p.camOffHz(), p.camOffTrappedHz(), p.autoHz(), p.pp1PerHoloenzyme(), p.pp1KcatHz(),
                p.pp1KmPerHoloenzyme(), 1.0, perHour, false, 0, p.onFraction(), p.offFraction(), p.ltpMinOnSec());
        int spines = 200;
        int holoenzymes = 16;
        // phosphorylate without turnover, then switch turnover on by copying the state: simplest is one
        // population with turnover whose pulse is short against 1/k = 50 s
        CamkiiPopulation pop = CamkiiPopulations.create(withTurnover, spines, holoenzymes,
                RandomStreams.forBlock(9, "camkii-test", 0));
        for (int step = 0; step < 200; step++) {
            pop.advanceUniform(0.01, 3.0); // 2 s at 3 uM: most subunits phosphorylated
        }
        pop.advanceUniform(30, 0.0); // CaM leaves; with Ca = 0 and no PP1 only turnover changes P
        double p0 = 0;
        for (int spine = 0; spine < spines; spine++) {
            p0 += pop.phosphorylatedSubunits(spine);
        }
        double tSec = 40;
        pop.advanceUniform(tSec, 0.0);
        double p1 = 0;
        for (int spine = 0; spine < spines; spine++) {
            p1 += pop.phosphorylatedSubunits(spine);
        }
        double q = Math.exp(-0.02 * tSec);
        // bound on the sd: every holoenzyme holds at most 12 phosphorylated subunits
        double sdBound = Math.sqrt(spines * holoenzymes * 144.0 * q * (1 - q));
        assertEquals(p0 * q, p1, 5 * sdBound, "P(0) = " + p0 + ", P(t) = " + p1);
        assertTrue(p0 > 0.5 * spines * holoenzymes * 12, "pulse phosphorylated most subunits: " + p0);
    }
}
