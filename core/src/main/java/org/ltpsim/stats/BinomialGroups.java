package org.ltpsim.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Grouped binary outcomes: at each distinct covariate value x_i, n_i trials of which k_i succeeded. Groups are
 * sorted by x and equal x merged, so that the groups are the distinct design points of a dose-response fit.
 */
public final class BinomialGroups {
    private final double[] x;
    private final int[] trials;
    private final int[] successes;

    private BinomialGroups(double[] x, int[] trials, int[] successes) {
        this.x = x;
        this.trials = trials;
        this.successes = successes;
    }

    /**
     * Groups from parallel arrays, in any order, equal x merged.
     *
     * @throws IllegalArgumentException on unequal lengths, a non-finite x, trials &lt; 1, or successes outside
     *     [0, trials]
     */
    public static BinomialGroups of(double[] x, int[] trials, int[] successes) {
        if (x.length != trials.length || x.length != successes.length) {
            throw new IllegalArgumentException("x, trials and successes need equal lengths: " + x.length + ", "
                    + trials.length + ", " + successes.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("x must be finite: " + x[i]);
            }
            if (trials[i] < 1 || successes[i] < 0 || successes[i] > trials[i]) {
                throw new IllegalArgumentException("need 0 <= successes <= trials, trials >= 1 at x = " + x[i] + ": "
                        + successes[i] + " of " + trials[i]);
            }
        }
        Integer[] order = IntStream.range(0, x.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> x[i])); // stable: merged sums do not depend on order
        double[] gx = new double[x.length];
        int[] gn = new int[x.length];
        int[] gk = new int[x.length];
        int groups = 0;
        for (int i : order) {
            if (groups > 0 && gx[groups - 1] == x[i]) {
                gn[groups - 1] = Math.addExact(gn[groups - 1], trials[i]);
                gk[groups - 1] += successes[i];
            } else {
                gx[groups] = x[i];
                gn[groups] = trials[i];
                gk[groups] = successes[i];
                groups++;
            }
        }
        return new BinomialGroups(Arrays.copyOf(gx, groups), Arrays.copyOf(gn, groups), Arrays.copyOf(gk, groups));
    }

    /** Number of distinct x. */
    public int size() {
        return x.length;
    }

    public double x(int group) {
        return x[group];
    }

    public int trials(int group) {
        return trials[group];
    }

    public int successes(int group) {
        return successes[group];
    }

    /** Total trials over all groups. */
    public long totalTrials() {
        long total = 0;
        for (int n : trials) {
            total += n;
        }
        return total;
    }

    /** Total successes over all groups. */
    public long totalSuccesses() {
        long total = 0;
        for (int k : successes) {
            total += k;
        }
        return total;
    }
}
