#!/usr/bin/env bash
# NEURON vs ltpsim on the spine HFS workload, timed as whole processes, interleaved, on the same machine.
#
#   bench/peers/run-neuron-vs-ltpsim.sh [options] [S ...]          (S: spine counts, default 1000 10000)
#     --reps N          repetitions of every configuration (default 3)
#     --threads T       threads for both tools (default 1); pinned with taskset to CPUs 0..T-1
#     --cpus LIST|all   the CPUs the processes may run on instead (taskset list, e.g. 0-1); "all": not pinned, as a
#                       user runs it (the JVM's compiler threads then use the other cores: JIT compilation is ~3 s
#                       of CPU in a 10,000-spine ltpsim run, which a pinned run takes from its one CPU)
#     --synapses LIST   NEURON synapse models, space-separated (default "exp2 kinetic"; see spine_hfs_neuron.py)
#     --methods LIST    NEURON integrators (default "fixed cvode"; also lvardt)
#     --neuron-opts STR extra options for spine_hfs_neuron.py (e.g. "--cache-efficient", "--dt 0.05")
#     --ltpsim LIST     ltpsim variants (default "camkii nocamkii": `ltpsim run` as is, CaMKII on, and --no-camkii;
#                       "before": an earlier build's jar, $LTPSIM_BEFORE_JAR, run as the launcher of that time ran it
#                       (java --add-modules=jdk.incubator.vector -XX:+UseParallelGC -jar JAR run ..., CaMKII on),
#                       for a before/after comparison in the same session)
#     --results DIR     where the CSV goes (default bench/results)
#
# Every repetition runs each configuration once, in a fixed order (A B C D A B C D ...), so that a change of the
# machine's load hits all configurations alike. The timed command is the whole process: Python start, model
# set-up and NEURON run / JVM start, ltpsim run and its output files. Built before timing, untimed: NEURON's
# mechanisms (nrnivmodl) and the exp2 fit cache, ltpsim's jar. Installs NEURON (install-neuron.sh, Debian
# packages) when `python3 -c "import neuron"` fails.
#
# Output: a table (median, min, max of wall seconds per configuration and size, with each tool's own inner
# timing and the depolarisation checksum) and the raw runs in DIR/neuron-vs-ltpsim-<UTC date>-<host>.csv,
# whose '#' header lines record CPU model, nproc, JDK, NEURON, commit and load; lscpu in full beside it
# (.env.txt).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

cmdline="$0 $*"
reps=3
threads=1
synapses="exp2 kinetic"
methods="fixed cvode"
neuron_opts=""
ltpsim_variants="camkii nocamkii"
results="$root/bench/results"
cpus_option=""
sizes=()
while [ $# -gt 0 ]; do
  case "$1" in
    --reps) reps=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --cpus) cpus_option=$2; shift 2 ;;
    --synapses) synapses=$2; shift 2 ;;
    --methods) methods=$2; shift 2 ;;
    --neuron-opts) neuron_opts=$2; shift 2 ;;
    --ltpsim) ltpsim_variants=$2; shift 2 ;;
    --results) results=$2; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run-neuron-vs-ltpsim: unknown option $1" >&2; exit 2 ;;
    *) sizes+=("$1"); shift ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
cpus=${cpus_option:-$(seq -s, 0 $((threads - 1)))}
[ "$cpus" = all ] && cpus=$(seq -s, 0 $(($(nproc) - 1)))
if [ "$threads" -gt "$(nproc)" ]; then
  echo "run-neuron-vs-ltpsim: --threads $threads but nproc is $(nproc)" >&2
  exit 2
fi

# --- NEURON: Debian's python3 (python3-neuron installs for it, not for a pyenv or venv python)
py=${NEURON_PYTHON:-/usr/bin/python3}
[ -x "$py" ] || py=python3
if ! NEURON_MODULE_OPTIONS=-nogui "$py" -c "import neuron" >/dev/null 2>&1 || ! command -v nrnivmodl >/dev/null; then
  echo "run-neuron-vs-ltpsim: NEURON not found, installing Debian's packages" >&2
  "$here/install-neuron.sh" >&2
