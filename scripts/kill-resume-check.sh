#!/usr/bin/env bash
# Kills a checkpointed ltpsim run with SIGKILL at KILLS moments drawn from a fixed-seed RNG, resumes it each time,
# and checks that the final output is byte-identical to an uninterrupted run and that no output is ever half there.
#
#   scripts/kill-resume-check.sh [KILLS] [SEED]        (default: 20 kills, seed 2026)
#
# The run is `ltpsim sbml` on the DSMTS birth-death model (core/src/test/resources), 300,000 realisations
# (LTPSIM_KILL_REPLICATES), one thread, a checkpoint every 0.2 s. The first kill lands while the JVM starts; each later one at a random moment after the run has saved a
# checkpoint of its own. Prints one line per kill and PASS or FAIL; exit 0 only on PASS. Needs ./ltpsim (it builds
# the jar on first use). Work files go to a temporary folder, removed at the end (kept on failure).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
kills=${1:-20}
RANDOM=${2:-2026}
work=$(mktemp -d "${TMPDIR:-/tmp}/ltpsim-kill-resume.XXXXXX")
model="$root/core/src/test/resources/dsmts/00001/00001-sbml-l3v1.xml"
run=(sbml "$model" --replicates "${LTPSIM_KILL_REPLICATES:-300000}" --t-end 50 --seed 9)
ltpsim="$root/ltpsim"

fail() { echo "FAIL: $*" >&2; echo "work files kept in $work" >&2; exit 1; }
inode() { stat -c %i "$1" 2>/dev/null || echo none; }

"$ltpsim" "${run[@]}" --threads 2 --out "$work/reference.csv" >/dev/null 2>&1 || fail "the reference run failed"
out="$work/killed.csv"
checkpoint="$work/.killed.csv.ltpsim-checkpoint"
resumed=0
for ((kill = 0; kill <= kills; kill++)); do
  before=$(inode "$checkpoint")
  "$ltpsim" "${run[@]}" --threads 1 --checkpoint-every 0.2s --resume --out "$out" \
      >"$work/log-$kill.out" 2>"$work/log-$kill.err" &
  pid=$!
  if ((kill < kills)); then
    if ((kill > 0)); then # wait for a checkpoint of this run's own (each save renames a new file into place)
      for ((i = 0; i < 6000; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        [ "$(inode "$checkpoint")" != "$before" ] && [ "$(inode "$checkpoint")" != none ] && break
        sleep 0.02
      done
      delay_ms=$((RANDOM % 800))
    else
      delay_ms=$((200 + RANDOM % 800))
    fi
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    if kill -0 "$pid" 2>/dev/null; then
      # kill the JVM itself (the launcher execs java, so the pid is the JVM's)
      kill -9 "$pid" 2>/dev/null || true
      what="killed after ${delay_ms} ms"
    else
      what="had finished"
    fi
  else
    what="ran to the end"
  fi
  status=0
  wait "$pid" 2>/dev/null || status=$?
  grep -q "resuming from" "$work/log-$kill.err" && resumed=$((resumed + 1))
  # the table and its manifest appear whole, at the end, or not at all
  if [ -e "$out" ]; then
    cmp -s "$out" "$work/reference.csv" || fail "after kill $kill the output exists but differs from the reference"
    [ -e "$work/killed.manifest.json" ] || fail "after kill $kill the table exists without its manifest"
  elif [ -e "$work/killed.manifest.json" ]; then
    fail "after kill $kill a manifest exists without its table"
  fi
  printf 'run %2d: %s; %s\n' "$kill" "$what" "$(grep -h -o 'resuming from.*\|no checkpoint.*' "$work/log-$kill.err" \
      | sed "s|$work/||" || echo 'first start')"
  if [ -e "$out" ]; then
    ((status == 0)) || { cat "$work/log-$kill.err" >&2; fail "the run that wrote the output exited with $status"; }
    ((kill == kills)) || fail "the run finished after $kill of $kills kills: it is too short for this machine (raise \
LTPSIM_KILL_REPLICATES)"
    break
  fi
  ((kill < kills)) || fail "the last run exited with $status without writing the output"
done
cmp "$out" "$work/reference.csv" || fail "the resumed result differs from the uninterrupted run"
[ -e "$checkpoint" ] && fail "the checkpoint was left behind"
((resumed > 0)) || fail "no run resumed from a checkpoint (the runs are too short for this machine?)"
echo "PASS: $kills kills, $resumed resumed from a checkpoint, the result is byte-identical to the uninterrupted run"
rm -rf "$work"
