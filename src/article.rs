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
//! A second, narrower decision is the sidebar's scope ([`ArticleInfo::scope`]):
//! the headline and the article text without what sits inside or beside it
//! but is not about it. It rests on structure more than on class words:
//! lists of cards (sibling elements of one shape, each a short unit with a
//! title of its own: teasers, a gallery of other stories), long tables of
//! short cells, a box that opens with a heading and a byline (a second
//! article), an `<article>` nested in or beside the article container.
//!
//! The heuristics are data: the keyword lists below, in one place.

use crate::page::{Block, Page};
use crate::text::{utf16_len, Fragments};

/// Class/id fragments of containers that hold the article.
const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "post",
    "text",
    "blog",
    "story",
    "articlebody",
    "prose",
    "column",
];

/// Class/id fragments of page furniture around the article.
const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "breadcrumb",
    "combx",
    "comment",
    "community",
    "contact",
    "disqus",
    "foot",
    "masthead",
    "meta",
    "outbrain",
    "promo",
    "related",
    "recommend",
    "scroll",
    "share",
    "sharing",
    "social",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "taboola",
    "tool",
    "widget",
    "menu",
    "nav",
    "cookie",
    "consent",
    "popup",
    "modal",
    "subscribe",
    "signup",
    "login",
    "trending",
    "most-read",
    "mostread",
    "popular",
    "teaser-list",
    "more-stories",
    "read-more",
    "byline-share",
    "pagination",
    "pager",
];

/// Fragments that mark an element as furniture even inside the article
/// container: a hard exclusion for every block below it.
const FURNITURE: &[&str] = &[
    "breadcrumb",
    "comment",
    "related",
    "recommend",
    "share",
    "sharing",
    "social",
    "sidebar",
    "menu",
    "navbar",
    "nav-",
    "-nav",
    "navigation",
    "cookie",
    "consent",
    "outbrain",
    "taboola",
    "newsletter-signup",
    "most-read",
    "mostread",
    "trending",
    "popular",
    "pagination",
    "pager",
    "skip-link",
    "toolbar",
    "tags",
    "more-stories",
    "footer",
    "masthead",
];

/// Fragments that rescue a container from [`FURNITURE`]: `contentWithSidebar`
/// holds the article, `related-stories` does not.
const MAYBE_CONTENT: &[&str] = &["article", "body", "column", "content", "main", "shadow"];

/// Tags whose subtree is never article text.
const FURNITURE_TAGS: &[&str] = &["nav", "footer", "aside", "form", "menu", "dialog", "button"];

/// ARIA roles of page furniture.
const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "menu",
    "menubar",
    "dialog",
    "search",
    "toolbar",
    "tablist",
];

/// Tags that are paragraph-like for scoring.
const SCORED_TAGS: &[&str] = &[
    "p",
    "pre",
    "td",
    "blockquote",
    "li",
    "dd",
    "div",
    "section",
    "article",
];

/// Bits of [`hint_mask`]: which keyword lists a hint string holds a fragment of.
const H_FURNITURE: u8 = 1;
const H_MAYBE_CONTENT: u8 = 2;
const H_NEGATIVE: u8 = 4;
const H_POSITIVE: u8 = 8;

/// Which of the keyword lists `hints` holds a fragment of, in one pass.
fn hint_mask(hints: &str) -> u8 {
    static F: std::sync::OnceLock<Fragments> = std::sync::OnceLock::new();
    // In the order of the H_* bits.
    F.get_or_init(|| Fragments::new(&[FURNITURE, MAYBE_CONTENT, NEGATIVE, POSITIVE]))
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
    /// signups. A subset of [`article`](Self::article) plus the headline; the
    /// repeats stage keeps reading `article`. See [`sidebar_scope`].
    pub scope: Vec<bool>,
}

/// Decides, for every block, whether it is article text.
pub fn classify(page: &Page) -> ArticleInfo {
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
    let masks: Vec<u8> = page
        .elements
        .iter()
        .map(|el| hint_mask(&el.hints))
        .collect();
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

    let tree = Tree::new(page);
    let cards = tree.cards(page);

    // Content scores, Readability style, pushed up to five ancestors.
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
        let scope = sidebar_scope(page, &tree, &cards, &article, &furniture, None);
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
    let scope = sidebar_scope(page, &tree, &cards, &article, &furniture, Some(top));
    ArticleInfo {
        article,
        furniture,
        container: Some(top as u32),
        candidates,
        scope,
    }
}

