package org.ltpsim.channels;

import java.util.Arrays;

/**
 * The channel-id bookkeeping every {@link ChannelPopulation} shares: ids are handed out in order from 0, a removed
 * id is reused by a later insert (last removed, first reused), and each live id has one int locator that the
 * population chooses (its slot, or its spine); a free or never-issued id has none ({@code -1}).
 *
 * <p>Built from runs ({@link #ofRuns}), the ids of construction are {@code 0 .. total-1} in runs, the locator of an
 * id the index of its run, and no per-id array exists until the first change (add, remove, relocate): a population
 * whose ids are never touched (a plain `ltpsim run`) holds no int per channel.
 */
final class ChannelIds {
    private int[] where; // null while the ids are the construction runs
    private int[] runStart; // with where == null: run r holds ids runStart[r] .. runStart[r + 1] - 1
    private int issued; // ids ever handed out (high-water mark)
    private int[] free = new int[8];
    private int freeCount;

    /** Room for {@code expected} ids before the locator array grows. */
    ChannelIds(long expected) {
        where = new int[checkedSize(expected)];
    }

    /** Ids {@code 0 .. sum(runLengths)-1}, run by run, each at the index of its run (no per-id array yet). */
    static ChannelIds ofRuns(int[] runLengths) {
        long total = 0;
        int[] start = new int[runLengths.length + 1];
        for (int r = 0; r < runLengths.length; r++) {
            start[r] = (int) total;
            total += runLengths[r];
            checkedSize(total);
        }
        start[runLengths.length] = (int) total;
        ChannelIds ids = new ChannelIds(start, (int) total);
        return ids;
    }

    private ChannelIds(int[] runStart, int total) {
        this.runStart = runStart;
        this.issued = total;
    }

    private static int checkedSize(long expected) {
        if (expected > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("too many channels in one block: " + expected);
        }
        return (int) Math.max(8, expected);
    }

    /** The per-id locators of the construction runs, made on the first change. */
    private void materialise() {
        if (where != null) {
            return;
        }
        where = new int[checkedSize(issued)];
        for (int r = 0; r + 1 < runStart.length; r++) {
            Arrays.fill(where, runStart[r], runStart[r + 1], r);
        }
        runStart = null;
    }

    /** A new id at {@code locator} (a free one if any, else the next never issued); grows as needed. */
    int add(int locator) {
        if (locator < 0) {
            throw new IllegalArgumentException("locator must be >= 0: " + locator);
        }
        materialise();
        int id;
        if (freeCount > 0) {
            id = free[--freeCount];
        } else {
            id = issued++;
            if (id == where.length) {
                where = Arrays.copyOf(where, Math.max(8, id * 2));
            }
        }
        where[id] = locator;
        return id;
    }

    /** Frees a live id for reuse; returns its last locator. */
    int remove(int id) {
        int locator = locator(id);
        materialise();
        where[id] = -1;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = id;
        return locator;
    }

    /** The locator of a live id ({@link IllegalArgumentException} if it is not live). */
    int locator(int id) {
        if (!isLive(id)) {
            throw new IllegalArgumentException("no live channel with id " + id);
        }
        if (where == null) {
            int r = Arrays.binarySearch(runStart, id);
            // an exact hit may be the start of an empty run: take the last run that starts at id
            if (r >= 0) {
                while (r + 1 < runStart.length - 1 && runStart[r + 1] == id) {
                    r++;
                }
                return r;
            }
            return -r - 2;
        }
        return where[id];
    }

    /** Moves a live id to another locator (e.g. a slot relaid out). */
    void relocate(int id, int locator) {
        assert isLive(id) && locator >= 0;
        materialise();
        where[id] = locator;
    }

    boolean isLive(int id) {
        return id >= 0 && id < issued && (where == null || where[id] >= 0);
    }

    /** Ids ever handed out: every id is below this. */
    int issued() {
        return issued;
    }

    /** Length of the locator array: ids below it need no growth (per-id arrays of a population may follow it). */
    int capacity() {
        return where == null ? checkedSize(issued) : where.length;
    }
}
