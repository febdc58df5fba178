#!/usr/bin/env python3
"""The SIMD-against-scalar table of bench/run-simd-widths.sh, from its raw JMH JSON files.

    python3 bench/simd-widths-table.py bench/results/*-<stamp>-8lanes.json bench/results/*-<stamp>-4lanes.json

Prints one markdown row per kernel and size: at each width the SIMD and the scalar twin's score (+- JMH's 99.9%
error) and the speed-up (scalar time / SIMD time, or SIMD events/s / scalar events/s), both twins from the same
file. The width is read from the file name (-8lanes / -4lanes).
"""
import json
import os
import re
import sys

# benchmark class -> (SIMD method, scalar method, the parameter that pairs them or None, size parameters)
PAIRS = {
    "ChannelKernelBenchmark": ("simdStep", "scalarStep", None, ("slots", "glutamateMilliMolar", "start")),
    "ChannelClockKernelBenchmark": ("simdPass", "scalarPass", None, ("spines", "regime")),
    "SpineStepKernelBenchmark": ("simdStep", "scalarStep", None, ("spines", "regime")),
    "CamkiiSpineBenchmark": ("hazardPassPanama", "hazardPassScalar", None, ("spines",)),
    "BirthDeathBenchmark": ("engine", "engine", ("algorithm", "DIRECT_SIMD_LANES", "DIRECT_MASS_ACTION"),
                            ("replicates",)),
}
KERNEL = {
    "ChannelKernelBenchmark": "fixed-step channel kernel (`FixedStepKernel.step`)",
    "ChannelClockKernelBenchmark": "channel clock pass (`ChannelClockKernel.integrate`)",
    "SpineStepKernelBenchmark": "branch step's per-spine arithmetic (`SpineStepKernel`)",
    "CamkiiSpineBenchmark": "CaMKII hazard pass (`CamkiiHazardKernel.step`)",
    "BirthDeathBenchmark": "SSA lanes, W1 (`DIRECT_SIMD_LANES` vs `DIRECT_MASS_ACTION`)",
}


def score(result):
    """(value, error, unit, higher_is_better): the events/s secondary score for SSA runs, else the primary."""
    events = result.get("secondaryMetrics", {}).get("events")
    metric = events if events else result["primaryMetric"]
    higher = result["mode"] == "thrpt"
    unit = "events/s" if events else metric["scoreUnit"]
    return float(metric["score"]), float(metric["scoreError"]), unit, higher


def fmt(value, error):
    if value >= 1e5:
        return f"{value:.2e} +- {error:.1e}"
    return f"{value:.3g} +- {error:.2g}"


def rows(path):
    lanes = re.search(r"-(\d)lanes\.json$", path).group(1)
    results = json.load(open(path))
    out = []
    for r in results:
        cls, method = r["benchmark"].split(".")[-2:]
        if cls not in PAIRS:
            continue
        simd, scalar, by, sizes = PAIRS[cls]
        params = r.get("params", {})
        if by is not None and params.get(by[0]) != by[1]:
            continue  # visited from the SIMD side
        if method != simd:
            continue
        twin_params = dict(params)
        if by is not None:
            twin_params[by[0]] = by[2]
        twins = [t for t in results if t["benchmark"].endswith("." + scalar) and t.get("params", {}) == twin_params]
        if not twins:
            continue
        v, e, unit, higher = score(r)
        sv, se, _, _ = score(twins[0])
        ratio = v / sv if higher else sv / v
        size = ", ".join(f"{k} {params[k]}" for k in sizes if k in params)
        out.append((KERNEL[cls], size, lanes, f"{fmt(v, e)} {unit}", f"{fmt(sv, se)} {unit}", f"{ratio:.2f}x",
                    os.path.basename(path)))
    return out


def main(paths):
    """One row per kernel and size, the 8-lane run's SIMD, scalar and ratio beside the 4-lane run's."""
    table = {}
    for path in paths:
        for kernel, size, lanes, simd, scalar, ratio, raw in rows(path):
            raw = re.sub(r"-\dlanes\.json$", "-{8,4}lanes.json", raw)
            table.setdefault((kernel, size), {"raw": raw})[lanes] = (simd, scalar, ratio)
    print("| kernel | size | 8 lanes: SIMD | scalar | speed-up | 4 lanes: SIMD | scalar | speed-up | raw |")
    print("|---|---|---|---|---|---|---|---|---|")
    missing = ("-", "-", "-")
    for (kernel, size), widths in table.items():
        cells = [kernel, size, *widths.get("8", missing), *widths.get("4", missing), "`" + widths["raw"] + "`"]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
