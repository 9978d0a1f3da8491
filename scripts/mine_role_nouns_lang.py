#!/usr/bin/env python3
"""Mines candidate role nouns of another language for lexicon/entities/titles-<lang>.txt.

Lowercase words that stand right before a person (B-PER) in the language's
training split of ../shared/data/ner-multi ("der Bürgermeister Fritz Kuhn",
"el cantante Armando Manzanero"), at least 3 times and in at least 10% of
their occurrences, and the first word after "PER ," (an apposition). The
output is a list to prune by hand (speech verbs, prepositions, kinship and
nationality words out), not the lexicon itself.

usage: scripts/mine_role_nouns_lang.py LANG [SHARED_DIR] [N]   (default ../shared, 80)
Standard library only.
"""
import collections, os, sys

lang = sys.argv[1]
shared = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "..", "shared")
n = int(sys.argv[3]) if len(sys.argv) > 3 else 80
path = os.path.join(shared, "data", "ner-multi", lang, "train.tsv")
ARTICLES = ("der", "die", "das", "el", "la", "le", "il", "lo", "o", "a", "de", "het", "l'", "l’")


def sents():
    s = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("-DOCSTART-"):
            if s:
                yield s
            s = []
            continue
        p = line.split("\t")
        s.append((p[0], p[1] if len(p) > 1 else "O"))
    if s:
        yield s


pre, app, tot = collections.Counter(), collections.Counter(), collections.Counter()
for s in sents():
    for i, (w, t) in enumerate(s):
        tot[w.lower()] += 1
        if t == "B-PER" and i > 0 and s[i - 1][1] == "O" and s[i - 1][0].isalpha():
            pre[s[i - 1][0].lower()] += 1
        if t.endswith("PER") and i + 2 < len(s) and s[i + 1] == (",", "O"):
            j = i + 2
            if s[j][0].lower() in ARTICLES:
                j += 1
            if j < len(s) and s[j][1] == "O" and s[j][0].isalpha():
                app[s[j][0].lower()] += 1
print("before a name:", [(w, c) for w, c in pre.most_common(400) if c >= 3 and c / tot[w] >= 0.1][:n])
print("after 'NAME ,':", [(w, c) for w, c in app.most_common(200) if c >= 3][:n])
