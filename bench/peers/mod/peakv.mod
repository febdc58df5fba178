: Largest membrane potential of a segment over a run (readout only: no current, no state).
: METHOD after_cvode runs the procedure once per accepted step, fixed step or CVODE.
NEURON {
    THREADSAFE
    SUFFIX peakv
    RANGE vmax
}
UNITS { (mV) = (millivolt) }
ASSIGNED { v (mV) vmax (mV) }
INITIAL { vmax = v }
BREAKPOINT { SOLVE track METHOD after_cvode }
PROCEDURE track() { if (v > vmax) { vmax = v } }
