//! Pages of several articles, and the pages that grow by appending them.
//!
//! A page that [`crate::article::segments`] cuts into two or more articles
//! is analysed article by article (and what follows the last, a footer, as
//! a part of its own that is no article): each article is a page of its own
//! ([`analyze_with`] of its blocks: its own article text, repeats within
//! it, entities and facts), and a paragraph that repeats one of an
//! earlier article (a site's blurb under every story, a paragraph two
//! stories share) is folded as a repeat of that one. The report is the
//! articles' reports joined: every block and every repeat of the page,
//! block indices counted from the page's first block; the sidebar's fields
//! (`entities`, `dates`, …) at the top are the first article's, and every
//! article's are in [`Report::articles`].
//!
//! # Appending
//!
//! A [`Feed`] keeps what it analysed of a page: a hash of each block read,
//! each article's report, and the paragraphs of the articles so far. When
//! the page is read again and its blocks start with the same blocks and
//! its first articles are cut where they were, those articles' reports are
//! kept and only the articles after them are analysed: an endless page
//! costs one analysis of each new article, not of the whole page again.
//! Whatever the order of reads, the report is the one [`analyze_articles`]
//! gives for the whole page at once (`tests/feed.rs` checks it on real
//! text): an article's analysis reads only its own blocks, and its
//! repeats of earlier articles only their paragraphs, both of which a
//! kept article has unchanged.
//!
//! The state is bounded by the page: one hash per block, one report and the
//! paragraph hashes per article. The extension keeps one [`Feed`] per tab
//! and drops it when the tab closes or leaves the page.

use std::collections::HashMap;

use crate::article::segments::{segments, Segment};
use crate::hash::{fnv, hstr, FNV_OFFSET};
use crate::page::{Element, Page};
use crate::report::{
    ArticleReport, RepeatAction, RepeatGroup, RepeatKind, RepeatRole, Report, Span, Stats,
};
use crate::text::{folded, utf16_len};
use crate::{analyze_with, Options};

/// Fewest words of a paragraph folded as a repeat of an earlier article:
/// shorter lines ("Advertisement", a byline) are no reading saved.
const MIN_REPEAT_WORDS: usize = 8;

/// The report of a page of several articles, or `None` when the page is one
/// article ([`analyze_with`] is its report then).
pub fn analyze_articles(page: &Page, opts: &Options) -> Option<Report> {
    Feed::default().analyze(page, opts)
}

/// What is kept of a page of several articles between two reads of it.
#[derive(Default)]
pub struct Feed {
    /// Hash of the page's own fields (title, language, dates).
    head: u64,
    /// Hash of each block read, with its ancestors' tags and hints.
    blocks: Vec<u64>,
    /// The articles analysed, in order.
    segs: Vec<Segment>,
    /// Each article's own report (block indices counted from its first block).
    parts: Vec<Report>,
    /// Each article's repeats of earlier articles (the page's block indices).
    cross: Vec<Vec<RepeatGroup>>,
    /// The folded text of each paragraph of the articles so far: its first
    /// block, and the article it is in.
    seen: HashMap<u64, (u32, usize)>,
    /// The blocks after the last article (its first block, and their report).
    tail: Option<(usize, Report)>,
    /// Blocks the last [`Feed::analyze`] analysed.
    analyzed: usize,
}

fn head_hash(page: &Page) -> u64 {
    let mut h = hstr(&page.title);
    h = fnv(h, hstr(&page.lang));
    for d in &page.dates {
        h = fnv(h, hstr(d));
    }
    h
}

fn block_hash(page: &Page, i: usize) -> u64 {
    let b = &page.blocks[i];
    let mut h = fnv(hstr(&b.tag), hstr(&b.hints));
    h = fnv(h, hstr(&b.text));
    h = fnv(h, u64::from(b.visible) | (u64::from(b.link_chars) << 1));
    for &e in &b.path {
        let el = page.elements.get(e as usize);
        h = fnv(
            h,
            el.map_or(FNV_OFFSET, |el| fnv(hstr(&el.tag), hstr(&el.hints))),
        );
    }
    h
}

/// The page of the blocks of `seg` alone, its elements numbered anew.
fn sub_page(page: &Page, seg: &Segment) -> Page {
    let mut map: HashMap<u32, u32> = HashMap::new();
    let mut elements: Vec<Element> = Vec::new();
    let blocks = page.blocks[seg.blocks.clone()]
        .iter()
        .map(|b| {
            let mut b = b.clone();
            for e in &mut b.path {
                *e = *map.entry(*e).or_insert_with(|| {
                    elements.push(page.elements.get(*e as usize).cloned().unwrap_or_default());
                    (elements.len() - 1) as u32
                });
            }
            b
        })
        .collect();
    Page {
        url: page.url.clone(),
        title: page.title.clone(),
        lang: page.lang.clone(),
        dates: page.dates.clone(),
        elements,
        blocks,
    }
}

