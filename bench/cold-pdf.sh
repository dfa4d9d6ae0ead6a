#!/usr/bin/env bash
# Issue 22's target: a cold `kb add --jobs 2` of a folder of PDFs, end to end (JVM start through
# the launcher with its class-data archive, conversion, compile, commits, index), against the
# reference system's converter alone, converting the way it does (bench/pymupdf_convert.py:
# PyMuPDF text plus every image of at least 32 px written as PNG). The two alternate, ROUNDS
# pairs (default 3), each run into a fresh folder; prints the ratio of every pair and the
# median, and the commit time per document (kb add --json's stage) of every run and over all.
# Needs Debian's python3-fitz: apt-get install -y python3-fitz
# Usage: bench/cold-pdf.sh [ROUNDS] [FOLDER...]   (default: 3, the sample corpus PDFs)
source "$(dirname "$0")/lib.sh"
build
rounds="${1:-3}"
shift || true
folders=("$@")
[[ ${#folders[@]} -gt 0 ]] || folders=(/work/shared/corpus/pdf)
echo "machine: $(machine); load average $(cut -d ' ' -f 1-3 /proc/loadavg)"
echo "kb through the launcher ($BENCH_ROOT/kb); folders: ${folders[*]}"
"$BENCH_ROOT/kb" --version >/dev/null 2>&1 || true  # trains the class-data archive once, outside the timing
mkdir -p "$WORK"
ratios=()
commits="$WORK/cold-commits.txt"
: >"$commits"
for round in $(seq 1 "$rounds"); do
  kbdir="$WORK/cold-kb"
  rm -rf "$kbdir"
  "$BENCH_ROOT/kb" init "$kbdir" >/dev/null 2>&1
  sync
  start=$(now_ms)
  "$BENCH_ROOT/kb" --kb "$kbdir" --json add --jobs 2 "${folders[@]}" >"$WORK/cold-add.json" || true
  kb_ms=$(($(now_ms) - start))
  python3 - "$WORK/cold-add.json" >>"$commits" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    row = json.loads(line)
    if row.get("status") == "added":
        print(row["stages"]["commit"])
PY
  run_commit=$(python3 -c "import json,statistics,sys; c=[json.loads(l)['stages']['commit'] for l in open(sys.argv[1]) if '\"status\":\"added\"' in l]; print(f'{statistics.median(c):.0f} ms over {len(c)} documents')" "$WORK/cold-add.json")
  out="$WORK/cold-pymupdf"
  rm -rf "$out"
  mkdir -p "$out"
  sync
  start=$(now_ms)
  read -r _ files pages images < <(/usr/bin/python3 "$(dirname "$0")/pymupdf_convert.py" "$out" "${folders[@]}")
  py_ms=$(($(now_ms) - start))
  ratio=$(awk -v a="$kb_ms" -v b="$py_ms" 'BEGIN {printf "%.2f", a / b}')
  ratios+=("$ratio")
  echo "pair $round: kb add --jobs 2 ${kb_ms} ms (commit median $run_commit); PyMuPDF ${py_ms} ms ($files files, $pages pages, $images images); ratio $ratio"
done
median() { sort -n | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
echo "median ratio: $(printf '%s\n' "${ratios[@]}" | median) (pairs: ${ratios[*]})"
echo "commit per document, median over all runs: $(median <"$commits") ms ($(wc -l <"$commits") commits)"
