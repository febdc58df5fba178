#!/usr/bin/env bash
# Whole-process time of small `ltpsim run`s (the fixed cost: launcher, JVM start, set-up, JIT warm-up, outputs),
# this checkout's launcher against an earlier checkout's launcher, interleaved, pinned to CPU 0.
#
#   bench/peers/run-fixed-cost.sh [--reps N] [--before DIR] [--cpus LIST|all] [--results DIR]
#     --before DIR   an earlier checkout (e.g. `git archive COMMIT | tar -x -C DIR`); its own ./ltpsim builds its jar
#                    and start-up cache untimed first, as a user's first call would
#     --reps N       repetitions (default 3); each repetition runs every configuration once, in a fixed order
#     --cpus LIST    the CPUs the runs may use (taskset list; default 0); "all": not pinned, as a user runs it
#
# Workloads: `run --protocol hfs --spines 1000 --seed 1 --threads 1` and `run --protocol lfs --spines 100 --seed 1
# --threads 1`. Output: DIR/fixed-cost-<UTC>.csv (wall, user and sys seconds from /usr/bin/time, the run's own
# wall_time_s from summary.json, the load average before each run) and a median table on stdout.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cmdline="$0 $*"
reps=3
before=""
results="$root/bench/results"
cpus=0
while [ $# -gt 0 ]; do
  case "$1" in
    --reps) reps=$2; shift 2 ;;
    --before) before=$(cd "$2" && pwd); shift 2 ;;
    --results) results=$2; shift 2 ;;
    --cpus) cpus=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-fixed-cost: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ "$cpus" = all ] && cpus=$(seq -s, 0 $(($(nproc) - 1)))
[ -x /usr/bin/time ] || { echo "run-fixed-cost: needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }
launchers=("after=$root/ltpsim")
[ -z "$before" ] || launchers=("before=$before/ltpsim" "${launchers[@]}")
for l in "${launchers[@]}"; do
  "${l#*=}" --version >/dev/null 2>&1 || "${l#*=}" --version   # build and start-up cache, untimed
done
workloads=("hfs1000=--protocol hfs --spines 1000" "lfs100=--protocol lfs --spines 100")
mkdir -p "$results"
csv="$results/fixed-cost-$(date -u +%Y%m%dT%H%M%SZ).csv"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{
  echo "# command: $cmdline"
  echo "# cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1); nproc $(nproc); avx512f: $(grep -q avx512f /proc/cpuinfo && echo yes || echo no)"
  echo "# java: $(. "$root/scripts/find-java.sh" && ltpsim_find_java && "$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo "# after: $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet || echo ' (dirty)'); before: ${before:-none}"
  echo "# cpus: $cpus"
  echo "workload,launcher,rep,wall_s,user_s,sys_s,run_wall_time_s,load1_before"
} >"$csv"
for rep in $(seq 1 "$reps"); do
  for w in "${workloads[@]}"; do
    for l in "${launchers[@]}"; do
      rm -rf "$work/out"
      load1=$(cut -d' ' -f1 /proc/loadavg)
      # shellcheck disable=SC2086
      taskset -c "$cpus" /usr/bin/time -f "%e %U %S" -o "$work/time" "${l#*=}" run ${w#*=} --seed 1 --threads 1 \
        --out "$work/out" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
      inner=$(sed -n 's/.*"wall_time_s" *: *\([0-9.]*\).*/\1/p' "$work/out/summary.json")
      read -r e u s <"$work/time"
      echo "${w%%=*},${l%%=*},$rep,$e,$u,$s,$inner,$load1" >>"$csv"
      echo "  ${w%%=*} ${l%%=*} rep $rep: $e s (run $inner s, load $load1)" >&2
    done
  done
done
python3 - "$csv" <<'PYEOF'
import csv, statistics, sys
rows = list(csv.DictReader(l for l in open(sys.argv[1]) if not l.startswith("#")))
groups = {}
for r in rows:
    groups.setdefault((r["workload"], r["launcher"]), []).append(r)
print(f"{'workload':<8} {'launcher':<7} {'n':>2} {'wall median':>11} {'min':>6} {'max':>6} {'run median':>10} {'user+sys':>8}")
for (w, l), rs in groups.items():
    wall = [float(r["wall_s"]) for r in rs]
    print(f"{w:<8} {l:<7} {len(rs):>2} {statistics.median(wall):>11.2f} {min(wall):>6.2f} {max(wall):>6.2f} "
          f"{statistics.median(float(r['run_wall_time_s']) for r in rs):>10.2f} "
          f"{statistics.median(float(r['user_s']) + float(r['sys_s']) for r in rs):>8.2f}")
print("raw:", sys.argv[1])
PYEOF
