//! Repeats outside the article (step 8 of the module's algorithm): a
//! related-story teaser printed in two lists, a newsletter blurb in the
//! sidebar and the footer, a "most read" entry that is the article's own
//! headline, a print-only or mobile copy of a paragraph.
//!
//! The comparison pass reads only article text and blocks that are not
//! mostly links, so that navigation never folds. Out here only the same
//! text twice counts (no near copies: two teasers of one template differ by
//! a few words and are different stories), only lines long enough to fold
//! ([`MARK_BELOW_WORDS`]: a menu's own items, "Politik", "Sport", are
//! shorter), and never in a navigation trail. A story's headline in a menu
//! (a mega menu's latest stories, a news ticker) printed again in a list
//! is a repeat; a copy inside the menu is only marked, never folded, and a
//! line found only in menus (a menu printed for the desktop and again for
//! phones) is navigation, not a repeat.

use std::collections::HashMap;
use std::hash::BuildHasher;

use super::action::{words, MARK_BELOW_WORDS};
use super::compare::is_breadcrumb;
use super::decide::round3;
use crate::article::ArticleInfo;
use crate::hash::WordHashState;
use crate::page::Page;
use crate::report::{RepeatAction, RepeatGroup, RepeatKind, RepeatRole, Span};
use crate::text::{ends_with_ellipsis, folded_tokens, tokenize, utf16_len, Token, TokenKind};

/// Tokens a cut-short teaser must keep, before its ellipsis and its last
/// (maybe cut) word, to be matched with the block it starts.
const CUT_KEEPS: usize = 6;

/// Blocks under one element of at most this many blocks are one item (a
/// teaser's screen-reader heading and its link), not two copies.
const ONE_ITEM_BLOCKS: u32 = 2;

/// Whether a class/id/role fragment names a menu or a navigation trail
/// ("nav", "navbar", "main-navigation", "dropdown-menu", "submenu",
/// "breadcrumbs").
fn menu_hint(hints: &str) -> bool {
    hints
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|p| p.starts_with("nav") || p.contains("menu") || p.contains("crumb"))
}

/// Whether a class/id fragment names a navigation trail ("breadcrumbs"):
/// its last item echoes the headline by design.
fn crumb_hint(hints: &str) -> bool {
    hints
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|p| p.contains("crumb"))
}

/// Whether block `b` or an ancestor is an element that `test` (given its
/// tag and hints) accepts.
fn under(page: &Page, b: usize, test: impl Fn(&str, &str) -> bool) -> bool {
    let blk = &page.blocks[b];
    test(&blk.tag, &blk.hints)
        || blk.path.iter().any(|&e| {
            page.elements
                .get(e as usize)
                .is_some_and(|el| test(&el.tag, &el.hints))
        })
}

/// Whether block `b` sits in a menu: a `<nav>`, or an element whose hints
/// name one. A placeholder there would break the menu's layout, so a copy
/// in a menu is only marked (`action::set_actions`).
///
/// The page's `<html>` and `<body>` are never a menu, whatever their class
/// says (`<body class="navigation-border-thin-decoration">`): they hold
/// the whole page. Nor is an `<article>`: it is a self-contained piece of
/// content by definition, and a sidebar's teaser widget built as one
/// (`<article class="ut_widgets_menuteaser-85">`, a "menu teaser" box of
/// story cards) is a list of stories, not navigation.
pub(super) fn in_menu(page: &Page, b: usize) -> bool {
    under(page, b, |tag, h| {
        tag == "nav" || (!matches!(tag, "html" | "body" | "article") && menu_hint(h))
    })
}

/// How many leading tokens are a time of day ("11:31 Poznań. Matka…"): a
/// news list's stamp, not part of the headline it lists.
fn time_prefix(text: &str, toks: &[Token]) -> usize {
    match toks {
        [h, m, ..]
            if h.kind == TokenKind::Number
                && m.kind == TokenKind::Number
                && text[..h.start].trim().is_empty()
                && &text[h.end..m.start] == ":"
                && m.end - m.start == 2 =>
        {
            2
        }
        _ => 0,
    }
}

/// Most tokens of a section label set before a headline with a bar
/// ("Politics | Voters elect…", "Local News | Brothel…") or a slash.
const LABEL_MAX: usize = 3;

/// Most tokens a line may add to a headline and still print the same story:
/// its date ("… falsche Nippel 6. November 2023"), or the word a list cut
/// ("… contratado por la canciller" / "… la canciller Mouynés").
const ADDED_MAX: usize = 4;

