#!/usr/bin/env bash
# The engine's JMH benchmarks (org.ltpsim.bench.ssa) with their final settings. Run on an otherwise idle machine;
# figures and their reading are in docs/performance.md ("Ensemble engine"). Extra arguments go to JMH,
# e.g. bench/run-engine.sh -rf json -rff engine.json
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/find-java.sh"
ltpsim_find_java || exit 1
cd "$root"
mvn -B -q -ntp -DskipTests -pl bench -am package
jmh() { "$JAVA_HOME/bin/java" --add-modules=jdk.incubator.vector -jar bench/target/benchmarks.jar "$@"; }
# W1 birth-death, one core: every exact algorithm beside the hand-written loop
jmh 'ssa.BirthDeathBenchmark' "$@"
# W3 channels as a plain network, one core
jmh 'ssa.ChannelsBenchmark' "$@"
# direct vs next-reaction (and lanes) as the network grows
jmh 'ssa.LargeNetworkBenchmark' "$@"
# tau-leaping on a large-count case vs the exact lanes
jmh 'ssa.TauLeapingBenchmark' "$@"
# 1 vs 2 threads on an ensemble of 10,240 realisations
jmh 'ssa.EnsembleThreadsBenchmark' "$@"
