package org.ltpsim.camkii;

/**
 * Per spine, the subunits partitioned by reaction class, so that the number of subunits eligible for each
 * reaction is known in O(1) and one of them can be drawn uniformly in O(1).
 *
 * <p>Each spine owns a segment of {@code members}: a permutation of its subunits in which class {@code c}
 * occupies positions {@code start[c] .. start[c+1]-1}. Moving a subunit from class {@code a} to class {@code b}
 * walks the boundaries between them, one swap per boundary: at most {@code classCount - 1} swaps, independent
 * of the number of subunits. Two ints and a byte per subunit; no object per subunit.
 */
final class ClassPartition {
    private final int classCount;
    private final int perSpine;
    // Package-private so that a hot loop can copy them into locals; all index arithmetic stays in this class.
    final int[] members;
    final int[] position;
    final byte[] classOf;
    final int[] start;

    /** Every subunit of every spine starts in {@code initialClass}. */
    ClassPartition(int spines, int perSpine, int classCount, int initialClass) {
        assert classCount <= Byte.MAX_VALUE && initialClass < classCount;
        this.classCount = classCount;
        this.perSpine = perSpine;
        int total = Math.multiplyExact(spines, perSpine);
        members = new int[total];
        position = new int[total];
        classOf = new byte[total];
        start = new int[spines * (classCount + 1)];
        for (int spine = 0; spine < spines; spine++) {
            int base = spine * perSpine;
            for (int i = 0; i < perSpine; i++) {
                members[base + i] = i;
                position[base + i] = i;
                classOf[base + i] = (byte) initialClass;
            }
            int s = spine * (classCount + 1);
            for (int c = 0; c <= classCount; c++) {
                start[s + c] = c <= initialClass ? 0 : perSpine;
            }
        }
    }

    int count(int spine, int c) {
        int s = spine * (classCount + 1) + c;
        return start[s + 1] - start[s];
    }

    /** The {@code index}-th member (0-based) of class {@code c}: a spine-local subunit index. */
    int member(int spine, int c, int index) {
        assert index >= 0 && index < count(spine, c);
        return members[spine * perSpine + start[spine * (classCount + 1) + c] + index];
    }

    int classOf(int spine, int subunit) {
        return classOf[spine * perSpine + subunit];
    }

    /** Offset of a spine's subunits in {@link #members}, {@link #position} and {@link #classOf}. */
    int subunitBase(int spine) {
        return spine * perSpine;
    }

    /** Offset of a spine's class boundaries in {@link #start}: class c spans start[b+c] .. start[b+c+1]-1. */
    int startBase(int spine) {
        return spine * (classCount + 1);
    }

    /** Moves spine-local {@code subunit} into class {@code to}. */
    void move(int spine, int subunit, int to) {
        move(members, position, classOf, start, spine * perSpine, spine * (classCount + 1), subunit, to);
    }

    /**
     * The move on explicit arrays and offsets ({@link #subunitBase}, {@link #startBase}), for hot loops that keep
     * the arrays in locals.
     */
    static void move(int[] members, int[] position, byte[] classOf, int[] start, int base, int s, int subunit,
            int to) {
        final int from = classOf[base + subunit];
        if (from == to) {
            return;
        }
        int p = position[base + subunit];
        if (to > from) {
            for (int c = from; c < to; c++) {
                int last = start[s + c + 1] - 1; // last position of class c; after the swap it opens class c+1
                swap(members, position, base, p, last);
                start[s + c + 1] = last;
                p = last;
            }
        } else {
            for (int c = from; c > to; c--) {
                int first = start[s + c]; // first position of class c; after the swap it closes class c-1
                swap(members, position, base, p, first);
                start[s + c] = first + 1;
                p = first;
            }
        }
        classOf[base + subunit] = (byte) to;
    }

    private static void swap(int[] members, int[] position, int base, int p, int q) {
        int a = members[base + p];
        int b = members[base + q];
        members[base + p] = b;
        members[base + q] = a;
        position[base + b] = p;
        position[base + a] = q;
    }
}
