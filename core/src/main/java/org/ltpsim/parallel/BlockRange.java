package org.ltpsim.parallel;

/**
 * A contiguous run of block ids, {@code [first, end)}: the share of a run's blocks that one process (a shard, or
 * the whole run) computes.
 *
 * @param first the first block
 * @param end one past the last block
 */
public record BlockRange(int first, int end) {
    public BlockRange {
        if (first < 0 || end < first) {
            throw new IllegalArgumentException("a block range needs 0 <= first <= end: [" + first + ", " + end + ")");
        }
    }

    /** Every block of a run of {@code blockCount} blocks. */
    public static BlockRange all(int blockCount) {
        return new BlockRange(0, blockCount);
    }

    public int size() {
        return end - first;
    }

    public boolean isEmpty() {
        return end == first;
    }

    public boolean contains(int block) {
        return block >= first && block < end;
    }

    /** {@code first-last} in the words of a message (blocks are numbered from 0), or {@code none} when empty. */
    public String describe() {
        return isEmpty() ? "no blocks" : size() == 1 ? "block " + first : "blocks " + first + "-" + (end - 1);
    }
}
