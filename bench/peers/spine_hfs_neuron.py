#!/usr/bin/env python3
"""The NEURON peer of `ltpsim run --protocol hfs`: the same spine network with deterministic synapses.

Network (docs/spine-model.md, every value from data/spine.toml):
- ceil(N / branch.spines_per_branch) branches (100 x 100 for --spines 10000); spine j sits on branch j mod B, as
  in ltpsim's SpineLayout. A branch is one passive single-compartment section with leak 1 / branch.input_resistance
  and capacitance leak x branch.membrane_tau (cm = 1 uF/cm2; the area follows), rest branch.rest_mv. The branches
  are not connected to each other (each is one NEURON "cell", the unit ParallelContext threads share out).
- each spine head is a single-compartment section (capacitance spine.head_capacitance_pf, leak spine.head_leak_ns,
  same rest) whose axial resistance to the branch node is exactly spine.neck_resistance_mohm (Ra chosen so that
  head(0.5).ri() = R_neck; checked at set-up).
- one point process per head (mod/spinesyn.mod, SpineSyn): AMPA as the Destexhe, Mainen & Sejnowski 1998 AMPA5
  kinetic scheme and NMDA gating as the Lester & Jahr 1992 five-state scheme, the same schemes and rates as
  ltpsim's individual channels (KineticScheme.java), here deterministic (state fractions: the mean-field limit of
  ampa.channels_per_spine and nmda.channels_per_spine channels) with conductance channels x unitary conductance;
  Jahr & Stevens Mg2+ block; cleft glutamate glutamate.peak_mm per vesicle decaying with glutamate.tau_ms.
  --synapse exp2 (mod/spineexp2.mod) instead: double-exponential AMPA and NMDA (+ Mg block) fitted here to the
  kinetic schemes' response to one vesicle at rest (same peak, time of peak, integral); they add linearly (no
  desensitisation or saturation): NEURON's cheap synapse, not the same biophysics under a 100 Hz train.
- HFS: protocol.hfs_pulses at protocol.hfs_rate_hz from protocol.start_ms; the run ends protocol.after_ms after
  the last pulse (2000 ms on defaults, as ltpsim's summary.json "simulated_ms").
- release: --release bernoulli (default): every spine releases Binomial(release.sites, release.probability)
  vesicles at each pulse, drawn here in Python from --seed (as ltpsim, but not the same random numbers) and
  delivered as NetCon events; --release mean: every pulse releases release.sites x release.probability vesicles'
  worth of glutamate at every spine (NetStim per branch, weight p), fully deterministic.

Not computed: individual channels and their noise, CaMKII. Spine calcium and the Q integral only with --calcium
(mod/spinesynca.mod: the same equations as ltpsim, NMDA-only influx, no diffusion).

Prints one line of JSON on stdout (the last line): set-up, finitialize and run wall times separately, the network,
the method and checksums (mean peak depolarisation of spine heads, the readout ltpsim reports as
mean_peak_depolarisation_mV, and of branches).
"""
import argparse
import json
import math
import os
import random
import socket
import subprocess
import sys
import time

T_START = time.perf_counter()
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--spines", type=int, default=10000, help="spines (default 10000 = 100 branches x 100)")
    p.add_argument("--method", choices=["fixed", "cvode", "lvardt"], default="fixed",
                   help="fixed: implicit Euler at --dt; cvode: global variable step; lvardt: CVODE with a local "
                        "step per branch (cell)")
    p.add_argument("--dt", type=float, default=0.025, help="fixed step, ms (default 0.025)")
    p.add_argument("--threads", type=int, default=1, help="ParallelContext.nthread (default 1)")
    p.add_argument("--cache-efficient", action="store_true", help="CVode.cache_efficient(1)")
    p.add_argument("--atol", type=float, default=1e-3, help="CVODE absolute tolerance (NEURON default 1e-3)")
    p.add_argument("--rtol", type=float, default=0.0, help="CVODE relative tolerance (NEURON default 0)")
    p.add_argument("--release", choices=["bernoulli", "mean"], default="bernoulli",
                   help="bernoulli: stochastic release drawn from --seed; mean: weight p, deterministic")
    p.add_argument("--seed", type=int, default=1, help="seed of the release draws (default 1)")
    p.add_argument("--synapse", choices=["kinetic", "exp2"], default="kinetic",
                   help="kinetic: ltpsim's AMPA/NMDA Markov schemes, deterministic (default); exp2: double "
                        "exponentials fitted to them (cheap, linear summation)")
    p.add_argument("--calcium", action="store_true",
                   help="also integrate spine calcium and Q (SpineSynCa) and report their means")
    p.add_argument("--no-peaks", action="store_true",
                   help="leave out the peak-voltage readout mechanism (peakv) in heads and branches")
    p.add_argument("--params", default=os.path.join(REPO, "data", "spine.toml"), help="ltpsim parameter file")
    p.add_argument("--tstop", type=float, default=None, help="end time, ms (default: last pulse + after_ms)")
    p.add_argument("--build-dir", default=os.path.join(HERE, "build"), help="where the mechanisms are compiled")
    p.add_argument("--build-only", action="store_true", help="compile the mechanisms, load them and exit")
    return p.parse_args(argv)


