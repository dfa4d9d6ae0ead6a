#!/usr/bin/env bash
# Commit time per document as the KB grows from 100 to 10,000 documents: at each size, add a
# probe batch of 50 new files and report the median and p90 of the per-file commit stage
# (taken from --report JSON Lines), then grow the KB to the next size.
# Usage: bench/commit-scaling.sh [SIZES...]   (default: 100 1000 5000 10000)
source "$(dirname "$0")/lib.sh"
build
sizes=("${@:-100 1000 5000 10000}")
read -r -a sizes <<< "${sizes[*]}"
kbdir="$WORK/scaling-kb"
corpus="$WORK/scaling-corpus"
rm -rf "$kbdir" "$corpus"
kb init "$kbdir" >/dev/null
echo "machine: $(machine)"
printf '%-8s %12s %12s %14s\n' docs commit-p50 commit-p90 "index.md bytes"
have=0
batch=0
for size in "${sizes[@]}"; do
  grow=$((size - have - 50))
  if (( grow > 0 )); then
    generate md "$corpus/grow-$batch" "$grow" 0 "$((1000 + batch))"
    kb --kb "$kbdir" -q add --jobs 2 "$corpus/grow-$batch"
    have=$((have + grow))
    batch=$((batch + 1))
  fi
  generate md "$corpus/probe-$size" 50 0 "$((5000 + size))"
  kb --kb "$kbdir" -q add --jobs 2 --report "$WORK/probe-$size.jsonl" "$corpus/probe-$size"
  have=$((have + 50))
  grep '"status":"added"' "$WORK/probe-$size.jsonl" | grep -o '"commit":[0-9]*' | cut -d: -f2 \
    | sort -n | awk -v n="$have" -v idx="$(stat -c %s "$kbdir/wiki/index.md")" \
      '{a[NR]=$1} END {printf "%-8s %10sms %10sms %14s\n", n, a[int((NR+1)/2)], a[int(NR*0.9)], idx}'
done
