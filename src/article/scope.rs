//! The sidebar's scope ([`ArticleInfo::scope`](super::ArticleInfo::scope)):
//! the headline and the article text without what sits inside or beside it
//! but is not about it. It rests on structure more than on class words:
//! lists of cards (sibling elements of one shape, each a short unit with a
//! title of its own: teasers, a gallery of other stories), long tables of
//! short cells, a box that opens with a heading and a byline (a second
//! article), an `<article>` nested in or beside the article container, and
//! the back matter a heading opens after the text (references, notes,
//! acknowledgements, comments), and code listings in `<pre>`.
//! `tests/scope.rs` checks it on small pages shaped like real ones.

use super::{is_prose, link_density};
use crate::lexicon::Words;
use crate::page::{Block, Page};
use crate::text::{utf16_len, Fragments};

/// Class/id fragments of boxes inside the article container that are not
/// about the story: author boxes, newsletter signups, disclosures, promos
/// and lists of other stories. Only boxes that hold a small part of the
/// article's text are cut, so a `<div class="post-author-content">` around
/// the whole body is safe.
static OUT_OF_SCOPE: Words =
    Words::new(include_str!("../../lexicon/article/out-of-scope-hints.txt"));

/// Whole headings that open the back matter after an article's text
/// ("References", "Further reading", "Acknowledgements", "12 Comments"):
/// reference lists and comment threads name people and organisations the
/// story is not about.
static BACK_MATTER: Words = Words::new(include_str!(
    "../../lexicon/article/back-matter-headings.txt"
));

/// What the blocks' ancestor paths tell of the element tree.
pub(super) struct Tree {
    /// Per element: its parent, or `u32::MAX` where no path shows it.
    parent: Vec<u32>,
    /// Per element: counts over the visible, non-empty blocks below it.
    stats: Vec<Stat>,
}

#[derive(Clone, Copy, Default)]
struct Stat {
    /// Blocks below the element.
    blocks: u32,
    /// Of those, headings (`h1`–`h6`).
    headings: u32,
    /// Of those, blocks that are mostly one link (a teaser's title,
    /// headings included).
    link_titles: u32,
    /// Characters of the blocks that are neither.
    body: u32,
}

/// A block whose trimmed text is mostly link: a teaser's title.
fn is_link_title(b: &Block) -> bool {
    let len = utf16_len(b.text.trim());
    len >= 4 && b.link_chars.min(len) * 2 >= len
}

fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

impl Tree {
    pub(super) fn new(page: &Page) -> Tree {
        let ne = page.elements.len();
        let mut parent = vec![u32::MAX; ne];
        let mut stats = vec![Stat::default(); ne];
        for b in &page.blocks {
            for w in b.path.windows(2) {
                if let Some(p) = parent.get_mut(w[1] as usize) {
                    *p = w[0];
                }
            }
            let text = b.text.trim();
            if !b.visible || text.is_empty() {
                continue;
            }
            let heading = is_heading(&b.tag);
            let link = is_link_title(b);
            let len = utf16_len(text);
            for &e in &b.path {
                if let Some(st) = stats.get_mut(e as usize) {
                    st.blocks += 1;
                    st.headings += heading as u32;
                    st.link_titles += link as u32;
                    if !heading && !link {
                        st.body = st.body.saturating_add(len);
                    }
                }
            }
        }
        Tree { parent, stats }
    }