/// Class/id fragments of boxes inside the article container that are not
/// about the story: author boxes, newsletter signups, disclosures, promos
/// and lists of other stories. Only boxes that hold a small part of the
/// article's text are cut, so a `<div class="post-author-content">` around
/// the whole body is safe.
const OUT_OF_SCOPE: &[&str] = &[
    "author",
    "bio",
    "contributor",
    "newsletter",
    "signup",
    "sign-up",
    "subscri",
    "disclosure",
    "disclaimer",
    "copyright",
    "promo",
    "related",
    "recommend",
    "read-more",
    "readmore",
    "more-from",
    "see-also",
    "also-read",
    "trending",
    "popular",
    "comment",
    "paywall",
    "-cta",
    "cta-",
];

/// What the blocks' ancestor paths tell of the element tree.
struct Tree {
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
    fn new(page: &Page) -> Tree {
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
    fn cards(&self, page: &Page) -> Cards {
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
struct Cards {
    /// Per element: one card of such a list.
    item: Vec<bool>,
    /// Per element: the list itself (the cards' parent).
    list: Vec<bool>,
    /// Per block: inside a card.
    block: Vec<bool>,
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
fn sidebar_scope(
    page: &Page,
    tree: &Tree,
    cards: &Cards,
    article: &[bool],
    furniture: &[bool],
    top: Option<usize>,
) -> Vec<bool> {
    let n = page.blocks.len();
    let ne = page.elements.len();
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
    // Article text held under each element.
    let mut held = vec![0u64; ne];
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
    let minor = |e: usize, share: u64| held[e] * share < total.max(1);
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
    let mut out = vec![false; ne];
    // Boxes that are not about the story, by their class words.
    static F: std::sync::OnceLock<Fragments> = std::sync::OnceLock::new();
    let frags = F.get_or_init(|| Fragments::new(&[OUT_OF_SCOPE]));
    for (e, el) in page.elements.iter().enumerate() {
        if held[e] > 0
            && minor(e, 3)
            && !top_path.contains(&(e as u32))
            && frags.mask(&el.hints) != 0
        {
            out[e] = true;
        }
    }
    // A second article: a box whose first block is a heading and whose
    // next ones hold a byline, or a nested <article> with a heading.
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
        if held[e] == 0 || !minor(e, 2) || top_path.contains(&(e as u32)) {
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
    // Articles one after another in one container (a weekly edition's
    // front page): each opens with a heading and a byline. The first is the
    // article; a later one, after five or more paragraphs of the first, is
    // another story, and so is what follows it. (A live blog's entries are
    // shorter, and stay.)
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
    // Long tables of short cells: a directory (names, constituencies and
    // email addresses), not prose.
    let mut tables: std::collections::BTreeMap<u32, (std::collections::BTreeSet<u32>, u32, u32)> =
        Default::default();
    for (i, b) in page.blocks.iter().enumerate() {
        if !scope[i] {
            continue;
        }
        let Some(t) = b.path.iter().rposition(|&e| {
            page.elements
                .get(e as usize)
                .is_some_and(|el| el.tag == "table")
        }) else {
            continue;
        };
        let entry = tables.entry(b.path[t]).or_default();
        if let Some(&tr) = b.path[t..].iter().find(|&&e| {
            page.elements
                .get(e as usize)
                .is_some_and(|el| el.tag == "tr")
        }) {
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
            assert_eq!(m & H_FURNITURE != 0, naive(FURNITURE), "{hints}");
            assert_eq!(m & H_MAYBE_CONTENT != 0, naive(MAYBE_CONTENT), "{hints}");
            assert_eq!(m & H_NEGATIVE != 0, naive(NEGATIVE), "{hints}");
            assert_eq!(m & H_POSITIVE != 0, naive(POSITIVE), "{hints}");
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

/// The sidebar's scope on small pages shaped like real ones: what sits in or
/// beside the article but is not about it never feeds the sidebar, and the
/// article's own text always does.
#[cfg(all(test, feature = "cli"))]
mod scope_tests {
    const BODY: &str = r#"
<h1>Council approves the Bruckner rezoning after a long fight</h1>
<p>The New York City Council voted on Thursday to approve the rezoning of the Bruckner Boulevard area, ending a dispute that had divided the Bronx for two years.</p>
<p>Councilmember Marjorie Velázquez, who had opposed the plan, changed her position after the developers agreed to set aside 30 percent of the apartments for low-income tenants.</p>
<figure><img src="a.jpg"><figcaption>Residents of Throggs Neck gathered outside City Hall before the vote.</figcaption></figure>
<p>“This is a compromise that the neighbourhood can live with,” Velázquez said in a statement, adding that the city would fund a new school, a library and two parks.</p>
<ul><li>349 apartments, 30 percent of them affordable</li><li>A new public school for 400 pupils</li></ul>
<p>Opponents, led by the Throggs Neck Homeowners Association, said they would continue to fight the project in court, arguing that the streets cannot carry more traffic.</p>
"#;

    /// One page per case: the article above plus `extra` inside its
    /// container; every `(text, fed)` pair says whether the block holding
    /// `text` fed the sidebar.
    fn check(name: &str, extra: &str, want: &[(&str, bool)]) {
        let html = format!(
            "<html><body><div class=\"site\"><div class=\"story-body\">{BODY}{extra}</div></div></body></html>"
        );
        let page = crate::html::page_from_html(&html);
        let r = crate::analyze(&page);
        for &(text, fed) in want {
            let b = r
                .blocks
                .iter()
                .find(|b| b.text.contains(text))
                .unwrap_or_else(|| panic!("{name}: no block holds {text:?}"));
            assert_eq!(b.in_sidebar, fed, "{name}: {text:?} in_sidebar");
        }
        // The article's own text feeds the sidebar whatever sits beside it.
        for own in [
            "Council approves the Bruckner",
            "voted on Thursday",
            "Residents of Throggs Neck",
            "A new public school",
            "Opponents, led by",
        ] {
            let b = r.blocks.iter().find(|b| b.text.contains(own)).unwrap();
            assert!(b.in_sidebar, "{name}: the article's {own:?} left out");
        }
    }

    #[test]
    fn what_is_not_the_article_does_not_feed_the_sidebar() {
        let related: String = [
            (
                "Mayor Adams names a new police commissioner",
                "Edward Caban, a 30-year veteran, takes over the NYPD.",
            ),
            (
                "Knicks beat the Celtics in overtime",
                "Jalen Brunson scored 41 points at Madison Square Garden.",
            ),
            (
                "Subway fares rise to $2.90 in August",
                "The MTA board approved the increase on Wednesday.",
            ),
            (
                "Heat wave grips the Northeast",
                "Temperatures reached 98 degrees in Newark.",
            ),
        ]
        .iter()
        .map(|(t, s)| format!("<li><h3><a href=\"/{t}\">{t}</a></h3><p>{s}</p></li>"))
        .collect();
        let related = format!("<h2>More from the Bronx</h2><ul>{related}</ul>");
        let gallery: String = (1..=12)
            .map(|i| format!("<li><h2>{i}/12</h2><p>Slide {i}: Warren Buffett lost $3.6bn in last week's slump, shareholders of Berkshire Hathaway heard.</p><p>Getty</p></li>"))
            .collect();
        let gallery = format!("<div class=\"gallery\"><ul>{gallery}</ul></div>");
        let contacts: String = (1..=14)
            .map(|i| format!("<tr><td>Constituency {i}</td><td>Member Number{i}</td><td>member{i}@parliament.uk</td></tr>"))
            .collect();
        let contacts = format!("<p>Below is a list of members and their email addresses, so that you can write to yours.</p><table><caption>MEMBERS AND EMAIL ADDRESSES</caption>{contacts}</table>");
        let second = "<div class=\"factbox\"><h3>Prince Charles: young people need urgent help</h3>\
            <p>By Tom Pyman for MailOnline</p>\
            <p>As many as a million young people need urgent help, Prince Charles wrote in the Daily Telegraph.</p>\
            <p>The Prince's Trust was set up in 1976 to help vulnerable young people into work and training.</p></div>";
        let author = "<div class=\"author-bio\"><p>Jane Doe is a senior writer for the Bronx Times, covering housing and City Hall since 2015.</p></div>";
        let comments = "<section id=\"comments\"><div class=\"comment\"><p>Dave from Yonkers: Another giveaway to the developers, Velázquez should resign.</p></div></section>";
        let cta = "<section class=\"c-letters-cta\"><p>We want to hear what you think about this article. Submit a letter to the editor or write to letters@example.com.</p></section>";
        let linked = "<ul><li><a href=\"/u/1\">Councilmember Marjorie Velázquez and the Throggs Neck Homeowners Association</a> signed the agreement, which <a href=\"/doc/2\">was reviewed by</a> the City Planning Commission staff on Monday.</li></ul>";
        let small_table =
            "<table><tr><td>For</td><td>44</td></tr><tr><td>Against</td><td>6</td></tr></table>";
        type Case<'a> = (&'a str, String, &'a [(&'a str, bool)]);
        let cases: &[Case] = &[
            (
                "related list",
                related,
                &[
                    ("Knicks beat", false),
                    ("Jalen Brunson", false),
                    ("Subway fares", false),
                ],
            ),
            (
                "gallery of other stories",
                gallery,
                &[("Slide 3: Warren Buffett", false), ("Slide 11", false)],
            ),
            (
                "table of contacts",
                contacts,
                &[
                    ("member7@parliament.uk", false),
                    ("Member Number3", false),
                    ("Below is a list", true),
                ],
            ),
            (
                "second article",
                second.into(),
                &[
                    ("By Tom Pyman", false),
                    ("As many as a million", false),
                    ("The Prince's Trust", false),
                ],
            ),
            (
                "author box",
                author.into(),
                &[("Jane Doe is a senior writer", false)],
            ),
            ("comments", comments.into(), &[("Dave from Yonkers", false)]),
            ("call to action", cta.into(), &[("We want to hear", false)]),
            (
                "byline",
                "<p>By Jane Doe and Juan Pérez</p>".into(),
                &[("By Jane Doe", false)],
            ),
            (
                "a sentence about linked things",
                linked.into(),
                &[("was reviewed by", true)],
            ),
            (
                "a small table of the article's own figures",
                small_table.into(),
                &[("Against", true)],
            ),
        ];
        for (name, extra, want) in cases {
            check(name, extra, want);
        }
    }

    #[test]
    fn entities_come_from_the_article_only() {
        let related: String = [
            (
                "Mayor Adams names a new police commissioner",
                "Edward Caban takes over the NYPD.",
            ),
            (
                "Knicks beat the Celtics in overtime",
                "Jalen Brunson scored 41 points.",
            ),
            (
                "Heat wave grips the Northeast",
                "Temperatures reached 98 degrees in Newark.",
            ),
        ]
        .iter()
        .map(|(t, s)| format!("<li><h3><a href=\"/{t}\">{t}</a></h3><p>{s}</p></li>"))
        .collect::<String>();
        let html = format!(
            "<html><body><div class=\"story-body\">{BODY}<ul>{related}</ul></div></body></html>"
        );
        let r = crate::analyze(&crate::html::page_from_html(&html));
        let names: Vec<&str> = r.entities.iter().map(|e| e.name.as_str()).collect();
        assert!(names.iter().any(|n| n.contains("Velázquez")), "{names:?}");
        for other in ["Brunson", "Caban", "Newark", "Celtics"] {
            assert!(
                !names.iter().any(|n| n.contains(other)),
                "{other} in {names:?}"
            );
        }
        // Every mention, date, number and quote points into a block that
        // fed the sidebar.
        let spans = r
            .entities
            .iter()
            .flat_map(|e| e.mentions.iter())
            .chain(r.dates.iter().map(|d| &d.mention))
            .chain(r.quantities.iter().map(|q| &q.mention))
            .chain(r.quotes.iter().map(|q| &q.mention));
        let mut n = 0;
        for m in spans {
            assert!(r.blocks[m.block as usize].in_sidebar, "block {}", m.block);
            n += 1;
        }
        assert!(n > 5 && !r.quotes.is_empty() && !r.quantities.is_empty());
    }

    /// Stories one after another in one container, each with a heading and
    /// a byline: the sidebar reads the first; a live blog's short entries
    /// all stay.
    #[test]
    fn a_second_bylined_story_in_the_same_container_is_left_out() {
        let para = |i: usize, who: &str| {
            format!("<p>Paragraph {i}: {who} said on Tuesday that the project would continue, and that the dispute over the name had cost the community a great deal of time.</p>")
        };
        let lead: String = (1..=6).map(|i| para(i, "Massimo Banzi")).collect();
        let second: String = (1..=4).map(|i| para(i, "Anita Graser")).collect();
        let html = format!(
            "<html><body><div class=\"articletext\"><h1>Weekly Edition for March 26, 2015</h1>\
             <h2>A trademark battle in the Arduino community</h2><div>By Nathan Willis<br>March 25, 2015</div>{lead}\
             <h2>Mapping and data mining with QGIS 2.8</h2><div>By Nathan Willis<br>March 25, 2015</div>{second}\
             </div></body></html>"
        );
        let r = crate::analyze(&crate::html::page_from_html(&html));
        let fed = |text: &str| {
            r.blocks
                .iter()
                .filter(|b| b.text.contains(text))
                .all(|b| b.in_sidebar)
        };
        assert!(fed("Massimo Banzi"));
        assert!(!r
            .blocks
            .iter()
            .any(|b| b.text.contains("Anita Graser") && b.in_sidebar));
        assert!(!r.entities.iter().any(|e| e.name.contains("Graser")));

        let entries: String = (1..=4)
            .map(|i| {
                format!(
                    "<h3>Update {i}</h3><div>By Tom Pyman</div>{}",
                    para(i, "Liz Truss")
                )
            })
            .collect();
        let html = format!("<html><body><div class=\"liveblog\"><h1>Live: the vote</h1>{entries}</div></body></html>");
        let r = crate::analyze(&crate::html::page_from_html(&html));
        let n = r
            .blocks
            .iter()
            .filter(|b| b.text.contains("Liz Truss") && b.in_sidebar)
            .count();
        assert_eq!(n, 4, "every entry of a live blog feeds the sidebar");
    }

    /// A layout class that names its sidebar (`c-fixed-sidebar-layout`)
    /// around the story is not a sidebar: it holds the page's paragraphs.
    #[test]
    fn a_sidebar_layout_around_the_story_is_not_furniture() {
        let links: String = (1..=60)
            .map(|i| format!("<li><a href=\"/s/{i}\">Section number {i} of the site</a></li>"))
            .collect();
        let html = format!(
            "<html><body><div class=\"o-row c-fixed-sidebar-layout--300\"><div class=\"o-col\">{BODY}</div></div>\
             <div class=\"site-links\"><ul>{links}</ul></div></body></html>"
        );
        let r = crate::analyze(&crate::html::page_from_html(&html));
        for own in ["voted on Thursday", "Opponents, led by"] {
            let b = r.blocks.iter().find(|b| b.text.contains(own)).unwrap();
            assert!(b.article && b.in_sidebar, "{own:?} left out");
        }
    }

    /// A lead paragraph folded as a copy of a teaser outside the article
    /// (the repeats stage may do that) still feeds the sidebar: its
    /// original is not read.
    #[test]
    fn the_lead_folded_behind_a_teaser_still_feeds_the_sidebar() {
        let html = r#"<html><body><div class="stream"><ul><li><h3><a href="/a">Russian cargo ship breaks up</a></h3><p>An unmanned Russian cargo spaceship heading to the International Space Station broke up in the atmosphere over Siberia on Thursday due to an unspecified malfunction, the Russian space agency said.</p></li><li><h3><a href="/b">Buzz Aldrin evacuated</a></h3><p>Buzz Aldrin, 86, was evacuated from the South Pole on Thursday, his manager said.</p></li><li><h3><a href="/c">Putin voices hope</a></h3><p>Vladimir Putin voiced hope of mending the rift with Washington.</p></li></ul></div><article><h1>Russia: Space ship malfunctions, breaks up over Siberia</h1><p>An unmanned Russian cargo spaceship heading to the International Space Station broke up in the atmosphere over Siberia on Thursday due to an unspecified malfunction, the Russian space agency said.</p><p>The Progress MS-04 cargo craft broke up at an altitude of 190 kilometers over the remote Tuva region in Siberia that borders Mongolia, Roscosmos said in a statement.</p><p>Local people reported seeing a flash of light and hearing a loud thud west of the regional capital of Kyzyl, the Tuva government was quoted as saying by the Interfax news agency.</p><p>The Progress cargo ship had lifted off as scheduled from Russia's space launch complex in Baikonur, Kazakhstan, to deliver 2.5 metric tons of fuel, water, food and other supplies.</p><p>Roscosmos said the craft was operating normally before it stopped transmitting data, and that a commission was looking into the cause.</p></article></body></html>"#;
        let r = crate::analyze(&crate::html::page_from_html(html));
        let lead = r
            .blocks
            .iter()
            .rfind(|b| b.text.starts_with("An unmanned Russian cargo"))
            .unwrap();
        let teaser = r
            .blocks
            .iter()
            .find(|b| b.text.starts_with("An unmanned Russian cargo"))
            .unwrap();
        assert!(lead.in_sidebar && !teaser.in_sidebar);
        let siberia = r.entities.iter().find(|e| e.name == "Siberia").unwrap();
        assert!(siberia.mentions.iter().any(|m| m.block == lead.index));
    }
}
