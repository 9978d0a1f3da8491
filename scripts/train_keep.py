#!/usr/bin/env python3
"""Fits the keep/drop model for reported entities (src/entities/keep.rs, issue 24).

1. Runs `dossier analyze` with DOSSIER_KEEP_FEATURES=1 on every gold page of facts-dev
   (../shared/data/facts-dev/{E,F,G}) and dev (eval/labels/dev): one feature row per entity,
   before any is dropped. The held-out set is never read.
2. Labels a row 1 when the scorer (../shared/data/facts-dev/score_facts.py, its own matching
   code) matches that entity to a gold one.
3. Cross-validates across pages (leave-pages-out folds over both sets pooled): fits an
   L2-regularised logistic regression (Newton's method, plain Python) on the other folds and
   scores the held-back pages, for every threshold of a grid; prints entity P/R/F1 per set.
   An entity a quote or quantity points at is kept whatever its score, as in the filter.
4. With --write, fits on all pages and writes the weights and the threshold chosen by the
   cross-validation to model/keep.txt (only if the cross-validated F1 rises on both sets).

usage: scripts/train_keep.py [--shared DIR] [--cli PATH] [--folds K] [--l2 L] [--write]
Standard library only. Run `cargo build --release --features cli` first.
"""
import argparse, importlib.util, json, math, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
ap = argparse.ArgumentParser()
ap.add_argument("--shared", default=os.environ.get("SHARED", os.path.join(root, "..", "shared")))
ap.add_argument("--cli", default=os.path.join(root, "target", "release", "dossier"))
ap.add_argument("--folds", type=int, default=5)
ap.add_argument("--l2", type=float, default=1.0)
ap.add_argument("--write", action="store_true")
a = ap.parse_args()

fd = os.path.join(a.shared, "data", "facts-dev")
spec = importlib.util.spec_from_file_location("score_facts", os.path.join(fd, "score_facts.py"))
sf = importlib.util.module_from_spec(spec)
sys.argv, argv = [sys.argv[0]], sys.argv  # the scorer parses its own arguments only under __main__
spec.loader.exec_module(sf)
sys.argv = argv
SETS = {"facts-dev": [os.path.join(fd, d) for d in "EFG"],
        "dev": [os.path.join(root, "eval", "labels", "dev")]}
THRESHOLDS = [0.0] + [round(0.05 * i, 2) for i in range(1, 13)]


def page_rows(pid):
    """The entities the CLI reports for a page, with their features (filter off)."""
    src = os.path.join(a.shared, "data", "pages", pid, "source.html")
    env = dict(os.environ, DOSSIER_KEEP_FEATURES="1")
    r = subprocess.run([a.cli, "analyze", src, "--json"], capture_output=True, text=True, env=env)
    return [json.loads(l[5:]) for l in r.stderr.splitlines() if l.startswith("KEEP ")]


def score(gold, rows, keep):
    """(tp, fp, fn) of the kept rows against a gold page, by the scorer's entity rule."""
    rep = {"entities": [{"name": r["name"], "type": r["type"], "aliases": r["aliases"]}
                        for r, k in zip(rows, keep) if k]}
    pents, _ = sf.pred_entities(rep, False)
    gents = gold.get("entities", [])
    gforms = [sf.gold_forms(e) for e in gents]
    ok = lambda i, j: gents[i]["type"] == pents[j]["type"] and bool(gforms[i] & pents[j]["forms"])
    pref = lambda i, j: 0 if sf.norm_name(gents[i]["name"]) in pents[j]["forms"] else 1
    em = sf.max_matching(len(gents), len(pents), ok, pref)
    return len(em), len(pents) - len(em), len(gents) - len(em), [j for _, j in em]


def solve(m, v):
    """Gaussian elimination with partial pivoting: m x = v."""
    n = len(v)
    m = [row[:] + [v[i]] for i, row in enumerate(m)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[r][c]:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] for i in range(n)]


