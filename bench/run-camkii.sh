#!/usr/bin/env bash
# CaMKII kernel benchmarks with their final settings (see docs/performance.md, section CaMKII).
# W2 events/s per thread (1 thread) and scaling (2 threads: independent realisations, one block each),
# then the spine-model fast step. Run on a quiet machine; the figures in docs/ are from a shared 2-core box.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/find-java.sh" && ltpsim_find_java
cd "$root"
mkdir -p target
[ -f bench/target/benchmarks.jar ] || mvn -B -q -ntp -DskipTests -pl bench -am package
jar=bench/target/benchmarks.jar
java=("$JAVA_HOME/bin/java" --add-modules=jdk.incubator.vector -jar "$jar")
"${java[@]}" 'CamkiiW2Benchmark' -t 1 -rf json -rff target/jmh-camkii-w2-t1.json
"${java[@]}" 'CamkiiW2Benchmark.subunitKernel' -t 2 -rf json -rff target/jmh-camkii-w2-t2.json
"${java[@]}" 'CamkiiSpineBenchmark' -rf json -rff target/jmh-camkii-spine.json
