//! How blocks are compared: each eligible block tokenised and cut into
//! hashed shingles, matches between two blocks reduced to one monotone
//! chain, and what each block covers of the other (steps 1 to 3 and 5 of
//! the module's algorithm).

use super::kinds::hint_parts_match;
use crate::article::{link_density, ArticleInfo};
use crate::hash::{fnv, FNV_OFFSET};
use crate::lexicon::Words;
use crate::page::{Block, Page};
use crate::text::{tokenize, Token, TokenKind};

/// Tokens per shingle. Five words is long enough that unrelated paragraphs
/// rarely share one, and short enough that an edit every few words still
/// leaves matches between the edits.
pub const SHINGLE: usize = 5;
/// Blocks remembered per shingle; a phrase shared by more blocks than this
/// is page furniture and adds nothing.
pub(super) const MAX_POSTINGS: usize = 8;

pub(super) struct Prepared {
    pub(super) toks: Vec<Vec<Token>>,
    /// Per token: proper name or number not at a sentence start.
    pub(super) fact: Vec<Vec<bool>>,
    pub(super) weight: Vec<f32>,
    pub(super) eligible: Vec<bool>,
    pub(super) shingles: Vec<Vec<u64>>,
}

/// Capitalised only because they start a sentence: not names. A short list
/// of the commonest sentence starters of the languages news is written in;
/// anything else capitalised at a sentence start may be a name.
static COMMON_STARTERS: Words =
    Words::new(include_str!("../../lexicon/repeats/common-starters.txt"));

/// Whether `word` is one of [`COMMON_STARTERS`], in any case (the list is
/// ASCII, so no lower-cased copy is needed).
pub(super) fn is_common_starter(word: &str) -> bool {
    COMMON_STARTERS.iter().any(|s| s.eq_ignore_ascii_case(word))
}

pub(super) fn sentence_initial(text: &str, start: usize) -> bool {
    for c in text[..start].chars().rev() {
        if c.is_whitespace() || matches!(c, '"' | '“' | '«' | '‘' | '\'' | '(' | '[' | '„') {
            continue;
        }
        return matches!(c, '.' | '!' | '?' | ':' | '…' | '。' | '—' | '-' | '–');
    }
    true
}

/// Whether block `b` sits in an `<aside>` inside the article's container
/// whose class names a pull-quote or callout (`aside.pullquote-embed`): an
/// aside is page furniture elsewhere, but this one quotes the article.
fn quote_box_in_article(page: &Page, info: &ArticleInfo, b: usize) -> bool {
    let Some(c) = info.container else {
        return false;
    };
    let path = &page.blocks[b].path;
    path.iter().position(|&e| e == c).is_some_and(|at| {
        path[at + 1..].iter().any(|&e| {
            page.elements
                .get(e as usize)
                .is_some_and(|el| el.tag == "aside" && hint_parts_match(&el.hints))
        })
    })
}

pub(super) fn prepare(page: &Page, info: &ArticleInfo) -> Prepared {
    let n = page.blocks.len();
    let mut p = Prepared {
        toks: Vec::with_capacity(n),
        fact: Vec::with_capacity(n),
        weight: Vec::with_capacity(n),
        eligible: Vec::with_capacity(n),
        shingles: Vec::with_capacity(n),
    };
    for (i, b) in page.blocks.iter().enumerate() {
        let ok = eligible(b) && (!info.furniture[i] || quote_box_in_article(page, info, i));
        let mut toks = if ok { tokenize(&b.text) } else { Vec::new() };
        toks.truncate(toks.len() - credit_tail(&b.text, &toks));
        let fact = toks
            .iter()
            .map(|t| {
                t.kind == TokenKind::Number
                    || (t.upper
                        && (!sentence_initial(&b.text, t.start)
                            || !is_common_starter(&b.text[t.start..t.end])))
            })
            .collect();
        let weight = toks.iter().map(Token::weight).sum();
        let sh = shingles(&toks);
        p.eligible.push(ok && !toks.is_empty());
        p.toks.push(toks);
        p.fact.push(fact);
        p.weight.push(weight);
        p.shingles.push(sh);
    }
    p
}

/// Most tokens of a credit after a caption's last sentence.
const CREDIT_MAX: usize = 4;

/// How many trailing tokens are a credit appended after the last sentence
/// (a caption's "… befestigt. © Hoklatherm", "… kanssa. Kuva: ALEXANDER
/// BECHER", "… stehen ... Archivfoto: ON"): at most [`CREDIT_MAX`] tokens
/// after a full stop or an ellipsis, opening with "©" or with one or two
/// words and a colon. Left out of the comparison, so that a caption quoting
/// the article is not taken for other facts (a name the paragraph lacks).
pub(super) fn credit_tail(text: &str, toks: &[Token]) -> usize {
    let n = toks.len();
    for k in (n.saturating_sub(CREDIT_MAX)..n).rev() {
        // The tail is toks[k..]: what sits between toks[k - 1] and toks[k]
        // must end a sentence and open a credit.
        let Some(prev) = k.checked_sub(1).map(|j| &toks[j]) else {
            break;
        };
        let gap = &text[prev.end..toks[k].start];
        let ends = gap.contains('.') || gap.contains('…') || gap.contains('!') || gap.contains('?');
        if !ends {
            continue;
        }
        let tail = &text[toks[k].start..];
        let opens_credit = gap.trim_end().ends_with('©') || {
            // One or two words, then a colon.
            let head = tail.split(':').next().unwrap_or("");
            tail.contains(':') && !head.is_empty() && head.split_whitespace().count() <= 2
        };
        // Only the last sentence's tail: nothing in it ends a sentence.
        let closed = tail.trim_end().ends_with(['.', '!', '?']);
        return if opens_credit && !closed && k >= CREDIT_MAX {
            n - k
        } else {
            0
        };
    }
    0
}

