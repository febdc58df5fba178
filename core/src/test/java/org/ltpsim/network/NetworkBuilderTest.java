package org.ltpsim.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NetworkBuilderTest {
    @Test
    void fillsStoichiometryReadsAndMassActionForm() {
        NetworkBuilder b = new NetworkBuilder("n");
        int p = b.species("P", 10);
        int p2 = b.species("P2", 3);
        int e = b.species("E", 2);
        b.reaction("dimerise", 0.5, new int[] {p, p, e}, new int[] {p2, e});
        b.reaction("source", 7, new int[] {}, new int[] {p});
        ReactionNetwork net = b.build();
        assertEquals(3, net.speciesCount());
        assertEquals(3, net.stateSize());
        assertTrue(net.isPlainMassAction());
        Reaction dimerise = net.reactions().get(0);
        assertArrayEquals(new int[] {p, p2}, dimerise.changedSpecies()); // the catalyst E does not change
        assertArrayEquals(new int[] {-2, 1}, dimerise.changes());
        assertArrayEquals(new int[] {p, e}, dimerise.readsState());
        assertArrayEquals(new int[] {p, e}, dimerise.massAction().species());
        assertArrayEquals(new int[] {2, 1}, dimerise.massAction().orders());
        double[] state = {10, 3, 2};
        // 0.5 * 10 * 9 * 2 = 90
        assertEquals(90.0, dimerise.propensity().evaluate(state, 0.0));
        assertEquals(90.0, dimerise.massAction().propensity(state));
        Reaction source = net.reactions().get(1);
        assertEquals(7.0, source.propensity().evaluate(state, 0.0));
        assertArrayEquals(new int[] {}, source.readsState());
    }

    @Test
    void variablesFollowSpeciesAndRejectBadInput() {
        NetworkBuilder b = new NetworkBuilder("n");
        int x = b.species("X", 1);
        int v = b.variable("v", 0.5);
        assertEquals(1, v);
        assertThrows(IllegalStateException.class, () -> b.species("Y", 1));
        assertThrows(IllegalArgumentException.class, () -> b.reaction("r", 1, new int[] {5}, new int[] {x}));
        assertThrows(IllegalArgumentException.class, () -> b.reaction("r", -1, new int[] {x}, new int[] {}));
        assertThrows(IllegalArgumentException.class, () -> new NetworkBuilder("m").species("X", Double.NaN));
        ReactionNetwork net = b.build();
        assertEquals(1, net.speciesCount());
        assertEquals(2, net.stateSize());
    }
}
