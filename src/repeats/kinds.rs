//! What kind of repeat a group is: decorative blocks (pull-quotes,
//! teasers, captions), runs of blocks and site boilerplate.

use std::collections::HashMap;

use crate::hash::WordHashState;
use crate::lexicon::Words;
use crate::page::Page;
use crate::report::{RepeatGroup, RepeatKind};
use crate::text::ends_with_ellipsis;

/// Class/id fragments of decorative copies (pull-quotes, teasers, captions).
static DECORATIVE_HINTS: Words =
    Words::new(include_str!("../../lexicon/repeats/decorative-hints.txt"));

/// Words that mark a blurb as site boilerplate rather than article text.
static BOILERPLATE_WORDS: Words =
    Words::new(include_str!("../../lexicon/repeats/boilerplate-words.txt"));

pub(super) fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

pub(super) fn hint_parts_match(hints: &str) -> bool {
    hints
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
        .any(|p| DECORATIVE_HINTS.iter().any(|k| p.starts_with(k)))
}

/// Whether a block is decorative: a pull-quote, teaser, standfirst or caption
/// (by its tag, its container, its class, or a trailing ellipsis). Headings
/// never are: the headline is body text, its copy in a paragraph is not.
pub(super) fn is_decorative(page: &Page, block_count: &[u32], b: usize) -> bool {
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

/// The blocks with the same folded text, found with one hash of each text
/// (run extension asks for a block's twins four times).
pub(super) struct Twins {
    /// Class of each block with a folded text.
    class: Vec<Option<u32>>,
    /// Blocks of each class, in page order.
    members: Vec<Vec<usize>>,
}

impl Twins {
    pub(super) fn of(folded_text: &[Option<String>]) -> Twins {
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
    pub(super) fn of_block(&self, b: usize) -> &[usize] {
        self.class[b].map_or(&[], |c| &self.members[c as usize])
    }
}

/// Whether a text reads like a site blurb ("Subscribe to our newsletter").
pub(super) fn boilerplate_text(text: &str) -> bool {
    let lower = text.to_lowercase();
    BOILERPLATE_WORDS.iter().any(|w| lower.contains(w))
}

/// Names runs and boilerplate once all groups are known.
pub(super) fn label_kinds(
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
        if twins.of_block(c).len() >= 3 || boilerplate_text(&page.blocks[c].text) {
            g.kind = RepeatKind::Boilerplate;
        }
    }
}