def fit(xs, ys, l2):
    """L2-regularised logistic regression by Newton's method (bias not penalised)."""
    d = len(xs[0])
    w = [0.0] * d
    for _ in range(25):
        g = [l2 * w[k] if k else 0.0 for k in range(d)]
        h = [[(l2 if i == k and i else 0.0) for k in range(d)] for i in range(d)]
        for x, y in zip(xs, ys):
            p = 1 / (1 + math.exp(-max(-30, min(30, sum(a * b for a, b in zip(w, x))))))
            for i in range(d):
                g[i] += (p - y) * x[i]
                if x[i]:
                    s = p * (1 - p) * x[i]
                    for k in range(d):
                        h[i][k] += s * x[k]
        step = solve(h, g)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return w


def prob(w, x):
    return 1 / (1 + math.exp(-max(-30, min(30, sum(a * b for a, b in zip(w, x))))))


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


pages = []  # (set, gold, rows, labels)
for name, dirs in SETS.items():
    for pid, g in sorted(sf.load_gold([d for d in dirs if os.path.exists(d)]).items()):
        rows = page_rows(pid)
        matched = set(score(g, rows, [True] * len(rows))[3])
        pages.append((name, g, rows, [int(j in matched) for j in range(len(rows))]))
names = sorted({k for _, _, rows, _ in pages for r in rows for k in r["f"]}, key=lambda k: (k != "bias", k))
vec = lambda r: [r["f"][k] for k in names]
print(f"{len(pages)} pages, {sum(len(p[2]) for p in pages)} entities, "
      f"{sum(sum(p[3]) for p in pages)} matched to gold", file=sys.stderr)

# Leave-pages-out cross-validation: page i goes to fold i mod K (pages sorted by set and id).
cv = [[0.0] * len(p[2]) for p in pages]
for k in range(a.folds):
    train = [i for i in range(len(pages)) if i % a.folds != k]
    w = fit([vec(r) for i in train for r in pages[i][2]], [y for i in train for y in pages[i][3]], a.l2)
    for i in range(len(pages)):
        if i % a.folds == k:
            cv[i] = [prob(w, vec(r)) for r in pages[i][2]]

table = {}
print(f"{'threshold':>9} " + " ".join(f"{s + ' P R F1':>22}" for s in SETS))
for t in THRESHOLDS:
    line = []
    for s in SETS:
        tot = [0, 0, 0]
        for (name, g, rows, _), ps in zip(pages, cv):
            if name == s:
                tp, fp, fn, _ = score(g, rows, [p >= t or r["used"] for p, r in zip(ps, rows)])
                tot = [tot[0] + tp, tot[1] + fp, tot[2] + fn]
        table[(t, s)] = prf(*tot)
        line.append("%6.3f %6.3f %6.3f (%d)" % (*table[(t, s)], tot[0] + tot[1]))
    print(f"{t:>9.2f} " + "   ".join(line))
best = max(THRESHOLDS, key=lambda t: sum(table[(t, s)][2] for s in SETS))
gain = all(table[(best, s)][2] > table[(0.0, s)][2] for s in SETS)
print(f"chosen threshold {best}: cross-validated F1 " + ", ".join(
    f"{s} {table[(0.0, s)][2]:.3f} -> {table[(best, s)][2]:.3f}" for s in SETS)
    + ("" if gain else "  (no gain on both sets: not written)"))
if a.write and gain:
    w = fit([vec(r) for p in pages for r in p[2]], [y for p in pages for y in p[3]], a.l2)
    out = os.path.join(root, "model", "keep.txt")
    with open(out, "w") as f:
        f.write("# Keep/drop model for reported entities (src/entities/keep.rs), written by\n"
                f"# scripts/train_keep.py --write (l2 {a.l2}, {len(pages)} facts-dev + dev pages).\n")
        for k, v in zip(names, w):
            f.write(f"{k} {v:.4f}\n")
        f.write(f"threshold {best}\n")
    print(f"wrote {out}")
