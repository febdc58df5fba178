#!/usr/bin/env bash
# Spine model time-to-solution: 10,000-spine HFS run (1 s at 100 Hz + 1 s after, 100 branches of 100 spines,
# every channel stochastic) on 1 and 2 threads, against NEURON 8.2 (59 s fixed step / 19 s variable step on one
# core, 36 s fixed step on two threads; issue 3). Single-shot: each measurement is one whole run.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/find-java.sh"
ltpsim_find_java || exit 1
cd "$root"
mvn -B -q -ntp -DskipTests -pl bench -am package
exec "$JAVA_HOME/bin/java" --add-modules=jdk.incubator.vector -jar bench/target/benchmarks.jar \
  'org.ltpsim.bench.spine.SpineHfsBenchmark' -bm ss -wi 1 -i 3 -f 1 -p spines=10000 -p threads=1,2 "$@"
