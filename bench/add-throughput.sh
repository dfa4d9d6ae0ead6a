#!/usr/bin/env bash
# Documents/second and pages/second of `kb add` with --jobs 1, 2 and 4, each into a fresh KB,
# cold JVM each time (what a user runs).
# Usage: bench/add-throughput.sh [FOLDER]   (default: a generated corpus of 40 ten-page PDFs)
source "$(dirname "$0")/lib.sh"
build
input="${1:-}"
if [[ -z "$input" ]]; then
  input="$WORK/generated-pdf"
  [[ -d "$input" ]] || generate pdf "$input" 40 10
fi
echo "machine: $(machine)"
echo "input: $input ($(find "$input" -type f | wc -l) files)"
printf '%-6s %10s %10s %10s %10s\n' jobs seconds docs/s pages/s speedup
base=""
for jobs in 1 2 4; do
  kbdir="$WORK/throughput-kb-$jobs"
  rm -rf "$kbdir"
  kb init "$kbdir" >/dev/null
  start=$(now_ms)
  kb --kb "$kbdir" -q add --jobs "$jobs" "$input" || true
  end=$(now_ms)
  docs=$(kb --kb "$kbdir" status --json | sed -n 's/.*"documents":\([0-9]*\).*/\1/p')
  pages=$(kb --kb "$kbdir" list --json | sed -n 's/.*"pages":\([0-9]*\).*/\1/p' | awk '{s+=$1} END {print s+0}')
  secs=$(awk -v ms=$((end - start)) 'BEGIN {printf "%.2f", ms/1000}')
  [[ -n "$base" ]] || base="$secs"
  printf '%-6s %10s %10.1f %10.1f %9.2fx\n' "$jobs" "$secs" "$(awk -v d="$docs" -v s="$secs" 'BEGIN {print d/s}')" \
    "$(awk -v p="$pages" -v s="$secs" 'BEGIN {print p/s}')" "$(awk -v b="$base" -v s="$secs" 'BEGIN {print b/s}')"
done
