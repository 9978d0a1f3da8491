//! Finding repeated paragraphs, in time linear in the size of the page.
//!
//! # How
//!
//! 1. Every eligible block (visible, not page furniture, not a link list,
//!    not a table cell or code) is tokenised ([`crate::text`]) and cut into
//!    overlapping *shingles* of [`SHINGLE`] tokens, each reduced to a 64-bit
//!    hash. Blocks shorter than a shingle get one hash of all their tokens.
//! 2. One hash index maps each shingle to the first few blocks holding it.
//!    Walking the page in order, each block looks its shingles up and learns
//!    which *earlier* blocks share text with it, and where. No pair of blocks
//!    is compared unless they share a shingle, so the work is linear in the
//!    page (posting lists are capped, which also skips phrases every block
//!    of the page carries).
//! 3. For each pair that shares shingles, the matches are reduced to one
//!    monotone chain (a longest increasing subsequence), which says which
//!    tokens of each block are *covered* by the other. One edited word
//!    uncovers only that word, so coverage is robust to light edits, while
//!    reordered or merely similar text stays uncovered.
//! 4. Coverage decides the relation: both blocks mostly covered = the same
//!    paragraph (exact or near); the later one covered = a piece of the
//!    earlier (a split copy, a pull-quote); the earlier one covered inside
//!    a longer later one = a copy glued to new text (fold only that span),
//!    or, when the earlier block is decorative (a teaser, a standfirst), the
//!    decorative copy is folded instead of the body text.
//! 5. Template look-alikes (the same sentence with other names or numbers)
//!    are rejected by looking at what differs: a substituted number or
//!    proper name means different facts, not a repeat.
//! 6. Short lines (bylines, credits) are folded only as part of a run of
//!    repeated blocks, never on their own.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use crate::article::{link_density, ArticleInfo};
use crate::hash::{fnv, WordHashState, WordMap, FNV_OFFSET};
use crate::lexicon::Words;
use crate::page::{Block, Page};
use crate::report::{RepeatGroup, RepeatKind, Span};
use crate::text::{
    ends_with_ellipsis, folded_tokens, tokenize, utf16_len, utf16_offsets, Token, TokenKind,
};

/// Tokens per shingle. Five words is long enough that unrelated paragraphs
/// rarely share one, and short enough that an edit every few words still
/// leaves matches between the edits.
pub const SHINGLE: usize = 5;
/// Blocks remembered per shingle; a phrase shared by more blocks than this
/// is page furniture and adds nothing.
const MAX_POSTINGS: usize = 8;
/// Coverage above which a block counts as a copy of the other.
const FULL_COVER: f32 = 0.75;
/// Coverage above which a block counts as wholly contained in another.
const CONTAINED: f32 = 0.9;
/// Smallest copy folded on its own, in words (a CJK character counts half).
const MIN_WEIGHT: f32 = 8.0;
/// Smallest copy of the headline folded on its own.
const MIN_HEADLINE_WEIGHT: f32 = 3.0;
/// Smallest paragraphs compared inexactly. Below this, a changed word is a
/// different sentence ("consider all routable placements" / "consider all
/// placements"), not an edited copy.
const NEAR_MIN_WEIGHT: f32 = 15.0;

impl RepeatGroup {
    /// Whether the copy is whole blocks (fold the elements) rather than a
    /// part of a block (fold a range of text).
    pub fn is_whole(&self, page: &Page) -> bool {
        self.spans.iter().all(|s| {
            let t = &page.blocks[s.block as usize].text;
            s.start == 0 && s.end >= utf16_len(t)
        })
    }
}

/// Class/id fragments of decorative copies (pull-quotes, teasers, captions).
static DECORATIVE_HINTS: Words =
    Words::new(include_str!("../lexicon/repeats/decorative-hints.txt"));

/// Words that mark a blurb as site boilerplate rather than article text.
static BOILERPLATE_WORDS: Words =
    Words::new(include_str!("../lexicon/repeats/boilerplate-words.txt"));

fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn hint_parts_match(hints: &str) -> bool {
    hints
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
        .any(|p| DECORATIVE_HINTS.iter().any(|k| p.starts_with(k)))
}

