package org.ltpsim.spine;

/** Release in its large-number limit: the mean, {@code sites x probability} vesicles (fractional), no randomness. */
public final class MeanRelease implements Release {
    @Override
    public double vesicles(int sites, double probability) {
        return sites * probability;
    }
}
