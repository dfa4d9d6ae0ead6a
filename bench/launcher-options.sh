#!/usr/bin/env bash
# Compares JVM option sets for the launcher: for each set, a cold `kb add --jobs 1` then
# `--jobs 2` of the same folders into fresh KBs, back to back, so a pair shares the machine's
# state. Repeat rounds to see the noise.
# Usage: bench/launcher-options.sh ROUNDS "OPTIONS" ["OPTIONS"...]   (folders from $INPUT,
#        default the sample corpus PDFs)
source "$(dirname "$0")/lib.sh"
build
rounds="$1"
shift
read -r -a input <<< "${INPUT:-/work/shared/corpus/pdf /work/shared/corpus/derived}"
echo "machine: $(machine)"
for ((r = 1; r <= rounds; r++)); do
  for opts in "$@"; do
    line="$opts |"
    for jobs in 1 2; do
      kbdir="$WORK/options-kb"
      rm -rf "$kbdir"
      KB_OPTS="$opts" kb init "$kbdir" >/dev/null
      start=$(now_ms)
      KB_OPTS="$opts" kb --kb "$kbdir" -q add --jobs "$jobs" "${input[@]}" 2>/dev/null || true
      line="$line jobs $jobs: $(( $(now_ms) - start )) ms"
    done
    echo "$line"
  done
done
