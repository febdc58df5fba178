#!/usr/bin/env bash
# Peak resident memory (RSS) of `ltpsim run --protocol hfs` against spine count, CaMKII on (the default), one
# thread: SPINES (default "10000 100000") spines, each run a whole process under /usr/bin/time. The added memory per
# spine is the slope between consecutive counts. A short train (PULSES pulses at 100 Hz, default 5) keeps the 1e5
# run to minutes; AFTER_MS (default 2000) makes the run as long as the default HFS (2 s), so that it has as many
# calcium trace bins (about 2,000 of 1 ms), which the run held once per branch before they were folded (see
# docs/performance.md). LTPSIM names another launcher (an older checkout) to compare; LTPSIM_JAVA_OPTS adds JVM
# options (e.g. -Xmn256m to undo the launcher's young-generation cap). Run it niced on a shared machine:
#   SPINES="10000 100000 1000000" nice -n 10 bench/run-memory.sh   (1e6: ~4-5 min of CPU with the short train)
# Writes bench/results/memory-<UTC stamp>.csv and .env.txt and prints them.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/find-java.sh"
. "$root/scripts/machine-record.sh"
ltpsim_find_java
launcher=${LTPSIM:-$root/ltpsim}
spines=${SPINES:-"10000 100000"}
pulses=${PULSES:-5}
after=${AFTER_MS:-2000}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$root/bench/results/memory-$stamp.csv"
env="$root/bench/results/memory-$stamp.env.txt"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$launcher" params >/dev/null 2>&1 || true # builds the CLI once, outside the measurements
{
  ltpsim_machine_record
  echo "LTPSIM_JAVA_OPTS: ${LTPSIM_JAVA_OPTS:-(none)}"
  echo "launcher: $launcher ($(git -C "$(dirname "$launcher")" rev-parse --short HEAD 2>/dev/null || echo 'not a git checkout'))"
  echo "protocol: hfs, $pulses pulses, after_ms $after, --threads 1, CaMKII on"
} > "$env"
echo "spines,max_rss_kb,wall_s,user_s,added_bytes_per_spine" > "$out"
prev_n=""
prev_rss=""
for n in $spines; do
  rm -rf "$tmp/run"
  /usr/bin/time -f "%M %e %U" -o "$tmp/time" "$launcher" run --protocol hfs --spines "$n" --seed 1 --threads 1 \
    --set protocol.hfs_pulses="$pulses" --set protocol.after_ms="$after" --out "$tmp/run" >/dev/null 2>&1
  read -r rss wall user < "$tmp/time"
  slope=""
  if [ -n "$prev_n" ]; then
    slope=$(( (rss - prev_rss) * 1024 / (n - prev_n) ))
  fi
  echo "$n,$rss,$wall,$user,$slope" >> "$out"
  prev_n=$n
  prev_rss=$rss
done
echo "load after: $(cat /proc/loadavg)" >> "$env"
cat "$env" "$out"