impl Feed {
    /// Blocks the last [`Feed::analyze`] analysed: the new articles' blocks
    /// (all of them on a first read, none when nothing changed).
    pub fn analyzed_blocks(&self) -> usize {
        self.analyzed
    }

    /// Forgets the page.
    pub fn clear(&mut self) {
        *self = Feed::default();
    }

    /// The report of `page` ([`analyze_articles`]), analysing only the
    /// articles not already analysed on an earlier read of the same page;
    /// `None` (and nothing kept) when the page is one article.
    pub fn analyze(&mut self, page: &Page, opts: &Options) -> Option<Report> {
        let segs = segments(page);
        if segs.len() < 2 {
            self.clear();
            return None;
        }
        let head = head_hash(page);
        let hashes: Vec<u64> = (0..page.blocks.len())
            .map(|i| block_hash(page, i))
            .collect();
        let keep = if head == self.head {
            self.segs
                .iter()
                .zip(&segs)
                .take_while(|(a, b)| {
                    a == b && hashes.get(..a.blocks.end) == self.blocks.get(..a.blocks.end)
                })
                .count()
        } else {
            0
        };
        self.head = head;
        self.blocks = hashes;
        self.segs.truncate(keep);
        self.parts.truncate(keep);
        self.cross.truncate(keep);
        self.seen.retain(|_, &mut (_, k)| k < keep);
        self.analyzed = 0;
        let tail = segs.last().map_or(0, |s| s.blocks.end)..page.blocks.len();
        for seg in segs.into_iter().skip(keep) {
            let cross = self.earlier_copies(page, &seg);
            let mut sub = sub_page(page, &seg);
            let base = seg.blocks.start;
            // Left out of the article's analysis as a folded copy is.
            for g in &cross {
                sub.blocks[g.copies[0] as usize - base].visible = false;
            }
            let mut part = analyze_with(&sub, opts);
            for g in &cross {
                let b = &mut part.blocks[g.copies[0] as usize - base];
                b.folded = true;
                b.in_sidebar = false;
            }
            part.stats.folded += cross.len() as u32;
            self.analyzed += seg.blocks.len();
            self.segs.push(seg);
            self.parts.push(part);
            self.cross.push(cross);
        }
        // After the last story (a footer): read again each time, as what
        // moves when a story is appended before it; no story's sidebar.
        self.tail = (!tail.is_empty()).then(|| {
            let seg = Segment {
                root: 0,
                blocks: tail.clone(),
                headline: tail.start,
            };
            self.analyzed += tail.len();
            (seg.blocks.start, analyze_with(&sub_page(page, &seg), opts))
        });
        Some(self.report(page))
    }

    /// The paragraphs of article `seg` that repeat a paragraph of an
    /// earlier article, as repeats (the page's block indices), and
    /// remembers its own. Found before the article is analysed: a folded
    /// copy feeds neither its repeats nor its sidebar.
    fn earlier_copies(&mut self, page: &Page, seg: &Segment) -> Vec<RepeatGroup> {
        let k = self.segs.len();
        let mut found = Vec::new();
        for at in seg.blocks.clone() {
            let block = &page.blocks[at];
            if !block.visible
                || !matches!(block.tag.as_str(), "p" | "li" | "blockquote" | "div")
                || block.text.split_whitespace().count() < MIN_REPEAT_WORDS
            {
                continue;
            }
            let key = hstr(&folded(&block.text));
            let at = at as u32;
            match self.seen.get(&key) {
                Some(&(o, from)) if from < k => found.push(RepeatGroup {
                    kind: RepeatKind::Exact,
                    original: vec![o],
                    copies: vec![at],
                    action: RepeatAction::Fold,
                    role: RepeatRole::Paragraph,
                    similarity: 1.0,
                    spans: vec![Span {
                        block: at,
                        start: 0,
                        end: utf16_len(&block.text),
                    }],
                }),
                Some(_) => {}
                None => {
                    self.seen.insert(key, (at, k));
                }
            }
        }
        found
    }

