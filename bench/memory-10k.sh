#!/usr/bin/env bash
# Peak memory of one `kb add` of a 10,000-file folder in a fixed heap (-Xmx512m by default):
# the process's peak resident set size (GNU time) and whether it finished.
# Usage: bench/memory-10k.sh [FILES] [HEAP]
source "$(dirname "$0")/lib.sh"
build
files="${1:-10000}"
heap="${2:-512m}"
corpus="$WORK/memory-corpus-$files"
[[ -d "$corpus" ]] || generate md "$corpus" "$files" 0 7
kbdir="$WORK/memory-kb"
rm -rf "$kbdir"
kb init "$kbdir" >/dev/null
echo "machine: $(machine)"
start=$(now_ms)
KB_OPTS="$KB_OPTS -Xmx$heap" /usr/bin/time -f "%M" -o "$WORK/memory-rss" \
  "$JAVA" $KB_OPTS -Xmx"$heap" -jar "$JAR" --kb "$kbdir" -q add --jobs 2 "$corpus"
code=$?
end=$(now_ms)
docs=$(kb --kb "$kbdir" status --json | sed -n 's/.*"documents":\([0-9]*\).*/\1/p')
echo "files: $files, heap: -Xmx$heap, exit: $code, documents: $docs, seconds: $(( (end - start) / 1000 )), peak RSS: $(( $(cat "$WORK/memory-rss") / 1024 )) MiB"