pub(super) fn eligible(b: &Block) -> bool {
    b.visible
        && !matches!(
            b.tag.as_str(),
            "td" | "th" | "pre" | "code" | "button" | "option" | "label"
        )
        && link_density(b) < 0.5
        && !is_breadcrumb(&b.text)
}

/// "Home / News / Headline", "Start » Thema » Headline", "x | 5 Kommentare":
/// navigation trails and widget labels that happen to contain real text.
pub(super) fn is_breadcrumb(text: &str) -> bool {
    // Two separators need two of their bytes ('/', '>', '|', ':', or the
    // last byte of », ›, ·, •); nearly every paragraph has fewer, and
    // counting bytes is cheaper than splitting every block into words.
    let maybe = text
        .bytes()
        .filter(|b| matches!(b, b'/' | b'>' | b'|' | b':' | 0xBB | 0xBA | 0xB7 | 0xA2))
        .count();
    if maybe < 2 {
        return false;
    }
    let sep = |w: &str| matches!(w, "/" | "»" | "›" | ">" | "|" | "·" | "•" | "::");
    let seps = text.split_whitespace().filter(|w| sep(w)).count();
    if seps < 2 {
        return false;
    }
    // A trail's steps are short (a section, a site's name); only its last
    // may be a headline. Sentences between slashes are a note or a
    // disclaimer ("Letzte Aktualisierung am 2.02.2022 / Bei den
    // Verlinkungen handelt es sich um Affiliate Links / …").
    let mut step = 0;
    for w in text.split_whitespace() {
        if sep(w) {
            if step > TRAIL_STEP_WORDS {
                return false;
            }
            step = 0;
        } else {
            step += 1;
        }
    }
    true
}

/// Most words of a step of a navigation trail before its last.
const TRAIL_STEP_WORDS: usize = 5;

/// The blocks (and positions) a shingle was seen at, first first. Nearly
/// every shingle of a page is seen once: that one is kept inline, so the
/// index makes no allocation per shingle.
pub(super) struct Postings {
    pub(super) first: (u32, u32),
    pub(super) rest: Vec<(u32, u32)>,
}

impl Postings {
    pub(super) fn len(&self) -> usize {
        1 + self.rest.len()
    }

