COMMENT
Deterministic glutamatergic synapse of one ltpsim spine head (bench/peers, the NEURON peer of `ltpsim run`).

The same receptor kinetics as ltpsim's individual channels (core/.../channels/KineticScheme.java), here as
the deterministic (mean-field) limit: each state is the fraction of the spine's receptors in it.
- AMPA: Destexhe, Mainen & Sejnowski 1998 AMPA5 scheme (Patneau & Mayer rates):
  C0 <-> C1 (Rb g, Ru1), C1 <-> C2 (Rb g, Ru2), C1 <-> D1 (Rd, Rr), C2 <-> D2 (Rd, Rr), C2 <-> O (Ro, Rc)
- NMDA gating: Destexhe 1998 nmda5 scheme with the Lester & Jahr 1992 rates:
  N0 <-> N1 (2 nRb g, nRu), N1 <-> N2 (nRb g, 2 nRu), N2 <-> ND (nRd, nRr), N2 <-> NO (nRo, nRc)
- Mg2+ block, Jahr & Stevens 1990: B(v) = 1 / (1 + exp(-mgslope v) mg / mgk)
- cleft glutamate g(t): each release (NET_RECEIVE, weight w) adds w x gpeak mM that decays as exp(-t / gtau);
  evaluated in closed form, so CVODE sees a smooth input between events.
i = gmaxA O (v - erevA) + gmaxN NO B(v) (v - erevN).
gmaxA = channels x unitary conductance (100 x 10 pS = 0.001 uS), gmaxN likewise (2 x 50 pS); the Python driver
sets every GLOBAL from data/spine.toml.
ENDCOMMENT

NEURON {
    THREADSAFE
    POINT_PROCESS SpineSyn
    NONSPECIFIC_CURRENT i
    RANGE gA, gN, glu
    GLOBAL gmaxA, gmaxN, erevA, erevN, mg, mgk, mgslope, gpeak, gtau
    GLOBAL Rb, Ru1, Ru2, Rd, Rr, Ro, Rc, nRb, nRu, nRd, nRr, nRo, nRc
}

UNITS {
    (mV) = (millivolt)
    (nA) = (nanoamp)
    (uS) = (microsiemens)
    (mM) = (milli/liter)
}

PARAMETER {
    gmaxA = 0.001 (uS)
    gmaxN = 0.0001 (uS)
    erevA = 0 (mV)
    erevN = 0 (mV)
    mg = 1 (mM)
    mgk = 3.57 (mM)
    mgslope = 0.062 (/mV)
    gpeak = 1 (mM)
    gtau = 1.2 (ms)
    : AMPA, Destexhe 1998 (per mM per ms and per ms)
    Rb = 13 (/mM /ms)
    Ru1 = 0.0059 (/ms)
    Ru2 = 86 (/ms)
    Rd = 0.9 (/ms)
    Rr = 0.064 (/ms)
    Ro = 2.7 (/ms)
    Rc = 0.2 (/ms)
    : NMDA, Lester & Jahr 1992
    nRb = 5 (/mM /ms)
    nRu = 6.7e-3 (/ms)
    nRd = 15.2e-3 (/ms)
    nRr = 9.4e-3 (/ms)
    nRo = 83.8e-3 (/ms)
    nRc = 83.8e-3 (/ms)
}

ASSIGNED {
    v (mV)
    i (nA)
    gA (uS)
    gN (uS)
    glu (mM)
    g0 (mM)
    t0 (ms)
}

STATE { C0 C1 C2 D1 D2 O N0 N1 N2 ND NO }

INITIAL {
    C0 = 1  C1 = 0  C2 = 0  D1 = 0  D2 = 0  O = 0
    N0 = 1  N1 = 0  N2 = 0  ND = 0  NO = 0
    g0 = 0
    t0 = 0
    glu = 0
}

BREAKPOINT {
    SOLVE kstates METHOD sparse
    gA = gmaxA * O
    gN = gmaxN * NO / (1 + exp(-mgslope * v) * mg / mgk)
    i = gA * (v - erevA) + gN * (v - erevN)
}

KINETIC kstates {
    glu = g0 * exp(-(t - t0) / gtau)
    ~ C0 <-> C1 (Rb * glu, Ru1)
    ~ C1 <-> C2 (Rb * glu, Ru2)
    ~ C1 <-> D1 (Rd, Rr)
    ~ C2 <-> D2 (Rd, Rr)
    ~ C2 <-> O (Ro, Rc)
    ~ N0 <-> N1 (2 * nRb * glu, nRu)
    ~ N1 <-> N2 (nRb * glu, 2 * nRu)
    ~ N2 <-> ND (nRd, nRr)
    ~ N2 <-> NO (nRo, nRc)
    CONSERVE C0 + C1 + C2 + D1 + D2 + O = 1
    CONSERVE N0 + N1 + N2 + ND + NO = 1
}

NET_RECEIVE(w) {
    g0 = g0 * exp(-(t - t0) / gtau) + w * gpeak
    t0 = t
}
