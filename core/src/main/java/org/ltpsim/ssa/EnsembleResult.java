package org.ltpsim.ssa;

/**
 * Ensemble statistics of every species at every output time: mean, sample standard deviation and population
 * variance over the realisations, plus what produced them (algorithm name, number of realisations, total
 * reaction events fired).
 */
public final class EnsembleResult {
    private final double[] timesSec;
    private final int speciesCount;
    private final double[] mean;
    private final double[] sumSquaredDeviations;
    private final long replicates;
    private final String algorithm;
    private final long events;

    EnsembleResult(double[] timesSec, MomentGrid grid, String algorithm, long events) {
        this.timesSec = timesSec.clone();
        this.speciesCount = grid.speciesCount();
        int cells = timesSec.length * speciesCount;
        this.mean = new double[cells];
        this.sumSquaredDeviations = new double[cells];
        for (int i = 0; i < cells; i++) {
            mean[i] = grid.mean(i);
            sumSquaredDeviations[i] = grid.sumSquaredDeviations(i);
        }
        this.replicates = grid.count();
        this.algorithm = algorithm;
        this.events = events;
    }

    public int timeCount() {
        return timesSec.length;
    }

    public double timeSec(int timeIndex) {
        return timesSec[timeIndex];
    }

    /** The network's species, which are its first state slots, in document order. */
    public int speciesCount() {
        return speciesCount;
    }

    public double mean(int timeIndex, int species) {
        return mean[cell(timeIndex, species)];
    }

    /** Sample standard deviation (divisor n - 1); 0 for a single realisation. */
    public double sd(int timeIndex, int species) {
        return replicates < 2 ? 0.0 : Math.sqrt(sumSquaredDeviations[cell(timeIndex, species)] / (replicates - 1));
    }

    /** Population variance (divisor n). */
    public double populationVariance(int timeIndex, int species) {
        return sumSquaredDeviations[cell(timeIndex, species)] / replicates;
    }

    public long replicates() {
        return replicates;
    }

    /** The algorithm that ran, e.g. {@code "ssa-direct-simd-lanes"}; see docs/engine.md. */
    public String algorithm() {
        return algorithm;
    }

    /** Reaction events fired over all realisations (tau-leaping counts every firing within a leap). */
    public long events() {
        return events;
    }

    private int cell(int timeIndex, int species) {
        if (timeIndex < 0 || timeIndex >= timesSec.length) {
            throw new IndexOutOfBoundsException("time index " + timeIndex + " outside [0, " + timesSec.length + ")");
        }
        if (species < 0 || species >= speciesCount) {
            throw new IndexOutOfBoundsException("species " + species + " outside [0, " + speciesCount + ")");
        }
        return timeIndex * speciesCount + species;
    }
}
