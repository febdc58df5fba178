#!/usr/bin/env bash
# W1 (DSMTS 001-01 birth-death, t = 0..50 every 1) as users run it: `ltpsim sbml --threads 1` against a plain Java
# direct-method loop (bench/peers/w1/HandLoopW1.java, Commons RNG XoShiRo256++), both as whole processes, pinned to
# CPU 0, interleaved (ltpsim, loop, ltpsim, loop, ...).
#
#   bench/peers/run-w1-cli-vs-hand-loop.sh [REALISATIONS (default 1000000)] [REPS (default 3)]
#
# Output: a table (median, min, max wall seconds) and the raw runs in bench/results/w1-cli-vs-hand-loop-<UTC>.csv,
# whose '#' lines record CPU, nproc, JDK, vector width and commit. Both write a table of mean and sd per output time;
# the script checks that their means at t = 50 agree within 5 standard errors. LTPSIM_JAVA_OPTS=-XX:UseAVX=2 runs
# ltpsim on the AVX2 path (4 lanes) on an AVX-512 machine; the header records it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
n=${1:-1000000}
reps=${2:-3}
. "$root/scripts/find-java.sh" && ltpsim_find_java
java="$JAVA_HOME/bin/java"
model="$root/core/src/test/resources/dsmts/00001/00001-sbml-l3v1.xml"
rng=$(ls ~/.m2/repository/org/apache/commons/commons-rng-{client-api,core,simple}/1.6/*-1.6.jar 2>/dev/null | tr '\n' ':')
[ -n "$rng" ] || { echo "run-w1: Commons RNG 1.6 is not in ~/.m2 (build ltpsim first: ./run-tests or ./ltpsim --version)" >&2; exit 2; }
build="$root/bench/peers/w1/build"
mkdir -p "$build"
"$JAVA_HOME/bin/javac" -cp "$rng" -d "$build" "$root/bench/peers/w1/HandLoopW1.java"
"$root/ltpsim" --version >/dev/null 2>&1 # builds the jar and its start-up cache, untimed

stamp=$(date -u +%Y%m%dT%H%M%SZ)
csv="$root/bench/results/w1-cli-vs-hand-loop-$stamp.csv"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck disable=SC2086 # LTPSIM_JAVA_OPTS (e.g. -XX:UseAVX=2, the AVX2 path) reaches ltpsim through its launcher
lanes=$("$java" --add-modules=jdk.incubator.vector ${LTPSIM_JAVA_OPTS:-} -cp "$root/core/target/classes:$root/bench/target/classes" org.ltpsim.bench.VectorInfo 2>/dev/null \
  | head -n 1 || echo "unknown")
{
  echo "# W1 whole-process wall times, $n realisations, 1 thread, taskset -c 0"
  echo "# cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "# avx512: $(grep -o 'avx512[a-z]*' /proc/cpuinfo | sort -u | tr '\n' ' ')"
  echo "# vector: $lanes"
  echo "# ltpsim JVM options (LTPSIM_JAVA_OPTS): ${LTPSIM_JAVA_OPTS:-none}"
  echo "# nproc: $(nproc)"
  echo "# java: $("$java" -version 2>&1 | head -n 1)"
  echo "# commit: $(git -C "$root" rev-parse --short HEAD)"
  echo "# loadavg at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "tool,rep,wall_s,user_s,max_rss_kb,mean_t50,command"
} >"$csv"
for ((rep = 1; rep <= reps; rep++)); do
  rm -rf "$tmp/ltpsim.csv" "$tmp/ltpsim.manifest.json"
  cmd=(taskset -c 0 "$root/ltpsim" sbml "$model" --replicates "$n" --t-end 50 --dt-out 1 --seed "$rep" --threads 1
       --out "$tmp/ltpsim.csv")
  /usr/bin/time -f "%e,%U,%M" -o "$tmp/time" "${cmd[@]}" >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
  mean=$(awk -F, 'NR > 1 && $1 + 0 == 50 {print $2}' "$tmp/ltpsim.csv")
  echo "ltpsim-sbml,$rep,$(cat "$tmp/time"),$mean,${cmd[*]}" >>"$csv"
  cmd=(taskset -c 0 "$java" -cp "$build:$rng" HandLoopW1 "$n" "$rep" "$tmp/loop.csv")
  /usr/bin/time -f "%e,%U,%M" -o "$tmp/time" "${cmd[@]}" >/dev/null
  mean=$(awk -F, 'NR > 1 && $1 + 0 == 50 {print $2}' "$tmp/loop.csv")
  echo "hand-loop,$rep,$(cat "$tmp/time"),$mean,${cmd[*]}" >>"$csv"
done
echo "# loadavg at end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$csv"
python3 - "$csv" "$n" <<'PY'
import csv, statistics, sys
rows = [r for r in csv.reader(l for l in open(sys.argv[1]) if not l.startswith('#'))][1:]
n = int(sys.argv[2])
by = {}
for r in rows:
    by.setdefault(r[0], []).append(r)
for tool, rs in by.items():
    w = sorted(float(r[2]) for r in rs)
    print(f"{tool:12s} wall median {statistics.median(w):7.2f} s  (min {w[0]:.2f}, max {w[-1]:.2f})  peak RSS {max(int(r[4]) for r in rs) // 1024} MB")
means = [float(r[5]) for r in rows]
se = 22.4 / n ** 0.5  # sd of X(50) for DSMTS 001-01 is 22.4
spread = max(means) - min(means)
print(f"mean X(50) over all runs: {min(means):.3f} .. {max(means):.3f} (exact 60.653; 5 standard errors = {5 * se:.3f})")
if abs(statistics.mean(means) - 60.6531) > 5 * se:
    sys.exit("the two tools disagree with the exact mean")
PY
echo "raw runs: $csv"