    /// The articles' reports joined (see the module's doc).
    fn report(&self, page: &Page) -> Report {
        let mut blocks = Vec::new();
        let mut repeats = Vec::new();
        let mut articles = Vec::new();
        let mut stats = Stats::default();
        for ((seg, part), cross) in self.segs.iter().zip(&self.parts).zip(&self.cross) {
            let base = seg.blocks.start as u32;
            let shifted = shift(part, base);
            blocks.extend(shifted.blocks);
            repeats.extend(shifted.repeats);
            repeats.extend(cross.iter().cloned());
            stats.blocks += part.stats.blocks;
            stats.article_blocks += part.stats.article_blocks;
            stats.folded += part.stats.folded;
            stats.article_words += part.stats.article_words;
            let title = page.blocks[seg.headline].text.trim().to_string();
            articles.push(ArticleReport {
                title,
                start: base,
                end: seg.blocks.end as u32,
                headline: seg.headline as u32,
                entities: shifted.entities,
                published: shifted.published,
                language: shifted.language,
                dates: shifted.dates,
                quantities: shifted.quantities,
                quotes: shifted.quotes,
                stats: part.stats.clone(),
            });
        }
        if let Some((start, part)) = &self.tail {
            let shifted = shift(part, *start as u32);
            blocks.extend(shifted.blocks.into_iter().map(|mut b| {
                b.article = false;
                b.in_sidebar = false;
                b
            }));
            repeats.extend(shifted.repeats);
            stats.blocks += part.stats.blocks;
            stats.folded += part.stats.folded;
        }
        repeats.sort_by_key(|g: &RepeatGroup| {
            (g.copies.first().copied(), g.original.first().copied())
        });
        let first = articles[0].clone();
        Report {
            version: crate::SCHEMA_VERSION,
            title: page.title.clone(),
            blocks,
            repeats,
            entities: first.entities,
            published: first.published,
            language: first.language,
            dates: first.dates,
            quantities: first.quantities,
            quotes: first.quotes,
            stats,
            articles,
        }
    }
}

/// `part` with every block index moved by `base` (its article's first block).
fn shift(part: &Report, base: u32) -> Report {
    let mut r = part.clone();
    let sp = |s: &mut Span| s.block += base;
    for b in &mut r.blocks {
        b.index += base;
    }
    for g in &mut r.repeats {
        g.copies.iter_mut().for_each(|c| *c += base);
        g.original.iter_mut().for_each(|o| *o += base);
        g.spans.iter_mut().for_each(sp);
    }
    for e in &mut r.entities {
        e.mentions.iter_mut().for_each(sp);
    }
    r.dates.iter_mut().for_each(|d| sp(&mut d.mention));
    r.quantities.iter_mut().for_each(|q| sp(&mut q.mention));
    r.quotes.iter_mut().for_each(|q| sp(&mut q.mention));
    r
}

/// The [`Feed`]s of the pages open, by a key of the caller's (the
/// extension's tab and frame), at most [`Feeds::MAX`] of them: a new page
/// over the limit drops the one read longest ago. What a background keeps
/// for every tab is so bounded however many tabs the reader opens, and
/// closing a tab drops its feed at once ([`Feeds::drop_key`]).
#[derive(Default)]
pub struct Feeds {
    /// (key, last use, feed), in no order.
    open: Vec<(String, u64, Feed)>,
    clock: u64,
}

impl Feeds {
    /// Most pages kept.
    pub const MAX: usize = 8;

    /// The feed of `key`, made if need be (dropping the one used longest
    /// ago when [`Feeds::MAX`] are kept).
    pub fn get(&mut self, key: &str) -> &mut Feed {
        self.clock += 1;
        let now = self.clock;
        let at = match self.open.iter().position(|(k, _, _)| k == key) {
            Some(at) => at,
            None => {
                if self.open.len() >= Self::MAX {
                    let oldest = (0..self.open.len())
                        .min_by_key(|&i| self.open[i].1)
                        .unwrap_or(0);
                    self.open.swap_remove(oldest);
                }
                self.open.push((key.to_string(), now, Feed::default()));
                self.open.len() - 1
            }
        };
        self.open[at].1 = now;
        &mut self.open[at].2
    }

    /// Forgets the page of `key`.
    pub fn drop_key(&mut self, key: &str) {
        self.open.retain(|(k, _, _)| k != key);
    }

    /// Forgets every page whose key starts with `prefix` (a closed tab's frames).
    pub fn drop_prefix(&mut self, prefix: &str) {
        self.open.retain(|(k, _, _)| !k.starts_with(prefix));
    }

    /// How many pages are kept.
    pub fn len(&self) -> usize {
        self.open.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.open.is_empty()
    }
}