/// How many leading tokens are not the headline: a time of day, or a
/// section label ending in a bar or a spaced slash ("Judicial / Buscan…";
/// "AC/DC" is no label).
fn lead_skip(text: &str, toks: &[Token]) -> usize {
    let t = time_prefix(text, toks);
    if t > 0 {
        return t;
    }
    (0..LABEL_MAX.min(toks.len().saturating_sub(1)))
        .find(|&k| {
            let gap = &text[toks[k].end..toks[k + 1].start];
            gap.contains('|') || (gap.trim() == "/" && gap.starts_with(' '))
        })
        .map_or(0, |k| k + 1)
}

/// Whether two blocks lie in one small element: one item, not two copies.
fn one_item(page: &Page, block_count: &[u32], a: usize, b: usize) -> bool {
    let pa = &page.blocks[a].path;
    page.blocks[b].path.iter().any(|e| {
        block_count
            .get(*e as usize)
            .is_some_and(|&c| c <= ONE_ITEM_BLOCKS)
            && pa.contains(e)
    })
}

/// The word hashes of a block's tokens, past a leading time stamp.
fn token_hashes(text: &str) -> Vec<u64> {
    let toks = tokenize(text);
    toks[lead_skip(text, &toks)..]
        .iter()
        .map(|t| t.hash)
        .collect()
}

/// A teaser cut short: its text up to the ellipsis starts a longer block,
/// found among those whose first words it shares (`by_start`); added to
/// `found` as (copy, original).
fn cut_teasers(
    page: &Page,
    block_count: &[u32],
    cut: Vec<(usize, Vec<u64>, u64)>,
    by_start: &HashMap<u64, Vec<usize>, WordHashState>,
    found: &mut Vec<(usize, usize)>,
) {
    let n = page.blocks.len();
    let mut copied: Vec<bool> = vec![false; n];
    for &(c, _) in found.iter() {
        copied[c] = true;
    }
    for (c, kept, start) in cut {
        if copied[c] {
            continue;
        }
        let full = by_start
            .get(&start)
            .into_iter()
            .flatten()
            .copied()
            .find(|&o| {
                o != c
                    && !copied[o]
                    && {
                        // Made again for the few blocks a teaser's start names,
                        // rather than kept for every block.
                        let full = token_hashes(&page.blocks[o].text);
                        full.len() > kept.len() && full.starts_with(&kept)
                    }
                    && !one_item(page, block_count, o, c)
            });
        if let Some(o) = full {
            copied[c] = true;
            found.push((c, o));
        }
    }
}

/// Adds a group for every block, not yet in a group, whose text (folded as
/// the comparison folds it) another such block already has, or which is a
/// teaser cut short. The original is the article's own block if one has the
/// text (the article's text is never the copy folded), else the first in
/// document order, as a reader meets them; a visible copy of a hidden first
/// one is then only marked (`action::set_actions`), so the copy the reader
/// sees stays.
/// One headline printed with a few words more or fewer (a date after it, a
/// last word cut): of two lines that start alike (`by_start`), one is the
/// other's tokens and at most [`ADDED_MAX`] more. The copy is the later
/// one, or the one that is not the article's own text; added to `found`.
fn longer_lines(
    page: &Page,
    block_count: &[u32],
    own: &dyn Fn(usize) -> bool,
    by_start: &HashMap<u64, Vec<usize>, WordHashState>,
    found: &mut Vec<(usize, usize)>,
) {
    /// Lines starting alike past which a bucket is a template, not a story.
    const BUCKET_MAX: usize = 8;
    // A copy is a copy once; an original may have more copies, but is no
    // copy itself.
    let n = page.blocks.len();
    let (mut is_copy, mut is_orig) = (vec![false; n], vec![false; n]);
    for &(c, o) in found.iter() {
        is_copy[c] = true;
        is_orig[o] = true;
    }
    let mut buckets: Vec<&Vec<usize>> = by_start
        .values()
        .filter(|m| (2..=BUCKET_MAX).contains(&m.len()))
        .collect();
    buckets.sort_unstable();
    for members in buckets {
        let toks: Vec<Vec<u64>> = members
            .iter()
            .map(|&i| token_hashes(&page.blocks[i].text))
            .collect();
        for x in 0..members.len() {
            for y in x + 1..members.len() {
                let (a, b) = (members[x], members[y]);
                let (ta, tb) = (&toks[x], &toks[y]);
                let (short, long) = if ta.len() <= tb.len() {
                    (ta, tb)
                } else {
                    (tb, ta)
                };
                if is_copy[a]
                    || is_copy[b]
                    || short.len() == long.len()
                    || long.len() - short.len() > ADDED_MAX
                    || !long.starts_with(short)
                    || one_item(page, block_count, a, b)
                {
                    continue;
                }
                let (c, o) = if own(b) && !own(a) { (a, b) } else { (b, a) };
                if is_orig[c] {
                    continue;
                }
                is_copy[c] = true;
                is_orig[o] = true;
                found.push((c, o));
            }
        }
    }
}

