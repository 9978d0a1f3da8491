#!/usr/bin/env python3
"""Folded repeats over a directory of saved pages: a small example of `dossier analyze --jsonl`.

    python3 examples/batch_dedupe.py DIR [DIR...] [--cli target/release/dossier] [--top 10]
    dossier analyze --jsonl DIR | python3 examples/batch_dedupe.py -     # reports already made

Runs the CLI once over every *.html / *.htm under DIR (every core, the model loaded once),
reads its one-report-per-line output as it comes, and prints:

- how many pages, how many failed (error lines), how many have repeats, by kind;
- how many blocks and words the repeats fold (what a reader is spared);
- the pages with the most folded blocks;
- repeated passages found on several pages (boilerplate of the site: newsletter blurbs,
  "read more" teasers, bylines), the candidates to drop before deduplicating a crawl.

Standard library only. docs/batch.md shows the same on a cluster.
"""

import argparse
import collections
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def span_text(blocks, span):
    """The text of a span; offsets are UTF-16 code units, as in the browser."""
    text = blocks[span["block"]]["text"].encode("utf-16-le")
    return text[2 * span["start"]:2 * span["end"]].decode("utf-16-le", errors="replace")


def norm(text):
    return " ".join(text.split())


def lines_from(args):
    if args.paths == ["-"]:
        yield from sys.stdin
        return
    cmd = [args.cli, "analyze", "--jsonl", *args.paths]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, encoding="utf-8")
    yield from proc.stdout
    # 0: every page gave a report; 1: some gave an error line (counted below); 2: usage error.
    if proc.wait() == 2:
        sys.exit(f"{' '.join(cmd[:3])} ... failed (status 2)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="+", help="directories or pages, or - for the CLI's JSONL on stdin")
    ap.add_argument("--cli", default=os.path.join(ROOT, "target", "release", "dossier"))
    ap.add_argument("--top", type=int, default=10)
    args = ap.parse_args()

    pages = failed = with_repeats = blocks = folded = words_folded = 0
    kinds = collections.Counter()
    per_page = []
    # Normalised repeated passage -> the pages it is folded on.
    passages = collections.defaultdict(set)
    for line in lines_from(args):
        rec = json.loads(line)
        key = rec.get("path") or rec.get("url") or f"line {rec.get('line')}"
        if "error" in rec:
            failed += 1
            print(f"error: {key}: {rec['error']}", file=sys.stderr)
            continue
        r = rec["report"]
        pages += 1
        blocks += r["stats"]["blocks"]
        folded += r["stats"]["folded"]
        if r["repeats"]:
            with_repeats += 1
        per_page.append((r["stats"]["folded"], key, r["title"]))
        for g in r["repeats"]:
            kinds[g["kind"]] += 1
            for s in g["spans"]:
                t = norm(span_text(r["blocks"], s))
                words_folded += len(t.split())
                if len(t) >= 20:
                    passages[t].add(key)

    print(f"{pages} pages analysed, {failed} failed")
    if not pages:
        return
    print(f"{with_repeats} pages ({100 * with_repeats / pages:.0f}%) have repeats: "
          + ", ".join(f"{n} {k}" for k, n in kinds.most_common()))
    print(f"{folded} of {blocks} blocks folded ({100 * folded / max(blocks, 1):.1f}%), {words_folded} words")
    print(f"\nMost folded blocks (top {args.top}):")
    for n, key, title in sorted(per_page, key=lambda x: (-x[0], x[1]))[:args.top]:
        if n:
            print(f"  {n:4}  {title[:60]!r}  {key}")
    shared = sorted(((len(p), t) for t, p in passages.items() if len(p) > 1), reverse=True)
    print(f"\nPassages folded on several pages (top {args.top} of {len(shared)}):")
    for n, t in shared[:args.top]:
        print(f"  {n:4} pages  {t[:90]!r}")
    if not shared:
        print("  none (pages of one site share them; a corpus of one page per site has none)")


if __name__ == "__main__":
    main()
