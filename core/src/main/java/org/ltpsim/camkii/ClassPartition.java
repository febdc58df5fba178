package org.ltpsim.camkii;

/**
 * Per spine, the subunits partitioned by reaction class, so that the number of subunits eligible for each
 * reaction is known in O(1) and one of them can be drawn uniformly in O(1).
 *
 * <p>Each spine owns a segment of the member list: a permutation of its subunits in which class {@code c}
 * occupies positions {@code start[c] .. start[c+1]-1}, and each subunit's position in it. Moving a subunit from
 * class {@code a} to class {@code b} walks the boundaries between them, one swap per boundary: at most
 * {@code classCount - 1} swaps, independent of the number of subunits. A subunit's class is not stored: the
 * caller of the hot {@link #move(int, int, int, int)} knows it, and {@link #classOf} finds it from the position.
 *
 * <p>Memory decides the speed once a population's spines outgrow the caches (10,000 spines in one population: an
 * event's members and positions come from main memory), so the member list and the positions are held in bytes when a spine has at most 256
 * subunits ({@link Narrow}: the default 16 holoenzymes have 192), in ints otherwise ({@link Wide}); both keep the
 * very same permutation, so the choice never changes which subunit an event picks.
 */
abstract sealed class ClassPartition permits ClassPartition.Narrow, ClassPartition.Wide {
    /** The most subunits per spine that {@link Narrow} can index (one unsigned byte). */
    static final int NARROW_MAX = 256;

    final int classCount;
    final int perSpine;
    /** Per spine, {@code classCount + 1} boundaries: class c spans start[b+c] .. start[b+c+1]-1. */
    private final int[] start;

    /** Every subunit of every spine starts in {@code initialClass}; bytes when {@code perSpine <= 256}. */
    static ClassPartition of(int spines, int perSpine, int classCount, int initialClass) {
        return perSpine <= NARROW_MAX ? new Narrow(spines, perSpine, classCount, initialClass)
                : new Wide(spines, perSpine, classCount, initialClass);
    }

    /** Bytes a subunit takes in the partition {@link #of} makes for spines of {@code perSpine} subunits. */
    static int bytesPerSubunit(int perSpine) {
        return perSpine <= NARROW_MAX ? 2 : 8;
    }

    private ClassPartition(int spines, int perSpine, int classCount, int initialClass) {
        if (!(classCount > 0 && initialClass >= 0 && initialClass < classCount && perSpine > 0 && spines >= 0)) {
            throw new IllegalArgumentException("bad partition: " + spines + " spines of " + perSpine
                    + " subunits, " + classCount + " classes, initial class " + initialClass);
        }
        this.classCount = classCount;
        this.perSpine = perSpine;
        start = new int[Math.multiplyExact(spines, classCount + 1)];
        for (int spine = 0; spine < spines; spine++) {
            int s = spine * (classCount + 1);
            for (int c = 0; c <= classCount; c++) {
                start[s + c] = c <= initialClass ? 0 : perSpine;
            }
        }
    }

    /** The member at {@code offset} of the flat member list (a spine-local subunit index). */
    abstract int memberAt(int offset);

    /** The position in its spine's segment of the subunit at {@code offset} ({@code spine * perSpine + subunit}). */
    abstract int positionAt(int offset);

    /** Swaps positions {@code p} and {@code q} of the segment at {@code base}, and the two subunits' positions. */
    abstract void swap(int base, int p, int q);

    /**
     * Reads one entry in every 64 bytes of the spine's member list and positions and returns their sum (a read
     * ahead: {@code HoloenzymePopulation} fetches the next busy spine's cache lines this way).
     */
    abstract int touch(int spine);

    final int count(int spine, int c) {
        int s = spine * (classCount + 1) + c;
        return start[s + 1] - start[s];
    }

    /** The {@code index}-th member (0-based) of class {@code c}: a spine-local subunit index. */
    final int member(int spine, int c, int index) {
        assert index >= 0 && index < count(spine, c);
        return memberAt(spine * perSpine + start[spine * (classCount + 1) + c] + index);
    }

