#!/usr/bin/env python3
"""Writes a language's word-frequency bands for the tagger's EXT_FREQ features.

    python3 scripts/freq-bands.py LANG OUTDIR [--top N]

writes OUTDIR/freq1.txt .. freq4.txt, one lower-cased word a line: the language's
1,000 most frequent words, then ranks 1,000-5,000, 5,000-20,000 and 20,000-N (N = 30,000
by default). The ranks come from the PyPI package `wordfreq` (3.1.1; code Apache-2.0,
data CC BY-SA 4.0, from Wikipedia, subtitles, news, books, web text and social media:
https://github.com/rspeer/wordfreq). Only the band of each word goes into the model file,
as 24-bit hashes (two bytes a word); no text of the list is shipped.

wordfreq case-folds, so German "ß" is "ss" in it ("strasse"); a word with one "ss" is
also written with "ß", the form the tagger's lower-casing keeps.
"""
import argparse
import os
import sys

BANDS = [1000, 5000, 20000]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("lang")
    ap.add_argument("out")
    ap.add_argument("--top", type=int, default=30000)
    a = ap.parse_args()
    try:
        import wordfreq
    except ImportError:
        sys.exit("freq-bands.py needs the PyPI package wordfreq: python3 -m pip install wordfreq==3.1.1")
    words = [w for w in wordfreq.top_n_list(a.lang, a.top) if any(c.isalpha() for c in w)]
    os.makedirs(a.out, exist_ok=True)
    edges = [0] + [b for b in BANDS if b < a.top] + [a.top]
    seen = set()
    for k in range(4):
        band = words[edges[k]:edges[k + 1]] if k + 1 < len(edges) else []
        out = []
        for w in band:
            forms = [w]
            if a.lang == "de" and w.count("ss") == 1:
                forms.append(w.replace("ss", "ß"))
            for f in forms:
                if f not in seen:
                    seen.add(f)
                    out.append(f)
        with open(os.path.join(a.out, f"freq{k + 1}.txt"), "w", encoding="utf-8") as fh:
            fh.write("\n".join(out) + "\n")
        print(f"{a.lang} freq{k + 1}: {len(out)} words", file=sys.stderr)


if __name__ == "__main__":
    main()
