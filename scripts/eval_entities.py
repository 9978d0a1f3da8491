#!/usr/bin/env python3
"""Scores the report's entities against hand-labelled news articles, the way the held-out
evaluation counts them: each distinct entity once per article; a predicted entity matches a
gold entity when they share a surface form (name or any alias) and have the same type.

Usage: scripts/eval_entities.py [--gold tests/entities/gold.json] [--pages ../shared/data/pages]
                                [--cli target/release/dossier] [--verbose]
Standard library only.
"""
import argparse, json, os, subprocess, sys, unicodedata

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("--gold", default=os.path.join(here, "..", "tests", "entities", "gold.json"))
ap.add_argument("--pages", default=os.path.join(here, "..", "..", "shared", "data", "pages"))
ap.add_argument("--cli", default=os.path.join(here, "..", "target", "release", "dossier"))
ap.add_argument("--verbose", action="store_true")
a = ap.parse_args()
if not os.path.isdir(a.pages):
    sys.exit(f"eval-entities: no pages at {a.pages} (../shared/data/pages is not part of a clone); pass --pages DIR")


def norm(s):
    s = unicodedata.normalize("NFKC", s).replace("\u2019", "'").lower().strip()
    for suffix in ("'s", "'"):
        if s.endswith(suffix):
            s = s[: -len(suffix)]
    if s.startswith("the "):
        s = s[4:]
    return " ".join(s.replace("\u00a0", " ").split())


gold = json.load(open(a.gold))
tot = {t: [0, 0, 0] for t in ("PER", "ORG", "LOC", "ALL")}  # tp, pred, gold
for art in gold["articles"]:
    page = os.path.join(a.pages, art["page"], "source.html")
    rep = json.loads(subprocess.run([a.cli, "analyze", page, "--json"], capture_output=True, check=True).stdout)
    pred = [(e["type"], {norm(x) for x in [e["name"]] + e["aliases"]}, e["name"]) for e in rep["entities"]]
    golds = [(g["type"], {norm(x) for x in [g["name"]] + g["aliases"]}, g["name"]) for g in art["entities"]]
    used = set()
    fn = []
    for gt, gforms, gname in golds:
        hit = next((k for k, (pt, pforms, _) in enumerate(pred) if k not in used and pt == gt and pforms & gforms), None)
        tot[gt][2] += 1
        tot["ALL"][2] += 1
        if hit is None:
            fn.append(f"{gt}:{gname}")
            continue
        used.add(hit)
        tot[gt][0] += 1
        tot["ALL"][0] += 1
    fp = []
    for k, (pt, _, pname) in enumerate(pred):
        tot[pt][1] += 1
        tot["ALL"][1] += 1
        if k not in used:
            fp.append(f"{pt}:{pname}")
    if a.verbose:
        print(f"== {art['page']}  missed: {', '.join(fn) or '-'}")
        print(f"   spurious: {', '.join(fp) or '-'}")


def prf(tp, p, g):
    pr = tp / p if p else 0.0
    rc = tp / g if g else 0.0
    return pr, rc, (2 * pr * rc / (pr + rc) if pr + rc else 0.0)


print(f"entities per article ({len(gold['articles'])} articles, {tot['ALL'][2]} gold entities)")
for t in ("PER", "ORG", "LOC", "ALL"):
    pr, rc, f = prf(*tot[t])
    print(f"{t:4s} P {pr:.3f} R {rc:.3f} F1 {f:.3f}   (tp {tot[t][0]}, predicted {tot[t][1]}, gold {tot[t][2]})")
