package org.ltpsim.spine;

import org.apache.commons.rng.UniformRandomProvider;
import org.ltpsim.channels.ChannelPopulation;

/**
 * Test double for the channel kernels (test code only): every channel is simulated by the exact direct method
 * within each step, glutamate frozen over the step, so the result is exact in distribution for any step. Same
 * schemes and rates as the real kernels: AMPA5 (Destexhe 1998) states C0 C1 C2 O D1 D2; NMDA5 (Lester &amp; Jahr
 * 1992) states C0 C1 C2 O D. Simple and slow; used until the channels branch provides its kernels.
 */
public final class GillespieTestChannels implements ChannelFactory {
    // AMPA, per ms; binding per mM per ms
    static final double A_RB = 13, A_RU1 = 0.0059, A_RU2 = 86, A_RD = 0.9, A_RR = 0.064, A_RO = 2.7, A_RC = 0.2;
    // NMDA (Lester & Jahr), per ms; Rb 5 /uM/s = 5 /mM/ms
    static final double N_RB = 5, N_RU = 6.7e-3, N_RD = 15.2e-3, N_RR = 9.4e-3, N_RO = 83.8e-3, N_RC = 83.8e-3;

    @Override
    public ChannelPopulation create(Receptor receptor, int[] channelsPerSpine, UniformRandomProvider rng) {
        return new Population(receptor, channelsPerSpine, rng);
    }

    @Override
    public boolean mayConduct(Receptor receptor, ChannelPopulation population, int spine) {
        if (receptor == Receptor.AMPA) {
            return population.stateCount(spine, 2) + population.stateCount(spine, 3) + population.stateCount(spine, 5) > 0;
        }
        return population.stateCount(spine, 2) + population.stateCount(spine, 3) + population.stateCount(spine, 4) > 0;
    }

    static final class Population implements ChannelPopulation {
        private final Receptor receptor;
        private final int[] start;
        private final byte[] state;
        private final int[][] counts;
        private final UniformRandomProvider rng;
        private final int states;

        Population(Receptor receptor, int[] perSpine, UniformRandomProvider rng) {
            this.receptor = receptor;
            this.rng = rng;
            this.states = receptor == Receptor.AMPA ? 6 : 5;
            start = new int[perSpine.length + 1];
            for (int i = 0; i < perSpine.length; i++) {
                start[i + 1] = start[i] + perSpine[i];
            }
            state = new byte[start[perSpine.length]];
            counts = new int[perSpine.length][states];
            for (int i = 0; i < perSpine.length; i++) {
                counts[i][0] = perSpine[i];
            }
        }

        @Override
        public int spineCount() {
            return counts.length;
        }

        @Override
        public void advance(double dtMs, double[] glu) {
            double[] rates = new double[3];
            int[] targets = new int[3];
            for (int s = 0; s < counts.length; s++) {
                double g = glu[s];
                if (g == 0 && counts[s][0] == start[s + 1] - start[s]) {
                    continue;
                }
                for (int c = start[s]; c < start[s + 1]; c++) {
                    int x = state[c];
                    double t = 0;
                    while (true) {
                        int k = transitions(x, g, rates, targets);
                        double total = 0;
                        for (int j = 0; j < k; j++) {
                            total += rates[j];
                        }
                        if (total <= 0) {
                            break;
                        }
                        t += -Math.log(1 - rng.nextDouble()) / total;
                        if (t > dtMs) {
                            break;
                        }
                        double u = rng.nextDouble() * total;
                        int j = 0;
                        while (j < k - 1 && u >= rates[j]) {
                            u -= rates[j];
                            j++;
                        }
                        counts[s][x]--;
                        x = targets[j];
                        counts[s][x]++;
                    }
                    state[c] = (byte) x;
                }
            }
        }

        private int transitions(int x, double g, double[] r, int[] to) {
            if (receptor == Receptor.AMPA) {
                switch (x) {
                    case 0: r[0] = A_RB * g; to[0] = 1; return 1;
                    case 1: r[0] = A_RU1; to[0] = 0; r[1] = A_RB * g; to[1] = 2; r[2] = A_RD; to[2] = 4; return 3;
                    case 2: r[0] = A_RU2; to[0] = 1; r[1] = A_RO; to[1] = 3; r[2] = A_RD; to[2] = 5; return 3;
                    case 3: r[0] = A_RC; to[0] = 2; return 1;
                    case 4: r[0] = A_RR; to[0] = 1; return 1;
                    default: r[0] = A_RR; to[0] = 2; return 1;
                }
            }
            switch (x) {
                case 0: r[0] = 2 * N_RB * g; to[0] = 1; return 1;
                case 1: r[0] = N_RU; to[0] = 0; r[1] = N_RB * g; to[1] = 2; return 2;
                case 2: r[0] = 2 * N_RU; to[0] = 1; r[1] = N_RO; to[1] = 3; r[2] = N_RD; to[2] = 4; return 3;
                case 3: r[0] = N_RC; to[0] = 2; return 1;
                default: r[0] = N_RR; to[0] = 2; return 1;
            }
        }

        @Override
        public int openCount(int spine) {
            return counts[spine][3];
        }

        @Override
        public int channelCount(int spine) {
            return start[spine + 1] - start[spine];
        }

        @Override
        public boolean isResting(int spine) {
            return counts[spine][0] == channelCount(spine);
        }

        @Override
        public int stateCount(int spine, int s) {
            return counts[spine][s];
        }
    }
}
