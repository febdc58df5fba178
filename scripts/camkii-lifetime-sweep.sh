#!/usr/bin/env bash
# Lifetime of the CaMKII switch's ON and OFF states against the number of holoenzymes per spine (Miller et al.
# 2005), measured with `ltpsim camkii` at resting calcium (0.1 uM) with the default parameters of
# data/camkii.toml. Lifetime thresholds near the two stable states: ON at >= 70% phosphorylated, OFF at <= 10%
# (a period ends only when the other basin is reached; see docs/camkii.md). Spines x time per H are chosen for
# a few hundred completed periods; about 4e9 SSA events in all (about 8 minutes on 2 busy cores).
# Usage: scripts/camkii-lifetime-sweep.sh [OUTDIR] [THREADS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-$root/target/camkii-lifetimes}
threads=${2:-2}
mkdir -p "$out"
# H spines t_end_s
while read -r h spines tend; do
  "$root/ltpsim" camkii --holoenzymes "$h" --spines "$spines" --calcium const:0.1 --t-end "$tend" \
    --dt-out "$tend" --seed 2005 --threads "$threads" \
    --set switch.on_fraction=0.7 --set switch.off_fraction=0.1 --out "$out/H$h" --force
done <<'RUNS'
1 64 5e4
2 64 1e5
3 128 1e5
4 128 3e5
5 128 8e5
6 128 2e6
7 128 3e6
RUNS
. "$root/scripts/find-java.sh" && ltpsim_find_java
"$JAVA_HOME/bin/java" "$root/scripts/CamkiiLifetimeTable.java" "$out" "$root/docs/camkii-lifetimes.svg"