    /// Lists of cards: three or more sibling elements of the same tag and
    /// class (digits aside), most of them a short unit with a title of its
    /// own: a link (the teasers of "related", "recommended", "trending",
    /// a stream of other stories) or, in runs of ten or more, a heading
    /// (the slides of a gallery of other stories). An article's own
    /// paragraphs, bullet points and captions have no title each.
    pub(super) fn cards(&self, page: &Page) -> Cards {
        let ne = page.elements.len();
        let mut groups: std::collections::BTreeMap<(u32, String), Vec<usize>> = Default::default();
        for e in 0..ne {
            let p = self.parent[e];
            let el = &page.elements[e];
            // Rows of a table are data, not teasers, even with a link each.
            if p == u32::MAX
                || self.stats[e].blocks == 0
                || matches!(
                    el.tag.as_str(),
                    "tr" | "td" | "th" | "tbody" | "thead" | "table"
                )
            {
                continue;
            }
            let sig: String = el
                .tag
                .chars()
                .chain(std::iter::once(' '))
                .chain(el.hints.chars().filter(|c| !c.is_ascii_digit()))
                .collect();
            groups.entry((p, sig)).or_default().push(e);
        }
        let mut item = vec![false; ne];
        let mut list = vec![false; ne];
        for ((p, _), members) in &groups {
            let n = members.len();
            if n < 3 {
                continue;
            }
            let short =
                |st: &Stat, titles: u32| titles >= 1 && st.blocks - titles <= 3 && st.body <= 600;
            let linked = members
                .iter()
                .filter(|&&m| short(&self.stats[m], self.stats[m].link_titles))
                .count();
            let headed = members
                .iter()
                .filter(|&&m| short(&self.stats[m], self.stats[m].headings))
                .count();
            let by_link = linked * 4 >= n * 3;
            if by_link || (n >= 10 && headed * 4 >= n * 3) {
                // Only the short members: a sibling holding the body stays.
                for &m in members {
                    let st = &self.stats[m];
                    if short(st, if by_link { st.link_titles } else { st.headings }) {
                        item[m] = true;
                    }
                }
                if let Some(l) = list.get_mut(*p as usize) {
                    *l = true;
                }
            }
        }
        let mut block: Vec<bool> = page
            .blocks
            .iter()
            .map(|b| b.path.iter().any(|&e| item.get(e as usize) == Some(&true)))
            .collect();
        // Cards are beside an article, not the article: where little
        // running text is left outside them (a listicle, a gallery page),
        // they are the content.
        let (mut prose, mut paragraphs) = (0usize, 0usize);
        for (i, b) in page.blocks.iter().enumerate() {
            if !block[i] && b.visible && is_prose(b) && link_density(b) < 0.3 {
                prose += b.text.trim().len();
                paragraphs += 1;
            }
        }
        if prose < 600 || paragraphs < 3 {
            item.fill(false);
            list.fill(false);
            block.fill(false);
        }
        // A list is one only where its cards hold most of its text: the
        // body that a few embedded cards sit in stays a container.
        let (mut in_cards, mut all) = (vec![0u64; ne], vec![0u64; ne]);
        for (i, b) in page.blocks.iter().enumerate() {
            let len = b.text.trim().len() as u64;
            for &e in &b.path {
                if list.get(e as usize) == Some(&true) {
                    all[e as usize] += len;
                    in_cards[e as usize] += if block[i] { len } else { 0 };
                }
            }
        }
        for e in 0..ne {
            list[e] = list[e] && in_cards[e] * 2 >= all[e];
        }
        Cards { item, list, block }
    }
}

/// Which elements and blocks are cards of a list of teasers or slides.
pub(super) struct Cards {
    /// Per element: one card of such a list.
    pub(super) item: Vec<bool>,
    /// Per element: the list itself (the cards' parent).
    pub(super) list: Vec<bool>,
    /// Per block: inside a card.
    pub(super) block: Vec<bool>,
}

/// Starts like a byline: "By Tom Pyman for MailOnline".
fn is_byline(text: &str) -> bool {
    let t = text.trim();
    let mut words = t.split_whitespace();
    let first = words.next().unwrap_or("");
    // A name follows: "By the numbers" is a heading, not a byline.
    let named = words
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(|c| c.is_uppercase());
    matches!(first, "By" | "BY" | "by") && named && t.split_whitespace().count() <= 12
}

/// The blocks the sidebar reads: see [`ArticleInfo::scope`].
pub(super) fn sidebar_scope(
    page: &Page,
    tree: &Tree,
    cards: &Cards,
    article: &[bool],
    furniture: &[bool],
    top: Option<usize>,
) -> Vec<bool> {
    let n = page.blocks.len();
    let mut scope = article.to_vec();
    // The headline: the first visible <h1> outside page furniture, even
    // where it sits above the article container.
    let headline = page
        .blocks
        .iter()
        .enumerate()
        .find(|(i, b)| b.tag == "h1" && b.visible && !furniture[*i] && !cards.block[*i])
        .map(|(i, _)| i);
    if let Some(h) = headline {
        scope[h] = true;
    }
    let held = Held::new(page, &scope);
    // The container and its ancestors are the article, whatever their class
    // words say (WordPress puts `author-<name>` on every post).
    let top_path: Vec<u32> = top
        .and_then(|t| {
            page.blocks
                .iter()
                .find(|b| b.path.contains(&(t as u32)))
                .map(|b| {
                    b.path[..=b.path.iter().position(|&e| e as usize == t).unwrap_or(0)].to_vec()
                })
        })
        .unwrap_or_default();
    let mut out = hinted_boxes(page, &held, &top_path);
    second_articles(page, tree, &held, &top_path, headline, &mut out);
    cut_later_stories(page, &mut scope);
    cut_back_matter(page, &mut scope);
    cut_code(page, &mut scope);
    directories(page, &scope, &mut out);
    for (i, b) in page.blocks.iter().enumerate() {
        if !scope[i] || Some(i) == headline {
            continue;
        }
        // A byline names the writer, not someone the story is about.
        if !is_heading(&b.tag) && is_byline(&b.text) {
            scope[i] = false;
            continue;
        }
        if b.path.iter().any(|&e| out.get(e as usize) == Some(&true)) {
            scope[i] = false;
            continue;
        }
        // Outside the article container, inside another <article>: a
        // second story beside the first.
        if top.is_some() && !b.path.iter().any(|&e| Some(e as usize) == top) {
            let other = b.path.iter().any(|&e| {
                page.elements
                    .get(e as usize)
                    .is_some_and(|el| el.tag == "article")
                    && !top_path.contains(&e)
                    && !headline.is_some_and(|h| page.blocks[h].path.contains(&e))
            });
            if other {
                scope[i] = false;
            }
        }
    }
    debug_assert_eq!(scope.len(), n);
    scope
}