def load_params(path):
    import tomllib
    with open(path, "rb") as f:
        raw = tomllib.load(f)
    flat = {}
    for section, entries in raw.items():
        for key, entry in entries.items():
            flat[f"{section}.{key}"] = entry["value"] if isinstance(entry, dict) else entry
    return flat


def build_mechanisms(build_dir):
    script = os.path.join(HERE, "build-mechanisms.sh")
    out = subprocess.run([script, build_dir], check=True, capture_output=True, text=True)
    return out.stdout.strip().splitlines()[-1]


# --- exp2 synapse: fit double exponentials to the kinetic schemes' response to one vesicle at rest

def kinetic_transitions(h, receptor):
    """(from, to, constant /ms, per mM /ms) of the schemes in spinesyn.mod, rates read from its GLOBALs."""
    g = lambda name: getattr(h, f"{name}_SpineSyn")
    if receptor == "ampa":
        rb, ru1, ru2, rd, rr, ro, rc = (g(x) for x in ("Rb", "Ru1", "Ru2", "Rd", "Rr", "Ro", "Rc"))
        # C0 C1 C2 D1 D2 O; O = 5
        return 6, 5, [(0, 1, 0, rb), (1, 0, ru1, 0), (1, 2, 0, rb), (2, 1, ru2, 0), (1, 3, rd, 0), (3, 1, rr, 0),
                      (2, 4, rd, 0), (4, 2, rr, 0), (2, 5, ro, 0), (5, 2, rc, 0)]
    rb, ru, rd, rr, ro, rc = (g(x) for x in ("nRb", "nRu", "nRd", "nRr", "nRo", "nRc"))
    # N0 N1 N2 ND NO; NO = 4
    return 5, 4, [(0, 1, 0, 2 * rb), (1, 0, ru, 0), (1, 2, 0, rb), (2, 1, 2 * ru, 0), (2, 3, rd, 0), (3, 2, rr, 0),
                  (2, 4, ro, 0), (4, 2, rc, 0)]


def single_release_response(h, receptor, peak_mm, tau_ms):
    """Open fraction after one vesicle at t = 0 (classic RK4): returns (peak, time of peak, integral in ms)."""
    nstates, open_state, trans = kinetic_transitions(h, receptor)
    dt, tmax = (0.005, 500.0) if receptor == "ampa" else (0.02, 5000.0)

    def deriv(x, t):
        glu = peak_mm * math.exp(-t / tau_ms)
        d = [0.0] * nstates
        for a, b, k0, kg in trans:
            f = (k0 + kg * glu) * x[a]
            d[a] -= f
            d[b] += f
        return d

    x = [1.0] + [0.0] * (nstates - 1)
    t, peak, tpeak, area, prev = 0.0, 0.0, 0.0, 0.0, 0.0
    while t < tmax:
        k1 = deriv(x, t)
        k2 = deriv([xi + 0.5 * dt * ki for xi, ki in zip(x, k1)], t + 0.5 * dt)
        k3 = deriv([xi + 0.5 * dt * ki for xi, ki in zip(x, k2)], t + 0.5 * dt)
        k4 = deriv([xi + dt * ki for xi, ki in zip(x, k3)], t + dt)
        x = [xi + dt / 6.0 * (a + 2 * b + 2 * c + d) for xi, a, b, c, d in zip(x, k1, k2, k3, k4)]
        t += dt
        o = x[open_state]
        area += 0.5 * dt * (o + prev)
        prev = o
        if o > peak:
            peak, tpeak = o, t
        elif t > 5 * tau_ms and o < 1e-6 * peak:
            break
    return peak, tpeak, area


