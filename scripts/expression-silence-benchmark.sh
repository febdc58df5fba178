#!/usr/bin/env bash
# Cost of silence in expression runs: the strong tetanus (3 trains, the last ending at ~20 min) on SPINES spines,
# run to 1 s after the last train, 1 h, 3 h and 10 h. Prints the run's own "simulated in" time (no JVM start-up)
# for each, its ratio to the first, and the whole process's CPU time (user + system, JIT included): on a loaded
# machine the wall times move 2x between neighbouring runs, CPU time much less.
# Usage: scripts/expression-silence-benchmark.sh [SPINES] [THREADS]
# Do not edit sources while it runs: ./ltpsim rebuilds the jar when they change (a run then fails or times the build).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
spines=${1:-200}
threads=${2:-2}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$root/ltpsim" --version >/dev/null 2>&1 # builds the jar and its start-up cache first if needed (not timed)
echo "duration,wall_s,ratio_to_stopped_after_trains,cpu_s"
base=""
for d in 1202s 1h 3h 10h; do
  /usr/bin/time -f "%U %S" -o "$out/cpu-$d" "$root/ltpsim" run --protocol strong-tetanus --spines "$spines" \
      --duration "$d" --threads "$threads" --out "$out/$d" >"$out/$d.log" 2>/dev/null
  line=$(grep -E "^run: " "$out/$d.log")
  wall=$(sed -E 's/.* simulated in ([0-9.]+) s;.*/\1/' <<<"$line")
  cpu=$(awk '{ printf "%.1f", $1 + $2 }' "$out/cpu-$d")
  base=${base:-$wall}
  echo "$d,$wall,$(awk -v a="$wall" -v b="$base" 'BEGIN { printf "%.2f", a / b }'),$cpu"
done
