//! Which blocks are the article's text.
//!
//! A block-level cousin of Readability's scoring: every paragraph-like block
//! gives its ancestors a content score (more for long text with commas, less
//! for links), containers whose `class`/`id` say "content" gain and those
//! that say "comments" or "related" lose, and the best container, with its
//! strong siblings, is the article. Inside it, blocks that sit in page
//! furniture (navigation, share bars, "related" lists) or are mostly links
//! are left out.
//!
//! A second, narrower decision is the sidebar's scope ([`ArticleInfo::scope`],
//! in [`scope`]): the headline and the article text without what sits
//! inside or beside it but is not about it (teasers, galleries, directories,
//! second articles, author boxes).
//!
//! The heuristics are data: the keyword lists below, in one place.

mod scope;
pub mod segments;

use crate::lexicon::Words;
use crate::page::{Block, Page};
use crate::text::{utf16_len, Fragments};

/// Class/id fragments of containers that hold the article.
static POSITIVE: Words = Words::new(include_str!("../lexicon/article/positive-hints.txt"));

/// Class/id fragments of page furniture around the article.
static NEGATIVE: Words = Words::new(include_str!("../lexicon/article/negative-hints.txt"));

/// Fragments that mark an element as furniture even inside the article
/// container: a hard exclusion for every block below it.
static FURNITURE: Words = Words::new(include_str!("../lexicon/article/furniture-hints.txt"));

/// Fragments that rescue a container from [`FURNITURE`]: `contentWithSidebar`
/// holds the article, `related-stories` does not.
static MAYBE_CONTENT: Words =
    Words::new(include_str!("../lexicon/article/maybe-content-hints.txt"));

/// Tags whose subtree is never article text.
static FURNITURE_TAGS: Words = Words::new(include_str!("../lexicon/article/furniture-tags.txt"));

/// ARIA roles of page furniture.
static FURNITURE_ROLES: Words = Words::new(include_str!("../lexicon/article/furniture-roles.txt"));

/// Tags that are paragraph-like for scoring.
static SCORED_TAGS: Words = Words::new(include_str!("../lexicon/article/scored-tags.txt"));

/// Bits of [`hint_mask`]: which keyword lists a hint string holds a fragment of.
const H_FURNITURE: u8 = 1;
const H_MAYBE_CONTENT: u8 = 2;
const H_NEGATIVE: u8 = 4;
const H_POSITIVE: u8 = 8;

/// Which of the keyword lists `hints` holds a fragment of, in one pass.
fn hint_mask(hints: &str) -> u8 {
    static F: std::sync::OnceLock<Fragments> = std::sync::OnceLock::new();
    // In the order of the H_* bits.
    F.get_or_init(|| {
        Fragments::new(&[
            FURNITURE.list(),
            MAYBE_CONTENT.list(),
            NEGATIVE.list(),
            POSITIVE.list(),
        ])
    })
    .mask(hints)
}

fn is_furniture_hint(mask: u8) -> bool {
    mask & H_FURNITURE != 0 && mask & H_MAYBE_CONTENT == 0
}

fn role_matches(hints: &str) -> bool {
    hints.split(' ').any(|w| FURNITURE_ROLES.contains(&w))
}

/// Whether an element with this tag and these hints is page furniture.
pub fn is_furniture(tag: &str, hints: &str) -> bool {
    FURNITURE_TAGS.contains(&tag) || is_furniture_hint(hint_mask(hints)) || role_matches(hints)
}

/// Link density: the share of the block's text inside links.
pub fn link_density(b: &Block) -> f32 {
    let len = utf16_len(&b.text);
    if len == 0 {
        0.0
    } else {
        (b.link_chars as f32 / len as f32).min(1.0)
    }
}

fn class_weight(mask: u8) -> f32 {
    let mut w = 0.0;
    if mask & H_NEGATIVE != 0 {
        w -= 25.0;
    }
    if mask & H_POSITIVE != 0 {
        w += 25.0;
    }
    w
}

