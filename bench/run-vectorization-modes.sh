#!/usr/bin/env bash
# Whole-process time of `ltpsim run --protocol hfs --spines S --seed 1 --threads 1` with the default kernels (the
# SIMD kernels, warmed up off the simulation thread; scalar twins in runs announced as short) against the scalar
# kernels (-Dltpsim.vectorization=scalar), interleaved, not pinned, as users run it. The outputs are the same bytes
# either way; the script checks spines.csv and calcium.csv with cmp.
#
#   bench/run-vectorization-modes.sh [--reps N] [S ...]        (default: --reps 3, 1000 10000)
#
# Output: bench/results/vectorization-modes-<UTC>.csv (wall, user, sys seconds; the run's own wall_time_s) with the
# machine in its '#' lines, and a median table on stdout.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/find-java.sh"
. "$root/scripts/machine-record.sh"
ltpsim_find_java
reps=3
sizes=()
while [ $# -gt 0 ]; do
  case "$1" in
    --reps) reps=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run-vectorization-modes: unknown option $1" >&2; exit 2 ;;
    *) sizes+=("$1"); shift ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
"$root/ltpsim" --version >/dev/null 2>&1 # builds the jar and its start-up cache, untimed
csv="$root/bench/results/vectorization-modes-$(date -u +%Y%m%dT%H%M%SZ).csv"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{
  ltpsim_machine_record | sed 's/^/# /'
  echo "# commit: $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet || echo ' (dirty)')"
  echo "spines,mode,rep,wall_s,user_s,sys_s,run_wall_time_s"
} >"$csv"
for rep in $(seq 1 "$reps"); do
  for s in "${sizes[@]}"; do
    for mode in default scalar; do
      opts=""
      [ "$mode" = scalar ] && opts="-Dltpsim.vectorization=scalar"
      rm -rf "$tmp/$mode"
      LTPSIM_JAVA_OPTS="$opts" /usr/bin/time -f "%e %U %S" -o "$tmp/time" "$root/ltpsim" run --protocol hfs \
        --spines "$s" --seed 1 --threads 1 --out "$tmp/$mode" >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
      read -r e u sy <"$tmp/time"
      inner=$(sed -n 's/.*"wall_time_s" *: *\([0-9.]*\).*/\1/p' "$tmp/$mode/summary.json")
      echo "$s,$mode,$rep,$e,$u,$sy,$inner" >>"$csv"
      echo "  $s spines $mode rep $rep: $e s" >&2
    done
    for f in spines.csv calcium.csv; do
      cmp -s "$tmp/default/$f" "$tmp/scalar/$f" || { echo "run-vectorization-modes: $f differs at $s spines" >&2; exit 1; }
    done
  done
done
echo "# loadavg at end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$csv"
python3 - "$csv" <<'PYEOF'
import csv, statistics, sys
rows = list(csv.DictReader(l for l in open(sys.argv[1]) if not l.startswith("#")))
groups = {}
for r in rows:
    groups.setdefault((int(r["spines"]), r["mode"]), []).append(r)
print(f"{'spines':>6} {'mode':<8} {'n':>2} {'wall median':>11} {'min':>6} {'max':>6} {'user+sys':>8}")
for (s, m), rs in sorted(groups.items()):
    wall = [float(r["wall_s"]) for r in rs]
    cpu = statistics.median(float(r["user_s"]) + float(r["sys_s"]) for r in rs)
    print(f"{s:>6} {m:<8} {len(rs):>2} {statistics.median(wall):>11.2f} {min(wall):>6.2f} {max(wall):>6.2f} {cpu:>8.2f}")
print("raw:", sys.argv[1])
PYEOF
