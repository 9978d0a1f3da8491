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
//! 6. Short lines (bylines, credits) are found only as part of a run of
//!    repeated blocks, never on their own.
//! 7. The article's own text is never the copy when the other member is
//!    outside the article (a teaser, a related box, a caption): the group is
//!    turned round, or dropped. Copies under eight words are marked
//!    (`action: mark`), not folded, and so are copies in a menu and the
//!    visible copy of a hidden original (see `action`).
//! 8. Outside the article, a line printed twice word for word (a teaser in
//!    two lists, a blurb in sidebar and footer, a hidden mobile copy), or
//!    with a section label, a date or a cut word more, is a repeat too,
//!    unless it is only ever in menus (see `outside`); the first copy in
//!    document order is the original.
//! 9. Each copy is named by what it is (`role`: a pull-quote, a caption, a
//!    teaser, the headline again…) from its markup and place (see `role`).

mod action;
mod compare;
mod decide;
mod kinds;
pub mod memory;
mod outside;
mod role;

use std::collections::hash_map::Entry;

pub use compare::SHINGLE;
use compare::{prepare, relate, Postings, Relation, MAX_POSTINGS};
use decide::{decide, extend_runs, Ctx, Role, State};
use kinds::{is_decorative, label_kinds, Twins};

use crate::article::ArticleInfo;
use crate::hash::{WordHashState, WordMap};
use crate::page::Page;
use crate::report::RepeatGroup;
use crate::text::{folded_tokens, utf16_len};

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

/// How many blocks each element of the page holds.
fn block_counts(page: &Page) -> Vec<u32> {
    let mut block_count = vec![0u32; page.elements.len()];
    for b in &page.blocks {
        for &e in &b.path {
            if let Some(c) = block_count.get_mut(e as usize) {
                *c += 1;
            }
        }
    }
    block_count
}

/// Finds the repeat groups of a page.
pub fn find_repeats(page: &Page, info: &ArticleInfo) -> Vec<RepeatGroup> {
    find_repeats_checked(page, info).0
}

/// The repeat groups of a page, and the (copy, original) pairs among them
/// that fold the article's own text behind a copy outside the article
/// (none: `make eval-repeats` counts them over the 310 real pages).
pub fn find_repeats_checked(
    page: &Page,
    info: &ArticleInfo,
) -> (Vec<RepeatGroup>, Vec<(u32, u32)>) {
    let n = page.blocks.len();
    let p = prepare(page, info);
    let folded_text: Vec<Option<String>> = (0..n)
        .map(|i| p.eligible[i].then(|| folded_tokens(&page.blocks[i].text, &p.toks[i])))
        .collect();
    let block_count = block_counts(page);
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
        pieces: Default::default(),
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
        ..
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
    outside::outside_repeats(page, info, &cx.decorative, &block_count, &mut groups);
    action::keep_article_text(page, info, &cx.decorative, &mut groups);
    label_kinds(page, &cx.folded_text, &twins, &mut groups);
    groups.sort_by_key(|g| (g.copies.first().copied(), g.original.first().copied()));
    action::set_actions(page, &mut groups);
    let place = role::Place {
        page,
        info,
        decorative: &cx.decorative,
        block_count: &block_count,
    };
    role::set_roles(&place, &mut groups);
    let bad = action::own_text_behind_outside(info, &cx.decorative, &groups);
    (groups, bad)
}
