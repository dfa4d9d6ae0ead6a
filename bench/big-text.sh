#!/usr/bin/env bash
# How long `kb add` takes for one big plain-text file, by size: preparing a file must be linear
# in its size (issue 16: a 30 MB text file in under 30 s). Each file is prose written the way
# manuals are — paragraphs with `code spans`, underlined section headings every ~40 paragraphs —
# generated with a fixed seed, so every machine adds the same bytes. One fresh KB per size, cold
# JVM (what a user runs); prints the wall time and kb's own stage times (--json).
# Usage: bench/big-text.sh [SIZES_MB...]   (default: 1 2 4 8 30)
source "$(dirname "$0")/lib.sh"
build
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1 2 4 8 30)
mkdir -p "$WORK"
echo "machine: $(machine)"
for mb in "${sizes[@]}"; do
  file="$WORK/big-text-$mb.txt"
  if [[ ! -f "$file" ]]; then
    python3 - "$file" "$mb" <<'PY'
import random, sys
path, mb = sys.argv[1], int(sys.argv[2])
rnd = random.Random(16)
words = ("the commit index branch option file tree object merge remote default value when with "
         "that this from into each which only also must should would have been changes history "
         "repository working status patch message author reference configuration command").split()
out, size, n = [], 0, 0
while size < mb * 1_000_000:
    if n % 40 == 0:
        title = " ".join(rnd.choice(words) for _ in range(rnd.randint(2, 5))).upper()
        block = title + "\n" + "-" * len(title) + "\n\n"
    else:
        sentences = []
        for _ in range(rnd.randint(2, 6)):
            ws = [rnd.choice(words) for _ in range(rnd.randint(6, 18))]
            if rnd.random() < 0.5:
                ws[rnd.randrange(len(ws))] = "`--" + rnd.choice(words) + "`"
            sentences.append(" ".join(ws).capitalize() + ".")
        text, line, lines = " ".join(sentences), "", []
        for w in text.split():
            if len(line) + len(w) > 72:
                lines.append(line)
                line = w
            else:
                line = (line + " " + w).strip()
        lines.append(line)
        block = "\n".join(lines) + "\n\n"
    out.append(block)
    size += len(block)
    n += 1
open(path, "w").write("".join(out))
PY
  fi
  kbdir="$WORK/big-text-kb-$mb"
  rm -rf "$kbdir"
  kb init "$kbdir" >/dev/null
  start=$(now_ms)
  line=$(kb --kb "$kbdir" add --json "$file" | head -1)
  wall=$(( $(now_ms) - start ))
  parts=$(grep -c '^###### Part ' "$kbdir/wiki/sources/big-text-$mb.md" || true)
  echo "$mb MB: wall ${wall} ms, parts $parts, $(echo "$line" | sed 's/.*"stages":\(.*\)}/\1/')"
done
