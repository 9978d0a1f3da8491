#!/usr/bin/env python3
"""Entity-level precision, recall and F1 with the exact-match rules of conlleval.

Reads `dossier tag --conll` output: each token line is the original line (gold tag in the
last original column, IOB1 or BIO) followed by a TAB and the predicted BIO tag. An entity
counts as correct only when its type and both boundaries match. Prints per-type scores and
micro scores over PER+ORG+LOC (and over all four types).

Usage: scripts/conlleval.py TAGGED [--name NAME]      (standard library only)
"""
import sys


def chunks(tags):
    """(start, end, type) spans of a tag sequence; IOB1 and BIO both work, as in conlleval."""
    out, start, cur = [], None, None
    prev = "O"
    for i, t in enumerate(tags + ["O"]):
        p, _, ty = t.partition("-")
        p = p.upper()
        ty = {"GEO": "LOC", "GPE": "MISC"}.get(ty.upper(), ty.upper())
        pp, _, pty = prev.partition("-")
        pty = {"GEO": "LOC", "GPE": "MISC"}.get(pty.upper(), pty.upper())
        # conlleval: a chunk ends when the type changes, at O, or at a B- tag
        end = cur is not None and (p == "O" or p == "B" or ty != cur)
        if end:
            out.append((start, i, cur))
            cur = None
        if p in ("B", "I") and cur is None:
            start, cur = i, ty
        prev = t
    return out


def main():
    path = sys.argv[1]
    name = sys.argv[sys.argv.index("--name") + 1] if "--name" in sys.argv else path
    gold, pred = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("-DOCSTART-"):
            gold.append("O"); pred.append("O")  # sentence boundary closes chunks
            continue
        cols = line.split("\t")
        if len(cols) < 2:
            sys.exit(f"line without a predicted tag: {line!r}")
        p = cols[-1]
        g = cols[-2].split()[-1] if cols[-2].strip() else "O"
        gold.append(g if g != "-" else "O")
        pred.append(p)
    g, p = set(chunks(gold)), set(chunks(pred))
    types = ["PER", "ORG", "LOC", "MISC"]
    print(f"== {name}")
    print(f"{'type':6s} {'precision':>9s} {'recall':>7s} {'F1':>7s} {'gold':>6s} {'pred':>6s}")

    def score(ts):
        gg = {x for x in g if x[2] in ts}
        pp = {x for x in p if x[2] in ts}
        tp = len(gg & pp)
        pr = tp / len(pp) if pp else 0.0
        rc = tp / len(gg) if gg else 0.0
        f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        return pr, rc, f, len(gg), len(pp)

    for t in types:
        pr, rc, f, ng, npred = score({t})
        print(f"{t:6s} {pr:9.4f} {rc:7.4f} {f:7.4f} {ng:6d} {npred:6d}")
    pr, rc, f, ng, npred = score({"PER", "ORG", "LOC"})
    print(f"{'micro PER+ORG+LOC':s} P {pr:.4f} R {rc:.4f} F1 {f:.4f}")
    pr, rc, f, ng, npred = score(set(types))
    print(f"{'micro all four':s}    P {pr:.4f} R {rc:.4f} F1 {f:.4f}")


if __name__ == "__main__":
    main()