pub(super) fn outside_repeats(
    page: &Page,
    info: &ArticleInfo,
    decorative: &[bool],
    block_count: &[u32],
    groups: &mut Vec<RepeatGroup>,
) {
    let n = page.blocks.len();
    let mut taken = vec![false; n];
    for g in groups.iter() {
        for &i in g.original.iter().chain(&g.copies) {
            taken[i as usize] = true;
        }
    }
    // Keyed by a hash of the folded text, not the text: on a huge page (a
    // list of 50,000 items) a copy of every block's text here doubled the
    // analysis's peak memory (tests/peak_memory.rs).
    let key = |t: String| WordHashState.hash_one(t);
    let mut classes: HashMap<u64, Vec<usize>, WordHashState> = HashMap::default();
    // Teasers cut short with an ellipsis, with the tokens they keep.
    let mut cut: Vec<(usize, Vec<u64>, u64)> = Vec::new();
    // Every candidate by the folded text of its first `CUT_KEEPS` tokens.
    let mut by_start: HashMap<u64, Vec<usize>, WordHashState> = HashMap::default();
    for (i, b) in page.blocks.iter().enumerate() {
        if taken[i]
            || matches!(
                b.tag.as_str(),
                "td" | "th" | "pre" | "code" | "button" | "option" | "label"
            )
            || words(&b.text) < MARK_BELOW_WORDS
            || is_breadcrumb(&b.text)
            || under(page, i, |_, h| crumb_hint(h))
        {
            continue;
        }
        let toks = tokenize(&b.text);
        let toks = &toks[lead_skip(&b.text, &toks)..];
        if toks.len() < MARK_BELOW_WORDS {
            continue;
        }
        let start = key(folded_tokens(&b.text, &toks[..CUT_KEEPS]));
        if ends_with_ellipsis(&b.text) && toks.len() > CUT_KEEPS {
            // The last word may be cut in the middle: it is not compared.
            let kept = toks[..toks.len() - 1].iter().map(|t| t.hash).collect();
            cut.push((i, kept, start));
        }
        by_start.entry(start).or_default().push(i);
        classes
            .entry(key(folded_tokens(&b.text, toks)))
            .or_default()
            .push(i);
    }
    let own = |i: usize| info.scope.get(i).copied().unwrap_or(false) && !decorative[i];
    let mut found: Vec<(usize, usize)> = Vec::new();
    for members in classes.into_values() {
        if members.len() < 2 {
            continue;
        }
        let mut kept: Vec<usize> = Vec::new();
        for m in members {
            if !kept.iter().any(|&k| one_item(page, block_count, k, m)) {
                kept.push(m);
            }
        }
        // A menu printed for the desktop and again for phones is navigation:
        // a line counts once a copy of it is outside every menu.
        if kept.len() < 2 || kept.iter().all(|&m| in_menu(page, m)) {
            continue;
        }
        let orig = kept.iter().copied().find(|&i| own(i)).unwrap_or(kept[0]);
        found.extend(kept.iter().filter(|&&c| c != orig).map(|&c| (c, orig)));
    }
    cut_teasers(page, block_count, cut, &by_start, &mut found);
    longer_lines(page, block_count, &own, &by_start, &mut found);
    found.sort_unstable();
    for (c, o) in found {
        groups.push(RepeatGroup {
            kind: RepeatKind::Exact,
            original: vec![o as u32],
            copies: vec![c as u32],
            action: RepeatAction::Fold,
            role: RepeatRole::Other,
            similarity: round3(1.0),
            spans: vec![Span {
                block: c as u32,
                start: 0,
                end: utf16_len(&page.blocks[c].text),
            }],
        });
    }
}
