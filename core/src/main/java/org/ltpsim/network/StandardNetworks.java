package org.ltpsim.network;

import java.util.SplittableRandom;

/**
 * Reference networks for tests, benchmarks and demos (the workloads of the project's benchmark set: W1
 * birth-death, W3 channels, DSMTS dimerisation and immigration-death), with their exact answers where known.
 */
public final class StandardNetworks {
    private StandardNetworks() {}

    /** W1 / DSMTS 001-01: X -> 2X at 0.1 X, X -> 0 at 0.11 X, X(0) = 100. */
    public static ReactionNetwork birthDeath() {
        NetworkBuilder b = new NetworkBuilder("birth-death");
        int x = b.species("X", 100);
        b.reaction("birth", 0.1, new int[] {x}, new int[] {x, x});
        b.reaction("death", 0.11, new int[] {x}, new int[] {});
        return b.build();
    }

    /** Exact mean of W1 at t: 100 exp(-0.01 t). */
    public static double birthDeathMean(double t) {
        return 100 * Math.exp(-0.01 * t);
    }

    /** Exact variance of linear birth-death: X0 (l+m)/(l-m) e^{(l-m)t} (e^{(l-m)t} - 1). */
    public static double birthDeathVariance(double t) {
        double growth = Math.exp(-0.01 * t);
        return 100 * (0.21 / -0.01) * growth * (growth - 1);
    }

    /** W3 channels as a plain network: C0..C2, O, D counts, all channels starting in C0. */
    public static ReactionNetwork channels(int channelCount) {
        NetworkBuilder b = new NetworkBuilder("channels");
        int c0 = b.species("C0", channelCount);
        int c1 = b.species("C1", 0);
        int c2 = b.species("C2", 0);
        int o = b.species("O", 0);
        int d = b.species("D", 0);
        b.reaction("C0_C1", 10, new int[] {c0}, new int[] {c1});
        b.reaction("C1_C0", 5, new int[] {c1}, new int[] {c0});
        b.reaction("C1_C2", 10, new int[] {c1}, new int[] {c2});
        b.reaction("C2_C1", 10, new int[] {c2}, new int[] {c1});
        b.reaction("C2_O", 50, new int[] {c2}, new int[] {o});
        b.reaction("O_C2", 100, new int[] {o}, new int[] {c2});
        b.reaction("C2_D", 8, new int[] {c2}, new int[] {d});
        b.reaction("D_C2", 2, new int[] {d}, new int[] {c2});
        return b.build();
    }

    /** Dimerisation (DSMTS 003-01): 2P -> P2 at k1 P (P-1) / 2, P2 -> 2P at k2 P2. */
    public static ReactionNetwork dimerisation() {
        NetworkBuilder b = new NetworkBuilder("dimerisation");
        int p = b.species("P", 100);
        int p2 = b.species("P2", 0);
        b.reaction("dimerisation", 0.001 / 2, new int[] {p, p}, new int[] {p2});
        b.reaction("disassociation", 0.01, new int[] {p2}, new int[] {p, p});
        return b.build();
    }

    /** Immigration-death: 0 -> X at alphaHz, X -> 0 at muHz X, X(0) = 0: X(t) is Poisson. */
    public static ReactionNetwork immigrationDeath(double alphaHz, double muHz) {
        NetworkBuilder b = new NetworkBuilder("immigration-death");
        int x = b.species("X", 0);
        b.reaction("immigration", alphaHz, new int[] {}, new int[] {x});
        b.reaction("death", muHz, new int[] {x}, new int[] {});
        return b.build();
    }

    /**
     * A random closed network of {@code speciesCount} species and {@code reactionCount} reactions: conversions
     * A_i -> A_j and exchanges A_i + A_j -> A_k + A_l (molecules are conserved, so counts stay bounded).
     */
    public static ReactionNetwork randomClosed(int speciesCount, int reactionCount, int moleculesPerSpecies,
                                               long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        NetworkBuilder b = new NetworkBuilder("random-" + speciesCount + "x" + reactionCount);
        for (int s = 0; s < speciesCount; s++) {
            b.species("A" + s, moleculesPerSpecies);
        }
        for (int j = 0; j < reactionCount; j++) {
            if (j % 3 == 2) {
                int[] reactants = {random.nextInt(speciesCount), random.nextInt(speciesCount)};
                int[] products = {random.nextInt(speciesCount), random.nextInt(speciesCount)};
                b.reaction("R" + j, random.nextDouble(0.0005, 0.005), reactants, products);
            } else {
                int from = random.nextInt(speciesCount);
                int to = random.nextInt(speciesCount);
                b.reaction("R" + j, random.nextDouble(0.05, 0.5), new int[] {from}, new int[] {to});
            }
        }
        return b.build();
    }
}
