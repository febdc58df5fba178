COMMENT
Cheap deterministic synapse of one ltpsim spine head (bench/peers, --synapse exp2): AMPA and NMDA conductances
as double exponentials (the form of NEURON's Exp2Syn), NMDA with the Jahr & Stevens 1990 Mg2+ block.

Each release (NET_RECEIVE, weight w = vesicles) adds w x gpkA (AMPA) and w x gpkN (NMDA) of peak conductance;
responses add linearly (no saturation, no desensitisation). The driver (spine_hfs_neuron.py) fits tauA1, tauA2,
gpkA and tauN1, tauN2, gpkN to the deterministic response of ltpsim's kinetic schemes (spinesyn.mod) to one
vesicle at rest: the same peak conductance, time of the peak and conductance integral.
i = gA (v - erevA) + gN B(v) (v - erevN),  B(v) = 1 / (1 + exp(-mgslope v) mg / mgk).
ENDCOMMENT

NEURON {
    THREADSAFE
    POINT_PROCESS SpineExp2
    NONSPECIFIC_CURRENT i
    RANGE gA, gN, factorA, factorN
    GLOBAL tauA1, tauA2, tauN1, tauN2, gpkA, gpkN, erevA, erevN, mg, mgk, mgslope
}

UNITS {
    (mV) = (millivolt)
    (nA) = (nanoamp)
    (uS) = (microsiemens)
    (mM) = (milli/liter)
}

PARAMETER {
    tauA1 = 0.2 (ms)
    tauA2 = 2 (ms)
    tauN1 = 5 (ms)
    tauN2 = 100 (ms)
    gpkA = 1e-4 (uS)
    gpkN = 5e-5 (uS)
    erevA = 0 (mV)
    erevN = 0 (mV)
    mg = 1 (mM)
    mgk = 3.57 (mM)
    mgslope = 0.062 (/mV)
}

ASSIGNED {
    v (mV)
    i (nA)
    gA (uS)
    gN (uS)
    factorA
    factorN
}

STATE { A1 (uS) A2 (uS) N1 (uS) N2 (uS) }

INITIAL {
    LOCAL tp
    A1 = 0  A2 = 0  N1 = 0  N2 = 0
    tp = (tauA1 * tauA2) / (tauA2 - tauA1) * log(tauA2 / tauA1)
    factorA = 1 / (-exp(-tp / tauA1) + exp(-tp / tauA2))
    tp = (tauN1 * tauN2) / (tauN2 - tauN1) * log(tauN2 / tauN1)
    factorN = 1 / (-exp(-tp / tauN1) + exp(-tp / tauN2))
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    gA = A2 - A1
    gN = (N2 - N1) / (1 + exp(-mgslope * v) * mg / mgk)
    i = gA * (v - erevA) + gN * (v - erevN)
}

DERIVATIVE states {
    A1' = -A1 / tauA1
    A2' = -A2 / tauA2
    N1' = -N1 / tauN1
    N2' = -N2 / tauN2
}

NET_RECEIVE(w) {
    A1 = A1 + w * gpkA * factorA
    A2 = A2 + w * gpkA * factorA
    N1 = N1 + w * gpkN * factorN
    N2 = N2 + w * gpkN * factorN
}