/// Whether a block is decorative: a pull-quote, teaser, standfirst or caption
/// (by its tag, its container, its class, or a trailing ellipsis). Headings
/// never are: the headline is body text, its copy in a paragraph is not.
fn is_decorative(page: &Page, block_count: &[u32], b: usize) -> bool {
    let blk = &page.blocks[b];
    if blk.tag == "h1" {
        return false;
    }
    if is_heading(&blk.tag) {
        // A dek set as <h2 class="subheadline"> is decorative; a section
        // title is not.
        return hint_parts_match(&blk.hints);
    }
    if matches!(
        blk.tag.as_str(),
        "blockquote" | "figcaption" | "caption" | "aside"
    ) {
        return true;
    }
    if hint_parts_match(&blk.hints) || ends_with_ellipsis(&blk.text) {
        return true;
    }
    // A decorative container holds the one copy (a pull-quote box, a figure),
    // not the article: `<div class="description">` around the whole body is
    // no cue.
    blk.path.iter().rev().take(3).any(|&e| {
        block_count.get(e as usize).is_some_and(|&c| c <= 2)
            && page.elements.get(e as usize).is_some_and(|el| {
                matches!(
                    el.tag.as_str(),
                    "blockquote" | "figure" | "aside" | "header"
                ) || hint_parts_match(&el.hints)
            })
    })
}

struct Prepared {
    toks: Vec<Vec<Token>>,
    /// Per token: proper name or number not at a sentence start.
    fact: Vec<Vec<bool>>,
    weight: Vec<f32>,
    eligible: Vec<bool>,
    shingles: Vec<Vec<u64>>,
}

/// Capitalised only because they start a sentence: not names. A short list
/// of the commonest sentence starters of the languages news is written in;
/// anything else capitalised at a sentence start may be a name.
static COMMON_STARTERS: Words = Words::new(include_str!("../lexicon/repeats/common-starters.txt"));

/// Whether `word` is one of [`COMMON_STARTERS`], in any case (the list is
/// ASCII, so no lower-cased copy is needed).
fn is_common_starter(word: &str) -> bool {
    COMMON_STARTERS.iter().any(|s| s.eq_ignore_ascii_case(word))
}

fn sentence_initial(text: &str, start: usize) -> bool {
    for c in text[..start].chars().rev() {
        if c.is_whitespace() || matches!(c, '"' | '“' | '«' | '‘' | '\'' | '(' | '[' | '„') {
            continue;
        }
        return matches!(c, '.' | '!' | '?' | ':' | '…' | '。' | '—' | '-' | '–');
    }
    true
}

