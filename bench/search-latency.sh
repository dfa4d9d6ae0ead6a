#!/usr/bin/env bash
# Search and question answering latency on two knowledge bases that broke the first search:
# 10,000 generated Markdown documents, and one generated 30 MB plain-text book. For each: warm
# in-process times of kb search and kb query (offline) (bench/search/SearchBench.java, one JVM,
# 3 warm-up rounds, then ROUNDS measured), and the wall time of the command line, whose start-up
# is measured apart (kb status on the same KB) so what the search adds shows.
# The knowledge bases are built once under $WORK and reused (the 10,000 take some minutes).
# Usage: bench/search-latency.sh [ROUNDS]   (default 5; DENSE=false: the in-process figures without
# dense retrieval, as with dense_search: false)
source "$(dirname "$0")/lib.sh"
build
rounds="${1:-5}"
many="$WORK/search-kb-10k"
book="$WORK/search-kb-book"
if [[ ! -f "$many/.kb/kb.db" ]]; then
  [[ -d "$WORK/memory-corpus-10000" ]] || generate md "$WORK/memory-corpus-10000" 10000 0 7
  rm -rf "$many" && kb init "$many" >/dev/null
  kb --kb "$many" -q add --jobs 2 "$WORK/memory-corpus-10000"
fi
if [[ ! -f "$book/.kb/kb.db" ]]; then
  "$JAVA" -cp "$BENCH_ROOT/target/test-classes" dev.kbtool.bench.BookGenerator "$WORK/book/book-30mb.txt" 30
  rm -rf "$book" && kb init "$book" >/dev/null
  kb --kb "$book" -q add "$WORK/book"
fi
echo "machine: $(machine); load average at start: $(cut -d" " -f1-3 /proc/loadavg)"
bench() {
  # shellcheck disable=SC2086
  "$JAVA" $KB_OPTS -Dbench.dense="${DENSE:-true}" -cp "$JAR" "$BENCH_ROOT/bench/search/SearchBench.java" "$@"
}
cli() {
  local kbdir="$1"; shift
  local start end
  start=$(now_ms)
  kb --kb "$kbdir" "$@" >/dev/null 2>&1 || true
  end=$(now_ms)
  echo $((end - start))
}
for kbdir in "$many" "$book"; do
  echo
  echo "== $(basename "$kbdir"): $(kb --kb "$kbdir" status --json | sed -n 's/.*"documents":\([0-9]*\).*/\1/p') documents"
  if [[ "$kbdir" == "$many" ]]; then
    queries=("knowledge network" "transaction journal recovery" "Alan Turing" "\"memory storage\"" "the of and"
      "benchmark pipeline worker thread lock quality measure value research theory" "xylophone"
      "doc=doc-00042 knowledge network")
    questions=("What does the knowledge base say about transaction recovery?" "Who is Grace Hopper?")
  else
    queries=("consensus" "consensus leader" "alice queen garden" "\"consensus leader\"" "the of and"
      "journal snapshot commit heartbeat quorum replica election term" "xylophone"
      "doc=book-30mb consensus leader")
    questions=("How does the leader reach consensus with a quorum?" "Where is the garden of the queen?")
  fi
  bench "$kbdir" search "$rounds" "${queries[@]}"
  bench "$kbdir" query "$rounds" "${questions[@]}"
  printf 'command line, ms (median of 3):'
  for what in status search query; do
    times=()
    for _ in 1 2 3; do
      case $what in
        status) times+=("$(cli "$kbdir" status)") ;;
        search) times+=("$(cli "$kbdir" search "${queries[1]}")") ;;
        query) times+=("$(cli "$kbdir" query "${questions[0]}")") ;;
      esac
    done
    printf ' %s %s' "$what" "$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)"
  done
  echo
done
