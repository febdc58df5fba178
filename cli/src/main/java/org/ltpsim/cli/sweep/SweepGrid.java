package org.ltpsim.cli.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ltpsim.rng.RandomStreams;

/**
 * The grid of a sweep: every combination of the axes' values, the first {@code --param} outermost (it changes
 * slowest), the last innermost, each axis in the order its values were given.
 */
public record SweepGrid(List<SweepAxis> axes) {
    public SweepGrid {
        axes = List.copyOf(axes);
        if (axes.isEmpty()) {
            throw new IllegalArgumentException("a grid needs at least one axis");
        }
    }

    /** One grid point: a value per axis, in axis order. */
    public record Point(double[] values) {
        public Point {
            values = values.clone();
        }

        public double value(int axis) {
            return values[axis];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Point p && java.util.Arrays.equals(values, p.values);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return java.util.Arrays.toString(values);
        }
    }

    /** All points, in row order. */
    public List<Point> points() {
        List<Point> points = new ArrayList<>();
        int[] index = new int[axes.size()];
        while (true) {
            double[] values = new double[axes.size()];
            for (int a = 0; a < axes.size(); a++) {
                values[a] = axes.get(a).values().get(index[a]);
            }
            points.add(new Point(values));
            int a = axes.size() - 1; // odometer: the last axis turns fastest
            while (a >= 0 && ++index[a] == axes.get(a).values().size()) {
                index[a] = 0;
                a--;
            }
            if (a < 0) {
                return points;
            }
        }
    }

    /** The spine keys of {@code point} with their value texts, for {@code ExperimentSetup.build}. */
    public Map<String, String> spineValues(Point point) {
        return values(point, false);
    }

    /** The CaMKII keys (without the prefix) of {@code point} with their value texts. */
    public Map<String, String> camkiiValues(Point point) {
        return values(point, true);
    }

    private Map<String, String> values(Point point, boolean camkii) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int a = 0; a < axes.size(); a++) {
            SweepAxis axis = axes.get(a);
            if (axis.camkii() == camkii) {
                values.put(axis.setKey(), SweepAxis.text(point.value(a)));
            }
        }
        return values;
    }

    /**
     * The master seed of a point with independent streams: a function of the sweep's seed and the point's values
     * only (not of its row), so a value gets the same seed whatever else is on the grid, and distinct values get
     * unrelated streams.
     */
    public static long independentSeed(long seed, Point point) {
        long derived = seed;
        for (double value : point.values()) {
            derived = RandomStreams.forBlock(derived, "sweep-point", Double.doubleToLongBits(value)).nextLong();
        }
        return derived;
    }
}
