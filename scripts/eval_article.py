#!/usr/bin/env python3
"""Block-level precision and recall of the article classifier on ../shared/data/pages.

Three independent references, each scored for the report's `article` flag and for
`in_sidebar` (the blocks that fed entities, dates, quantities and quotes):

  readability  readability/<name>/expected.html: Mozilla Readability's reviewed
               extraction. A block of the page is in the reference when at least half of its
               word trigrams occur in expected.html's text (blocks under 3 words are not
               scored). P and R are weighted by characters and micro-averaged over pages,
               per MANIFEST kind (news, other-real, synthetic) and for news + other-real.
  trafilatura  trafilatura-news/<name>/ground-truth.json: snippets that an extractor
               must keep (`with`) and must drop (`without`, `comments`). A snippet belongs to
               the block whose text contains it; `with` R is the share of `with` snippets in
               chosen blocks, `drop` the share of `without`/`comments` snippets in chosen
               blocks (lower is better). Snippets no block contains are not scored.
  facts-dev    facts-dev/{E,F,G}/work/text*/<name>.txt: the article text the labellers of
               facts-dev chose for the sidebar (headline, dek, body; E keeps captions, F and G
               do not). Scored like readability, for the 28 pages. Closest to `in_sidebar`.

A report without `in_sidebar` (a CLI from before the field) scores 0 there.

usage: scripts/eval_article.py [--shared DIR] [--cli PATH] [--per-page] [--ref NAME ...]
                               [--json OUT]
Standard library only.
"""
import argparse, html.parser, json, os, re, subprocess, sys
from concurrent.futures import ThreadPoolExecutor

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
ap = argparse.ArgumentParser()
ap.add_argument("--shared", default=os.environ.get("SHARED", os.path.join(root, "..", "shared")))
ap.add_argument("--cli", default=os.path.join(root, "target", "release", "dossier"))
ap.add_argument("--per-page", action="store_true", help="one line per page")
ap.add_argument("--ref", action="append", help="readability, trafilatura, facts-dev (default: all)")
ap.add_argument("--json", help="write the figures here")
ap.add_argument("-j", type=int, default=2, help="pages analysed at once")
a = ap.parse_args()
pages = os.path.join(a.shared, "data", "pages")
fd = os.path.join(a.shared, "data", "facts-dev")
if not os.path.isdir(pages):
    sys.exit(f"eval-article needs {pages} (not part of a clone); set SHARED=/path/to/shared")
refs = a.ref or ["readability", "trafilatura", "facts-dev"]
FLAGS = ("article", "in_sidebar")

WORD = re.compile(r"\w+", re.U)


def words(s):
    return WORD.findall(s.lower())


def trigrams(ws):
    return {tuple(ws[i:i + 3]) for i in range(len(ws) - 2)}