def fit_double_exponential(peak, tpeak, area):
    """tau1 < tau2 of (exp(-t/tau2) - exp(-t/tau1)) with the given time of peak and integral / peak."""
    target = area / peak / tpeak

    def shape(k):                                   # k = tau2 / tau1 > 1; tau1 = 1
        tp = k * math.log(k) / (k - 1)
        fpk = math.exp(-tp / k) - math.exp(-tp)
        return tp, (k - 1) / fpk / tp               # time of peak, integral / peak / time of peak

    lo, hi = 1.0 + 1e-9, 1e7
    if shape(lo)[1] >= target:                      # at most an alpha function's e: take (nearly) one
        k = lo * (1 + 1e-6)
    else:
        for _ in range(200):
            mid = math.sqrt(lo * hi)
            if shape(mid)[1] < target:
                lo = mid
            else:
                hi = mid
        k = math.sqrt(lo * hi)
    tp1 = shape(k)[0]
    tau1 = tpeak / tp1
    return tau1, k * tau1


def exp2_fit(h, P, cache_dir):
    key = json.dumps([P["glutamate.peak_mm"], P["glutamate.tau_ms"]] +
                     [getattr(h, f"{x}_SpineSyn") for x in ("Rb", "Ru1", "Ru2", "Rd", "Rr", "Ro", "Rc", "nRb",
                                                           "nRu", "nRd", "nRr", "nRo", "nRc")])
    cache = os.path.join(cache_dir, "exp2-fit.json")
    try:
        with open(cache) as f:
            stored = json.load(f)
        if stored.get("key") == key:
            return stored["fit"]
    except (OSError, ValueError):
        pass
    fit = {}
    for receptor in ("ampa", "nmda"):
        peak, tpeak, area = single_release_response(h, receptor, P["glutamate.peak_mm"], P["glutamate.tau_ms"])
        tau1, tau2 = fit_double_exponential(peak, tpeak, area)
        fit[receptor] = {"open_peak": peak, "t_peak_ms": tpeak, "open_integral_ms": area, "tau1_ms": tau1,
                         "tau2_ms": tau2}
    try:
        with open(cache, "w") as f:
            json.dump({"key": key, "fit": fit}, f)
    except OSError:
        pass
    return fit