fi
export NEURON_MODULE_OPTIONS=-nogui

echo "run-neuron-vs-ltpsim: preparing (untimed): NEURON mechanisms, exp2 fit, ltpsim jar" >&2
"$py" "$here/spine_hfs_neuron.py" --build-only >/dev/null
for syn in $synapses; do
  "$py" "$here/spine_hfs_neuron.py" --spines 1 --tstop 20 --synapse "$syn" >/dev/null
done
. "$root/scripts/find-java.sh"
ltpsim_find_java
"$root/ltpsim" --version >/dev/null 2>&1 || "$root/ltpsim" --version
neuron_version=$("$py" -c "from neuron import h; print(h.nrnversion(5))" 2>/dev/null | tail -1)
java_version=$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)

timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -f "%e %U %S %M" -o); fi

mkdir -p "$results"
host=$(hostname -s 2>/dev/null || hostname)
stamp=$(date -u +%Y%m%dT%H%M%SZ)
csv="$results/neuron-vs-ltpsim-$stamp-$host.csv"
env_file="${csv%.csv}.env.txt"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

{
  echo "command: $cmdline"
  echo "utc: $stamp"
  echo "host: $host"
  echo "nproc: $(nproc)"
  echo "java: $java_version ($JAVA_HOME)"
  echo "neuron: $neuron_version ($py)"
  echo "commit: $(git -C "$root" rev-parse HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet 2>/dev/null || echo ' (dirty)')"
  echo "loadavg at start: $(cat /proc/loadavg 2>/dev/null || echo unknown)"
  echo
  lscpu 2>/dev/null || true
  echo
  free -m 2>/dev/null || true
} >"$env_file"

{
  echo "# neuron-vs-ltpsim spine HFS, whole-process wall times; details in $(basename "$env_file")"
  echo "# cpu: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)"
  echo "# nproc: $(nproc)"
  echo "# java: $java_version"
  echo "# neuron: $neuron_version"
  echo "# commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "# cpus (taskset -c): $cpus of $(nproc)${cpus_option:+ (--cpus $cpus_option)}"
  echo "# loadavg at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
  echo "spines,config,rep,threads,wall_s,user_s,sys_s,max_rss_kb,inner_s,inner_what,peak_depolarisation_mV,branch_peak_depolarisation_mV,load1_before,exit,command"
} >"$csv"

configs=()
for syn in $synapses; do
  for m in $methods; do configs+=("neuron-$syn-$m"); done
done
for v in $ltpsim_variants; do configs+=("ltpsim-$v"); done