    /** The class of a spine-local subunit, found from its position (a search over the classes: not for hot loops). */
    final int classOf(int spine, int subunit) {
        int p = positionAt(spine * perSpine + subunit);
        int s = spine * (classCount + 1);
        int c = 0;
        while (start[s + c + 1] <= p) {
            c++;
        }
        return c;
    }

    /** Moves spine-local {@code subunit} into class {@code to}, from whichever class it is in. */
    final void move(int spine, int subunit, int to) {
        move(spine, subunit, classOf(spine, subunit), to);
    }

    /** Moves spine-local {@code subunit}, now in class {@code from}, into class {@code to}. */
    final void move(int spine, int subunit, int from, int to) {
        assert from == classOf(spine, subunit) : "subunit " + subunit + " of spine " + spine + " is not in " + from;
        if (from == to) {
            return;
        }
        final int[] start = this.start;
        final int base = spine * perSpine;
        final int s = spine * (classCount + 1);
        int p = positionAt(base + subunit);
        if (to > from) {
            for (int c = from; c < to; c++) {
                int last = start[s + c + 1] - 1; // last position of class c; after the swap it opens class c+1
                swap(base, p, last);
                start[s + c + 1] = last;
                p = last;
            }
        } else {
            for (int c = from; c > to; c--) {
                int first = start[s + c]; // first position of class c; after the swap it closes class c-1
                swap(base, p, first);
                start[s + c] = first + 1;
                p = first;
            }
        }
    }

    /** Member list and positions in unsigned bytes: spines of at most {@link #NARROW_MAX} subunits. */
    static final class Narrow extends ClassPartition {
        private final byte[] members;
        private final byte[] position;

        Narrow(int spines, int perSpine, int classCount, int initialClass) {
            super(spines, perSpine, classCount, initialClass);
            if (perSpine > NARROW_MAX) {
                throw new IllegalArgumentException("a narrow partition indexes at most " + NARROW_MAX
                        + " subunits per spine: " + perSpine);
            }
            int total = Math.multiplyExact(spines, perSpine);
            members = new byte[total];
            position = new byte[total];
            for (int k = 0; k < total; k++) {
                members[k] = (byte) (k % perSpine);
                position[k] = (byte) (k % perSpine);
            }
        }

        @Override
        int memberAt(int offset) {
            return members[offset] & 0xFF;
        }

        @Override
        int touch(int spine) {
            final int base = spine * perSpine;
            int sum = 0;
            for (int k = 0; k < perSpine; k += 64) {
                sum += members[base + k] + position[base + k];
            }
            return sum;
        }

        @Override
        int positionAt(int offset) {
            return position[offset] & 0xFF;
        }

        @Override
        void swap(int base, int p, int q) {
            int a = members[base + p] & 0xFF;
            int b = members[base + q] & 0xFF;
            members[base + p] = (byte) b;
            members[base + q] = (byte) a;
            position[base + b] = (byte) p;
            position[base + a] = (byte) q;
        }
    }

    /** Member list and positions in ints: any number of subunits per spine. */
    static final class Wide extends ClassPartition {
        private final int[] members;
        private final int[] position;

        Wide(int spines, int perSpine, int classCount, int initialClass) {
            super(spines, perSpine, classCount, initialClass);
            int total = Math.multiplyExact(spines, perSpine);
            members = new int[total];
            position = new int[total];
            for (int k = 0; k < total; k++) {
                members[k] = k % perSpine;
                position[k] = k % perSpine;
            }
        }

        @Override
        int memberAt(int offset) {
            return members[offset];
        }

        @Override
        int touch(int spine) {
            final int base = spine * perSpine;
            int sum = 0;
            for (int k = 0; k < perSpine; k += 16) {
                sum += members[base + k] + position[base + k];
            }
            return sum;
        }

        @Override
        int positionAt(int offset) {
            return position[offset];
        }

        @Override
        void swap(int base, int p, int q) {
            int a = members[base + p];
            int b = members[base + q];
            members[base + p] = b;
            members[base + q] = a;
            position[base + b] = p;
            position[base + a] = q;
        }
    }
}
