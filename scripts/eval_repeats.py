#!/usr/bin/env python3
"""Runs the CLI over a repeats benchmark and scores it with the benchmark's own scorer.

Usage: scripts/eval_repeats.py [--bench DIR] [--cli PATH] [--out preds.json] [scorer args...]

Each page's `page.html` goes through `dossier analyze --json`; every repeat group becomes one
scorer group whose members are the texts of its original and copy blocks and whose `repeats`
are the copies (the scorer maps texts to its gold blocks), with the group's `action` (fold or
mark; the natural set's scorer, ../shared/data/repeats-dev-natural, scores folds apart).
On the natural set, pages are split into a dev part and a held-out part by a stable hash of
the page's name (`held_out`): tune on dev only. Each part is scored apart (fold P/R/F1 overall and
per gold kind, and per gold kind how often the report's `role` of a copy names that kind); per-page
errors and misnamed copies are written for dev only (--dev-errors), never for held-out.
Standard library only.
"""
import argparse, json, os, subprocess, sys, glob

ap = argparse.ArgumentParser()
ap.add_argument("--bench", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "repeats-dev"))
ap.add_argument("--cli", default=os.path.join(os.path.dirname(__file__), "..", "target", "release", "dossier"))
ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "target", "repeats-preds.json"))
ap.add_argument("--dev-errors", default=os.path.join(os.path.dirname(__file__), "..", "target", "repeats-natural-dev-errors.json"))
a, rest = ap.parse_known_args()

bench = os.path.abspath(a.bench)
if not os.path.isdir(bench) or not os.path.exists(os.path.join(bench, "score.py")):
    sys.exit(f"eval-repeats: no benchmark at {bench}\n"
             "It lives in ../shared/data/repeats-dev next to the project (not part of a clone); "
             "pass --bench DIR to point elsewhere.")

sys.path.insert(0, bench)
import evallib as E  # the benchmark's own normalisation


import score as S  # the scorer's own text -> gold block mapping
import hashlib
from collections import defaultdict

HELD_OUT_PERCENT = 30


def held_out(pid):
    """Whether a page of the natural set is held out: a stable hash of its base page name (the id
    after "-trafilatura-", so renumbering the set does not move pages between parts)."""
    name = pid.split("-trafilatura-", 1)[-1]
    return int(hashlib.sha1(name.encode()).hexdigest(), 16) % 100 < HELD_OUT_PERCENT


def fold_by_kind(gold, per_page):
    """Fold P/R/F1 per gold kind. A correct fold counts for the kind of its gold group; a false
    fold counts for the kind of the gold group it belongs to (a mark-only line, an original that
    was folded), else the pattern of the look-alike it is in, else "unlabelled"."""
    t = defaultdict(lambda: [0, 0, 0])
    for pid, pp in per_page.items():
        g = gold[pid]
        kind_of, other_of = {}, {}
        for grp in g["groups"]:
            for r in grp["repeats"]:
                if grp["action"] == "fold":
                    kind_of[r] = grp["kind"]
                else:
                    other_of.setdefault(r, grp["kind"] + " (mark)")
            for o in grp["originals"]:
                other_of.setdefault(o, grp["kind"] + " (original)")
        for n in g.get("negatives", []):
            for m in n["members"]:
                other_of.setdefault(m, "none:" + n.get("pattern", n["kind"]))
        pred, gf = set(pp["pred_fold_repeats"]), set(pp["gold_fold_repeats"])
        for i in pred & gf:
            t[kind_of.get(i, "?")][0] += 1
        for i in pred - gf:
            t[other_of.get(i, "unlabelled")][1] += 1
        for i in gf - pred:
            t[kind_of.get(i, "?")][2] += 1
    return {k: S.prf(*v) for k, v in sorted(t.items())}


# The report's `role` of a copy, as the natural set's gold kinds name it.
ROLE_KINDS = {"paragraph": {"para_repeat"}, "pull-quote": {"pullquote"}, "standfirst": {"summary"},
              "teaser": {"teaser"}, "related-link": {"related_link"}, "caption": {"caption"},
              "headline": {"heading_echo"}, "credit": {"credit_short"}, "dateline": {"dateline"},
              "boilerplate": {"boilerplate", "boilerplate_short"}, "embedded-quote": {"embed_quote"},
              "other": {"other"}}