/// Article text held under each element, and in all.
struct Held {
    held: Vec<u64>,
    total: u64,
}

impl Held {
    fn new(page: &Page, scope: &[bool]) -> Held {
        let mut held = vec![0u64; page.elements.len()];
        let mut total = 0u64;
        for (i, b) in page.blocks.iter().enumerate() {
            if !scope[i] {
                continue;
            }
            let len = b.text.trim().len() as u64;
            total += len;
            for &e in &b.path {
                if let Some(h) = held.get_mut(e as usize) {
                    *h += len;
                }
            }
        }
        Held { held, total }
    }

    /// The element holds article text, less than a `share`-th of it.
    fn minor(&self, e: usize, share: u64) -> bool {
        self.held[e] > 0 && self.held[e] * share < self.total.max(1)
    }
}

/// Boxes that are not about the story, by their class words: per element.
fn hinted_boxes(page: &Page, held: &Held, top_path: &[u32]) -> Vec<bool> {
    static F: std::sync::OnceLock<Fragments> = std::sync::OnceLock::new();
    let frags = F.get_or_init(|| Fragments::new(&[OUT_OF_SCOPE.list()]));
    page.elements
        .iter()
        .enumerate()
        .map(|(e, el)| {
            held.minor(e, 3) && !top_path.contains(&(e as u32)) && frags.mask(&el.hints) != 0
        })
        .collect()
}

/// A second article: a box whose first block is a heading and whose next
/// ones hold a byline, or a nested <article> with a heading.
fn second_articles(
    page: &Page,
    tree: &Tree,
    held: &Held,
    top_path: &[u32],
    headline: Option<usize>,
    out: &mut [bool],
) {
    let ne = page.elements.len();
    let mut first: Vec<Vec<usize>> = vec![Vec::new(); ne];
    for (i, b) in page.blocks.iter().enumerate() {
        if !b.visible || b.text.trim().is_empty() {
            continue;
        }
        for &e in &b.path {
            if let Some(f) = first.get_mut(e as usize) {
                if f.len() < 4 {
                    f.push(i);
                }
            }
        }
    }
    for e in 0..ne {
        let f = &first[e];
        if !held.minor(e, 2) || top_path.contains(&(e as u32)) {
            continue;
        }
        if headline.is_some_and(|h| page.blocks[h].path.contains(&(e as u32))) {
            continue;
        }
        let opens_with_heading = f.first().is_some_and(|&i| is_heading(&page.blocks[i].tag));
        let bylined = f
            .iter()
            .skip(1)
            .take(2)
            .any(|&i| is_byline(&page.blocks[i].text));
        let nested_article = page.elements[e].tag == "article" && tree.stats[e].headings > 0;
        if (opens_with_heading && bylined && tree.stats[e].blocks >= 4) || nested_article {
            out[e] = true;
        }
    }
}

/// Articles one after another in one container (a weekly edition's front
/// page): each opens with a heading and a byline. The first is the
/// article; a later one, after five or more paragraphs of the first, is
/// another story, and so is what follows it. (A live blog's entries are
/// shorter, and stay.)
fn cut_later_stories(page: &Page, scope: &mut [bool]) {
    let n = page.blocks.len();
    let visible: Vec<usize> = (0..n)
        .filter(|&i| page.blocks[i].visible && !page.blocks[i].text.trim().is_empty())
        .collect();
    // Paragraphs of the scope before each block: counts between two blocks
    // in constant time, so a page of a thousand bylines stays linear.
    let mut before = vec![0u32; n + 1];
    for i in 0..n {
        before[i + 1] = before[i] + (scope[i] && is_prose(&page.blocks[i])) as u32;
    }
    let mut lead: Option<usize> = None;
    let mut cut_from: Option<usize> = None;
    for (k, &i) in visible.iter().enumerate() {
        let b = &page.blocks[i];
        if is_heading(&b.tag) || !is_byline(&b.text) {
            continue;
        }
        let Some(&h) = visible[k.saturating_sub(2)..k]
            .iter()
            .rev()
            .find(|&&j| is_heading(&page.blocks[j].tag))
        else {
            continue;
        };
        match lead {
            None => lead = Some(h),
            Some(l) => {
                if before[h] - before[l] >= 5 {
                    cut_from = Some(h);
                    break;
                }
            }
        }
    }
    if let Some(c) = cut_from {
        for s in scope.iter_mut().skip(c) {
            *s = false;
        }
    }
}

