#!/usr/bin/env bash
# How the cost of adding a document changes as the KB grows from 100 to 10,000 documents.
# At each size: a probe batch of 50 new files gives the median and p90 of the per-file
# commit stage (from --report JSON Lines); then one more file is added alone, and the files
# it wrote (pages touched, index pages included) and their bytes are counted.
# Usage: bench/commit-scaling.sh [SIZES...]   (default: 100 1000 5000 10000)
source "$(dirname "$0")/lib.sh"
build
read -r -a sizes <<< "${*:-100 1000 5000 10000}"
kbdir="$WORK/scaling-kb"
corpus="$WORK/scaling-corpus"
rm -rf "$kbdir" "$corpus"
kb init "$kbdir" >/dev/null
echo "machine: $(machine)"
printf '%-8s %11s %11s %14s %14s\n' docs commit-p50 commit-p90 "files/1 add" "bytes/1 add"
have=0
batch=0
for size in "${sizes[@]}"; do
  grow=$((size - have - 51))
  if (( grow > 0 )); then
    generate md "$corpus/grow-$batch" "$grow" 0 "$((1000 + batch))"
    kb --kb "$kbdir" -q add --jobs 2 "$corpus/grow-$batch"
    have=$((have + grow))
    batch=$((batch + 1))
  fi
  generate md "$corpus/probe-$size" 50 0 "$((5000 + size))"
  kb --kb "$kbdir" -q add --jobs 2 --report "$WORK/probe-$size.jsonl" "$corpus/probe-$size"
  have=$((have + 50))
  generate md "$corpus/single-$size" 1 0 "$((9000 + size))"
  touch "$WORK/marker"
  sleep 1
  log_before=$(stat -c %s "$kbdir/wiki/log.md")
  kb --kb "$kbdir" -q add "$corpus/single-$size"
  have=$((have + 1))
  # log.md is append-only: count the bytes appended, not the whole file.
  files=$(find "$kbdir/wiki" "$kbdir/raw" -type f -newer "$WORK/marker" | wc -l)
  bytes=$(find "$kbdir/wiki" "$kbdir/raw" -type f -newer "$WORK/marker" ! -name log.md -printf '%s\n' \
    | awk -v log_added=$(( $(stat -c %s "$kbdir/wiki/log.md") - log_before )) '{s+=$1} END {print s+log_added}')
  grep '"status":"added"' "$WORK/probe-$size.jsonl" | grep -o '"commit":[0-9]*' | cut -d: -f2 | sort -n \
    | awk -v n="$have" -v f="$files" -v b="$bytes" \
      '{a[NR]=$1} END {printf "%-8s %9sms %9sms %14s %14s\n", n, a[int((NR+1)/2)], a[int(NR*0.9)], f, b}'
done
