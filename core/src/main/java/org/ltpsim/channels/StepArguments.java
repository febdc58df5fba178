package org.ltpsim.channels;

/** The checks every population makes at the boundary of {@link ChannelPopulation#advance}, once. */
final class StepArguments {
    private StepArguments() {}

    /** A finite step of {@code dtMs >= 0} and glutamate for at least {@code spines} spines. */
    static void check(double dtMs, double[] glutamateMilliMolar, int spines) {
        if (!(dtMs >= 0) || dtMs == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("dtMs must be finite and >= 0: " + dtMs);
        }
        if (glutamateMilliMolar.length < spines) {
            throw new IllegalArgumentException("glutamateMilliMolar has " + glutamateMilliMolar.length
                    + " entries for " + spines + " spines");
        }
    }

    /** Glutamate at one spine: finite and >= 0. */
    static void checkGlutamate(double[] glutamateMilliMolar, int spine) {
        double g = glutamateMilliMolar[spine];
        if (!(g >= 0) || g == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("glutamateMilliMolar[" + spine + "] must be finite and >= 0: " + g);
        }
    }
}
