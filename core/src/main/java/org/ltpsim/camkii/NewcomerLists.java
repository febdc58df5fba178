package org.ltpsim.camkii;

import java.util.Arrays;

/**
 * Per spine, the subunits phosphorylated during a lumped silent stretch whose CaM chain has not yet been drawn, each
 * with the time it was phosphorylated (CaM bound then): {@link HoloenzymePopulation#advanceSilence}. Add, remove and
 * membership in O(1) (a slot per subunit, removal by moving the last entry into the hole). Flat arrays indexed
 * {@code spine * perSpine + k}; not thread-safe.
 */
final class NewcomerLists {
    private final int perSpine;
    private final int[] count;
    private final int[] subunit; // [spine * perSpine + slot]
    private final double[] joinedSec; // [spine * perSpine + slot]
    private final int[] slotOf; // [spine * perSpine + subunit]: its slot, -1 when not listed

    NewcomerLists(int spines, int perSpine) {
        this.perSpine = perSpine;
        int size = Math.multiplyExact(spines, perSpine);
        count = new int[spines];
        subunit = new int[size];
        joinedSec = new double[size];
        slotOf = new int[size];
        Arrays.fill(slotOf, -1);
    }

    int count(int spine) {
        return count[spine];
    }

    /** The slot of the spine's subunit in its list, or -1 when it is not listed. */
    int slotOf(int spine, int subunit) {
        return slotOf[spine * perSpine + subunit];
    }

    double joinedSec(int spine, int slot) {
        return joinedSec[spine * perSpine + slot];
    }

    void add(int spine, int subunit, double joinedSec) {
        int base = spine * perSpine;
        assert slotOf[base + subunit] < 0 : "subunit " + subunit + " of spine " + spine + " listed twice";
        int slot = count[spine]++;
        this.subunit[base + slot] = subunit;
        this.joinedSec[base + slot] = joinedSec;
        slotOf[base + subunit] = slot;
    }

    void remove(int spine, int slot) {
        int base = spine * perSpine;
        int last = --count[spine];
        int gone = subunit[base + slot];
        int moved = subunit[base + last];
        subunit[base + slot] = moved;
        joinedSec[base + slot] = joinedSec[base + last];
        slotOf[base + moved] = slot;
        slotOf[base + gone] = -1;
    }

    /** Empties the spine's list. */
    void clear(int spine) {
        int base = spine * perSpine;
        for (int k = count[spine] - 1; k >= 0; k--) {
            slotOf[base + subunit[base + k]] = -1;
        }
        count[spine] = 0;
    }
}