run_one() {   # spines config rep
  local s=$1 cfg=$2 rep=$3 cmd=() out="$work/out" timing="$work/time" log="$work/log" rc=0
  rm -rf "$out" "$timing" "$log"
  mkdir -p "$out"
  case "$cfg" in
    neuron-*)
      local rest=${cfg#neuron-}
      local syn=${rest%-*} method=${rest##*-}
      # shellcheck disable=SC2206
      cmd=("$py" "$here/spine_hfs_neuron.py" --spines "$s" --synapse "$syn" --method "$method" --threads "$threads" $neuron_opts)
      ;;
    ltpsim-camkii)   cmd=("$root/ltpsim" run --protocol hfs --spines "$s" --seed 1 --threads "$threads" --out "$out") ;;
    ltpsim-nocamkii) cmd=("$root/ltpsim" run --protocol hfs --spines "$s" --seed 1 --threads "$threads" --no-camkii --out "$out") ;;
    ltpsim-before)   cmd=("$JAVA_HOME/bin/java" --add-modules=jdk.incubator.vector -XX:+UseParallelGC -jar "${LTPSIM_BEFORE_JAR:?set LTPSIM_BEFORE_JAR to the earlier ltpsim.jar}" run --protocol hfs --spines "$s" --seed 1 --threads "$threads" --out "$out") ;;
    *) echo "unknown configuration $cfg" >&2; return 2 ;;
  esac
  local load1
  load1=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "")
  local t0 t1
  t0=$(date +%s.%N)
  if [ ${#timer[@]} -gt 0 ]; then
    taskset -c "$cpus" "${timer[@]}" "$timing" "${cmd[@]}" >"$log" 2>"$log.err" || rc=$?
  else
    taskset -c "$cpus" "${cmd[@]}" >"$log" 2>"$log.err" || rc=$?
  fi
  t1=$(date +%s.%N)
  if [ "$rc" -ne 0 ]; then
    echo "run-neuron-vs-ltpsim: $cfg at $s spines failed (exit $rc):" >&2
    tail -5 "$log.err" >&2
  fi
  "$py" - "$s" "$cfg" "$rep" "$threads" "$t0" "$t1" "$timing" "$log" "$out/summary.json" "$load1" "$rc" "${cmd[*]}" >>"$csv" <<'PYEOF'
import csv, json, sys
s, cfg, rep, threads, t0, t1, timing, log, summary, load1, rc, command = sys.argv[1:]
wall = float(t1) - float(t0)
user = sysc = rss = ""
try:
    e, u, sy, m = open(timing).read().split()[-4:]
    wall, user, sysc, rss = float(e), u, sy, m
except Exception:
    pass
inner = what = dep = bdep = ""
try:
    if cfg.startswith("neuron"):
        d = json.loads([l for l in open(log) if l.startswith("{")][-1])
        inner, what = d["run_s"], "neuron run_s (psolve)"
        dep = d.get("mean_peak_depolarisation_mV", "")
        bdep = d.get("mean_branch_peak_depolarisation_mV", "")
    else:
        d = json.load(open(summary))
        inner, what = d["wall_time_s"], "ltpsim summary wall_time_s"
        dep = d["pathways"][0]["mean_peak_depolarisation_mV"]
except Exception:
    pass
csv.writer(sys.stdout).writerow([s, cfg, rep, threads, f"{wall:.3f}", user, sysc, rss, inner, what, dep, bdep,
                                 load1, rc, command])
PYEOF
  printf '  %6s spines  %-22s rep %s: %8.2f s\n' "$s" "$cfg" "$rep" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" >&2
}

echo "run-neuron-vs-ltpsim: ${sizes[*]} spines x {${configs[*]}} x $reps reps, $threads thread(s) on CPU(s) $cpus" >&2
for s in "${sizes[@]}"; do
  for rep in $(seq 1 "$reps"); do
    for cfg in "${configs[@]}"; do
      run_one "$s" "$cfg" "$rep"
    done
  done
done
echo "# loadavg at end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)" >>"$csv"
echo "loadavg at end: $(cat /proc/loadavg 2>/dev/null || echo unknown)" >>"$env_file"

"$py" - "$csv" <<'PYEOF'
import csv, statistics, sys
rows = [r for r in csv.DictReader(l for l in open(sys.argv[1]) if not l.startswith("#"))]
groups = {}
for r in rows:
    groups.setdefault((int(r["spines"]), r["config"]), []).append(r)
print(f"{'spines':>7}  {'configuration':<22} {'n':>2} {'median s':>9} {'min s':>8} {'max s':>8}  {'inner median':>12}  {'peak depol. mV':>14}")
for (s, cfg), rs in sorted(groups.items(), key=lambda kv: (kv[0][0], list(groups).index(kv[0]))):
    ok = [r for r in rs if r["exit"] == "0"]
    if not ok:
        print(f"{s:>7}  {cfg:<22} {0:>2}  failed")
        continue
    w = [float(r["wall_s"]) for r in ok]
    inner = [float(r["inner_s"]) for r in ok if r["inner_s"]]
    dep = [float(r["peak_depolarisation_mV"]) for r in ok if r["peak_depolarisation_mV"]]
    im = f"{statistics.median(inner):.2f}" if inner else "-"
    dm = f"{statistics.mean(dep):.2f}" if dep else "-"
    print(f"{s:>7}  {cfg:<22} {len(ok):>2} {statistics.median(w):>9.2f} {min(w):>8.2f} {max(w):>8.2f}  {im:>12}  {dm:>14}")
print(f"raw: {sys.argv[1]}")
PYEOF
