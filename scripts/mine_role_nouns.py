#!/usr/bin/env python3
"""Mines candidate English role nouns for lexicon/entities/role-nouns-en.txt.

Lowercase nouns (by their most frequent CoNLL-2003 POS tag, NN/NNS; words
CoNLL never saw: an agent-noun ending) that stand right before a person in
the training data ("striker Alan Shearer") or head an apposition after one
("X, a student at ..."), at least 3 times and in at least 2% of their
occurrences. The output is a list to prune by hand (kinship and generic
nouns out), not the lexicon itself.

usage: scripts/mine_role_nouns.py [SHARED_DIR]   (default ../shared)
Standard library only.
"""
import collections, os, re, sys

shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared")
ner = os.path.join(shared, "data", "ner")
STOPS = (",", ".", "of", "at", "for", "in", "who", "with", "and", "to", "said", "says")


def sents(path, sep):
    s = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("-DOCSTART-"):
            if s:
                yield s
            s = []
            continue
        p = line.split(sep)
        s.append((p[0], p[-1]))
    if s:
        yield s


pre, app, tot = collections.Counter(), collections.Counter(), collections.Counter()
for name, sep in [("conll2003-eng.train", " "), ("gmb-voa.tsv", "\t"), ("wikigold.conll", " ")]:
    for s in sents(os.path.join(ner, name), sep):
        per = [t.lower().endswith("per") for _, t in s]
        for i, (w, _) in enumerate(s):
            if w.islower():
                tot[w] += 1
            if per[i] and i > 0 and not per[i - 1] and s[i - 1][0].isalpha() and s[i - 1][0].islower():
                pre[s[i - 1][0]] += 1
            if per[i] and i + 1 < len(s) and not per[i + 1] and s[i + 1][0] == ",":
                j = i + 2
                if j < len(s) and s[j][0].lower() in ("a", "an", "the"):
                    j += 1
                k, head = j, None
                while k < len(s) and k < j + 5 and s[k][0] not in STOPS:
                    if s[k][0].isalpha() and s[k][0].islower():
                        head = s[k][0]
                    k += 1
                if head and k < len(s) and s[k][0] in STOPS[:-2]:
                    app[head] += 1
pos = collections.defaultdict(collections.Counter)
for line in open(os.path.join(ner, "conll2003-eng.train"), encoding="utf-8"):
    p = line.split()
    if len(p) == 4:
        pos[p[0]][p[1]] += 1
for w, n in (pre + app).most_common():
    if n < 3 or n / max(tot[w], 1) < 0.02:
        continue
    if w in pos:
        if pos[w].most_common(1)[0][0] not in ("NN", "NNS"):
            continue
    elif not re.search(r"(er|or|ist|ian|ant|ent|man|woman|ee|ive|ess)$", w):
        continue
    print(w)
