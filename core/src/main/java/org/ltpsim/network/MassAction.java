package org.ltpsim.network;

/**
 * The recognised mass-action form of a kinetic law: {@code rateConstant * prod_j ff(x[species_j], order_j)} where
 * {@code ff(x, k) = x (x-1) ... (x-k+1)} is the falling factorial (so {@code k*P*(P-1)/2} is rate constant k/2 and
 * order 2 in P). An empty species list is a zero-order (constant) law.
 *
 * <p>It lets methods that need a closed form (SIMD lanes, composition-rejection bounds, tau-leaping's
 * highest-order reactant) use one; the law's {@link StateFunction} stays the reference and gives the same value.
 *
 * @param rateConstant  propensity per (falling-factorial) unit, per second, >= 0
 * @param species       state indices of the reactants in the law, each listed once
 * @param orders        order of each, >= 1
 */
public record MassAction(double rateConstant, int[] species, int[] orders) {
    public MassAction {
        if (!(rateConstant >= 0) || Double.isInfinite(rateConstant)) {
            throw new IllegalArgumentException("mass-action rate constant must be finite and >= 0: " + rateConstant);
        }
        if (species.length != orders.length) {
            throw new IllegalArgumentException("species and orders differ in length");
        }
        species = species.clone();
        orders = orders.clone();
    }

    /** The propensity for this state; equals the law's own value. */
    public double propensity(double[] state) {
        double value = rateConstant;
        for (int j = 0; j < species.length; j++) {
            double x = state[species[j]];
            for (int k = 0; k < orders[j]; k++) {
                value *= x - k;
            }
        }
        return value;
    }
}
