//! The article's text as the tagger and the fact extractors read it: the
//! headline and the article blocks outside folded repeats (and outside
//! bylines and credits), tokenised and split into sentences, with the
//! UTF-16 offsets every mention and fact points back with.

use crate::article::ArticleInfo;
use crate::lexicon::Words;
use crate::ner::tokens;
use crate::page::Page;
use crate::report::Span;
use crate::text::{Fragments, Utf16Map};

/// The article's text as the tagger and the fact extractors read it: the
/// headline and the article blocks outside folded repeats, tokenised and
/// split into sentences.
pub struct Doc<'a> {
    /// (block, text) of each text unit, in reading order.
    pub units: Vec<(usize, &'a str)>,
    /// Tokens per unit.
    pub toks: Vec<Vec<tokens::Tok>>,
    /// Sentences as (unit, token range).
    pub sents: Vec<(usize, std::ops::Range<usize>)>,
    /// Byte → UTF-16 offsets per unit.
    pub utf16: Vec<Utf16Map>,
}

impl Doc<'_> {
    /// UTF-16 offsets of a byte range of a unit's text.
    pub fn utf16_range(&self, unit: usize, start: usize, end: usize) -> (u32, u32) {
        let (map, text) = (&self.utf16[unit], self.units[unit].1);
        (map.get(text, start), map.get(text, end))
    }

    /// Where a token range of a unit is, as a [`Span`] of its block.
    pub fn span(&self, unit: usize, tok: std::ops::Range<usize>) -> Span {
        let toks = &self.toks[unit];
        let (start, end) = self.utf16_range(unit, toks[tok.start].start, toks[tok.end - 1].end);
        Span {
            block: self.units[unit].0 as u32,
            start,
            end,
        }
    }
}

/// A mention of an entity in [`Doc`] terms.
#[derive(Clone, Debug)]
pub struct MentionRef {
    /// Text unit.
    pub unit: usize,
    /// Sentence (index into [`Doc::sents`]).
    pub sent: usize,
    /// Token range within the unit.
    pub tok: std::ops::Range<usize>,
    /// Index of the entity in the returned list.
    pub entity: usize,
}

/// A sentence of a text unit, as the extractors see it.
pub struct Sentence<'a> {
    /// The unit's text.
    pub text: &'a str,
    /// The unit's tokens.
    pub toks: &'a [tokens::Tok],
    /// Token range of the sentence.
    pub range: std::ops::Range<usize>,
    /// Page language (`en`, `de`, …), lower case.
    pub lang: &'a str,
    /// Numeric dates read month first (US English).
    pub lang_us: bool,
}

impl<'a> Sentence<'a> {
    /// The word at absolute token index `i`.
    pub fn word(&self, i: usize) -> &'a str {
        let t = self.toks[i];
        &self.text[t.start..t.end]
    }

    /// The sentence's words.
    pub fn words(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.range.clone().map(move |i| self.word(i))
    }

    /// Source text of a token range.
    pub fn source(&self, r: std::ops::Range<usize>) -> &'a str {
        if r.is_empty() {
            return "";
        }
        &self.text[self.toks[r.start].start..self.toks[r.end - 1].end]
    }
}

/// The article's text units: the blocks of its scope, in page order, less folded repeats and credit lines.
pub fn build_doc<'a>(page: &'a Page, info: &ArticleInfo, folded: &[bool]) -> Doc<'a> {
    let mut units = Vec::new();
    // The article's scope (headline, body, its own captions; see
    // `ArticleInfo::scope`) less folded repeats and credit lines.
    for (i, b) in page.blocks.iter().enumerate() {
        if info.scope[i] && !folded[i] && !is_credit(page, i) {
            units.push((i, b.text.as_str()));
        }
    }
    let toks: Vec<Vec<tokens::Tok>> = units.iter().map(|(_, t)| tokens::tokenize(t)).collect();
    let mut sents = Vec::new();
    for (u, (_, t)) in units.iter().enumerate() {
        for r in tokens::sentences(t, &toks[u]) {
            // Very long "sentences" (lists without punctuation) are cut so
            // that Viterbi's cost stays linear.
            let mut s = r.start;
            while s < r.end {
                let e = (s + 200).min(r.end);
                sents.push((u, s..e));
                s = e;
            }
        }
    }
    let utf16 = units.iter().map(|(_, t)| Utf16Map::new(t)).collect();
    Doc {
        units,
        toks,
        sents,
        utf16,
    }
}

/// Class/id fragments of bylines, photo credits and similar furniture
/// inside the article: the names there are not what the article is about.
static CREDIT_HINTS: Words = Words::new(include_str!("../lexicon/doc/credit-hints.txt"));

/// Bylines, photo credits and one- or two-word interface labels.
pub(crate) fn is_credit(page: &Page, i: usize) -> bool {
    let b = &page.blocks[i];
    static HINTS: std::sync::OnceLock<Fragments> = std::sync::OnceLock::new();
    let hints = HINTS.get_or_init(|| Fragments::new(&[CREDIT_HINTS.list()]));
    let hinted = |h: &str| hints.mask(h) != 0;
    if hinted(&b.hints)
        || b.path.iter().rev().take(2).any(|&e| {
            // An <article> is the story, not its credit line, whatever
            // its classes say (WordPress puts `author-<name>` on posts).
            page.elements.get(e as usize).is_some_and(|el| {
                !matches!(el.tag.as_str(), "article" | "main" | "body") && hinted(&el.hints)
            })
        })
    {
        return true;
    }
    let t = b.text.trim();
    // Past 40 words only the opening phrases below are looked at: no need
    // to lower-case a whole paragraph for them.
    let words = t.split_whitespace().take(41).count();
    let lower = if words <= 40 {
        t.to_lowercase()
    } else {
        t.chars().take(40).collect::<String>().to_lowercase()
    };
    static STARTS: Words = Words::new(include_str!("../lexicon/doc/credit-starts.txt"));
    if STARTS.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    static AGENCIES: Words = Words::new(include_str!("../lexicon/doc/credit-agencies.txt"));
    static CONTRIBUTOR: Words = Words::new(include_str!("../lexicon/doc/contributor-lines.txt"));
    // One pass over the text for both lists (bit 0: agencies, bit 1: contributor lines).
    static TEXT: std::sync::OnceLock<Fragments> = std::sync::OnceLock::new();
    let found = if words <= 40 {
        TEXT.get_or_init(|| Fragments::new(&[AGENCIES.list(), CONTRIBUTOR.list()]))
            .mask(&lower)
    } else {
        0
    };
    if words <= 14 && (lower.starts_with("by ") || found & 1 != 0) {
        return true;
    }
    if found & 2 != 0 {
        return true;
    }
    // Timestamp lines: "Published March 18, 2015", "Updated 3:57 PM", a bare date.
    static STAMP: Words = Words::new(include_str!("../lexicon/doc/timestamp-starts.txt"));
    let has_year = || {
        t.split(|c: char| !c.is_ascii_digit())
            .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")))
    };
    if (words <= 12 && STAMP.iter().any(|p| lower.starts_with(p)))
        || (words <= 6 && !t.ends_with('.') && has_year())
    {
        return true;
    }
    words < 3
        && !matches!(
            b.tag.as_str(),
            "h1" | "h2" | "h3" | "h4" | "figcaption" | "li" | "td"
        )
}
