package org.ltpsim.simd;

/**
 * One step's transition probabilities in the forms the fixed-step kernels read (see {@link FixedStepKernel}).
 *
 * <p>Row-major for the scalar kernel: {@code cum[row * stride + j]}, {@code dest[row * stride + j]}, rows 0..states
 * (row {@code states} is padding: it never moves), the first destination of a row being the row itself. Column-major
 * for lane-parallel kernels when {@code states + 1 <= LANES}: {@code cumColumns[j * LANES + row]} is the same
 * cumulative as an integer multiple of 2^-53 (rows past the last hold 2^53), {@code destColumns[j * LANES + row]}
 * the destination; a vector of row indices then picks each lane's entry with one permute (at 8 lanes) or one
 * two-vector permute (at 4 lanes).
 */
public final class TransitionTable {
    private static final double TWO_53 = 0x1.0p53;

    private final int stride;
    private final double[] cum;
    private final byte[] dest;
    private final long[] cumColumns;
    private final long[] destColumns;

    private TransitionTable(int stride, double[] cum, byte[] dest) {
        this.stride = stride;
        this.cum = cum;
        this.dest = dest;
        int lanes = LaneRandom.LANES;
        if (stride + 1 <= lanes) {
            cumColumns = new long[stride * lanes];
            destColumns = new long[stride * lanes];
            for (int j = 0; j < stride; j++) {
                for (int row = 0; row < lanes; row++) {
                    boolean real = row <= stride;
                    cumColumns[j * lanes + row] = real ? (long) (cum[row * stride + j] * TWO_53) : (long) TWO_53;
                    destColumns[j * lanes + row] = real ? dest[row * stride + j] : row;
                }
            }
        } else {
            cumColumns = null;
            destColumns = null;
        }
    }

    /** The table for a single-channel transition matrix p (rows sum to 1). */
    public static TransitionTable of(double[][] p) {
        int s = p.length;
        if (s < 1 || s >= Byte.MAX_VALUE) {
            throw new IllegalArgumentException("states (plus the padding state) must fit in a byte: " + s);
        }
        double[] cum = new double[(s + 1) * s];
        byte[] dest = new byte[(s + 1) * s];
        for (int row = 0; row < s; row++) {
            double c = p[row][row];
            cum[row * s] = quantise(c);
            dest[row * s] = (byte) row;
            int j = 0;
            for (int d = 0; d < s; d++) {
                if (d == row) {
                    continue;
                }
                j++;
                c += p[row][d];
                cum[row * s + j] = quantise(c);
                dest[row * s + j] = (byte) d;
            }
            cum[row * s + s - 1] = 1.0; // the last destination takes whatever rounding left
        }
        for (int j = 0; j < s; j++) {
            cum[s * s + j] = 1.0; // padding never moves
            dest[s * s + j] = (byte) s;
        }
        return new TransitionTable(s, cum, dest);
    }

    /** Nearest multiple of 2^-53, at most 1. */
    private static double quantise(double p) {
        return Math.min(1.0, Math.rint(p * TWO_53) / TWO_53);
    }

    public int stride() {
        return stride;
    }

    public double[] cum() {
        return cum;
    }

    public byte[] dest() {
        return dest;
    }

    /** Column-major cumulatives as integers (units of 2^-53), or null when states + 1 > LANES. */
    public long[] cumColumns() {
        return cumColumns;
    }

    /** Column-major destinations, or null when states + 1 > LANES. */
    public long[] destColumns() {
        return destColumns;
    }
}