def norm(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(s.lower().split())


class Text(html.parser.HTMLParser):
    """The text of an HTML file, script and style dropped, a space at every tag."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        self.out.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        self.out.append(" ")

    def handle_data(self, d):
        if not self.skip:
            self.out.append(d)


def html_text(path):
    p = Text()
    p.feed(open(path, encoding="utf-8", errors="replace").read())
    return "".join(p.out)


def report(path):
    out = subprocess.run([a.cli, "analyze", path, "--json"], capture_output=True, text=True)
    if not out.stdout.strip():
        return None
    return json.loads(out.stdout)


def block_scores(rep, ref_text):
    """Per flag: (tp, fp, fn) in characters, blocks judged by trigram overlap with ref_text."""
    ref = trigrams(words(ref_text))
    res = {f: [0, 0, 0] for f in FLAGS}
    for b in rep["blocks"]:
        ws = words(b["text"])
        if len(ws) < 3:
            continue
        tg = trigrams(ws)
        gold = len(tg & ref) * 2 >= len(tg)
        n = len(b["text"].strip())
        for f in FLAGS:
            pred = bool(b.get(f, False))
            k = 0 if pred and gold else 1 if pred else 2 if gold else None
            if k is not None:
                res[f][k] += n
    return res


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


manifest = {p["path"]: p for p in json.load(open(os.path.join(pages, "MANIFEST.json")))["pages"]}
figures = {}


def add(table, key, res):
    t = table.setdefault(key, {f: [0, 0, 0] for f in FLAGS})
    for f in FLAGS:
        for i in range(3):
            t[f][i] += res[f][i]


def print_table(title, table):
    print(f"\n{title}")
    print(f"{'':22} {'pages':>5} " + " ".join(f"{f + ' ' + m:>14}" for f in FLAGS for m in ("P", "R", "F1")))
    for key, t in sorted(table.items(), key=lambda kv: (kv[0] == "all", kv[0].startswith("news+"), kv[0])):
        row = []
        for f in FLAGS:
            row += prf(*t[f])
        print(f"{key:22} {t['pages']:>5} " + " ".join(f"{v:>14.3f}" for v in row))
        figures.setdefault(title, {})[key] = {
            f: dict(zip(("P", "R", "F1"), prf(*t[f]))) for f in FLAGS}


def run_block_ref(title, items):
    """items: [(page id, group, reference text)]"""
    table = {}
    with ThreadPoolExecutor(a.j) as ex:
        reps = list(ex.map(lambda it: report(os.path.join(pages, it[0], "source.html")), items))
    for (pid, group, ref), rep in zip(items, reps):
        if rep is None:
            print(f"  {pid}: no report", file=sys.stderr)
            continue
        res = block_scores(rep, ref)
        keys = [group, "all"] + (["news+other-real"] if group in ("news", "other-real") else [])
        for key in keys:
            add(table, key, res)
            table[key]["pages"] = table[key].get("pages", 0) + 1
        if a.per_page:
            print(f"  {pid:60} " + " ".join(
                f"{f} P {prf(*res[f])[0]:.2f} R {prf(*res[f])[1]:.2f}" for f in FLAGS))
    print_table(title, table)


if "readability" in refs:
    items = []
    for name in sorted(os.listdir(os.path.join(pages, "readability"))):
        exp = os.path.join(pages, "readability", name, "expected.html")
        if not os.path.exists(exp):
            continue
        pid = f"readability/{name}"
        kind = manifest.get(pid, {}).get("kind", "?")
        items.append((pid, kind, html_text(exp)))
    run_block_ref("readability: blocks vs expected.html (chars)", items)

if "facts-dev" in refs and os.path.isdir(fd):
    items = []
    for folder, sub in (("E", "text"), ("F", "texts"), ("G", "text")):
        d = os.path.join(fd, folder, "work", sub)
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            if not f.endswith(".txt"):
                continue
            name = f[:-4]
            pool = "readability" if folder == "E" else "trafilatura-news"
            pid = f"{pool}/{name}"
            if os.path.exists(os.path.join(pages, pid, "source.html")):
                items.append((pid, folder, open(os.path.join(d, f), encoding="utf-8").read()))
    run_block_ref("facts-dev: blocks vs the labelled article text (chars)", items)

if "trafilatura" in refs:
    names = sorted(os.listdir(os.path.join(pages, "trafilatura-news")))
    paths = [os.path.join(pages, "trafilatura-news", n, "source.html") for n in names]
    with ThreadPoolExecutor(a.j) as ex:
        reps = list(ex.map(report, paths))
    tot = {f: {"with": [0, 0], "drop": [0, 0]} for f in FLAGS}
    for name, rep in zip(names, reps):
        gt = os.path.join(pages, "trafilatura-news", name, "ground-truth.json")
        if rep is None or not os.path.exists(gt):
            continue
        g = json.load(open(gt, encoding="utf-8"))
        texts = [norm(b["text"]) for b in rep["blocks"]]
        line = []
        for f in FLAGS:
            for kind, snippets in (("with", g.get("with") or []),
                                   ("drop", (g.get("without") or []) + (g.get("comments") or []))):
                hit = n = 0
                for s in snippets:
                    s = norm(s)
                    if len(s) < 8:
                        continue
                    owners = [i for i, t in enumerate(texts) if s in t]
                    if not owners:
                        continue
                    n += 1
                    hit += any(rep["blocks"][i].get(f, False) for i in owners)
                tot[f][kind][0] += hit
                tot[f][kind][1] += n
                line.append(f"{f} {kind} {hit}/{n}")
        if a.per_page:
            print(f"  trafilatura-news/{name:50} " + "  ".join(line))
    print("\ntrafilatura: snippets in chosen blocks (with: higher is better; drop: lower is better)")
    for f in FLAGS:
        w, d = tot[f]["with"], tot[f]["drop"]
        print(f"  {f:12} with {w[0]}/{w[1]} = {w[0] / max(1, w[1]):.3f}   "
              f"drop {d[0]}/{d[1]} = {d[0] / max(1, d[1]):.3f}")
        figures.setdefault("trafilatura", {})[f] = {
            "with": w[0] / max(1, w[1]), "drop": d[0] / max(1, d[1])}

if a.json:
    json.dump(figures, open(a.json, "w"), indent=1)
