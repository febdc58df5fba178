package org.ltpsim.parallel;

/**
 * Shard {@code index} of {@code count} (numbered from 1, as {@code --shard I/N} and SLURM array ids are): a
 * contiguous share of a run's blocks, fixed by the block count alone, so that every shard of one run agrees on who
 * computes what. Shard I of N runs blocks {@code [floor(B (I-1) / N), floor(B I / N))}: the shares differ by at
 * most one block, and together cover every block exactly once.
 *
 * @param index from 1 to {@code count}
 * @param count the number of shards, at least 1
 */
public record Shard(int index, int count) {
    /** More shards than this is a typo, not a cluster. */
    public static final int MAX_COUNT = 1_000_000;

    public Shard {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("the shard count must be from 1 to " + MAX_COUNT + ": " + count);
        }
        if (index < 1 || index > count) {
            throw new IllegalArgumentException("the shard index must be from 1 to " + count + ": " + index);
        }
    }

    /**
     * Parses {@code I/N}.
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static Shard parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw new IllegalArgumentException("expected I/N (shard I of N, I from 1 to N), e.g. 2/8: '" + text + "'");
        }
        int index;
        int count;
        try {
            index = Integer.parseInt(text.substring(0, slash).strip());
            count = Integer.parseInt(text.substring(slash + 1).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected I/N with whole numbers, e.g. 2/8: '" + text + "'");
        }
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("N must be from 1 to " + MAX_COUNT + ": '" + text + "'");
        }
        if (index < 1 || index > count) {
            throw new IllegalArgumentException("I must be from 1 to N (" + count + "): '" + text + "'");
        }
        return new Shard(index, count);
    }

    /** This shard's blocks of a run of {@code blockCount} blocks (empty when there are fewer blocks than shards). */
    public BlockRange range(int blockCount) {
        if (blockCount < 0) {
            throw new IllegalArgumentException("blockCount must be >= 0: " + blockCount);
        }
        int first = (int) ((long) blockCount * (index - 1) / count);
        int end = (int) ((long) blockCount * index / count);
        return new BlockRange(first, end);
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
