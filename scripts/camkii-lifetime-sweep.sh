#!/usr/bin/env bash
# Lifetime of the CaMKII switch's ON and OFF states against the number of holoenzymes per spine (Miller et al.
# 2005): now the built-in experiment `ltpsim experiment camkii-lifetime` (table, summary.json, figure, manifest);
# this script runs it with the sizes of the table in docs/camkii.md (H = 1..7, 128 spines each, seed 2005; about
# 4e9 SSA events, several minutes on 2 cores). Lifetime thresholds: ON at >= 70% phosphorylated, OFF at <= 10%.
# Usage: scripts/camkii-lifetime-sweep.sh [OUTDIR] [THREADS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-$root/target/camkii-lifetimes}
threads=${2:-2}
exec "$root/ltpsim" experiment camkii-lifetime --holoenzymes 1,2,3,4,5,6,7 --spines 128 --seed 2005 \
  --threads "$threads" --out "$out" --force