/// Counts of what the classifier found, for the report's diagnostics.
#[derive(Clone, Debug, Default)]
pub struct ArticleInfo {
    /// Per block: is it article text?
    pub article: Vec<bool>,
    /// Per block: does it sit in page furniture (nav, footer, share bar…)?
    pub furniture: Vec<bool>,
    /// The element chosen as the article container, if any.
    pub container: Option<u32>,
    /// The best-scoring containers, best first: (element, score). For `--explain`.
    pub candidates: Vec<(u32, f32)>,
    /// Per block: may the sidebar read it? The article's own text (headline,
    /// standfirst, body, captions of its pictures) without what sits inside
    /// or beside it but is not about it: lists of teasers and galleries of
    /// other stories, long data tables (a directory of contacts), a second
    /// article with its own headline and byline, author boxes, newsletter
    /// signups, code listings, embedded social posts. A subset of [`article`](Self::article) plus the headline; the
    /// repeats stage keeps reading `article`. See [`scope::sidebar_scope`].
    pub scope: Vec<bool>,
}

/// Decides, for every block, whether it is article text.
pub fn classify(page: &Page) -> ArticleInfo {
    let n = page.blocks.len();
    let ne = page.elements.len();
    let masks: Vec<u8> = page
        .elements
        .iter()
        .map(|el| hint_mask(&el.hints))
        .collect();
    let (furniture, el_furn) = furniture_of(page, &masks);
    let Scores {
        mut score,
        touched,
        text_len,
        link_len,
    } = scores(page, &furniture, &masks);
    let tree = scope::Tree::new(page);
    let cards = tree.cards(page);
    // Scale by the container's own link density, as Readability does.
    let mut best: Option<(usize, f32)> = None;
    for e in 0..ne {
        if !touched[e] {
            continue;
        }
        let ld = if text_len[e] > 0 {
            (link_len[e] as f32 / text_len[e] as f32).min(1.0)
        } else {
            0.0
        };
        score[e] *= 1.0 - ld;
        // A list of teasers or slides is not the article, however much
        // text its items hold together.
        if el_furn[e] || cards.list[e] || cards.item[e] {
            continue;
        }
        // Ties go to the first container in document order: deterministic.
        if best.is_none_or(|(_, s)| score[e] > s) {
            best = Some((e, score[e]));
        }
    }

    let mut article = vec![false; n];
    let Some((top, top_score)) = best else {
        // No container stood out (a page of plain paragraphs, say): every
        // visible, non-furniture, prose-like block is the article.
        for (i, b) in page.blocks.iter().enumerate() {
            article[i] = b.visible && !furniture[i] && link_density(b) < 0.5 && !cards.block[i];
        }
        let scope = scope::sidebar_scope(page, &tree, &cards, &article, &furniture, None);
        return ArticleInfo {
            article,
            furniture,
            container: None,
            candidates: Vec::new(),
            scope,
        };
    };
    let sibling_threshold = (top_score * 0.2).max(10.0);
    for (i, b) in page.blocks.iter().enumerate() {
        if !b.visible || furniture[i] || cards.block[i] {
            continue;
        }
        let Some(pos) = b.path.iter().position(|&e| e as usize == top) else {
            // Not under the top container: a sibling container of similar
            // weight (an article split over several <div>s) still counts.
            let near = b.path.iter().rev().take(3).any(|&e| {
                let e = e as usize;
                e < ne && touched[e] && !el_furn[e] && score[e] >= sibling_threshold && e != top
            });
            if near && is_prose(b) {
                article[i] = true;
            }
            continue;
        };
        // Furniture between the container and the block was handled above;
        // what remains is link lists and empty fragments.
        let _ = pos;
        let ld = link_density(b);
        let heading = matches!(b.tag.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
        // A sentence about linked things ("Ankush Dua fixed an issue with
        // …", every name and bug a link) still says something of its own.
        let trimmed = utf16_len(b.text.trim());
        let own = trimmed.saturating_sub(b.link_chars.min(trimmed));
        let sentence = own >= 50 && ld < 0.85;
        article[i] = trimmed > 0 && (ld < 0.5 || (heading && ld < 1.0) || sentence);
    }
    let mut candidates: Vec<(u32, f32)> = (0..ne)
        .filter(|&e| touched[e] && !el_furn[e])
        .map(|e| (e as u32, score[e]))
        .collect();
    candidates.sort_by(|x, y| {
        y.1.partial_cmp(&x.1)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(x.0.cmp(&y.0))
    });
    candidates.truncate(8);
    let scope = scope::sidebar_scope(page, &tree, &cards, &article, &furniture, Some(top));
    ArticleInfo {
        article,
        furniture,
        container: Some(top as u32),
        candidates,
        scope,
    }
}

/// Which blocks, and which elements, are page furniture (nav, footer,
/// share bar…): by tag, ARIA role or class words; class words only where
/// the element does not hold most of the page's text.
fn furniture_of(page: &Page, masks: &[u8]) -> (Vec<bool>, Vec<bool>) {
    let n = page.blocks.len();
    let ne = page.elements.len();
    let mut furniture = vec![false; n];
    // Text held under each element, to tell a share bar from a page whose
    // <body class="no-sidebars"> happens to match a furniture word.
    let mut held = vec![0u64; ne];
    let mut total = 0u64;
    // And running text: a `c-fixed-sidebar-layout` around the story holds
    // most of the page's paragraphs, a sidebar never does.
    let mut prose_held = vec![0u64; ne];
    let mut prose_total = 0u64;
    for b in page.blocks.iter().filter(|b| b.visible) {
        let len = b.text.len() as u64;
        total += len;
        let prose = if is_prose(b) { len } else { 0 };
        prose_total += prose;
        for &e in &b.path {
            if let Some(h) = held.get_mut(e as usize) {
                *h += len;
                prose_held[e as usize] += prose;
            }
        }
    }
    let el_furn: Vec<bool> = page
        .elements
        .iter()
        .enumerate()
        .map(|(e, el)| {
            if matches!(el.tag.as_str(), "html" | "body" | "main" | "article") {
                return false;
            }
            let by_tag = FURNITURE_TAGS.contains(&el.tag.as_str()) || role_matches(&el.hints);
            // Class words are weaker evidence than tags: furniture never
            // holds most of the page's text.
            let by_hint = is_furniture_hint(masks[e]) && prose_held[e] * 2 <= prose_total;
            (by_tag || by_hint) && held[e] * 2 <= total.max(1)
        })
        .collect();
    for (i, b) in page.blocks.iter().enumerate() {
        furniture[i] = b
            .path
            .iter()
            .any(|&e| el_furn.get(e as usize).copied().unwrap_or(false))
            || FURNITURE_TAGS.contains(&b.tag.as_str())
            || role_matches(&b.hints);
    }
    (furniture, el_furn)
}

/// Readability-style content scores of the elements, and the text and
/// link text each holds (over five levels).
struct Scores {
    score: Vec<f32>,
    /// Scored at all.
    touched: Vec<bool>,
    text_len: Vec<u32>,
    link_len: Vec<u32>,
}

/// Content scores, Readability style: each prose block's score pushed up
/// to five ancestors.
fn scores(page: &Page, furniture: &[bool], masks: &[u8]) -> Scores {
    let ne = page.elements.len();
    let mut score = vec![0f32; ne];
    let mut touched = vec![false; ne];
    let mut text_len = vec![0u32; ne];
    let mut link_len = vec![0u32; ne];
    for (i, b) in page.blocks.iter().enumerate() {
        if !b.visible {
            continue;
        }
        let len = utf16_len(b.text.trim());
        // A block holds no more link text than text (`link_chars` comes from
        // the caller, unchecked); saturate so a hostile page cannot overflow.
        let links = b.link_chars.min(utf16_len(&b.text));
        for &e in b.path.iter().rev().take(5) {
            if let Some(t) = text_len.get_mut(e as usize) {
                *t = t.saturating_add(len);
                link_len[e as usize] = link_len[e as usize].saturating_add(links);
            }
        }
        if furniture[i] || len < 25 || !SCORED_TAGS.contains(&b.tag.as_str()) {
            continue;
        }
        let commas = b
            .text
            .chars()
            .filter(|&c| matches!(c, ',' | '，' | '、' | '،'))
            .count() as f32;
        let content = 1.0 + commas + (len as f32 / 100.0).floor().min(3.0);
        let content = content * (1.0 - link_density(b));
        for (level, &e) in b.path.iter().rev().take(5).enumerate() {
            let e = e as usize;
            if e >= ne {
                continue;
            }
            if !touched[e] {
                touched[e] = true;
                score[e] += class_weight(masks[e])
                    + match page.elements[e].tag.as_str() {
                        "article" | "main" => 10.0,
                        "div" | "section" => 5.0,
                        "pre" | "td" | "blockquote" => 3.0,
                        "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" | "header" => -5.0,
                        _ => 0.0,
                    };
            }
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[e] += content / div;
        }
    }
    Scores {
        score,
        touched,
        text_len,
        link_len,
    }
}

/// Looks like running text: long enough, not a link list.
fn is_prose(b: &Block) -> bool {
    let len = b.text.trim().chars().count();
    len >= 60 && link_density(b) < 0.3
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::Element;

    fn el(tag: &str, hints: &str) -> Element {
        Element {
            tag: tag.into(),
            hints: hints.into(),
        }
    }

    fn block(tag: &str, text: &str, path: &[u32], link_chars: u32) -> Block {
        Block {
            tag: tag.into(),
            text: text.into(),
            visible: true,
            link_chars,
            path: path.to_vec(),
            ..Block::default()
        }
    }

    #[test]
    fn hint_mask_is_a_substring_search_per_list() {
        for hints in [
            "",
            "site-nav main-content",
            "contentwithsidebar",
            "related-stories footer",
            "story-body",
            "comment-list",
            "navigation",
            "café-pagination",
        ] {
            let naive = |list: &[&str]| list.iter().any(|k| hints.contains(k));
            let m = hint_mask(hints);
            assert_eq!(m & H_FURNITURE != 0, naive(&FURNITURE), "{hints}");
            assert_eq!(m & H_MAYBE_CONTENT != 0, naive(&MAYBE_CONTENT), "{hints}");
            assert_eq!(m & H_NEGATIVE != 0, naive(&NEGATIVE), "{hints}");
            assert_eq!(m & H_POSITIVE != 0, naive(&POSITIVE), "{hints}");
        }
    }

    #[test]
    fn article_container_wins_over_nav_and_footer() {
        let long = "Cambodia held a general election on July 28, and the results showed that the ruling CPP won 68 out of the 123 parliamentary seats.";
        let page = Page {
            elements: vec![
                el("body", ""),
                el("nav", "site-nav"),
                el("div", "article-body"),
                el("footer", ""),
                el("div", "related-stories"),
            ],
            blocks: vec![
                block("li", "Home", &[0, 1], 4),
                block("h1", "Talks resume", &[0, 2], 0),
                block("p", long, &[0, 2], 0),
                block("p", long, &[0, 2], 0),
                block(
                    "li",
                    "Another story about something else entirely",
                    &[0, 2, 4],
                    43,
                ),
                block(
                    "p",
                    "Copyright 2013 VNA. All rights reserved, everywhere.",
                    &[0, 3],
                    0,
                ),
            ],
            ..Page::default()
        };
        let info = classify(&page);
        assert_eq!(info.article, vec![false, true, true, true, false, false]);
        assert_eq!(info.container, Some(2));
    }

    #[test]
    fn hidden_blocks_are_never_article() {
        let mut page =
            Page::from_paragraphs(&["A visible paragraph, long enough to count as text."; 3]);
        page.blocks[2].visible = false;
        let info = classify(&page);
        assert_eq!(info.article, vec![true, true, false]);
    }
}
