#!/usr/bin/env bash
# The stretch target: a cold `kb add --jobs 2` of a folder of PDFs, end to end (JVM start,
# conversion, compile, commits, index), against the reference system's converter alone
# (PyMuPDF extracting page text, in one Python process). Best of 3 runs each.
# Needs Debian's python3-fitz: apt-get install -y python3-fitz
# Usage: bench/cold-pdf.sh [FOLDER...]   (default: the sample corpus PDFs)
source "$(dirname "$0")/lib.sh"
build
folders=("$@")
[[ ${#folders[@]} -gt 0 ]] || folders=(/work/shared/corpus/pdf /work/shared/corpus/derived)
echo "machine: $(machine)"
echo "launcher JVM options: $KB_OPTS"
best_kb=""
for run in 1 2 3; do
  kbdir="$WORK/cold-kb"
  rm -rf "$kbdir"
  kb init "$kbdir" >/dev/null
  sync
  start=$(now_ms)
  kb --kb "$kbdir" -q add --jobs 2 "${folders[@]}" || true
  end=$(now_ms)
  ms=$((end - start))
  echo "kb add --jobs 2 run $run: ${ms} ms"
  [[ -z "$best_kb" || $ms -lt $best_kb ]] && best_kb=$ms
done
best_py=""
for run in 1 2 3; do
  read -r secs files pages < <(/usr/bin/python3 "$(dirname "$0")/pymupdf_convert.py" "${folders[@]}")
  ms=$(awk -v s="$secs" 'BEGIN {printf "%d", s * 1000}')
  echo "PyMuPDF get_text run $run: ${ms} ms ($files files, $pages pages)"
  [[ -z "$best_py" || $ms -lt $best_py ]] && best_py=$ms
done
echo "best: kb add ${best_kb} ms, PyMuPDF ${best_py} ms, ratio $(awk -v a="$best_kb" -v b="$best_py" 'BEGIN {printf "%.2f", a/b}')"