fn prepare(page: &Page, info: &ArticleInfo) -> Prepared {
    let n = page.blocks.len();
    let mut p = Prepared {
        toks: Vec::with_capacity(n),
        fact: Vec::with_capacity(n),
        weight: Vec::with_capacity(n),
        eligible: Vec::with_capacity(n),
        shingles: Vec::with_capacity(n),
    };
    for (i, b) in page.blocks.iter().enumerate() {
        let ok = eligible(b) && !info.furniture[i];
        let toks = if ok { tokenize(&b.text) } else { Vec::new() };
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

fn eligible(b: &Block) -> bool {
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
fn is_breadcrumb(text: &str) -> bool {
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
    let seps = text
        .split_whitespace()
        .filter(|w| matches!(*w, "/" | "»" | "›" | ">" | "|" | "·" | "•" | "::"))
        .count();
    seps >= 2
}

/// The blocks (and positions) a shingle was seen at, first first. Nearly
/// every shingle of a page is seen once: that one is kept inline, so the
/// index makes no allocation per shingle.
struct Postings {
    first: (u32, u32),
    rest: Vec<(u32, u32)>,
}

impl Postings {
    fn len(&self) -> usize {
        1 + self.rest.len()
    }

    fn last(&self) -> (u32, u32) {
        self.rest.last().copied().unwrap_or(self.first)
    }

    fn iter(&self) -> impl Iterator<Item = &(u32, u32)> {
        std::iter::once(&self.first).chain(&self.rest)
    }
}

fn shingles(toks: &[Token]) -> Vec<u64> {
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
struct Relation {
    a: usize,
    /// (position in b, position in a) of matching shingles, increasing in both.
    chain: Vec<(u32, u32)>,
    cov_a: Vec<bool>,
    cov_b: Vec<bool>,
    frac_a: f32,
    frac_b: f32,
}

fn covered(n: usize, positions: impl Iterator<Item = u32>) -> Vec<bool> {
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

fn weight_of(toks: &[Token], mask: &[bool]) -> f32 {
    toks.iter()
        .zip(mask)
        .filter(|(_, &m)| m)
        .map(|(t, _)| t.weight())
        .sum()
}

/// Longest chain of matches increasing in both positions (patience sorting).
fn monotone_chain(mut m: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
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

fn relate(p: &Prepared, a: usize, b: usize, matches: Vec<(u32, u32)>) -> Relation {
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
fn substitutes_facts(p: &Prepared, r: &Relation, b: usize) -> bool {
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

/// Decisions made so far, per block.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Free,
    /// Folded whole, as a copy of group `usize`.
    Copy(usize),
    /// Holds a folded part (glued copy); may still be an original elsewhere.
    PartCopy,
}

/// Finds the repeat groups of a page.
pub fn find_repeats(page: &Page, info: &ArticleInfo) -> Vec<RepeatGroup> {
    let n = page.blocks.len();
    let p = prepare(page, info);
    let folded_text: Vec<Option<String>> = (0..n)
        .map(|i| p.eligible[i].then(|| folded_tokens(&page.blocks[i].text, &p.toks[i])))
        .collect();
    let mut block_count = vec![0u32; page.elements.len()];
    for b in &page.blocks {
        for &e in &b.path {
            if let Some(c) = block_count.get_mut(e as usize) {
                *c += 1;
            }
        }
    }
    let decorative: Vec<bool> = (0..n)
        .map(|i| p.eligible[i] && is_decorative(page, &block_count, i))
        .collect();

    let cx = Ctx {
        page,
        p: &p,
        info,
        decorative,
        folded_text,
    };
    let mut st = State {
        groups: Vec::new(),
        role: vec![Role::Free; n],
        root: (0..n).collect(),
    };
    // Shingle hashes are FNV already: a multiply-shift hasher, not SipHash.
    // Sized up front: growing it rehashed every shingle seen so far.
    let shingle_count = (0..n)
        .filter(|&b| p.eligible[b])
        .map(|b| p.shingles[b].len())
        .sum();
    let mut index: WordMap<Postings> =
        WordMap::with_capacity_and_hasher(shingle_count, WordHashState);
    // (earlier block, position in b, position in it) of every match of b:
    // reused from block to block, since most blocks match nothing.
    let mut hits: Vec<(u32, u32, u32)> = Vec::new();
    for b in 0..n {
        if !p.eligible[b] {
            continue;
        }
        hits.clear();
        for (i, h) in p.shingles[b].iter().enumerate() {
            if let Some(post) = index.get(h) {
                hits.extend(post.iter().map(|&(a, j)| (a, i as u32, j)));
            }
        }
        for (i, h) in p.shingles[b].iter().enumerate() {
            let at = (b as u32, i as u32);
            match index.entry(*h) {
                Entry::Vacant(v) => {
                    v.insert(Postings {
                        first: at,
                        rest: Vec::new(),
                    });
                }
                Entry::Occupied(mut o) => {
                    let post = o.get_mut();
                    if post.len() < MAX_POSTINGS && post.last().0 != at.0 {
                        post.rest.push(at);
                    }
                }
            }
        }
        if hits.is_empty() {
            continue;
        }
        // Grouped by earlier block, in block order (relate sorts each
        // group's matches itself).
        hits.sort_unstable_by_key(|h| h.0);
        let rels: Vec<Relation> = hits
            .chunk_by(|x, y| x.0 == y.0)
            .map(|g| {
                relate(
                    &p,
                    g[0].0 as usize,
                    b,
                    g.iter().map(|h| (h.1, h.2)).collect(),
                )
            })
            .collect();
        decide(&cx, &mut st, b, rels);
    }
    let State {
        mut groups,
        mut role,
        root,
    } = st;
    let twins = Twins::of(&cx.folded_text);
    extend_runs(
        page,
        &p,
        &cx.folded_text,
        &twins,
        &mut groups,
        &mut role,
        &root,
    );
    label_kinds(page, &cx.folded_text, &twins, &mut groups);
    groups.sort_by_key(|g| (g.copies.first().copied(), g.original.first().copied()));
    groups
}

/// What the analysis knows about every block while it decides.
struct Ctx<'a> {
    page: &'a Page,
    p: &'a Prepared,
    info: &'a ArticleInfo,
    decorative: Vec<bool>,
    folded_text: Vec<Option<String>>,
}

/// The decisions so far.
struct State {
    groups: Vec<RepeatGroup>,
    role: Vec<Role>,
    /// The kept block a block stands for (itself unless it is a copy).
    root: Vec<usize>,
}

impl Ctx<'_> {
    fn whole(&self, i: usize) -> Span {
        Span {
            block: i as u32,
            start: 0,
            end: utf16_len(&self.page.blocks[i].text),
        }
    }

    fn heading(&self, i: usize) -> bool {
        is_heading(&self.page.blocks[i].tag)
    }

    /// Smallest weight of a copy folded on its own, given what it repeats.
    fn min_weight(&self, orig: usize) -> f32 {
        if self.page.blocks[orig].tag == "h1" {
            MIN_HEADLINE_WEIGHT
        } else {
            MIN_WEIGHT
        }
    }

    /// A copy must be article text or repeat article text: never fold inside
    /// navigation or a list of other stories.
    fn in_article(&self, copy: usize, orig: usize) -> bool {
        self.info.article[copy] || self.info.article[orig]
    }

    /// Coverage a piece must reach to count as contained: short pieces must
    /// be contained exactly, long ones may carry light edits.
    fn contained(&self, i: usize) -> f32 {
        if self.p.weight[i] >= NEAR_MIN_WEIGHT {
            FULL_COVER
        } else {
            CONTAINED
        }
    }
}

/// Decides what block `b` repeats, given its relations with earlier blocks.
fn decide(cx: &Ctx, st: &mut State, b: usize, rels: Vec<Relation>) {
    let p = cx.p;
    let free = |st: &State, i: usize| st.role[i] == Role::Free;
    // Best single source: most of b covered, then most of the source.
    let best = rels
        .iter()
        .filter(|r| !matches!(st.role[r.a], Role::Copy(_)) || r.frac_b >= FULL_COVER)
        .max_by(|x, y| {
            (x.frac_b.min(1.0), x.frac_a.min(1.0))
                .partial_cmp(&(y.frac_b.min(1.0), y.frac_a.min(1.0)))
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(y.a.cmp(&x.a))
        });
    let Some(best) = best else { return };
    let a = best.a;
    let exact = cx.folded_text[a] == cx.folded_text[b];

    // R1: the same paragraph twice (exact, or a few words changed).
    if best.frac_b >= FULL_COVER && best.frac_a >= FULL_COVER {
        let short = p.weight[a].min(p.weight[b]) < NEAR_MIN_WEIGHT;
        // List items of one shape ("consider all placements" / "consider all
        // routable placements") differ on purpose.
        let list = cx.page.blocks[a].tag == "li" && cx.page.blocks[b].tag == "li";
        if !exact && (short || list || substitutes_facts(p, best, b)) {
            return;
        }
        let sim = if exact {
            1.0
        } else {
            (weight_of(&p.toks[a], &best.cov_a) + weight_of(&p.toks[b], &best.cov_b))
                / (p.weight[a] + p.weight[b])
        };
        if cx.decorative[a] && !cx.decorative[b] && free(st, a) {
            // A teaser or standfirst above its body text: fold the teaser.
            if p.weight[a] >= MIN_WEIGHT && cx.in_article(a, b) {
                push_group(
                    st,
                    RepeatKind::Decorative,
                    vec![b],
                    vec![a],
                    sim,
                    vec![cx.whole(a)],
                );
            }
            return;
        }
        let orig = st.root[a];
        // Plain headings echoing headings are tables of contents; a heading
        // is folded only inside a run of copies (see `extend_runs`).
        if (cx.heading(b) && !cx.decorative[b])
            || p.weight[b] < cx.min_weight(orig)
            || !cx.in_article(b, orig)
        {
            return;
        }
        let kind = if cx.decorative[b] {
            RepeatKind::Decorative
        } else if exact {
            RepeatKind::Exact
        } else {
            RepeatKind::Near
        };
        push_group(st, kind, vec![orig], vec![b], sim, vec![cx.whole(b)]);
        return;
    }

    // R2: b is a piece of a longer earlier block (a split copy, a pull-quote,
    // a caption that quotes the text).
    if best.frac_b >= cx.contained(b) {
        if substitutes_facts(p, best, b) || (cx.heading(b) && !cx.decorative[b]) {
            return;
        }
        if cx.decorative[a] && !cx.decorative[b] && free(st, a) {
            // A caption or summary that quotes body text comes first: the
            // body paragraph is never the one folded. (A decorative block
            // already folded as a copy stands for its original, below.)
            return;
        }
        let orig = st.root[a];
        if p.weight[b] < MIN_WEIGHT || !cx.in_article(b, orig) {
            return;
        }
        if cx.decorative[b] {
            push_group(
                st,
                RepeatKind::Decorative,
                vec![orig],
                vec![b],
                best.frac_b,
                vec![cx.whole(b)],
            );
            return;
        }
        // A second piece of the same original joins the first piece's group.
        let prev = prev_eligible(p, b);
        if let Some(gi) = st.groups.iter().rposition(|g| {
            g.kind == RepeatKind::Partial
                && g.original == [orig as u32]
                && g.copies.last().map(|&c| c as usize) == prev
        }) {
            let g = &mut st.groups[gi];
            g.copies.push(b as u32);
            g.spans.push(cx.whole(b));
            g.similarity = g.similarity.min(round3(best.frac_b));
            st.role[b] = Role::Copy(gi);
            st.root[b] = orig;
            return;
        }
        push_group(
            st,
            RepeatKind::Partial,
            vec![orig],
            vec![b],
            best.frac_b,
            vec![cx.whole(b)],
        );
        return;
    }

    // R3/R4: whole earlier paragraphs inside b.
    let inside: Vec<&Relation> = rels
        .iter()
        .filter(|r| {
            r.frac_a >= CONTAINED
                && p.weight[r.a] >= MIN_WEIGHT
                && !matches!(st.role[r.a], Role::Copy(_))
                && (!cx.heading(r.a) || cx.decorative[r.a])
        })
        .collect();
    if inside.is_empty() {
        return;
    }
    // R4: several whole paragraphs that together make up b (a merge).
    let mut union = vec![false; p.toks[b].len()];
    for r in &inside {
        for (u, &c) in union.iter_mut().zip(&r.cov_b) {
            *u |= c;
        }
    }
    let union_frac = weight_of(&p.toks[b], &union) / p.weight[b];
    if inside.len() >= 2 && union_frac >= FULL_COVER && inside.iter().any(|r| cx.in_article(b, r.a))
    {
        let orig: Vec<usize> = inside.iter().map(|r| st.root[r.a]).collect();
        let kind = if cx.decorative[b] {
            RepeatKind::Decorative
        } else {
            RepeatKind::Partial
        };
        push_group(st, kind, orig, vec![b], union_frac, vec![cx.whole(b)]);
        return;
    }
    // R3: one whole paragraph inside b.
    for r in inside {
        let a = r.a;
        if substitutes_facts(p, r, b) || !cx.in_article(b, a) {
            continue;
        }
        let toks = &p.toks[b];
        let first_cov = r.cov_b.iter().position(|&c| c).unwrap_or(0);
        let last_cov = r.cov_b.iter().rposition(|&c| c).unwrap_or(0);
        let at_start = first_cov == 0;
        let at_end = last_cov + 1 >= toks.len();
        let just_before = prev_eligible(p, b) == Some(a);
        if free(st, a)
            && ((cx.decorative[a] && !cx.decorative[b])
                || (at_start && just_before && !cx.heading(a)))
        {
            // A pull-quote, teaser or standfirst before its body text.
            push_group(
                st,
                RepeatKind::Decorative,
                vec![b],
                vec![a],
                r.frac_a,
                vec![cx.whole(a)],
            );
            return;
        }
        if !at_end || cx.heading(a) {
            // Only a copy glued to the end of a paragraph is folded in part:
            // a sentence quoted mid-paragraph is the writer's own choice.
            continue;
        }
        // A copy of `a` glued to new text in `b`: fold only that part.
        let text = &cx.page.blocks[b].text;
        let start = extend_left(text, toks[first_cov].start);
        let end = extend_right(text, toks[last_cov].end);
        let offs = utf16_offsets(text, &[start, end]);
        st.groups.push(RepeatGroup {
            kind: RepeatKind::Partial,
            original: vec![st.root[a] as u32],
            copies: vec![b as u32],
            similarity: round3(r.frac_a),
            spans: vec![Span {
                block: b as u32,
                start: offs[0],
                end: offs[1],
            }],
        });
        st.role[b] = Role::PartCopy;
        return;
    }
}

fn round3(x: f32) -> f32 {
    (x.clamp(0.0, 1.0) * 1000.0).round() / 1000.0
}

fn prev_eligible(p: &Prepared, b: usize) -> Option<usize> {
    (0..b).rev().find(|&i| p.eligible[i])
}

/// Takes in an opening quote or bracket glued to the first copied word.
fn extend_left(text: &str, start: usize) -> usize {
    let mut s = start;
    for (i, c) in text[..start].char_indices().rev() {
        if matches!(
            c,
            '"' | '“' | '«' | '‘' | '\'' | '(' | '[' | '„' | '¿' | '¡'
        ) {
            s = i;
        } else {
            break;
        }
    }
    s
}

/// Takes in punctuation glued to the last copied word ("end.", "said.”").
fn extend_right(text: &str, end: usize) -> usize {
    let mut e = end;
    for (i, c) in text[end..].char_indices() {
        if c.is_whitespace() || c.is_alphanumeric() {
            break;
        }
        e = end + i + c.len_utf8();
    }
    e
}

fn push_group(
    st: &mut State,
    kind: RepeatKind,
    original: Vec<usize>,
    copies: Vec<usize>,
    similarity: f32,
    spans: Vec<Span>,
) {
    let gi = st.groups.len();
    let keep = original.first().copied().unwrap_or(0);
    for &c in &copies {
        st.role[c] = Role::Copy(gi);
        st.root[c] = keep;
    }
    st.groups.push(RepeatGroup {
        kind,
        original: original.into_iter().map(|x| x as u32).collect(),
        copies: copies.into_iter().map(|x| x as u32).collect(),
        similarity: round3(similarity),
        spans,
    });
}

/// Folds the short lines (bylines, credits, subheads) that were copied along
/// with a run of repeated paragraphs: a block that equals an earlier block,
/// next to a copy whose original lies next to that earlier block.
fn extend_runs(
    page: &Page,
    p: &Prepared,
    folded_text: &[Option<String>],
    twins: &Twins,
    groups: &mut Vec<RepeatGroup>,
    role: &mut [Role],
    root: &[usize],
) {
    let n = page.blocks.len();
    let mut root = root.to_vec();
    let eligible: Vec<usize> = (0..n).filter(|&i| p.eligible[i]).collect();
    // Position of each block among the eligible ones, to find neighbours.
    let mut pos = vec![usize::MAX; n];
    for (k, &i) in eligible.iter().enumerate() {
        pos[i] = k;
    }
    let run_original = |role: &[Role], groups: &[RepeatGroup], c: usize| -> Option<usize> {
        match role[c] {
            Role::Copy(g)
                if matches!(
                    groups[g].kind,
                    RepeatKind::Exact | RepeatKind::Near | RepeatKind::Block
                ) && groups[g].original.len() == 1 =>
            {
                Some(groups[g].original[0] as usize)
            }
            _ => None,
        }
    };
    // Forward then backward, twice: runs grow from both ends of a seed.
    for sweep in 0..4 {
        let order: Vec<usize> = if sweep % 2 == 0 {
            eligible.clone()
        } else {
            eligible.iter().rev().copied().collect()
        };
        for b in order {
            if role[b] != Role::Free {
                continue;
            }
            if folded_text[b].as_deref().is_none_or(str::is_empty) {
                continue;
            }
            let k = pos[b];
            let neighbours = [
                k.checked_sub(1).map(|k| eligible[k]),
                eligible.get(k + 1).copied(),
            ];
            let earlier = twins.of_block(b);
            let mut found = None;
            'n: for c in neighbours.into_iter().flatten() {
                let Some(o) = run_original(role, groups, c) else {
                    continue;
                };
                for &a in earlier.iter().rev() {
                    if a >= b || matches!(role[a], Role::Copy(_)) {
                        continue;
                    }
                    // The earlier twin sits on the same side of the original
                    // as the short line does of its neighbouring copy, close by.
                    let same_side = (c > b) == (o > a);
                    if same_side && a.abs_diff(o) <= 4 && a != o {
                        found = Some(a);
                        break 'n;
                    }
                }
            }
            let Some(a) = found else { continue };
            let orig = root[a];
            let gi = groups.len();
            role[b] = Role::Copy(gi);
            root[b] = orig;
            groups.push(RepeatGroup {
                kind: RepeatKind::Block,
                original: vec![orig as u32],
                copies: vec![b as u32],
                similarity: 1.0,
                spans: vec![Span {
                    block: b as u32,
                    start: 0,
                    end: utf16_len(&page.blocks[b].text),
                }],
            });
        }
    }
}

/// The blocks with the same folded text, found with one hash of each text
/// (run extension asks for a block's twins four times).
struct Twins {
    /// Class of each block with a folded text.
    class: Vec<Option<u32>>,
    /// Blocks of each class, in page order.
    members: Vec<Vec<usize>>,
}

impl Twins {
    fn of(folded_text: &[Option<String>]) -> Twins {
        let mut ids: HashMap<&str, u32, WordHashState> = HashMap::default();
        let mut members: Vec<Vec<usize>> = Vec::new();
        let class = folded_text
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let t = t.as_deref()?;
                let id = *ids.entry(t).or_insert_with(|| {
                    members.push(Vec::new());
                    (members.len() - 1) as u32
                });
                members[id as usize].push(i);
                Some(id)
            })
            .collect();
        Twins { class, members }
    }

    /// Block `b` and every block with its folded text (none without one).
    fn of_block(&self, b: usize) -> &[usize] {
        self.class[b].map_or(&[], |c| &self.members[c as usize])
    }
}

/// Names runs and boilerplate once all groups are known.
fn label_kinds(
    page: &Page,
    folded_text: &[Option<String>],
    twins: &Twins,
    groups: &mut [RepeatGroup],
) {
    // Copies that continue a run of copies of consecutive originals are blocks.
    let mut single: Vec<(u32, u32, usize)> = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| {
            g.copies.len() == 1
                && g.original.len() == 1
                && matches!(g.kind, RepeatKind::Exact | RepeatKind::Block)
        })
        .map(|(i, g)| (g.copies[0], g.original[0], i))
        .collect();
    single.sort_unstable();
    for w in single.windows(2) {
        let (c0, o0, g0) = w[0];
        let (c1, o1, g1) = w[1];
        if c1 == c0 + 1 && o1 == o0 + 1 {
            groups[g0].kind = RepeatKind::Block;
            groups[g1].kind = RepeatKind::Block;
        }
    }
    // The same blurb three times, or a blurb that reads like one.
    for g in groups.iter_mut() {
        if !matches!(g.kind, RepeatKind::Exact | RepeatKind::Near) || g.copies.len() != 1 {
            continue;
        }
        let c = g.copies[0] as usize;
        if folded_text[c].is_none() {
            continue;
        }
        let lower = page.blocks[c].text.to_lowercase();
        if twins.of_block(c).len() >= 3 || BOILERPLATE_WORDS.iter().any(|w| lower.contains(w)) {
            g.kind = RepeatKind::Boilerplate;
        }
    }
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
