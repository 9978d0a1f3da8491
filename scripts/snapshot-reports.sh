#!/usr/bin/env bash
# Behaviour-neutrality check for refactors: writes `dossier blocks` and `dossier analyze --json`
# of every page of $SHARED/data/pages (and 1 MB of plain text) into OUT, so that two builds can be
# compared with `diff -rq OUT_BEFORE OUT_AFTER` (no output = byte-identical).
#
# usage: scripts/snapshot-reports.sh OUT [CLI]   (CLI defaults to target/release/dossier)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/snapshot-reports.sh OUT [CLI]}
cli=${2:-target/release/dossier}
shared=${SHARED:-$PWD/../shared}
pages="$shared/data/pages"
[ -d "$pages" ] || { echo "needs the real pages at $pages (not part of a clone); set SHARED=/path/to/shared" >&2; exit 2; }
[ -x "$cli" ] || { echo "no CLI at $cli: run 'make cli' first" >&2; exit 2; }
mkdir -p "$out"
n=0
while IFS= read -r src; do
  rel=${src#"$pages"/}; rel=${rel%/source.html}; name=${rel//\//__}
  "$cli" blocks "$src" > "$out/$name.blocks.json" 2>/dev/null || echo "exit $?" >> "$out/$name.blocks.json"
  "$cli" analyze "$src" --json > "$out/$name.json" 2>/dev/null || echo "exit $?" >> "$out/$name.json"
  n=$((n + 1))
done < <(find "$pages" -name source.html | LC_ALL=C sort)
# 1 MB of article-like text: the corpus's paragraphs, concatenated in a fixed order.
find "$pages" -name source.html | LC_ALL=C sort | head -120 | while IFS= read -r src; do
  "$cli" blocks "$src" 2>/dev/null | python3 -c 'import json,sys
for b in json.load(sys.stdin).get("blocks", []):
    t = b.get("text", "").replace("\n", " ").strip()
    if len(t) > 80: print(t)' 2>/dev/null || true
done | head -c 1048576 > "$out/_mb1.txt" || true
"$cli" analyze "$out/_mb1.txt" --text --json > "$out/_mb1.json"
echo "$n pages -> $out"