    pub(super) fn last(&self) -> (u32, u32) {
        self.rest.last().copied().unwrap_or(self.first)
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = &(u32, u32)> {
        std::iter::once(&self.first).chain(&self.rest)
    }
}

pub(super) fn shingles(toks: &[Token]) -> Vec<u64> {
    if toks.is_empty() {
        return Vec::new();
    }
    if toks.len() < SHINGLE {
        // One hash for the whole short block, marked so that it cannot equal
        // a full-length shingle.
        let h = toks
            .iter()
            .fold(FNV_OFFSET ^ 0x5bd1_e995, |h, t| fnv(h, t.hash));
        return vec![h];
    }
    toks.windows(SHINGLE)
        .map(|w| w.iter().fold(FNV_OFFSET, |h, t| fnv(h, t.hash)))
        .collect()
}

/// How two blocks overlap: the chain of matching shingles and the coverage
/// it gives each side.
#[derive(Clone, Debug)]
pub(super) struct Relation {
    pub(super) a: usize,
    /// (position in b, position in a) of matching shingles, increasing in both.
    pub(super) chain: Vec<(u32, u32)>,
    pub(super) cov_a: Vec<bool>,
    pub(super) cov_b: Vec<bool>,
    pub(super) frac_a: f32,
    pub(super) frac_b: f32,
}

pub(super) fn covered(n: usize, positions: impl Iterator<Item = u32>) -> Vec<bool> {
    let mut c = vec![false; n];
    let k = SHINGLE.min(n);
    for p in positions {
        let p = p as usize;
        for x in c.iter_mut().skip(p).take(k) {
            *x = true;
        }
    }
    c
}

pub(super) fn weight_of(toks: &[Token], mask: &[bool]) -> f32 {
    toks.iter()
        .zip(mask)
        .filter(|(_, &m)| m)
        .map(|(t, _)| t.weight())
        .sum()
}

/// Longest chain of matches increasing in both positions (patience sorting).
pub(super) fn monotone_chain(mut m: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    m.sort_unstable();
    m.dedup();
    // tails[k] = index into m of the smallest j ending a chain of length k+1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<usize> = vec![usize::MAX; m.len()];
    for idx in 0..m.len() {
        let (i, j) = m[idx];
        // strictly increasing in i as well: among equal i, only one may be taken
        let pos = tails.partition_point(|&t| m[t].1 < j && m[t].0 < i);
        if pos > 0 {
            prev[idx] = tails[pos - 1];
        }
        if pos == tails.len() {
            tails.push(idx);
        } else if m[tails[pos]].1 > j || m[tails[pos]].0 == i {
            tails[pos] = idx;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut cur = tails.last().copied().unwrap_or(usize::MAX);
    while cur != usize::MAX {
        out.push(m[cur]);
        cur = prev[cur];
    }
    out.reverse();
    out
}

pub(super) fn relate(p: &Prepared, a: usize, b: usize, matches: Vec<(u32, u32)>) -> Relation {
    let chain = monotone_chain(matches);
    let cov_b = covered(p.toks[b].len(), chain.iter().map(|c| c.0));
    let cov_a = covered(p.toks[a].len(), chain.iter().map(|c| c.1));
    let frac_a = weight_of(&p.toks[a], &cov_a) / p.weight[a].max(f32::MIN_POSITIVE);
    let frac_b = weight_of(&p.toks[b], &cov_b) / p.weight[b].max(f32::MIN_POSITIVE);
    Relation {
        a,
        chain,
        cov_a,
        cov_b,
        frac_a,
        frac_b,
    }
}

/// Whether the two blocks differ by a substituted proper name or number:
/// the mark of a template filled with other facts ("Dunkirk is streaming on
/// HBO" / "Rat Film is streaming on HBO"), not of a copy.
///
/// Looks at each stretch of uncovered tokens between two matching anchors,
/// and at the stretches before the first and after the last anchor (on the
/// longer side only as far back as the shorter side reaches, since a piece
/// of a longer paragraph legitimately lacks the rest of it).
pub(super) fn substitutes_facts(p: &Prepared, r: &Relation, b: usize) -> bool {
    let a = r.a;
    let Some(&(fi, fj)) = r.chain.first() else {
        return false;
    };
    let &(li, lj) = r.chain.last().unwrap_or(&(fi, fj));
    let (fi, fj, li, lj) = (fi as usize, fj as usize, li as usize, lj as usize);
    let (na, nb) = (p.toks[a].len(), p.toks[b].len());
    // (range in a, range in b) of each stretch to compare.
    let mut stretches: Vec<((usize, usize), (usize, usize))> = Vec::new();
    let lead = fi.min(fj) + 2;
    stretches.push(((fj.saturating_sub(lead), fj), (fi.saturating_sub(lead), fi)));
    for w in r.chain.windows(2) {
        let (i0, j0, i1, j1) = (
            w[0].0 as usize,
            w[0].1 as usize,
            w[1].0 as usize,
            w[1].1 as usize,
        );
        if i1 - i0 > 1 || j1 - j0 > 1 {
            stretches.push(((j0, j1 + SHINGLE), (i0, i1 + SHINGLE)));
        }
    }
    let tail = (na - lj).min(nb - li) + 2;
    stretches.push(((lj, (lj + tail).min(na)), (li, (li + tail).min(nb))));
    for ((alo, ahi), (blo, bhi)) in stretches {
        let facts = |side: usize, cov: &[bool], lo: usize, hi: usize| -> Vec<u64> {
            (lo..hi.min(cov.len()))
                .filter(|&x| !cov[x] && p.fact[side][x])
                .map(|x| p.toks[side][x].hash)
                .collect()
        };
        let fa = facts(a, &r.cov_a, alo, ahi);
        let fb = facts(b, &r.cov_b, blo, bhi);
        // Words that merely moved are not substitutions.
        if fa.iter().any(|h| !fb.contains(h)) && fb.iter().any(|h| !fa.contains(h)) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breadcrumbs_need_two_separator_words() {
        for (text, want) in [
            ("Home / News / Headline", true),
            ("Start » Thema » Headline", true),
            ("Politik › Ausland › Wahl in Kambodscha", true),
            ("News • World • Asia", true),
            ("Sport · Fußball | Bundesliga", true),
            ("Home :: Forum :: Thread", true),
            ("Latest > Business > Markets", true),
            ("Home / News", false),
            ("utopia.de » News » Polarisierende BH-Werbung: Kim Kardashian, Eisberge und falsche Nippel", true),
            // A note whose parts are sentences (haus.de, an affiliate disclaimer
            // under every product box).
            ("Letzte Aktualisierung am 2.02.2022 / Bei den Verlinkungen handelt es sich um Affiliate Links / Bilder von der Amazon Product Advertising API", false),
            // Separator characters inside words are not separators.
            ("Prices rose 3/4 and 1/2 a point, a 50/50 split.", false),
            ("He said: “Ratio 2:1”, and left at 10:30.", false),
            (
                "The “ruling” party’s result — 68 of 123 seats • counted",
                false,
            ),
            ("", false),
        ] {
            assert_eq!(is_breadcrumb(text), want, "{text:?}");
        }
    }
}