def main(argv):
    a = parse_args(argv)
    P = load_params(a.params)
    lib = build_mechanisms(a.build_dir)

    os.environ.setdefault("NEURON_MODULE_OPTIONS", "-nogui")
    try:
        from neuron import h
    except ImportError:
        raise SystemExit(f"spine_hfs_neuron: no NEURON module for {sys.executable}; Debian's python3-neuron is for "
                         "/usr/bin/python3 (bench/peers/install-neuron.sh installs it)")
    h.nrn_load_dll(lib)
    h.load_file("stdrun.hoc")
    if a.build_only:
        print(json.dumps({"built": lib, "neuron_version": h.nrnversion(5)}))
        return 0

    if a.calcium and a.synapse != "kinetic":
        raise SystemExit("--calcium needs --synapse kinetic")
    rest = P["branch.rest_mv"]
    per_branch = int(P["branch.spines_per_branch"])
    n = a.spines
    if n < 1:
        raise SystemExit("--spines must be >= 1")
    nb = -(-n // per_branch)

    # --- protocol (ltpsim Protocols.hfs: first pulse at start_ms, then every 1000 / rate ms)
    pulses = int(P["protocol.hfs_pulses"])
    isi = 1000.0 / P["protocol.hfs_rate_hz"]
    times = [P["protocol.start_ms"] + k * isi for k in range(pulses)]
    tstop = a.tstop if a.tstop is not None else times[-1] + P["protocol.after_ms"]

    # --- electrical geometry, cm = 1 uF/cm2
    cm = 1.0
    g_branch_ns = 1e3 / P["branch.input_resistance_mohm"]           # 1/MOhm = uS -> nS
    c_branch_pf = g_branch_ns * P["branch.membrane_tau_ms"]          # nS x ms = pF
    area_branch_um2 = c_branch_pf / cm * 100.0                       # 1 pF at 1 uF/cm2 = 100 um2
    area_head_um2 = P["spine.head_capacitance_pf"] / cm * 100.0
    g_head_ns = P["spine.head_leak_ns"]
    r_neck = P["spine.neck_resistance_mohm"]

    def cylinder(sec, area_um2):
        # open cylinder with L = diam: area = pi d^2
        d = math.sqrt(area_um2 / math.pi)
        sec.L = d
        sec.diam = d
        sec.nseg = 1
        sec.cm = cm
        return d

    # --- mechanisms' globals from the parameter file
    mech = {"kinetic": "SpineSynCa" if a.calcium else "SpineSyn", "exp2": "SpineExp2"}[a.synapse]

    def setg(name, value):
        setattr(h, f"{name}_{mech}", value)

    gmax_a = P["ampa.channels_per_spine"] * P["ampa.unitary_conductance_ps"] * 1e-6   # pS -> uS
    gmax_n = P["nmda.channels_per_spine"] * P["nmda.unitary_conductance_ps"] * 1e-6
    fit = None
    if a.synapse == "kinetic":
        setg("gmaxA", gmax_a)
        setg("gmaxN", gmax_n)
        setg("gpeak", P["glutamate.peak_mm"])
        setg("gtau", P["glutamate.tau_ms"])
    else:
        fit = exp2_fit(h, P, a.build_dir)
        setg("tauA1", fit["ampa"]["tau1_ms"])
        setg("tauA2", fit["ampa"]["tau2_ms"])
        setg("gpkA", gmax_a * fit["ampa"]["open_peak"])       # peak conductance of one vesicle
        setg("tauN1", fit["nmda"]["tau1_ms"])
        setg("tauN2", fit["nmda"]["tau2_ms"])
        setg("gpkN", gmax_n * fit["nmda"]["open_peak"])
    setg("erevA", P["ampa.reversal_mv"])
    setg("erevN", P["nmda.reversal_mv"])
    setg("mg", P["nmda.mg_mm"])
    setg("mgk", P["nmda.mg_k_mm"])
    setg("mgslope", P["nmda.mg_slope_per_mv"])
    if a.calcium:
        faraday = 96485.33212
        vol_l = P["spine.head_volume_um3"] * 1e-15
        # uM per ms per nA: 1e-9 C/s / (2 F vol (1 + kappa)) mol/L/s -> x 1e6 uM, / 1e3 per ms
        cak = 1e-9 / (2 * faraday * vol_l * (1 + P["calcium.kappa"])) * 1e6 / 1e3
        setg("caf", P["nmda.ca_fraction"])
        setg("eca", P["nmda.ca_reversal_mv"])
        setg("cak", cak)
        setg("carest", P["calcium.rest_um"])
        setg("catau", P["calcium.extrusion_tau_ms"])
        setg("qtau", P["rule.q_tau_s"] * 1000.0)

    # --- build the network
    branches = []
    for b in range(nb):
        sec = h.Section(name=f"branch{b}")
        cylinder(sec, area_branch_um2)
        sec.Ra = 100.0
        sec.insert("pas")
        sec.g_pas = g_branch_ns * 1e-9 / (area_branch_um2 * 1e-8)     # S/cm2
        sec.e_pas = rest
        if not a.no_peaks:
            sec.insert("peakv")
        branches.append(sec)

    heads, syns, branch_of = [], [], []
    for j in range(n):
        b = j % nb
        head = h.Section(name=f"head{j}")
        d = cylinder(head, area_head_um2)
        # axial resistance from the head's node to its end = R_neck: Ra (ohm cm) x (L/2) / (pi d^2 / 4), in MOhm
        # with lengths in um: 1e-2 x Ra x (L/2) / (pi d^2 / 4)
        head.Ra = r_neck * 1e2 * (math.pi * d * d / 4.0) / (head.L / 2.0)
        head.insert("pas")
        head.g_pas = g_head_ns * 1e-9 / (area_head_um2 * 1e-8)
        head.e_pas = rest
        if not a.no_peaks:
            head.insert("peakv")
        head.connect(branches[b](0.5), 0)
        syn = getattr(h, mech)(head(0.5))
        heads.append(head)
        syns.append(syn)
        branch_of.append(b)

    # checks of the electrical set-up
    ri_neck = heads[0](0.5).ri()
    if abs(ri_neck - r_neck) > 1e-9 * r_neck:
        raise SystemExit(f"neck resistance {ri_neck} MOhm, expected {r_neck}")
    g_branch_check = branches[0](0.5).g_pas * branches[0](0.5).area() * 1e-8 * 1e9
    c_branch_check = branches[0](0.5).cm * branches[0](0.5).area() * 1e-2
    if abs(g_branch_check - g_branch_ns) > 1e-9 * g_branch_ns or abs(c_branch_check - c_branch_pf) > 1e-9 * c_branch_pf:
        raise SystemExit(f"branch leak {g_branch_check} nS / capacitance {c_branch_check} pF, expected "
                         f"{g_branch_ns} / {c_branch_pf}")

    # --- release
    p = P["release.probability"]
    sites = int(P["release.sites"])
    keep = []
    releases = 0
    if a.release == "bernoulli":
        rng = random.Random(a.seed)
        schedule = []
        for j in range(n):
            nc = h.NetCon(None, syns[j])
            nc.weight[0] = 1.0
            nc.delay = 1.0                   # unused by nc.event(t), but psolve needs a positive minimum delay
            keep.append(nc)
            ts = []
            for t in times:
                k = sum(1 for _ in range(sites) if rng.random() < p)
                ts.extend([t] * k)
            releases += len(ts)
            schedule.append((nc, ts))

        def deliver():
            for nc, ts in schedule:
                for t in ts:
                    nc.event(t)

        fih = h.FInitializeHandler(1, deliver)
        keep.append(fih)
    else:
        for b in range(nb):
            stim = h.NetStim()
            stim.start = times[0] - 1.0      # NetCon delay 1 ms (psolve needs a positive minimum delay)
            stim.interval = isi
            stim.number = pulses
            stim.noise = 0
            keep.append(stim)
        for j in range(n):
            nc = h.NetCon(keep[branch_of[j]], syns[j])
            nc.delay = 1.0
            nc.weight[0] = p * sites
            keep.append(nc)
        releases = n * pulses * p * sites

    # --- integration method and threads
    pc = h.ParallelContext()
    pc.nthread(a.threads)
    cv = h.CVode()
    if a.method == "fixed":
        cv.active(0)
        h.dt = a.dt
    else:
        cv.active(1)
        cv.atol(a.atol)
        cv.rtol(a.rtol)
        cv.use_local_dt(1 if a.method == "lvardt" else 0)
    cv.cache_efficient(1 if a.cache_efficient else 0)
    h.v_init = rest
    pc.set_maxstep(10)

    t_setup = time.perf_counter()
    h.finitialize(rest)
    t_init = time.perf_counter()
    pc.psolve(tstop)
    t_run = time.perf_counter()
    if abs(h.t - tstop) > 1e-6 * max(1.0, tstop):
        raise SystemExit(f"run stopped at t = {h.t}, expected {tstop}")

    out = {
        "tool": "neuron",
        "neuron_version": h.nrnversion(5),
        "host": socket.gethostname(),
        "spines": n,
        "branches": nb,
        "spines_per_branch": per_branch,
        "method": a.method,
        "dt_ms": a.dt if a.method == "fixed" else None,
        "atol": a.atol if a.method != "fixed" else None,
        "rtol": a.rtol if a.method != "fixed" else None,
        "threads": int(pc.nthread()),
        "cache_efficient": bool(a.cache_efficient),
        "synapse": a.synapse,
        "mechanism": mech,
        "release": a.release,
        "seed": a.seed if a.release == "bernoulli" else None,
        "releases": releases,
        "pulses": pulses,
        "tstop_ms": tstop,
        "setup_s": round(t_setup - T_START, 4),
        "init_s": round(t_init - t_setup, 4),
        "run_s": round(t_run - t_init, 4),
        "total_s": round(t_run - T_START, 4),
    }
    if a.method == "fixed":
        out["steps"] = int(round(tstop / a.dt))
    if fit is not None:
        out["exp2_fit"] = {r: {k: round(v, 6) for k, v in f.items()} for r, f in fit.items()}
    if not a.no_peaks:
        head_peaks = [heads[j](0.5).vmax_peakv - rest for j in range(n)]
        branch_peaks = [sec(0.5).vmax_peakv - rest for sec in branches]
        out["mean_peak_depolarisation_mV"] = sum(head_peaks) / n
        out["mean_branch_peak_depolarisation_mV"] = sum(branch_peaks) / nb
        out["min_branch_peak_depolarisation_mV"] = min(branch_peaks)
        out["max_branch_peak_depolarisation_mV"] = max(branch_peaks)
    if a.calcium:
        cmax = [s.cmax for s in syns]
        qmax = [s.qmax / 1000.0 for s in syns]               # uM ms -> uM s
        ltp, ltd = P["rule.q_ltp_um_s"], P["rule.q_ltd_um_s"]
        out["mean_peak_ca_uM"] = sum(cmax) / n
        out["mean_q_max_uM_s"] = sum(qmax) / n
        out["fraction_ltp"] = sum(1 for q in qmax if q >= ltp) / n
        out["fraction_ltd"] = sum(1 for q in qmax if ltd <= q < ltp) / n
    sys.stdout.flush()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
