#!/usr/bin/env python3
"""Lists every entity on the German and Spanish real pages that is a dictionary word.

Issue 25: "no common noun as an entity on the German and Spanish real pages of
../shared/data/pages (a check listing every entity that is a dictionary word, reviewed by
hand)". The dictionary is built from each language's training split
(../shared/data/ner-multi/<lang>/train.tsv), independently of the tagger's own lists:

  a word is a dictionary word when, away from a sentence's first token, it is seen
  at least 3 times and either
    - written lower case at least 3 times as often as capitalised ("gobierno",
      "presidente": Spanish common nouns), or
    - capitalised and outside every entity (tag O) in at least 90% of its
      occurrences (German nouns: "Jahre", "Mitteilung", "Liste").

An entity is listed when every word of its name of three letters or more is a
dictionary word or a small word ("Liste der Künstler", "Welche Chancen", "Gobierno").
The list is for review by hand: a real name made of dictionary words ("Deutsche Bank",
"Grüne") is listed too, and is judged so in docs/ner-languages.md.

  python3 scripts/common_nouns.py --pages ../shared/data/pages --ner-multi ../shared/data/ner-multi \
      [--reports FILE.jsonl] [--langs de es] [--quiet]

Without --reports it runs `target/release/dossier analyze --jsonl` on the pages. Prints each
listed entity with its page, and a final line `COMMON-NOUNS <lang>=<n> ...` (entities listed,
per language, over the pages detected in that language).
"""
import argparse
import collections
import json
import os
import subprocess
import sys

SMALL = {
    "de": {"der", "die", "das", "des", "dem", "den", "und", "von", "vom", "zu", "zum", "zur", "im", "in", "am", "an", "für", "mit", "auf", "bei", "aus", "ein", "eine", "einer", "eines"},
    "es": {"el", "la", "los", "las", "de", "del", "y", "e", "en", "a", "al", "por", "para", "con", "un", "una", "unos", "unas"},
}


def dictionary(path):
    """Words (lower-cased) that the training split uses as common words."""
    lower = collections.Counter()
    cap = collections.Counter()
    cap_o = collections.Counter()
    first = True
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("-DOCSTART-"):
                first = True
                continue
            parts = line.split("\t")
            w, tag = parts[0], parts[-1]
            if first:
                first = False
                continue
            if not w[:1].isalpha():
                continue
            k = w.lower()
            if w[0].isupper():
                cap[k] += 1
                if tag == "O":
                    cap_o[k] += 1
            else:
                lower[k] += 1
    words = set()
    for k in set(lower) | set(cap):
        n = lower[k] + cap[k]
        if n < 3:
            continue
        if lower[k] >= 3 * cap[k] or (cap[k] >= 3 and cap_o[k] >= 0.9 * cap[k]):
            words.add(k)
    return words


def is_common(name, words, small):
    toks = [t.strip(".,;:!?\"'«»„“”()") for t in name.split()]
    toks = [t for t in toks if t]
    content = [t for t in toks if t.lower() not in small]
    if not content:
        return True
    long = [t for t in content if len(t) >= 3]  # "EU", "A6": acronyms, not words
    return bool(long) and all(t.lower() in words for t in long)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", default="../shared/data/pages")
    ap.add_argument("--ner-multi", default="../shared/data/ner-multi")
    ap.add_argument("--reports", help="JSONL of `dossier analyze --jsonl` (else run the CLI)")
    ap.add_argument("--cli", default="target/release/dossier")
    ap.add_argument("--langs", nargs="+", default=["de", "es"])
    ap.add_argument("--quiet", action="store_true", help="only the counts")
    a = ap.parse_args()
    if a.reports:
        lines = open(a.reports, encoding="utf-8").read().splitlines()
    else:
        out = subprocess.run([a.cli, "analyze", "--jsonl", a.pages, "--no-text", "--no-progress"],
                             check=True, capture_output=True, text=True).stdout
        lines = out.splitlines()
    dicts = {l: dictionary(os.path.join(a.ner_multi, l, "train.tsv")) for l in a.langs}
    listed = collections.Counter()
    entities = collections.Counter()
    pages = collections.Counter()
    for line in lines:
        d = json.loads(line)
        r = d.get("report")
        if not r or not d.get("path", "").endswith("source.html"):
            continue
        lang = r["language"]["code"]
        if lang not in dicts:
            continue
        pages[lang] += 1
        page = os.path.relpath(os.path.dirname(d["path"]), a.pages)
        for e in r["entities"]:
            entities[lang] += 1
            if is_common(e["name"], dicts[lang], SMALL.get(lang, set())):
                listed[lang] += 1
                if not a.quiet:
                    print(f"{lang}\t{page}\t{e['type']}\t{e['name']}\t{len(e['mentions'])}")
    print("COMMON-NOUNS " + " ".join(
        f"{l}={listed[l]}/{entities[l]} entities on {pages[l]} pages" for l in a.langs))


if __name__ == "__main__":
    sys.exit(main())
