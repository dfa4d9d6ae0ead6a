#!/usr/bin/env bash
# Seconds from a note saved in a watched folder to its commit: `kb watch --json` runs on a
# folder of EXISTING notes; NOTES new notes are written one at a time, each timed until the
# watcher reports it added. Default settle delay (1s) unless SETTLE is given.
# Usage: bench/watch-latency.sh [NOTES] [EXISTING] [SETTLE]
source "$(dirname "$0")/lib.sh"
build
notes="${1:-20}"
existing="${2:-200}"
settle="${3:-1s}"
folder="$WORK/watch-notes"
kbdir="$WORK/watch-kb"
rm -rf "$folder" "$kbdir"
generate md "$folder" "$existing" 0 5 >/dev/null
kb init "$kbdir" >/dev/null
kb --kb "$kbdir" -q add "$folder" || true
out="$WORK/watch-out.jsonl"
: > "$out"
kb --kb "$kbdir" --json watch --settle "$settle" "$folder" > "$out" 2> "$WORK/watch-err.txt" &
watcher=$!
trap 'kill -TERM $watcher 2>/dev/null || true' EXIT
# Ready once the first full pass is done: a note written now is then picked up by its event.
printf '# Warm up\n\nA first note so the watcher has done one pass.\n' > "$folder/warm-up.md"
until grep -q 'warm-up.md' "$out"; do sleep 0.05; done
echo "machine: $(machine)"
echo "folder: $existing notes, settle: $settle"
lat=()
for ((i = 1; i <= notes; i++)); do
  start=$(date +%s%N)
  printf '# Saved note %d\n\nA note about rivers, bridges and the town of number %d.\n' "$i" "$i" > "$folder/saved-$i.md"
  until grep -q "saved-$i.md\"" "$out"; do sleep 0.01; done
  lat+=($(( ($(date +%s%N) - start) / 1000000 )))
  sleep 0.3
done
kill -TERM $watcher
wait $watcher || true
trap - EXIT
echo "latency ms (sorted): $(printf '%s\n' "${lat[@]}" | sort -n | tr '\n' ' ')"
echo "median: $(printf '%s\n' "${lat[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') ms"
