package org.ltpsim.camkii.ensemble;

/** A piecewise-constant calcium time course, uM against s, that CaMKII populations are driven by. */
public interface CalciumCourse {
    /** Calcium at time {@code tSec}, uM. */
    double valueAt(double tSec);

    /** The first breakpoint strictly after {@code tSec}, or +infinity. */
    double nextChangeAfter(double tSec);
}
