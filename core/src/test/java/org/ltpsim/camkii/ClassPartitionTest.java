package org.ltpsim.camkii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ClassPartitionTest {
    /** Random moves against a plain class array kept alongside: counts and members must always agree. */
    @Test
    void randomMovesKeepSegmentsConsistent() {
        randomMoves(new ClassPartition.Narrow(3, 37, 5, 2), 3, new Random(12345), 20_000);
        randomMoves(new ClassPartition.Wide(3, 37, 5, 2), 3, new Random(12345), 20_000);
        randomMoves(ClassPartition.of(2, 300, 5, 2), 2, new Random(12345), 20_000);
    }

    /**
     * The byte and int partitions keep the very same permutation (the member an event picks), at 256 subunits, the
     * most the byte one indexes; the moves that name their source class give the same as those that look it up.
     */
    @Test
    void narrowAndWideKeepTheSamePermutation() {
        int spines = 2;
        int perSpine = ClassPartition.NARROW_MAX;
        ClassPartition narrow = ClassPartition.of(spines, perSpine, 5, 1);
        ClassPartition wide = new ClassPartition.Wide(spines, perSpine, 5, 1);
        assertInstanceOf(ClassPartition.Narrow.class, narrow);
        assertInstanceOf(ClassPartition.Wide.class, ClassPartition.of(spines, perSpine + 1, 5, 1));
        Random random = new Random(777);
        for (int step = 0; step < 50_000; step++) {
            int spine = random.nextInt(spines);
            int subunit = random.nextInt(perSpine);
            int to = random.nextInt(5);
            narrow.move(spine, subunit, narrow.classOf(spine, subunit), to);
            wide.move(spine, subunit, to);
        }
        for (int spine = 0; spine < spines; spine++) {
            for (int c = 0; c < 5; c++) {
                assertEquals(wide.count(spine, c), narrow.count(spine, c));
                for (int j = 0; j < wide.count(spine, c); j++) {
                    assertEquals(wide.member(spine, c, j), narrow.member(spine, c, j), "class " + c + " index " + j);
                }
            }
        }
    }

    @Test
    void narrowRefusesMoreThanItsIndexReaches() {
        assertThrows(IllegalArgumentException.class, () -> new ClassPartition.Narrow(1, 257, 5, 0));
    }

    /** Half the moves name their source class (the hot path), half let the partition find it. */
    private static void randomMoves(ClassPartition part, int spines, Random random, int moves) {
        int perSpine = part.perSpine;
        int classes = part.classCount;
        int[][] expected = new int[spines][perSpine];
        for (int[] row : expected) {
            java.util.Arrays.fill(row, 2);
        }
        for (int step = 0; step < moves; step++) {
            int spine = random.nextInt(spines);
            int subunit = random.nextInt(perSpine);
            int to = random.nextInt(classes);
            if (step % 2 == 0) {
                part.move(spine, subunit, to);
            } else {
                part.move(spine, subunit, expected[spine][subunit], to);
            }
            expected[spine][subunit] = to;
            if (step % 97 == 0) {
                check(part, expected, classes);
            }
        }
        check(part, expected, classes);
    }

    private static void check(ClassPartition part, int[][] expected, int classes) {
        for (int spine = 0; spine < expected.length; spine++) {
            int[] counts = new int[classes];
            for (int i = 0; i < expected[spine].length; i++) {
                counts[expected[spine][i]]++;
                assertEquals(expected[spine][i], part.classOf(spine, i));
            }
            boolean[] seen = new boolean[expected[spine].length];
            for (int c = 0; c < classes; c++) {
                assertEquals(counts[c], part.count(spine, c), "count of class " + c);
                for (int j = 0; j < counts[c]; j++) {
                    int member = part.member(spine, c, j);
                    assertEquals(c, expected[spine][member]);
                    seen[member] = true;
                }
            }
            for (boolean s : seen) {
                assertEquals(true, s);
            }
        }
    }
}
