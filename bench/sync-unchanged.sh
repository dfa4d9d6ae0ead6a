#!/usr/bin/env bash
# How long `kb sync` takes to check a folder of FILES documents that has not changed: the KB is
# built with kb add, a first sync records each file's size and time (reading each file once),
# then ROUNDS more syncs are timed, cold JVM each (what a cron job runs).
# Usage: bench/sync-unchanged.sh [FILES] [ROUNDS]
source "$(dirname "$0")/lib.sh"
build
files="${1:-10000}"
rounds="${2:-5}"
corpus="$WORK/sync-corpus-$files"
kbdir="$WORK/sync-kb-$files"
[[ -d "$corpus" ]] || generate md "$corpus" "$files" 0 11
if [[ ! -d "$kbdir/.kb" ]]; then
  kb init "$kbdir" >/dev/null
  kb --kb "$kbdir" -q add --jobs 2 "$corpus" || true
fi
echo "machine: $(machine)"
echo "folder: $corpus ($(find "$corpus" -type f | wc -l) files), documents: $(kb --kb "$kbdir" status --json | sed -n 's/.*"documents":\([0-9]*\).*/\1/p')"
start=$(now_ms)
kb --kb "$kbdir" sync --json "$corpus" | tail -1
echo "first sync after kb add (reads every file once): $(( $(now_ms) - start )) ms"
times=()
for ((i = 1; i <= rounds; i++)); do
  start=$(now_ms)
  summary=$(kb --kb "$kbdir" sync --json "$corpus" | tail -1)
  times+=($(( $(now_ms) - start )))
  [[ "$summary" == *'"unchanged":'"$files"* ]] || { echo "unexpected: $summary" >&2; exit 1; }
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
echo "unchanged sync, ms per run (sorted): $sorted"
echo "median: $(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') ms"
