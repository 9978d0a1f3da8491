#!/usr/bin/env python3
"""Scores `dossier analyze --json` on pages labelled by ../shared/SPEC.md, one line per set.

Sets (each a folder of <pool>__<name>.json gold files in the facts-dev schema):
  facts-dev   ../shared/data/facts-dev/{E,F,G}: 28 pages labelled by others
  dev         eval/labels/dev: this project's pages, used for tuning
  held-out    eval/labels/held-out: this project's pages, NEVER used for tuning;
              the figure that predicts unseen pages
  lang-XX     eval/labels-lang/XX: pages in language XX, one set per folder found
              there (de, es, fr, pl, pt, ...; few pages each: a smoke test)
  dev-old, dev-new  (only with --set) dev split in two: the pages that are also in the old
              tests/entities or tests/facts gold (the code was tuned on them), and the rest
The scorer is ../shared/data/facts-dev/score_facts.py (its docstring says how it matches).

usage: scripts/eval_spec.py [--shared DIR] [--cli PATH] [--set NAME ...] [--per-page] [--json OUT]
Standard library only.
"""
import argparse, json, os, re, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
ap = argparse.ArgumentParser()
ap.add_argument("--shared", default=os.environ.get("SHARED", os.path.join(root, "..", "shared")))
ap.add_argument("--cli", default=os.path.join(root, "target", "release", "dossier"))
ap.add_argument("--set", action="append", help="facts-dev, dev, held-out or lang-XX (default: all)")
ap.add_argument("--per-page", action="store_true")
ap.add_argument("--json", help="write the figures here")
a = ap.parse_args()

fd = os.path.join(a.shared, "data", "facts-dev")
pages = os.path.join(a.shared, "data", "pages")
scorer = os.path.join(fd, "score_facts.py")
if not os.path.exists(scorer) or not os.path.isdir(pages):
    sys.exit(f"eval-spec needs {fd} and {pages} (not part of a clone); set SHARED=/path/to/shared")
SETS = {
    "facts-dev": [os.path.join(fd, d) for d in "EFG"],
    "dev": [os.path.join(root, "eval", "labels", "dev")],
    "held-out": [os.path.join(root, "eval", "labels", "held-out")],
}
# eval/labels-lang/<lang>/: a few pages per language (its README). Every language folder is
# a set, so a language labelled later is scored without editing this list.
langs = os.path.join(root, "eval", "labels-lang")
for lang in sorted(os.listdir(langs)) if os.path.isdir(langs) else []:
    if os.path.isdir(os.path.join(langs, lang)) and re.fullmatch(r"[a-z]{2,3}", lang):
        SETS[f"lang-{lang}"] = [os.path.join(langs, lang)]
DEFAULT = list(SETS)


def old_gold_ids():
    """Pages of the old entities-only and sentence-only gold, which the code was tuned on."""
    ids = set()
    for f in ("entities", "facts"):
        g = os.path.join(root, "tests", f, "gold.json")
        if os.path.exists(g):
            ids |= {x["page"] for x in json.load(open(g, encoding="utf-8"))["articles"]}
    return ids


def dev_files(old):
    d = SETS["dev"][0]
    for f in sorted(os.listdir(d)) if os.path.isdir(d) else []:
        if f.endswith(".json") and (f[:-5].replace("__", "/", 1) in old_gold_ids()) == old:
            yield os.path.join(d, f)


SETS["dev-old"] = list(dev_files(True))
SETS["dev-new"] = list(dev_files(False))
names = a.set or DEFAULT
unknown = [n for n in names if n not in SETS]
if unknown:
    sys.exit(f"unknown set {', '.join(unknown)}; sets: {', '.join(SETS)}")


def gold_ids(dirs):
    """Page ids of the gold files in dirs (folders, or single files)."""
    for d in dirs:
        files = [os.path.join(d, f) for f in sorted(os.listdir(d))] if os.path.isdir(d) else [d]
        for f in files:
            if f.endswith(".json"):
                g = json.load(open(f, encoding="utf-8"))
                if isinstance(g, dict) and "id" in g and "entities" in g:
                    yield g["id"]


KEYS = [
    ("entities_f1", "entities F1"), ("per_f1", "PER"), ("org_f1", "ORG"), ("loc_f1", "LOC"),
    ("roles_recall", "roles R"), ("dates_f1", "dates F1"), ("quantities_f1", "qty F1"),
    ("owner_acc", "owners"), ("quotes_f1", "quotes F1"),
]


def figures(out):
    """The figures from score_facts.py's table (its FACTS line has the four F1s)."""
    f = {}
    m = re.search(r"^FACTS (.*)$", out, re.M)
    if m:
        for kv in m.group(1).split():
            k, _, v = kv.partition("=")
            try:
                f[k] = float(v)
            except ValueError:
                pass
    for t in ("PER", "ORG", "LOC"):
        m = re.search(rf"^\s+{t}\s+\d+\s+\d+\s+\d+\s+[0-9.]+\s+[0-9.]+\s+([0-9.]+)", out, re.M)
        if m:
            f[t.lower() + "_f1"] = float(m.group(1))
    m = re.search(r"roles recall[^0-9]*([0-9.]+)", out)
    if m:
        f["roles_recall"] = float(m.group(1))
    m = re.search(r"owner accuracy[^0-9]*([0-9.]+)", out)
    if m:
        f["owner_acc"] = float(m.group(1))
    return f


results = {}
print(f"{'set':<10} {'pages':>5} " + " ".join(f"{h:>11}" for _, h in KEYS))
for name in names:
    dirs = [d for d in SETS[name] if os.path.exists(d)]
    ids = list(gold_ids(dirs))
    if not ids:
        print(f"{name:<10} {0:>5}  (no gold pages)")
        continue
    pred = {}
    for pid in ids:
        src = os.path.join(pages, pid, "source.html")
        r = subprocess.run([a.cli, "analyze", src, "--json"], capture_output=True, text=True)
        pred[pid] = json.loads(r.stdout) if r.returncode == 0 else {}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as t:
        json.dump(pred, t)
    args = [sys.executable, scorer, *dirs, "--pred", t.name] + (["--per-page"] if a.per_page else [])
    out = subprocess.run(args, capture_output=True, text=True).stdout
    os.unlink(t.name)
    f = figures(out)
    results[name] = {"pages": len(ids), **f}
    if a.per_page:
        print(out)
    print(f"{name:<10} {len(ids):>5} " + " ".join(f"{f.get(k, float('nan')):>11.3f}" for k, _ in KEYS))
if a.json:
    json.dump(results, open(a.json, "w"), indent=1)
