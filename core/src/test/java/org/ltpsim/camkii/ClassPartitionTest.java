package org.ltpsim.camkii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ClassPartitionTest {
    /** Random moves against a plain class array kept alongside: counts and members must always agree. */
    @Test
    void randomMovesKeepSegmentsConsistent() {
        int spines = 3;
        int perSpine = 37;
        int classes = 5;
        ClassPartition part = new ClassPartition(spines, perSpine, classes, 2);
        int[][] expected = new int[spines][perSpine];
        for (int[] row : expected) {
            java.util.Arrays.fill(row, 2);
        }
        Random random = new Random(12345);
        for (int step = 0; step < 20_000; step++) {
            int spine = random.nextInt(spines);
            int subunit = random.nextInt(perSpine);
            int to = random.nextInt(classes);
            part.move(spine, subunit, to);
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
