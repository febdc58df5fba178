#!/usr/bin/env bash
# The kernel benchmarks of issue 11, each with its raw JMH JSON and the machine it ran on:
#   bench/run-kernels.sh [BEFORE_BENCHMARKS_JAR]
# writes bench/results/<benchmark>-<UTC time>.json (+ .before.json from an earlier build's benchmarks jar, when given,
# run in the same session for a before/after comparison) and bench/results/kernels-<UTC time>.env.txt (lscpu, JDK,
# vector width, commit, load). Takes ~25 minutes on the 2-core development machine.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/find-java.sh"
ltpsim_find_java || exit 1
cd "$root"
mvn -B -q -ntp -o -DskipTests -pl bench -am package
before=${1:-}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=bench/results
mkdir -p "$out"
java=("$JAVA_HOME/bin/java" --add-modules=jdk.incubator.vector)
{
  echo "# kernel benchmarks $stamp"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo "vector: $("${java[@]}" -cp bench/target/benchmarks.jar org.ltpsim.bench.VectorInfo 2>/dev/null || echo unknown)"
  echo "loadavg at start: $(cat /proc/loadavg)"
  echo "before jar: ${before:-none}"
  lscpu
} > "$out/kernels-$stamp.env.txt"
jmh() { # name jar args...
  local name=$1 jar=$2; shift 2
  taskset -c 0 "${java[@]}" -jar "$jar" "$@" -rf json -rff "$out/$name" | grep -E '^(Benchmark|[A-Z][A-Za-z]+Benchmark)'
}
# channels: one branch's HFS, plain SSA vs silent pool, 20/100/300 AMPA per spine
jmh "ChannelHfsBenchmark-$stamp.json" bench/target/benchmarks.jar ChannelHfsBenchmark -wi 3 -w 2 -i 5 -r 2 -f 2
# CaMKII: the per-step kernel alone and whole fast steps, at 100 / 1,024 / 10,000 spines, 16 and 80 holoenzymes
jmh "CamkiiSpineBenchmark-$stamp.json" bench/target/benchmarks.jar 'CamkiiSpineBenchmark.(hazardPass|fastStep)' \
  -wi 3 -w 1 -i 5 -r 1 -f 2
# the spine model, 1,000 and 10,000 spines, one thread, CaMKII off and on
jmh "SpineHfsBenchmark-$stamp.json" bench/target/benchmarks.jar SpineHfsBenchmark.hfs -bm ss -wi 1 -i 3 -f 1 \
  -p spines=1000,10000 -p threads=1 -p camkii=false,true
if [ -n "$before" ]; then
  jmh "CamkiiSpineBenchmark-$stamp.before.json" "$before" 'CamkiiSpineBenchmark.(hazardPass|fastStep)' \
    -wi 3 -w 1 -i 5 -r 1 -f 2
  jmh "SpineHfsBenchmark-$stamp.before.json" "$before" SpineHfsBenchmark.hfs -bm ss -wi 1 -i 3 -f 1 \
    -p spines=1000,10000 -p threads=1
fi
echo "loadavg at end: $(cat /proc/loadavg)" >> "$out/kernels-$stamp.env.txt"
echo "results: $out/*-$stamp*.json, $out/kernels-$stamp.env.txt"
