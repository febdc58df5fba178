#!/usr/bin/env bash
# CPU time per JVM thread group of one process, e.g. how much of a run the JIT compilers take:
#   bench/thread-cpu.sh taskset -c 0 ./ltpsim run --protocol hfs --spines 1000 --seed 1 --threads 1 --out /tmp/run
# Runs the command (its output discarded), samples /proc/PID/task/*/stat every 0.1 s until it exits, and prints the
# last user+system time of each thread summed by name with digits dropped ("java" is the main thread, "C
# CompilerThre" the C1 and C2 compilers together, "GC Thread#" the collector). Threads that end between samples lose
# up to 0.1 s. Put taskset inside the command, as above, so that the sampler itself is not pinned.
set -uo pipefail
"$@" >/dev/null 2>&1 &
pid=$!
declare -A ticks
while kill -0 "$pid" 2>/dev/null; do
  for task in /proc/"$pid"/task/*; do
    stat=$(cat "$task/stat" 2>/dev/null) || continue
    name=$(cat "$task/comm" 2>/dev/null) || continue
    read -r -a fields <<< "${stat##*) }"
    ticks["${task##*/} $name"]=$(( fields[11] + fields[12] )) # utime, stime (fields 14 and 15 of stat)
  done
  sleep 0.1
done
wait "$pid"
rc=$?
declare -A byName
for key in "${!ticks[@]}"; do
  name=${key#* }
  name=${name//[0-9]/}
  byName["$name"]=$(( ${byName["$name"]:-0} + ticks["$key"] ))
done
hz=$(getconf CLK_TCK)
for name in "${!byName[@]}"; do
  echo "$(( byName["$name"] * 1000 / hz )) ms $name"
done | sort -rn
exit "$rc"
