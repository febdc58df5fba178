#!/usr/bin/env bash
# The fixed cost of `ltpsim sbml` as users run it: W1 (DSMTS 001-01) with 1 and 1,000 realisations, whole processes,
# pinned to one CPU, this checkout against another (--before DIR, a checkout with its own ./ltpsim), interleaved.
#   bench/peers/run-sbml-start.sh --before /tmp/before [--reps 5] [--java-opts "-XX:UseAVX=2"]
# Writes bench/results/sbml-start-<UTC stamp>.csv (machine record in its header) and prints medians.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
before="" reps=5 opts=""
while [ $# -gt 0 ]; do
  case "$1" in
    --before) before=$2; shift 2 ;;
    --reps) reps=$2; shift 2 ;;
    --java-opts) opts=$2; shift 2 ;;
    *) echo "run-sbml-start: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[ -x "$before/ltpsim" ] || { echo "run-sbml-start: --before must name a checkout with ./ltpsim" >&2; exit 2; }
. "$root/scripts/find-java.sh" && ltpsim_find_java
. "$root/scripts/machine-record.sh"
model="$root/core/src/test/resources/dsmts/00001/00001-sbml-l3v1.xml"
"$root/ltpsim" --version >/dev/null 2>&1 # builds each jar and its start-up cache, untimed
"$before/ltpsim" --version >/dev/null 2>&1
csv="$root/bench/results/sbml-start-$(date -u +%Y%m%dT%H%M%SZ).csv"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{
  ltpsim_machine_record | sed 's/^/# /'
  echo "# after: $(git -C "$root" rev-parse --short HEAD); before: $(git -C "$before" rev-parse --short HEAD 2>/dev/null || echo "$before")"
  echo "# LTPSIM_JAVA_OPTS: ${opts:-none}; taskset -c 0"
  echo "build,realisations,rep,wall_s,user_s"
} >"$csv"
for ((rep = 1; rep <= reps; rep++)); do
  for n in 1 1000; do
    for build in before after; do
      dir=$root; [ "$build" = before ] && dir=$before
      rm -f "$tmp"/w1.*
      LTPSIM_JAVA_OPTS="$opts" /usr/bin/time -f "%e,%U" -o "$tmp/time" taskset -c 0 "$dir/ltpsim" sbml "$model" \
        --replicates "$n" --t-end 50 --dt-out 1 --seed "$rep" --threads 1 --out "$tmp/w1.csv" >/dev/null 2>&1
      echo "$build,$n,$rep,$(cat "$tmp/time")" >>"$csv"
    done
  done
done
python3 - "$csv" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(l for l in open(sys.argv[1]) if not l.startswith('#')))
for n in ('1', '1000'):
    for build in ('before', 'after'):
        w = [float(r['wall_s']) for r in rows if r['build'] == build and r['realisations'] == n]
        print(f"{n:>5} realisations, {build:6s}: median {statistics.median(w):.2f} s (min {min(w):.2f}, max {max(w):.2f})")
PY
echo "raw runs: $csv"
