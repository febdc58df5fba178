package org.ltpsim.camkii;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ltpsim.rng.RandomStreams;

/**
 * The four-state kernel against the exact master equation of one ring (4^6 = 4,096 states) built from the
 * documented scheme, under a calcium time course (rest, 1 uM pulse, rest) stepped in 0.1-ms and 10-ms steps.
 * With a linear phosphatase (K_M far above any count) the two rings of a holoenzyme are independent, so a
 * population of S spines of one holoenzyme gives 2S independent rings.
 */
class HoloenzymeExactTest {
    private static final double LINEAR_DEPHOS_HZ = 0.8;
    private static final double HUGE_KM = 1e12;
    private static final CamkiiParameters D = CamkiiParameters.defaults();
    /** Defaults, with PP1 made linear (one holoenzyme): Vmax/(K_M + P) = LINEAR_DEPHOS_HZ to 1e-11. */
    private static final CamkiiParameters LINEAR = new CamkiiParameters(D.camOnMaxHz(), D.camHalfMicroMolar(),
            D.camHill(), D.camOffHz(), D.camOffTrappedHz(), D.autoHz(), HUGE_KM, LINEAR_DEPHOS_HZ, HUGE_KM, 0, 0,
            false, 0, D.onFraction(), D.offFraction(), D.ltpMinOnSec());

    private static int digit(int state, int k) {
        return (state >> (2 * k)) & 3;
    }

    private static int withDigit(int state, int k, int value) {
        return (state & ~(3 << (2 * k))) | (value << (2 * k));
    }

    /** One ring at fixed calcium: digit k (0 inactive, 1 CaM, 2 phospho+CaM, 3 autonomous) is subunit k. */
    static RingMasterEquation chain(CamkiiParameters p, double caMicroMolar, double dephosHz) {
        double x = Math.pow(caMicroMolar / p.camHalfMicroMolar(), p.camHill());
        double konHz = p.camOnMaxHz() * x / (1 + x);
        return new RingMasterEquation(4096, (state, out) -> {
            for (int k = 0; k < 6; k++) {
                boolean leftActive = digit(state, (k + 5) % 6) != 0;
                switch (digit(state, k)) {
                    case 0 -> out.add(withDigit(state, k, 1), konHz);
                    case 1 -> {
                        out.add(withDigit(state, k, 0), p.camOffHz());
                        out.add(withDigit(state, k, 2), leftActive ? p.effectiveAutoHz() : 0);
                    }
                    case 2 -> {
                        out.add(withDigit(state, k, 3), p.camOffTrappedHz());
                        out.add(withDigit(state, k, 1), dephosHz);
                    }
                    default -> {
                        out.add(withDigit(state, k, 2), konHz);
                        out.add(withDigit(state, k, 0), dephosHz);
                    }
                }
            }
        });
    }

    /**
     * 4,000 rings; chi-square of the phosphorylated, active and autonomous counts (0..6 each) at five times,
     * each at level 1e-4: a correct kernel fails one of the 15 tests with probability < 1.5e-3.
     */
    @Test
    void ringDistributionsMatchTheMasterEquationThroughACalciumPulse() {
        int spines = 2_000;
        CamkiiPopulation pop = CamkiiPopulations.create(LINEAR, spines, 1,
                RandomStreams.forBlock(21, "camkii-exact", 0));
        double restCa = 0.3;
        double pulseCa = 1.0;
        // segments: {end time, calcium, kernel step}
        double[][] segments = {{2.0, restCa, 1e-2}, {2.5, pulseCa, 1e-4}, {3.5, restCa, 1e-3}, {6.0, restCa, 0.5}};
        double[] checks = {2.0, 2.5, 3.0, 3.5, 6.0};
        double[] p = new double[4096];
        p[0] = 1;
        double t = 0;
        int check = 0;
        for (double[] segment : segments) {
            RingMasterEquation me = chain(LINEAR, segment[1], LINEAR_DEPHOS_HZ);
            while (check < checks.length && checks[check] <= segment[0] + 1e-12) {
                double mark = checks[check];
                p = me.propagate(p, mark - t);
                t = mark;
                while (pop.timeSec() < mark - 1e-9) {
                    pop.advanceUniform(Math.min(segment[2], mark - pop.timeSec()), segment[1]);
                }
                compare(pop, p, mark);
                check++;
            }
        }
    }

    private static void compare(CamkiiPopulation pop, double[] p, double timeSec) {
        double[] exactPhospho = new double[7];
        double[] exactActive = new double[7];
        double[] exactAutonomous = new double[7];
        for (int s = 0; s < p.length; s++) {
            int phospho = 0;
            int active = 0;
            int autonomous = 0;
            for (int k = 0; k < 6; k++) {
                int d = digit(s, k);
                phospho += d >= 2 ? 1 : 0;
                active += d != 0 ? 1 : 0;
                autonomous += d == 3 ? 1 : 0;
            }
            exactPhospho[phospho] += p[s];
            exactActive[active] += p[s];
            exactAutonomous[autonomous] += p[s];
        }
        long[] phospho = new long[7];
        long[] active = new long[7];
        long[] autonomous = new long[7];
        for (int spine = 0; spine < pop.spineCount(); spine++) {
            for (int ring = 0; ring < 2; ring++) {
                int nP = 0;
                int nA = 0;
                int nU = 0;
                for (int k = 0; k < 6; k++) {
                    int s = pop.subunitState(spine, ring * 6 + k);
                    nP += s >= 2 ? 1 : 0;
                    nA += s != 0 ? 1 : 0;
                    nU += s == 3 ? 1 : 0;
                }
                phospho[nP]++;
                active[nA]++;
                autonomous[nU]++;
            }
        }
        double pPhospho = ChiSquare.pValue(phospho, exactPhospho);
        double pActive = ChiSquare.pValue(active, exactActive);
        assertTrue(pPhospho > 1e-4, "phosphorylated count at t = " + timeSec + ": p = " + pPhospho);
        double pAutonomous = ChiSquare.pValue(autonomous, exactAutonomous);
        assertTrue(pActive > 1e-4, "active count at t = " + timeSec + ": p = " + pActive);
        assertTrue(pAutonomous > 1e-4, "autonomous count at t = " + timeSec + ": p = " + pAutonomous);
    }
}
