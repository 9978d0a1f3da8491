#!/usr/bin/env python3
"""Scores the report's dates, quantities and quotes against hand-labelled articles
(tests/facts/gold.json), starting from each page's HTML, and the sentence table
(tests/facts/sentences.tsv) sentence by sentence.

Matching (one gold item to at most one prediction, in reading order):
  dates       the texts overlap and the resolved value is the same
  quantities  the texts overlap, the value is the same, and so is `of` where the gold has one
  quotes      most of the gold quote's words are in the predicted quote, and the speaker is the
              same person (same last name; both none counts as the same)
Usage: scripts/eval_facts.py [--gold FILE] [--sentences FILE] [--pages DIR] [--cli PATH] [--verbose]
Standard library only.
"""
import argparse, json, os, re, subprocess, sys, unicodedata

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("--gold", default=os.path.join(here, "..", "tests", "facts", "gold.json"))
ap.add_argument("--sentences", default=os.path.join(here, "..", "tests", "facts", "sentences.tsv"))
ap.add_argument("--pages", default=os.path.join(here, "..", "..", "shared", "data", "pages"))
ap.add_argument("--cli", default=os.path.join(here, "..", "target", "release", "dossier"))
ap.add_argument("--verbose", action="store_true")
ap.add_argument("--json", help="write the figures here")
a = ap.parse_args()


def norm(s):
    s = unicodedata.normalize("NFKC", s or "").lower()
    s = s.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(re.findall(r"[\w'.%$€£-]+", s))


def words(s):
    return set(re.findall(r"\w+", norm(s)))


def overlap(x, y):
    nx, ny = norm(x), norm(y)
    return bool(nx and ny) and (nx in ny or ny in nx or bool(words(nx) & words(ny) - {"the", "a", "of", "on", "in"}))


def same_num(x, y):
    return x is not None and y is not None and abs(float(x) - float(y)) <= 1e-3 * max(1.0, abs(float(y)))


def same_speaker(p, g):
    if not g:
        return not p
    if not p:
        return False
    pl, gl = norm(p).split(), norm(g).split()
    return bool(pl and gl) and (pl[-1] == gl[-1] or norm(p) in norm(g) or norm(g) in norm(p))


def match_dates(pred, gold):
    return greedy(pred, gold, lambda p, g: overlap(p["text"], g["text"]) and p.get("value") == g.get("value"))


def match_quantities(pred, gold):
    def ok(p, g):
        if not (overlap(p["text"], g["text"]) and same_num(p["value"], g["value"])):
            return False
        return g.get("of") is None or same_num(p.get("of"), g.get("of"))
    return greedy(pred, gold, ok)


def match_quotes(pred, gold):
    def ok(p, g):
        gw = words(g["text"])
        if not gw:
            return False
        return len(gw & words(p["text"])) / len(gw) >= 0.6 and same_speaker(p.get("speaker_name"), g.get("speaker"))
    return greedy(pred, gold, ok)


def greedy(pred, gold, ok):
    used, tp, missed = set(), 0, []
    for g in gold:
        k = next((i for i, p in enumerate(pred) if i not in used and ok(p, g)), None)
        if k is None:
            missed.append(g)
        else:
            used.add(k)
            tp += 1
    spurious = [p for i, p in enumerate(pred) if i not in used]
    return tp, len(pred), len(gold), missed, spurious


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run(args, stdin=None):
    out = subprocess.run([a.cli] + args, input=stdin, capture_output=True, check=True)
    return json.loads(out.stdout)


results = {}
kinds = [("dates", match_dates), ("quantities", match_quantities), ("quotes", match_quotes)]
if os.path.isdir(a.pages):
    gold = json.load(open(a.gold))
    tot = {k: [0, 0, 0] for k, _ in kinds}
    pub_ok = 0
    for art in gold["articles"]:
        rep = run(["analyze", os.path.join(a.pages, art["page"], "source.html"), "--json"])
        pub_ok += rep.get("published") == art.get("published")
        for k, fn in kinds:
            tp, npred, ngold, missed, spurious = fn(rep[k], art[k])
            t = tot[k]
            t[0] += tp; t[1] += npred; t[2] += ngold
            if a.verbose and (missed or spurious):
                show = lambda x: x["text"][:50] + (f" = {x.get('value')}" if k != "quotes" else f" — {x.get('speaker_name', x.get('speaker'))}")
                print(f"== {art['page']} {k}: missed {[show(x) for x in missed]}")
                print(f"   spurious {[show(x) for x in spurious]}")
    print(f"articles ({len(gold['articles'])}, from the pages' HTML); publication date right on {pub_ok}/{len(gold['articles'])}")
    for k, _ in kinds:
        p, r, f = prf(*tot[k])
        results[f"articles_{k}"] = dict(precision=round(p, 3), recall=round(r, 3), f1=round(f, 3))
        print(f"  {k:10s} P {p:.3f} R {r:.3f} F1 {f:.3f}   (tp {tot[k][0]}, predicted {tot[k][1]}, gold {tot[k][2]})")
else:
    print(f"(no pages at {a.pages}: article scores skipped; ../shared/data/pages is not part of a clone)")

# Sentences: each analysed alone as a one-paragraph page with its publication date.
rows = [l.rstrip("\n").split("\t") for l in open(a.sentences, encoding="utf-8")][1:]
tot = {k: [0, 0, 0] for k, _ in kinds}
for page, kind, sentence, expect in rows:
    e = json.loads(expect)
    key = {"date": "dates", "quantity": "quantities", "quote": "quotes"}[kind]
    pub = e.get("published", "2020-01-01")
    html = f'<html><head><meta property="article:published_time" content="{pub}"></head><body><article><p>{sentence.replace("&", "&amp;").replace("<", "&lt;")}</p></article></body></html>'
    rep = run(["analyze", "-", "--json"], stdin=html.encode())
    fn = dict(kinds)[key]
    tp, npred, ngold, missed, spurious = fn(rep[key], e[key])
    t = tot[key]
    t[0] += tp; t[1] += npred; t[2] += ngold
    if a.verbose and (missed or spurious):
        print(f"-- {kind}: {sentence[:100]}\n   missed {[(m['text'], m.get('value', m.get('speaker'))) for m in missed]} spurious {[(s['text'], s.get('value', s.get('speaker_name'))) for s in spurious]}")
print(f"sentences ({len(rows)} rows)")
for k, _ in kinds:
    p, r, f = prf(*tot[k])
    results[f"sentences_{k}"] = dict(precision=round(p, 3), recall=round(r, 3), f1=round(f, 3))
    print(f"  {k:10s} P {p:.3f} R {r:.3f} F1 {f:.3f}   (tp {tot[k][0]}, predicted {tot[k][1]}, gold {tot[k][2]})")
if a.json:
    json.dump(results, open(a.json, "w"), indent=1)
