package org.ltpsim.ssa;

/**
 * Running mean and sum of squared deviations for every (output time, species) cell of an ensemble: the
 * structure-of-arrays form of {@link org.ltpsim.stats.RunningStats}, with the same formulas (Welford 1962 per
 * added realisation, Chan et al. 1979 to merge). Every realisation contributes one value to every cell, so one
 * count serves them all. Cell {@code (k, s)} lives at {@code k * speciesCount + s}.
 */
final class MomentGrid {
    private final int timeCount;
    private final int speciesCount;
    private final double[] mean;
    private final double[] sumSquaredDeviations;
    private long count;

    MomentGrid(int timeCount, int speciesCount) {
        this.timeCount = timeCount;
        this.speciesCount = speciesCount;
        int cells = Math.multiplyExact(timeCount, speciesCount); // bounded by EnsembleBlocks.MAX_CELLS
        this.mean = new double[cells];
        this.sumSquaredDeviations = new double[cells];
    }

    int timeCount() {
        return timeCount;
    }

    int speciesCount() {
        return speciesCount;
    }

    /** A grid with the given moments (a decoded block; the arrays are taken, not copied). */
    static MomentGrid of(int timeCount, int speciesCount, long count, double[] mean, double[] sumSquaredDeviations) {
        if (mean.length != (long) timeCount * speciesCount || sumSquaredDeviations.length != mean.length || count < 0) {
            throw new IllegalArgumentException("moments of " + mean.length + " cells and count " + count
                    + " do not fit " + timeCount + " x " + speciesCount);
        }
        MomentGrid grid = new MomentGrid(timeCount, speciesCount, mean, sumSquaredDeviations);
        grid.count = count;
        return grid;
    }

    private MomentGrid(int timeCount, int speciesCount, double[] mean, double[] sumSquaredDeviations) {
        this.timeCount = timeCount;
        this.speciesCount = speciesCount;
        this.mean = mean;
        this.sumSquaredDeviations = sumSquaredDeviations;
    }

    /** The cells' means and sums of squared deviations, live (for the codec). */
    double[] means() {
        return mean;
    }

    double[] sumsOfSquaredDeviations() {
        return sumSquaredDeviations;
    }

    /** Adds one realisation; {@code row[offset + k * speciesCount + s]} is species s at output time k. */
    void add(double[] row, int offset) {
        count++;
        final long n = count;
        final double[] m = mean;
        final double[] ss = sumSquaredDeviations;
        for (int i = 0; i < m.length; i++) {
            double value = row[offset + i];
            double delta = value - m[i];
            m[i] += delta / n;
            ss[i] += delta * (value - m[i]);
        }
    }

    /** Folds {@code other} (the later realisations) into this one. */
    void merge(MomentGrid other) {
        if (other.count == 0) {
            return;
        }
        if (count == 0) {
            System.arraycopy(other.mean, 0, mean, 0, mean.length);
            System.arraycopy(other.sumSquaredDeviations, 0, sumSquaredDeviations, 0, mean.length);
            count = other.count;
            return;
        }
        long total = count + other.count;
        double crossWeight = (double) count * other.count / total;
        for (int i = 0; i < mean.length; i++) {
            double delta = other.mean[i] - mean[i];
            mean[i] += delta * other.count / total;
            sumSquaredDeviations[i] += other.sumSquaredDeviations[i] + delta * delta * crossWeight;
        }
        count = total;
    }

    long count() {
        return count;
    }

    double mean(int cell) {
        return mean[cell];
    }

    double sumSquaredDeviations(int cell) {
        return sumSquaredDeviations[cell];
    }
}
