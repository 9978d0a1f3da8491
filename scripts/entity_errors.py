#!/usr/bin/env python3
"""Where the entity errors are: each false positive and false negative of
`dossier analyze --json` against SPEC.md gold, sorted by cause.

False positives (a reported entity no gold entity matches):
  duplicate   a gold entity of its type shares a form, but another reported entity took it
  type        a gold entity of another type has the name (wrong type)
  boundary    a form is a word run inside a gold form, or holds one (alias or boundary)
  outside     the name is not in the article's text (the gold's text file): scope
  not-entity  in the article, but no gold entity (products, labels, MISC, demonyms, ...)
False negatives (a gold entity no reported entity matches):
  type, boundary  as above, seen from the gold side
  scope       the name is on the page, but only in blocks that did not feed the sidebar
  missed      in the sidebar's text, no entity has it: the tagger did not tag it or a
              cleaning rule dropped it (the report does not say which: the tagger's raw
              spans are not in it)
  absent      not in the page's blocks as written (an alias or spelling the page lacks)

Sets: facts-dev (../shared/data/facts-dev/{E,F,G}) and dev (eval/labels/dev). Never the
held-out set. usage: scripts/entity_errors.py [--shared DIR] [--set facts-dev|dev]
[--pages]. Standard library only.
"""
import argparse, collections, importlib.util, json, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
ap = argparse.ArgumentParser()
ap.add_argument("--shared", default=os.environ.get("SHARED", os.path.join(root, "..", "shared")))
ap.add_argument("--cli", default=os.path.join(root, "target", "release", "dossier"))
ap.add_argument("--set", action="append", choices=["facts-dev", "dev"])
ap.add_argument("--pages", action="store_true", help="list every error per page")
a = ap.parse_args()

fd = os.path.join(a.shared, "data", "facts-dev")
spec = importlib.util.spec_from_file_location("score_facts", os.path.join(fd, "score_facts.py"))
sf = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sf)
pages = os.path.join(a.shared, "data", "pages")
SETS = {
    "facts-dev": [os.path.join(fd, d) for d in "EFG"],
    "dev": [os.path.join(root, "eval", "labels", "dev")],
}


def article_text(d, pid):
    """The gold's article text, where the labellers kept it."""
    flat, short = pid.replace("/", "__"), pid.split("/")[-1]
    for p in (os.path.join(d, "text", flat + ".txt"), os.path.join(d, "work", "text", short + ".txt"),
              os.path.join(d, "work", "text", flat + ".txt")):
        if os.path.exists(p):
            return open(p, encoding="utf-8").read()
    return None


def words(s):
    return sf.norm_words(s)


def in_text(form_words, text_words):
    return bool(form_words) and sf.contains_seq(text_words, form_words)


def overlaps(fa, fb):
    """A word run of one form inside the other (either way)."""
    for x in fa:
        for y in fb:
            wx, wy = x.split(), y.split()
            if x != y and (sf.contains_seq(wx, wy) or sf.contains_seq(wy, wx)):
                return True
    return False


totals = collections.Counter()
examples = collections.defaultdict(list)
for name in a.set or list(SETS):
    for d in SETS[name]:
        for f in sorted(os.listdir(d)):
            if not f.endswith(".json"):
                continue
            g = json.load(open(os.path.join(d, f), encoding="utf-8"))
            if not isinstance(g, dict) or "entities" not in g:
                continue
            pid = g["id"]
            src = os.path.join(pages, pid, "source.html")
            rep = json.loads(subprocess.run([a.cli, "analyze", src, "--json"], capture_output=True,
                                            text=True).stdout or "{}")
            pents, _ = sf.pred_entities(rep, False)
            gents = g["entities"]
            gforms = [sf.gold_forms(e) for e in gents]
            ok = lambda i, j: gents[i]["type"] == pents[j]["type"] and bool(gforms[i] & pents[j]["forms"])
            pref = lambda i, j: 0 if sf.norm_name(gents[i]["name"]) in pents[j]["forms"] else 1
            em = sf.max_matching(len(gents), len(pents), ok, pref)
            mg, mp = {i for i, _ in em}, {j for _, j in em}
            text = article_text(d, pid)
            tw = words(text) if text else None
            blocks = rep.get("blocks", [])
            side_w = words(" ".join(b["text"] for b in blocks if b.get("in_sidebar")))
            page_w = words(" ".join(b["text"] for b in blocks))
            errs = []
            for j, p in enumerate(pents):
                if j in mp:
                    continue
                t = p["type"]
                if any(gents[i]["type"] == t and gforms[i] & p["forms"] for i in range(len(gents))):
                    cause = "duplicate"
                elif any(gforms[i] & p["forms"] for i in range(len(gents))):
                    cause = "type"
                elif any(overlaps(gforms[i], p["forms"]) for i in range(len(gents))):
                    cause = "boundary"
                elif tw is not None and not any(in_text(words(x), tw) for x in p["forms"]):
                    cause = "outside"
                else:
                    cause = "not-entity"
                errs.append(("FP", cause, t, p["name"]))
            for i, e in enumerate(gents):
                if i in mg:
                    continue
                t = e["type"]
                forms = gforms[i]
                fw = [words(x) for x in [e["name"]] + e.get("aliases", [])]
                if any(forms & p["forms"] for p in pents):
                    cause = "type"
                elif any(p["type"] == t and overlaps(forms, p["forms"]) for p in pents):
                    cause = "boundary"
                elif any(in_text(w, side_w) for w in fw):
                    cause = "missed"
                elif any(in_text(w, page_w) for w in fw):
                    cause = "scope"
                else:
                    cause = "absent"
                errs.append(("FN", cause, t, e["name"]))
            tp = len(em)
            line = collections.Counter((k, c) for k, c, _, _ in errs)
            print(f"{name:<9} {pid[:58]:<58} tp {tp:>3} fp {len(pents) - tp:>4} fn {len(gents) - tp:>3}  "
                  + " ".join(f"{k}:{c}={n}" for (k, c), n in sorted(line.items())))
            for k, c, t, nm in errs:
                totals[(name, k, c, t)] += 1
                examples[(k, c)].append(f"{t}/{nm}")
                if a.pages:
                    print(f"    {k} {c:<10} {t} {nm}")

print()
for name in a.set or list(SETS):
    print(f"== {name}")
    for k in ("FP", "FN"):
        causes = sorted({c for (s, kk, c, _) in totals if s == name and kk == k})
        for c in causes:
            by_t = {t: totals[(name, k, c, t)] for t in ("PER", "ORG", "LOC")}
            print(f"  {k} {c:<10} {sum(by_t.values()):>4}  " + " ".join(f"{t} {n:>3}" for t, n in by_t.items()))
