package org.ltpsim.camkii;

/**
 * Index arithmetic of the holoenzyme arrays, in one place. A spine's subunits are contiguous; within a spine,
 * holoenzyme {@code h} holds subunits {@code 12h .. 12h+11}, ring 0 the first six and ring 1 the next six.
 * Within a ring, position {@code k}'s right-hand neighbour is {@code k+1 (mod 6)} and its left-hand neighbour
 * {@code k-1 (mod 6)}: the ring bond of the W2 model joins {@code r} of subunit {@code k} to {@code l} of
 * {@code k+1}.
 */
final class SubunitLayout {
    static final int RING = 6;
    static final int PER_HOLOENZYME = 12;

    private SubunitLayout() {}

    /** Left-hand ring neighbour of spine-local subunit {@code i}. */
    static int left(int i) {
        int k = i % RING;
        return k == 0 ? i + RING - 1 : i - 1;
    }

    /** Right-hand ring neighbour of spine-local subunit {@code i}. */
    static int right(int i) {
        int k = i % RING;
        return k == RING - 1 ? i - (RING - 1) : i + 1;
    }

    /** Offset of spine {@code spine}'s first subunit in the flat arrays. */
    static int base(int spine, int subunitsPerSpine) {
        return spine * subunitsPerSpine;
    }
}
