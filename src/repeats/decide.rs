//! What a block repeats, given how it covers earlier blocks and they cover
//! it (step 4 of the module's algorithm, rules R1 to R4), and the short
//! lines copied along with a run of repeats (step 6).

use super::compare::{substitutes_facts, weight_of, Prepared, Relation};
use super::kinds::{is_heading, Twins};
use crate::article::ArticleInfo;
use crate::page::Page;
use crate::report::{RepeatAction, RepeatGroup, RepeatKind, RepeatRole, Span};
use crate::text::{utf16_len, utf16_offsets};

/// Coverage above which a block counts as a copy of the other.
pub(super) const FULL_COVER: f32 = 0.75;
/// Coverage above which a block counts as wholly contained in another.
pub(super) const CONTAINED: f32 = 0.9;
/// Smallest copy folded on its own, in words (a CJK character counts half).
pub(super) const MIN_WEIGHT: f32 = 8.0;
/// Smallest copy of the headline folded on its own.
pub(super) const MIN_HEADLINE_WEIGHT: f32 = 3.0;
/// Smallest paragraphs compared inexactly. Below this, a changed word is a
/// different sentence ("consider all routable placements" / "consider all
/// placements"), not an edited copy.
pub(super) const NEAR_MIN_WEIGHT: f32 = 15.0;

/// Decisions made so far, per block.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Free,
    /// Folded whole, as a copy of group `usize`.
    Copy(usize),
    /// Holds a folded part (glued copy); may still be an original elsewhere.
    PartCopy,
}

/// What the analysis knows about every block while it decides.
pub(super) struct Ctx<'a> {
    pub(super) page: &'a Page,
    pub(super) p: &'a Prepared,
    pub(super) info: &'a ArticleInfo,
    pub(super) decorative: Vec<bool>,
    pub(super) folded_text: Vec<Option<String>>,
}

/// The decisions so far.
pub(super) struct State {
    pub(super) groups: Vec<RepeatGroup>,
    pub(super) role: Vec<Role>,
    /// The kept block a block stands for (itself unless it is a copy).
    pub(super) root: Vec<usize>,
    /// Per decorative block (a caption, a standfirst) that later body
    /// blocks quote in pieces: which of its tokens they cover, and which
    /// blocks they are.
    pub(super) pieces: std::collections::HashMap<usize, (Vec<bool>, Vec<usize>)>,
}

impl State {
    /// Whether block `i` is still undecided.
    fn free(&self, i: usize) -> bool {
        self.role[i] == Role::Free
    }
}

impl Ctx<'_> {
    pub(super) fn whole(&self, i: usize) -> Span {
        Span {
            block: i as u32,
            start: 0,
            end: utf16_len(&self.page.blocks[i].text),
        }
    }

    pub(super) fn heading(&self, i: usize) -> bool {
        is_heading(&self.page.blocks[i].tag)
    }

    /// Smallest weight of a copy folded on its own, given what it repeats.
    pub(super) fn min_weight(&self, orig: usize) -> f32 {
        if self.page.blocks[orig].tag == "h1" {
            MIN_HEADLINE_WEIGHT
        } else {
            MIN_WEIGHT
        }
    }

    /// A copy must be article text or repeat article text: never fold inside
    /// navigation or a list of other stories.
    pub(super) fn in_article(&self, copy: usize, orig: usize) -> bool {
        self.info.article[copy] || self.info.article[orig]
    }

    /// Coverage a piece must reach to count as contained: short pieces must
    /// be contained exactly, long ones may carry light edits.
    pub(super) fn contained(&self, i: usize) -> f32 {
        if self.p.weight[i] >= NEAR_MIN_WEIGHT {
            FULL_COVER
        } else {
            CONTAINED
        }
    }
}

/// Decides what block `b` repeats, given its relations with earlier blocks.
pub(super) fn decide(cx: &Ctx, st: &mut State, b: usize, rels: Vec<Relation>) {
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

    // R1: the same paragraph twice (exact, or a few words changed).
    if best.frac_b >= FULL_COVER && best.frac_a >= FULL_COVER {
        same_paragraph(cx, st, b, best);
        return;
    }
    // R2: b is a piece of a longer earlier block (a split copy, a pull-quote,
    // a caption that quotes the text).
    if best.frac_b >= cx.contained(b) {
        piece_of_earlier(cx, st, b, best);
        return;
    }
    // R3/R4: whole earlier paragraphs inside b.
    earlier_inside(cx, st, b, &rels);
}