/// A heading's text as [`BACK_MATTER`] lists it: lower case, without a
/// wiki's "[edit]", numbering ("11 References"), a count ("Comments (12)")
/// or a final colon.
fn heading_key(text: &str) -> String {
    let t = text.trim();
    let t = match t.rfind('[') {
        Some(i) if t.ends_with(']') => &t[..i],
        _ => t,
    };
    let t = match t.rfind('(') {
        Some(i) if t.ends_with(')') && t[i..].chars().all(|c| !c.is_alphabetic()) => &t[..i],
        _ => t,
    };
    let t = t.trim_matches(|c: char| c.is_ascii_digit() || c.is_whitespace() || ".:#§".contains(c));
    t.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Back matter after the article's text: a heading from [`BACK_MATTER`]
/// and what follows it, up to the next heading of the same or a higher
/// level, leave the scope. Only after three paragraphs of the article, so
/// a page that is itself a list of references or a thread keeps its text.
fn cut_back_matter(page: &Page, scope: &mut [bool]) {
    let mut paragraphs = 0usize;
    // The level of the back-matter heading being cut, 1 to 6.
    let mut cutting: Option<u8> = None;
    for (i, b) in page.blocks.iter().enumerate() {
        if !b.visible || b.text.trim().is_empty() {
            continue;
        }
        if is_heading(&b.tag) {
            let level = b.tag.as_bytes()[1] - b'0';
            if cutting.is_some_and(|l| level <= l) {
                cutting = None;
            }
            if cutting.is_none() && paragraphs >= 3 && BACK_MATTER.has(&heading_key(&b.text)) {
                cutting = Some(level);
            }
        } else if cutting.is_none() && scope[i] && is_prose(b) {
            paragraphs += 1;
        }
        if cutting.is_some() {
            scope[i] = false;
        }
    }
}

/// Inside `<pre>` or `<code>`: a listing (source code, a shell session,
/// a query and its output), not sentences. Its identifiers and keywords
/// (`POST`, `FormData`, `PARTITION`) are not names the story is about.
/// Cut only where the scope keeps running text outside such blocks (three
/// paragraphs, 600 characters, as for lists of cards): a page that is all
/// preformatted text (a plain-text document, a poem) keeps it.
fn cut_code(page: &Page, scope: &mut [bool]) {
    let is_code = |b: &Block| {
        matches!(b.tag.as_str(), "pre" | "code")
            || b.path.iter().any(|&e| {
                page.elements
                    .get(e as usize)
                    .is_some_and(|el| matches!(el.tag.as_str(), "pre" | "code"))
            })
    };
    let code: Vec<bool> = page
        .blocks
        .iter()
        .zip(scope.iter())
        .map(|(b, &s)| s && is_code(b))
        .collect();
    let (mut prose, mut paragraphs) = (0usize, 0usize);
    for (i, b) in page.blocks.iter().enumerate() {
        if scope[i] && !code[i] && b.visible && is_prose(b) {
            prose += b.text.trim().len();
            paragraphs += 1;
        }
    }
    if prose < 600 || paragraphs < 3 {
        return;
    }
    for (s, c) in scope.iter_mut().zip(code) {
        *s &= !c;
    }
}

/// Long tables of short cells: a directory (names, constituencies and
/// email addresses), not prose. Marks each such table in `out`.
fn directories(page: &Page, scope: &[bool], out: &mut [bool]) {
    let mut tables: std::collections::BTreeMap<u32, (std::collections::BTreeSet<u32>, u32, u32)> =
        Default::default();
    let is_tag = |e: u32, tag: &str| {
        page.elements
            .get(e as usize)
            .is_some_and(|el| el.tag == tag)
    };
    for (i, b) in page.blocks.iter().enumerate() {
        if !scope[i] {
            continue;
        }
        let Some(t) = b.path.iter().rposition(|&e| is_tag(e, "table")) else {
            continue;
        };
        let entry = tables.entry(b.path[t]).or_default();
        if let Some(&tr) = b.path[t..].iter().find(|&&e| is_tag(e, "tr")) {
            entry.0.insert(tr);
        }
        let text = b.text.trim();
        entry.1 += 1;
        entry.2 += (text.chars().count() < 80 && !text.contains(". ")) as u32;
    }
    for (t, (rows, cells, short)) in tables {
        if rows.len() >= 10 && short * 10 >= cells * 9 {
            if let Some(o) = out.get_mut(t as usize) {
                *o = true;
            }
        }
    }
}
