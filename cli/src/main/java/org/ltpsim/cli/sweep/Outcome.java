package org.ltpsim.cli.sweep;

import java.util.List;
import java.util.function.ToIntFunction;
import org.ltpsim.stats.BinomialGroups;

/**
 * A per-spine binary outcome whose probability a one-parameter sweep fits against the swept value: the JSON name,
 * the count of spines with it at a grid point, and its definition in words.
 */
public enum Outcome {
    /** Calcium-rule LTP. */
    LTP("ltp", PointReadouts::ruleLtp),
    /** The onset of the calcium rule's LTD band: LTD or LTP. */
    LTD("ltd", PointReadouts::ltdOnset),
    /** The CaMKII switch ON at the end of the run. */
    CAMKII_ON("camkii_on", PointReadouts::camkiiOn);

    private final String jsonName;
    private final ToIntFunction<PointReadouts> count;

    Outcome(String jsonName, ToIntFunction<PointReadouts> count) {
        this.jsonName = jsonName;
        this.count = count;
    }

    public String jsonName() {
        return jsonName;
    }

    public int count(PointReadouts readouts) {
        return count.applyAsInt(readouts);
    }

    /** The grouped outcomes of {@code rows} against the first axis's value. */
    public BinomialGroups groups(List<SweepTable.Row> rows) {
        double[] x = new double[rows.size()];
        int[] trials = new int[rows.size()];
        int[] successes = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            x[i] = rows.get(i).point().value(0);
            trials[i] = rows.get(i).readouts().spines();
            successes[i] = count(rows.get(i).readouts());
        }
        return BinomialGroups.of(x, trials, successes);
    }
}
