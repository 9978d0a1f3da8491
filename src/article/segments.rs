//! Pages that hold several articles: an endless page that appends the next
//! story as the reader scrolls, a page of full stories one after another.
//!
//! A page is cut into articles only where it says so itself: an
//! `<article>` element (or an element with `role="article"`) that holds a
//! headline (`h1`–`h3`, two words at least) before its body, and a body of at least
//! [`MIN_PARAGRAPHS`] visible paragraphs and [`MIN_WORDS`] words. Teaser
//! cards (a headline and a line), comments and the like are far below that,
//! so a news front page or a single story with a "related" list stays one
//! page. Where such roots nest, the innermost are the articles (a wrapper
//! `<article>` around a feed of stories is not one more story). With fewer
//! than two, the page is one article and nothing here applies. Stories in
//! plain `<div>`s are not found: sibling sections with their own `h1`
//! are as often one long article's chapters (Medium's markup) as several
//! stories, and nothing else in the blocks tells the two apart.
//!
//! The cut is by block: article `k` runs from its root's first block to the
//! next article's first block; what comes before the first (the site's
//! header) belongs to the first; the last ends with its root's last block,
//! and what comes after it (the footer, a "loading" line) is no article
//! (an endless page appends its next story before it, so it is the one part
//! of the page that moves). The cut reads tags and paths only, never the
//! analysis, so it is cheap enough to run on every read of a page that
//! grows.

use std::ops::Range;

use crate::page::Page;

/// Fewest visible paragraphs in an article's body.
pub const MIN_PARAGRAPHS: usize = 3;
/// Fewest words in an article's body.
pub const MIN_WORDS: usize = 60;

/// One article of a page of several.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Its root element (index into [`Page::elements`]).
    pub root: u32,
    /// The blocks it covers (see the module's doc for where cuts fall).
    pub blocks: Range<usize>,
    /// The block of its headline.
    pub headline: usize,
}

#[derive(Clone, Default)]
struct Root {
    first: usize,
    last: usize,
    headline: Option<usize>,
    paragraphs: usize,
    words: usize,
}

fn is_root(page: &Page, e: u32) -> bool {
    page.elements
        .get(e as usize)
        .is_some_and(|el| el.tag == "article" || el.hints.split(' ').any(|w| w == "article"))
}

