#!/usr/bin/env python3
"""Runs the CLI over a repeats benchmark and scores it with the benchmark's own scorer.

Usage: scripts/eval_repeats.py [--bench DIR] [--cli PATH] [--out preds.json] [scorer args...]

Each page's `page.html` goes through `dossier analyze --json`; every repeat group becomes one
scorer group whose members are the texts of its original and copy blocks and whose `repeats`
are the copies (the scorer maps texts to its gold blocks), with the group's `action` (fold or
mark; the natural set's scorer, ../shared/data/repeats-dev-natural, scores folds apart).
Standard library only.
"""
import argparse, json, os, subprocess, sys, glob

ap = argparse.ArgumentParser()
ap.add_argument("--bench", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "repeats-dev"))
ap.add_argument("--cli", default=os.path.join(os.path.dirname(__file__), "..", "target", "release", "dossier"))
ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "target", "repeats-preds.json"))
a, rest = ap.parse_known_args()

bench = os.path.abspath(a.bench)
if not os.path.isdir(bench) or not os.path.exists(os.path.join(bench, "score.py")):
    sys.exit(f"eval-repeats: no benchmark at {bench}\n"
             "It lives in ../shared/data/repeats-dev next to the project (not part of a clone); "
             "pass --bench DIR to point elsewhere.")

sys.path.insert(0, bench)
import evallib as E  # the benchmark's own normalisation


import score as S  # the scorer's own text -> gold block mapping


def mapper(gold):
    """Maps our blocks to gold indices exactly as the scorer maps member texts, so that the
    `repeats` of a group (which the scorer maps separately) land on the same blocks."""
    mp = S.Mapper(gold)

    def members(texts):
        used, out = set(), []
        for t in texts:
            i = mp.map(t, used)
            if i is not None:
                used.add(i)
            out.append(i)
        return out
    return members


preds = {}
for page in sorted(glob.glob(os.path.join(bench, "*", "page.html"))):
    pid = os.path.basename(os.path.dirname(page))
    out = subprocess.run([a.cli, "analyze", page, "--json"], capture_output=True, check=True)
    rep = json.loads(out.stdout)
    texts = [b["text"] for b in rep["blocks"]]
    gold = json.load(open(os.path.join(os.path.dirname(page), "gold.json")))["blocks"]
    to_gold = mapper(gold)
    groups = []
    for g in rep["repeats"]:
        # Map in document order, as the gold blocks are, so that equal texts
        # land on their own occurrence.
        ours = sorted(set(g["original"] + g["copies"]))
        gold_of = dict(zip(ours, to_gold([texts[i] for i in ours])))
        groups.append({"members": [gold_of[i] for i in ours if gold_of[i] is not None],
                       "repeats": [gold_of[i] for i in g["copies"] if gold_of[i] is not None],
                       "action": g.get("action", "fold")})
    preds[pid] = groups

os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
json.dump(preds, open(a.out, "w"), ensure_ascii=False, indent=1)
sys.exit(subprocess.run([sys.executable, os.path.join(bench, "score.py"), a.out, "--bench", bench] + rest).returncode)
