#!/usr/bin/env bash
# Every SIMD kernel against its scalar twin, at 8 double lanes (the machine's AVX-512 width) and at 4
# (-XX:UseAVX=2: the AVX2 path, also on an AVX-512 machine), one core (taskset -c 0), short JMH runs (~20 minutes):
#   bench/run-simd-widths.sh
# Both twins run in the same JMH run, each in its own fork (the provider hands out both: VectorizationProvider.scalar()
# and getInstance()), so the SIMD/scalar ratio of one run is the figure; absolute times move with the machine's load.
# Writes bench/results/<benchmark>-<UTC stamp>-{8,4}lanes.json (raw JMH JSON; "jvmArgs" shows the width's flags)
# and bench/results/simd-widths-<stamp>.env.txt (CPU, vector width, JDK, load, commit, the kernels each width
# runs), then prints the table of bench/simd-widths-table.py. A machine without AVX-512 runs 4 lanes in both runs
# (the .env.txt says so); one with neither gets scalar kernels twice.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/find-java.sh"
. "$root/scripts/machine-record.sh"
ltpsim_find_java
cd "$root"
mvn -B -q -ntp -o -DskipTests -pl bench -am package
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=bench/results
mkdir -p "$out"
env="$out/simd-widths-$stamp.env.txt"
jar=bench/target/benchmarks.jar
java="$JAVA_HOME/bin/java"
flags8="--add-modules=jdk.incubator.vector"
flags4="--add-modules=jdk.incubator.vector -XX:UseAVX=2"
{
  ltpsim_machine_record
  echo "git: $(git rev-parse --short HEAD) $(git diff --quiet HEAD -- core bench || echo '(uncommitted changes)')"
  # shellcheck disable=SC2086 # the flags are several words
  echo "kernels at 8 lanes ($flags8): $("$java" $flags8 -cp "$jar" org.ltpsim.bench.VectorInfo 2>/dev/null)"
  # shellcheck disable=SC2086
  echo "kernels at 4 lanes ($flags4): $("$java" $flags4 -cp "$jar" org.ltpsim.bench.VectorInfo 2>/dev/null)"
  echo "pinned: taskset -c 0; JMH -f 1, warm-up and measurement per benchmark below"
} > "$env"
jmh() { # lanes file-name benchmark-regex jmh-args...
  local lanes=$1 name=$2 regex=$3 flags
  shift 3
  flags=$([ "$lanes" = 8 ] && echo "$flags8" || echo "$flags4")
  taskset -c 0 "$java" $flags8 -jar "$jar" "$regex" -f 1 -jvmArgsAppend "$flags" "$@" \
    -rf json -rff "$out/$name-$stamp-${lanes}lanes.json" | grep -E '^[A-Z][A-Za-z]+Benchmark\.' || true
}
for lanes in 8 4; do
  echo "== $lanes lanes"
  # the fixed-step channel kernel: one 0.05 ms AMPA step of 1,024 / 8,192 / 65,536 slots, 0 and 1 mM glutamate,
  # slots spread over the scheme or all closed
  jmh "$lanes" ChannelKernelBenchmark 'ChannelKernelBenchmark.(scalarStep|simdStep)' -wi 3 -w 1 -i 5 -r 1
  # the event-driven populations' clock pass: 100 / 1,000 / 10,000 spines, between pulses and during one
  jmh "$lanes" ChannelClockKernelBenchmark 'ChannelClockKernelBenchmark' -wi 3 -w 1 -i 5 -r 1
  # the branch step's per-spine arithmetic (voltage rows, calcium): 100 / 1,000 / 10,000 heads, HFS train and quiet
  jmh "$lanes" SpineStepKernelBenchmark 'SpineStepKernelBenchmark' -wi 3 -w 1 -i 5 -r 1
  # the CaMKII hazard pass: 100 / 1,024 / 10,000 spines (the pass does not depend on the holoenzyme count)
  jmh "$lanes" CamkiiSpineBenchmark 'CamkiiSpineBenchmark.hazardPass' -p holoenzymes=16 -wi 3 -w 1 -i 5 -r 1
  # the SSA lanes against their scalar twin (the direct method on the same compiled network), W1 at 64 / 1,024 /
  # 10,240 realisations; and the hand-written loop for W1 (no SIMD), the baseline of issue 11
  jmh "$lanes" BirthDeathBenchmark 'BirthDeathBenchmark.engine' -p algorithm=DIRECT_SIMD_LANES,DIRECT_MASS_ACTION \
    -wi 3 -w 2 -i 5 -r 2
  jmh "$lanes" BirthDeathHandLoop 'BirthDeathBenchmark.handWrittenLoop' -p algorithm=DIRECT -p replicates=1024 \
    -wi 3 -w 2 -i 5 -r 2
done
echo "load after: $(cat /proc/loadavg)" >> "$env"
cat "$env"
python3 bench/simd-widths-table.py "$out"/*-"$stamp"-8lanes.json "$out"/*-"$stamp"-4lanes.json