/// The articles of a page, in order, or none when it holds fewer than two.
/// The blocks after the last one's are none of them.
pub fn segments(page: &Page) -> Vec<Segment> {
    let mut roots: Vec<(u32, Root)> = Vec::new();
    let mut at = std::collections::HashMap::new();
    for (i, b) in page.blocks.iter().enumerate() {
        for &e in b.path.iter().filter(|&&e| is_root(page, e)) {
            let k = *at.entry(e).or_insert_with(|| {
                roots.push((
                    e,
                    Root {
                        first: i,
                        ..Root::default()
                    },
                ));
                roots.len() - 1
            });
            let r = &mut roots[k].1;
            r.last = i;
            let heading = matches!(b.tag.as_str(), "h1" | "h2" | "h3");
            // A headline says something (an empty <h1> around a logo does not).
            let says = b.text.split_whitespace().nth(1).is_some();
            if heading && r.headline.is_none() && r.paragraphs == 0 && b.visible && says {
                r.headline = Some(i);
            } else if b.tag == "p" && b.visible && r.headline.is_some() {
                r.paragraphs += 1;
                r.words += b.text.split_whitespace().count();
            }
        }
    }
    let full: Vec<(u32, Root)> = roots
        .into_iter()
        .filter(|(_, r)| {
            r.headline.is_some() && r.paragraphs >= MIN_PARAGRAPHS && r.words >= MIN_WORDS
        })
        .collect();
    // Innermost: a root holding another root's blocks is a wrapper.
    let mut inner: Vec<&(u32, Root)> = full
        .iter()
        .filter(|(e, r)| {
            !full
                .iter()
                .any(|(f, s)| f != e && s.first >= r.first && s.last <= r.last)
        })
        .collect();
    if inner.len() < 2 {
        return Vec::new();
    }
    inner.sort_by_key(|(_, r)| r.first);
    (0..inner.len())
        .map(|k| {
            let (e, r) = inner[k];
            let start = if k == 0 { 0 } else { r.first };
            let end = inner.get(k + 1).map_or(r.last + 1, |(_, s)| s.first);
            Segment {
                root: *e,
                blocks: start..end,
                headline: r.headline.unwrap_or(r.first),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::{Block, Element};

    /// A block: (its root element or none, tag, text).
    type Row<'a> = (Option<u32>, &'a str, &'a str);
    /// (what, the roots' tags, the blocks, the articles' ranges).
    type Case<'a> = (&'a str, Vec<&'a str>, Vec<Row<'a>>, Vec<Range<usize>>);

    /// A page from a list of (root element or none, tag, text); element 0
    /// is `<main>`, 1.. are the roots named.
    fn page(roots: &[&str], blocks: &[(Option<u32>, &str, &str)]) -> Page {
        let mut elements = vec![Element {
            tag: "main".into(),
            hints: String::new(),
        }];
        elements.extend(roots.iter().map(|t| Element {
            tag: (*t).into(),
            hints: String::new(),
        }));
        let blocks = blocks
            .iter()
            .map(|&(root, tag, text)| {
                let mut b = Block::new(tag, text);
                b.path = std::iter::once(0).chain(root).collect();
                b
            })
            .collect();
        Page {
            elements,
            blocks,
            ..Page::default()
        }
    }

    const P1: &str = "President Barack Obama has admitted that his failure to pass common sense gun safety laws in the US is the greatest frustration of his presidency.";
    const P2: &str = "In an interview with the BBC, Mr Obama said it was distressing not to have made progress on the issue even in the face of repeated mass killings.";
    const P3: &str = "He vowed to keep trying, but the BBC's North America editor Jon Sopel said the president did not sound very confident.";

    /// Where a page is cut, and where it is not.
    #[test]
    fn cuts_only_at_full_articles() {
        let story = |r| {
            vec![
                (
                    Some(r),
                    "h2",
                    "Obama admits US gun laws are his biggest frustration",
                ),
                (Some(r), "p", P1),
                (Some(r), "p", P2),
                (Some(r), "p", P3),
            ]
        };
        let teaser = |r| {
            vec![
                (Some(r), "h2", "Sudan sanctions to be lifted"),
                (Some(r), "p", P1),
            ]
        };
        let cases: Vec<Case> = vec![
            (
                "one story",
                vec!["article"],
                [vec![(None, "p", "Home")], story(1)].concat(),
                vec![],
            ),
            (
                "two stories, a header and a footer",
                vec!["article", "article"],
                [
                    vec![(None, "p", "Home")],
                    story(1),
                    story(2),
                    vec![(None, "p", "© News")],
                ]
                .concat(),
                vec![0..5, 5..9],
            ),
            (
                "a story and one under an empty headline (a logo's <h1>)",
                vec!["article", "article"],
                [
                    story(1),
                    vec![(Some(2), "h1", "\n   ")],
                    story(2)[1..].to_vec(),
                ]
                .concat(),
                vec![],
            ),
            (
                "a story and a teaser card",
                vec!["article", "article"],
                [story(1), teaser(2)].concat(),
                vec![],
            ),
            (
                "two stories in divs",
                vec!["div", "div"],
                [story(1), story(2)].concat(),
                vec![],
            ),
            (
                "three stories by role",
                vec!["section", "section", "section"],
                [story(1), story(2), story(3)].concat(),
                vec![],
            ),
        ];
        for (what, roots, blocks, want) in cases {
            let p = page(&roots, &blocks);
            let got: Vec<Range<usize>> = segments(&p).into_iter().map(|s| s.blocks).collect();
            assert_eq!(got, want, "{what}");
        }
        // role="article" counts as <article>.
        let mut p = page(&["div", "div"], &[story(1), story(2)].concat());
        for el in &mut p.elements[1..] {
            el.hints = "story article".into();
        }
        assert_eq!(segments(&p).len(), 2, "role=article");
        // A wrapper <article> around two stories is no third one.
        let mut p = page(
            &["article", "article", "article"],
            &[story(2), story(3)].concat(),
        );
        for b in &mut p.blocks {
            b.path.insert(1, 1);
        }
        let got: Vec<u32> = segments(&p).iter().map(|s| s.root).collect();
        assert_eq!(got, vec![2, 3], "innermost roots");
    }
}
