package org.ltpsim.camkii;

/**
 * The W2 benchmark ring model (bench-models/camkii_ring.bngl): subunit state p in {0, 1} at fixed calcium.
 *
 * @param initHz initiation of a p=0 subunit whose right-hand neighbour has p=0
 * @param autoHz autophosphorylation of a p=0 subunit whose left-hand neighbour has p=1
 * @param offHz  dephosphorylation p=1 -> p=0
 */
public record RingW2Parameters(double initHz, double autoHz, double offHz) {
    public RingW2Parameters {
        for (double rate : new double[] {initHz, autoHz, offHz}) {
            if (!(rate >= 0 && rate < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("W2 rates must be finite and >= 0: " + initHz + ", " + autoHz
                        + ", " + offHz);
            }
        }
    }

    /** The benchmark's rates: k_init 0.1 /s, k_auto 5 /s, k_off 1 /s. */
    public static RingW2Parameters benchmark() {
        return new RingW2Parameters(0.1, 5.0, 1.0);
    }
}
