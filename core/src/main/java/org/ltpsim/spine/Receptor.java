package org.ltpsim.spine;

/** The glutamate receptors of a spine, each simulated channel by channel. */
public enum Receptor {
    /** AMPA receptor, Destexhe, Mainen &amp; Sejnowski 1998 five-state scheme (Patneau &amp; Mayer rates). */
    AMPA,
    /** NMDA receptor, Lester &amp; Jahr 1992 five-state scheme; Mg2+ block applied by the spine model. */
    NMDA
}
