#!/usr/bin/env bash
# CaMKII event cost, a build BEFORE against this tree, interleaved (the machine is shared: compare CPU time, never
# wall time, and rounds taken in turn). BEFORE is a built copy of the other tree (bench and cli jars) with this tree's
# probe (its SPINES argument), e.g.
#   d=$(mktemp -d) && git archive main | tar -x -C $d && p=bench/src/main/java/org/ltpsim/bench/camkii/CamkiiEventCostProbe.java
#   cp $p $d/$p && (cd $d && mvn -B -q -ntp -o -DskipTests -pl bench,cli -am package)
# Per round and build: CamkiiEventCostProbe (thread CPU per event, median of the last 12 of 16 repetitions, one JVM)
# at 100 spines (the LFS regime) and at 10,000 (one large block: memory-bound), then whole processes
# (user + sys CPU) of `ltpsim run` LFS on 100 spines and HFS on 10,000, one thread each.
# Usage: bench/run-camkii-events-ab.sh BEFORE [ROUNDS]   (ROUNDS default 3; WHOLE=0 skips the whole runs)
# Writes bench/results/camkii-events-ab-<UTC stamp>.txt (and .env.txt) and prints it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/find-java.sh"
. "$root/scripts/machine-record.sh"
ltpsim_find_java
before=$(cd "$1" && pwd)
rounds=${2:-3}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$root/bench/results/camkii-events-ab-$stamp.txt"
env="$root/bench/results/camkii-events-ab-$stamp.env.txt"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && mvn -B -q -ntp -o -DskipTests -pl bench -am package >/dev/null 2>&1)
"$root/ltpsim" params >/dev/null 2>&1 || true # builds the CLI and its start-up cache outside the timings
"$before/ltpsim" params >/dev/null 2>&1 || true
{
  ltpsim_machine_record
  echo "after: $(git -C "$root" rev-parse --short HEAD) ($root), before: $before"
} > "$env"
probe() { # TREE SECONDS SPINES -> median ns per event and the check value
  "$JAVA_HOME/bin/java" --add-modules=jdk.incubator.vector -cp "$1/bench/target/benchmarks.jar" \
    org.ltpsim.bench.camkii.CamkiiEventCostProbe "$2" 16 1 "$3" 2>/dev/null | tail -12 \
    | sed 's/.*second), \([0-9.]*\) ns.*check \(.*\)/\1 \2/' | sort -n | sed -n 6p
}
whole() { # TREE ARGS... -> user+sys CPU seconds and the run's own wall_time_s
  rm -rf "$tmp/run"
  /usr/bin/time -f "%U %S" -o "$tmp/time" "$1/ltpsim" run "${@:2}" --out "$tmp/run" >/dev/null 2>&1
  read -r user sys < "$tmp/time"
  echo "$(echo "$user + $sys" | bc) $(sed -n 's/.*"wall_time_s" : \([0-9.]*\).*/\1/p' "$tmp/run/summary.json" | head -1)"
}
echo "round build probe100_ns check100 probe10k_ns check10k lfs100_cpu_s lfs100_run_s hfs10k_cpu_s hfs10k_run_s load" > "$out"
for r in $(seq 1 "$rounds"); do
  for side in before after; do
    tree=$([ "$side" = before ] && echo "$before" || echo "$root")
    line="$r $side $(probe "$tree" 60 100) $(probe "$tree" 2 10000)"
    if [ "${WHOLE:-1}" != 0 ]; then
      line="$line $(whole "$tree" --protocol lfs --spines 100 --seed 1 --threads 1)"
      line="$line $(whole "$tree" --protocol hfs --spines 10000 --seed 1 --threads 1)"
    else
      line="$line - - - -"
    fi
    echo "$line $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out"
  done
done
echo "load after: $(cat /proc/loadavg)" >> "$env"
cat "$env" "$out"