def roles_by_kind(gold, roles):
    """How often the reported `role` of a copy names what the gold calls it: per gold kind, the
    gold repeats (fold and mark) that are reported as a copy, and how many of those carry the
    matching role. Returns ({kind: [named right, found]}, [(page, block, kind, role)] misnamed)."""
    t, wrong = defaultdict(lambda: [0, 0]), []
    for pid, g in gold.items():
        ours = roles.get(pid, {})
        for grp in g["groups"]:
            for r in grp["repeats"]:
                role = ours.get(r)
                if role is None:
                    continue
                ok = grp["kind"] in ROLE_KINDS.get(role, ())
                t[grp["kind"]][0] += ok
                t[grp["kind"]][1] += 1
                if not ok:
                    wrong.append(dict(page=pid, block=r, kind=grp["kind"], role=role,
                                      text=g["blocks"][r]["text"][:120]))
    return dict(sorted(t.items())), wrong


def report_natural(preds, bench):
    gold = S.load_gold(bench)
    parts = {"dev": {k: v for k, v in gold.items() if not held_out(k)},
             "held-out": {k: v for k, v in gold.items() if held_out(k)}}
    for name, g in parts.items():
        res, per_page = S.score(preds, g)
        f, m = res["fold"], res["member"]
        print(f"== natural {name}: {len(g)} pages ==")
        print(f"  fold    P={f['precision']:.3f} R={f['recall']:.3f} F1={f['f1']:.3f}  (tp={f['tp']} fp={f['fp']} fn={f['fn']})")
        print(f"  member  P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f}")
        hn = res["hard_negatives"]
        print(f"  hard-negative pairs predicted: {hn['pairs_predicted']}   pages without repeats with a pair: "
              f"{res['pages']['clean_with_fp']}/{res['pages']['clean']}")
        print("  fold by kind (false folds by what they hit):")
        for k, r in fold_by_kind(g, per_page).items():
            print(f"    {k:28s} P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f}  (tp={r['tp']} fp={r['fp']} fn={r['fn']})")
        named, wrong = roles_by_kind(g, ROLES)
        right, found = sum(v[0] for v in named.values()), sum(v[1] for v in named.values())
        print(f"  role names the gold kind: {right}/{found} = {right / max(found, 1):.3f} of the gold repeats reported as copies")
        for k, (r, n) in named.items():
            print(f"    {k:28s} {r}/{n}")
        if name == "dev" and a.dev_errors:
            json.dump(dict(summary=res, per_page=per_page, misnamed=wrong), open(a.dev_errors, "w"), indent=1)


def to_gold(gold, texts):
    """Maps every one of our blocks, in document order, to a gold block index the way the scorer
    maps a member text (normalised exact match to the first unused block, then near matches),
    with one `used` set for the whole page: the third copy of a teaser maps to the third gold
    copy, not to the second as it would if each group were mapped on its own."""
    mp = S.Mapper(gold)
    used, out = set(), []
    for t in texts:
        i = mp.map(t, used)
        if i is not None:
            used.add(i)
        out.append(i)
    return out


preds = {}
# Per page: gold block of each copy -> the report's `role` for it.
ROLES = {}
for page in sorted(glob.glob(os.path.join(bench, "*", "page.html"))):
    pid = os.path.basename(os.path.dirname(page))
    out = subprocess.run([a.cli, "analyze", page, "--json"], capture_output=True, check=True)
    rep = json.loads(out.stdout)
    texts = [b["text"] for b in rep["blocks"]]
    gold = json.load(open(os.path.join(os.path.dirname(page), "gold.json")))["blocks"]
    gold_of = to_gold(gold, texts)
    groups = []
    for g in rep["repeats"]:
        ours = sorted(set(g["original"] + g["copies"]))
        groups.append({"members": [gold_of[i] for i in ours if gold_of[i] is not None],
                       "repeats": [gold_of[i] for i in g["copies"] if gold_of[i] is not None],
                       "action": g.get("action", "fold")})
    preds[pid] = groups
    ROLES[pid] = {gold_of[c]: g.get("role", "other") for g in rep["repeats"] for c in g["copies"]
                  if gold_of[c] is not None}

os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
json.dump(preds, open(a.out, "w"), ensure_ascii=False, indent=1)
if all("negatives" in json.load(open(f)) for f in glob.glob(os.path.join(bench, "*", "gold.json"))[:3]):
    # The natural set: dev and held-out apart, nothing of held-out beyond its totals.
    report_natural(preds, bench)
    sys.exit(0)
sys.exit(subprocess.run([sys.executable, os.path.join(bench, "score.py"), a.out, "--bench", bench] + rest).returncode)
