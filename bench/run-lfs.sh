#!/usr/bin/env bash
# Whole-process timing of the LFS run users launch (900 pulses at 1 Hz on 100 spines, CaMKII on, one thread):
# the quiet steps (default, timestep.quiet_steps = 40) against the former 0.25 ms steps between pulses
# (--set timestep.quiet_steps=5, bit for bit the former stepping), interleaved, ROUNDS rounds (default 2).
# JMH does not fit: one run is a whole 15-minute protocol, and the point is the process as users run it.
# Writes bench/results/lfs-<UTC stamp>.csv (and .env.txt: CPU, JDK, load) and prints it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/find-java.sh"
. "$root/scripts/machine-record.sh"
ltpsim_find_java
rounds=${ROUNDS:-2}
pulses=${PULSES:-900}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$root/bench/results/lfs-$stamp.csv"
env="$root/bench/results/lfs-$stamp.env.txt"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$root/ltpsim" params >/dev/null 2>&1 || true # builds the CLI (and its start-up cache) once, outside the timings
{
  ltpsim_machine_record
  echo "git: $(git -C "$root" rev-parse --short HEAD)"
} > "$env"
echo "round,variant,quiet_steps,wall_s,user_s,sys_s,max_rss_kb,simulated_wall_s,slow_and_quiet_steps,fast_steps,mean_q_max_uM_s" > "$out"
for r in $(seq 1 "$rounds"); do
  for q in 5 40; do
    variant=$([ "$q" = 5 ] && echo "0.25 ms steps (before)" || echo "quiet steps (after)")
    rm -rf "$tmp/run"
    /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$root/ltpsim" run --protocol lfs --spines 100 --seed 1 --threads 1 \
      --set protocol.lfs_pulses="$pulses" --set timestep.quiet_steps="$q" --out "$tmp/run" >/dev/null 2>&1
    read -r wall user sys rss < "$tmp/time"
    s="$tmp/run/summary.json"
    sim=$(sed -n 's/.*"wall_time_s" : \([0-9.]*\).*/\1/p' "$s")
    slow=$(sed -n 's/.*"slow_steps" : \([0-9]*\).*/\1/p' "$s")
    fast=$(sed -n 's/.*"fast_steps" : \([0-9]*\).*/\1/p' "$s")
    qmax=$(sed -n 's/.*"mean_q_max_uM_s" : \([0-9.]*\).*/\1/p' "$s" | head -1)
    echo "$r,$variant,$q,$wall,$user,$sys,$rss,$sim,$slow,$fast,$qmax" >> "$out"
  done
done
echo "load after: $(cat /proc/loadavg)" >> "$env"
cat "$env" "$out"