/// R1: the same paragraph twice (exact, or a few words changed).
fn same_paragraph(cx: &Ctx, st: &mut State, b: usize, best: &Relation) {
    let p = cx.p;
    let a = best.a;
    let exact = cx.folded_text[a] == cx.folded_text[b];
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
    if ((cx.decorative[a] && !cx.decorative[b]) || quoting_heading(cx, a, b)) && st.free(a) {
        // A teaser or standfirst above its body text (a subheadline set as
        // a plain heading, too): fold the teaser, keep the paragraph.
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
}

/// R2: b is a piece of a longer earlier block (a split copy, a pull-quote,
/// a caption that quotes the text).
fn piece_of_earlier(cx: &Ctx, st: &mut State, b: usize, best: &Relation) {
    let p = cx.p;
    let a = best.a;
    if substitutes_facts(p, best, b) || (cx.heading(b) && !cx.decorative[b]) {
        return;
    }
    if cx.decorative[a] && !cx.decorative[b] && st.free(a) {
        // A caption or summary that quotes body text comes first: the
        // body paragraph is never the one folded. (A decorative block
        // already folded as a copy stands for its original, below.) Once
        // the body paragraphs after it hold all of it, it is the copy.
        decorative_in_pieces(cx, st, b, best);
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
}

/// A decorative block `best.a` (a caption, a standfirst) that later body
/// paragraphs repeat in pieces: folded, with those paragraphs as its
/// originals, once they cover it (a caption made of the first two
/// paragraphs of the article).
fn decorative_in_pieces(cx: &Ctx, st: &mut State, b: usize, best: &Relation) {
    let a = best.a;
    let p = cx.p;
    if p.weight[a] < MIN_WEIGHT || !cx.in_article(a, b) {
        return;
    }
    let entry = st
        .pieces
        .entry(a)
        .or_insert_with(|| (vec![false; p.toks[a].len()], Vec::new()));
    for (u, &c) in entry.0.iter_mut().zip(&best.cov_a) {
        *u |= c;
    }
    entry.1.push(b);
    let frac = weight_of(&p.toks[a], &entry.0) / p.weight[a];
    if entry.1.len() >= 2 && frac >= cx.contained(a) {
        let orig = entry.1.clone();
        push_group(
            st,
            RepeatKind::Decorative,
            orig,
            vec![a],
            frac,
            vec![cx.whole(a)],
        );
    }
}

/// R3/R4: whole earlier paragraphs inside b: several that together make it
/// up (a merge), or one glued to new text (fold that part) or standing
/// before its body text (a pull-quote, teaser or standfirst).
fn earlier_inside(cx: &Ctx, st: &mut State, b: usize, rels: &[Relation]) {
    let p = cx.p;
    let inside: Vec<&Relation> = rels
        .iter()
        .filter(|r| {
            r.frac_a >= CONTAINED
                && p.weight[r.a] >= MIN_WEIGHT
                && !matches!(st.role[r.a], Role::Copy(_))
                && (!cx.heading(r.a) || cx.decorative[r.a] || quoting_heading(cx, r.a, b))
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
        if st.free(a)
            && ((cx.decorative[a] && !cx.decorative[b])
                || quoting_heading(cx, a, b)
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
            action: RepeatAction::Fold,
            role: RepeatRole::Other,
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

/// Whether heading `a` is an intertitle or standfirst quoting a sentence of
/// the body paragraph `b` after it: a subheading (not the headline) long
/// enough to fold, both in the article, `b` a paragraph. Short headings
/// inside a paragraph are a topic named again, not a quote.
fn quoting_heading(cx: &Ctx, a: usize, b: usize) -> bool {
    cx.heading(a)
        && cx.page.blocks[a].tag != "h1"
        && !cx.heading(b)
        && !cx.decorative[b]
        && cx.p.weight[a] >= MIN_WEIGHT
        && cx.info.article[a]
        && cx.info.article[b]
}

pub(super) fn round3(x: f32) -> f32 {
    (x.clamp(0.0, 1.0) * 1000.0).round() / 1000.0
}

pub(super) fn prev_eligible(p: &Prepared, b: usize) -> Option<usize> {
    (0..b).rev().find(|&i| p.eligible[i])
}

/// Takes in an opening quote or bracket glued to the first copied word.
pub(super) fn extend_left(text: &str, start: usize) -> usize {
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
pub(super) fn extend_right(text: &str, end: usize) -> usize {
    let mut e = end;
    for (i, c) in text[end..].char_indices() {
        if c.is_whitespace() || c.is_alphanumeric() {
            break;
        }
        e = end + i + c.len_utf8();
    }
    e
}

pub(super) fn push_group(
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
        action: RepeatAction::Fold,
        role: RepeatRole::Other,
        similarity: round3(similarity),
        spans,
    });
}

/// Folds the short lines (bylines, credits, subheads) that were copied along
/// with a run of repeated paragraphs: a block that equals an earlier block,
/// next to a copy whose original lies next to that earlier block.
pub(super) fn extend_runs(
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
                action: RepeatAction::Fold,
                role: RepeatRole::Other,
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
