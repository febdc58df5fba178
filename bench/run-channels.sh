#!/usr/bin/env bash
# Channel kernel benchmarks with their final settings (docs/performance.md, section "Channels").
# Usage: bench/run-channels.sh [extra JMH options]   (builds the benchmarks jar first; ~6 minutes on 2 cores)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/find-java.sh"
ltpsim_find_java || exit 1
cd "$root"
mvn -B -q -ntp -DskipTests -pl bench -am package
jar=bench/target/benchmarks.jar
run() { "$JAVA_HOME/bin/java" --add-modules=jdk.incubator.vector -jar "$jar" "$@"; }
# W3 time to solution, exact methods (target <= 400 ms; BioNetGen run_network 1.2 s)
run 'ChannelW3Benchmark' -p method=EVENT_DRIVEN_PER_CHANNEL,EVENT_DRIVEN "$@"
# W3 with the fixed-step kernels at 1 ms (fractions exact, transitions undercounted): cost of channels x steps
run 'ChannelW3Benchmark' -p method=FIXED_STEP_SIMD,FIXED_STEP_SCALAR -wi 1 -i 3 "$@"
# Spine-like load: 100 spines x (80 AMPA + 20 NMDA), 1 mM x 1 ms pulses every 10 ms, 100 ms per op
run 'ChannelSpineLoadBenchmark' "$@"
# Fixed-step kernel: scalar vs Vector API twin
run 'ChannelKernelBenchmark' "$@"
