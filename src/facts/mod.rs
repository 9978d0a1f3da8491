//! Facts in the article's text: dates (resolved to calendar dates), numbers
//! with what they count, and direct quotes with their speakers. Every fact
//! points back to its block and UTF-16 offsets, and is taken only from text
//! outside folded repeats, so a repeated paragraph adds nothing twice.

pub mod calendar;
pub mod dates;
pub mod quantities;
pub mod quotes;
pub mod timeline;

use crate::doc::{Doc, MentionRef, Sentence};
use crate::lexicon::Words;
use crate::page::Page;
use crate::report::{DateFact, Entity, EntityType, Quantity, Quote, Span};
use crate::text::with_lowercase;
use calendar::{parse_iso, Day};

/// All facts of an article.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// The publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Dates.
    pub dates: Vec<DateFact>,
    /// Quantities.
    pub quantities: Vec<Quantity>,
    /// Quotes.
    pub quotes: Vec<Quote>,
}

/// The publication date: page metadata first (`article:published_time`,
/// JSON-LD `datePublished`, `<time datetime>`), else a dateline in the
/// first blocks of the article.
pub fn published(page: &Page, doc: &Doc) -> Option<Day> {
    // Most trusted first: the publication (not modification) time.
    static RANK: Words = Words::new(include_str!("../../lexicon/facts/published-sources.txt"));
    for prefix in RANK.iter() {
        if let Some(d) = page
            .dates
            .iter()
            .filter_map(|d| d.strip_prefix(prefix))
            .find_map(parse_iso)
        {
            return Some(d);
        }
    }
    // The page's address, when its path has the date (`…/2015/03/18/…`,
    // `…/2015-03-18/…`): most news sites put the publication day there.
    if let Some(d) = std::iter::once(page.url.as_str())
        .chain(
            page.dates
                .iter()
                .filter_map(|d| d.strip_prefix("meta:og:url=")),
        )
        .find_map(url_date)
    {
        return Some(d);
    }
    // A dateline or timestamp line near the top: the first full date in a
    // visible block, up to some blocks into the article.
    let first_article = doc.units.iter().map(|(b, _)| *b).min().unwrap_or(0);
    let mut anchor = None;
    for b in page
        .blocks
        .iter()
        .take(first_article + 40)
        .filter(|b| b.visible)
    {
        // A dateline is at the start of its block.
        let head = match b.text.char_indices().nth(200) {
            Some((k, _)) => &b.text[..k],
            None => &b.text,
        };
        let toks = crate::ner::tokens::tokenize(head);
        let s = Sentence {
            text: head,
            toks: &toks,
            range: 0..toks.len(),
            lang: "",
            lang_us: true,
        };
        for f in dates::find(&s, None, &mut anchor) {
            if let Some(dates::Value::Day(d)) = f.value {
                return Some(d);
            }
        }
    }
    None
}

/// A publication day in a URL's path: `/2015/03/18/`, `/2015-03-18/` or
/// `/20150318/` (the first such run of path segments; years 1990–2100).
fn url_date(url: &str) -> Option<Day> {
    let path = url.split(['?', '#']).next()?;
    let path = path.split_once("://").map_or(path, |(_, rest)| rest);
    let segs: Vec<&str> = path.split('/').skip(1).collect();
    let num = |s: &str, len: usize| -> Option<u32> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let year = |y: u32| (1990..=2100).contains(&y).then_some(y as i32);
    for (i, s) in segs.iter().enumerate() {
        let ymd = if let Some(y) = num(s, 4).and_then(year) {
            let m = segs.get(i + 1).and_then(|m| num(m, 2));
            let d = segs.get(i + 2).and_then(|d| num(d, 2));
            m.zip(d).map(|(m, d)| (y, m, d))
        } else if let [y, m, d] = s.splitn(3, '-').collect::<Vec<_>>()[..] {
            num(y, 4)
                .and_then(year)
                .zip(num(m, 2))
                .zip(num(d.get(..2).unwrap_or(""), 2))
                .map(|((y, m), d)| (y, m, d))
        } else {
            num(s, 8).and_then(|n| year(n / 10_000).map(|y| (y, n / 100 % 100, n % 100)))
        };
        if let Some(day) = ymd.and_then(|(y, m, d)| Day::new(y, m, d)) {
            return Some(day);
        }
    }
    None
}

/// The language of the article from its commonest small words, for pages
/// that do not declare one (it decides how "1.200" and "28/07" are read).
fn guess_lang(doc: &Doc) -> String {
    const FILE: &str = include_str!("../../lexicon/facts/language-markers.txt");
    static MARKERS: [(&str, Words); 6] = [
        ("en", Words::tagged(FILE, "en")),
        ("de", Words::tagged(FILE, "de")),
        ("fr", Words::tagged(FILE, "fr")),
        ("es", Words::tagged(FILE, "es")),
        ("pt", Words::tagged(FILE, "pt")),
        ("it", Words::tagged(FILE, "it")),
    ];
    let mut counts = [0usize; 6];
    for ((_, text), toks) in doc.units.iter().zip(&doc.toks).take(40) {
        for t in toks.iter().take(200) {
            let w = text[t.start..t.end].to_lowercase();
            for (k, (_, m)) in MARKERS.iter().enumerate() {
                if m.contains(&w.as_str()) {
                    counts[k] += 1;
                }
            }
        }
    }
    let best = (0..6)
        .max_by_key(|&k| (counts[k], std::cmp::Reverse(k)))
        .unwrap_or(0);
    if counts[best] == 0 {
        String::new()
    } else {
        MARKERS[best].0.to_string()
    }
}

/// Extracts the facts of the article text.
pub fn extract(
    page: &Page,
    doc: &Doc,
    entities: &[Entity],
    mentions: &[MentionRef],
    hidden: &[Vec<(u32, u32)>],
    language: &crate::lang::Language,
) -> Facts {
    let pubd = published(page, doc);
    // The identified language; the page's full tag where it agrees (en-US
    // and en-GB write 28/07 differently), the small-word guess where
    // nothing was identified.
    let lang = if language.code.is_empty() {
        if page.lang.is_empty() {
            guess_lang(doc)
        } else {
            page.lang.to_lowercase()
        }
    } else if language.code == language.declared {
        page.lang.to_lowercase()
    } else {
        language.code.clone()
    };
    let lang_us = lang.is_empty() || lang == "en" || lang.starts_with("en-us");
    let mut facts = Facts {
        published: pubd.map(Day::iso),
        ..Facts::default()
    };
    let is_hidden = |m: &Span| {
        hidden[m.block as usize]
            .iter()
            .any(|&(s, e)| m.start < e && m.end > s)
    };
    // Mentions per sentence, in one pass (not one pass per sentence).
    let mut by_sent: Vec<Vec<&MentionRef>> = vec![Vec::new(); doc.sents.len()];
    for m in mentions {
        if let Some(v) = by_sent.get_mut(m.sent) {
            v.push(m);
        }
    }
    let mut anchor = None;
    // Dates and numbers only in a language whose words and number format the
    // rules know ("11月" is not eleven of anything); the publication date
    // above comes from markup and stays.
    let sents = if language.facts { doc.sents.len() } else { 0 };
    for (si, (u, r)) in doc.sents.iter().enumerate().take(sents) {
        let s = Sentence {
            text: doc.units[*u].1,
            toks: &doc.toks[*u],
            range: r.clone(),
            lang: &lang,
            lang_us,
        };
        let found = dates::find(&s, pubd, &mut anchor);
        let date_toks: Vec<std::ops::Range<usize>> = found.iter().map(|f| f.tok.clone()).collect();
        for f in found {
            let m = doc.span(*u, f.tok.clone());
            if is_hidden(&m) {
                continue;
            }
            facts.dates.push(DateFact {
                text: s.source(f.tok.clone()).to_string(),
                value: f.value.as_ref().map(dates::Value::iso),
                kind: match f.kind {
                    dates::Kind::Absolute => "absolute",
                    dates::Kind::Relative => "relative",
                    dates::Kind::Partial => "partial",
                    dates::Kind::Range => "range",
                }
                .to_string(),
                event: event_phrase(&s, f.tok.clone()),
                mention: m,
                same_as: None,
            });
        }
        let sent_mentions = &by_sent[si];
        let ante = antecedents(doc, entities, &by_sent, si);
        for q in quantities::find(&s, &date_toks, sent_mentions, &ante) {
            let m = doc.span(*u, q.tok.clone());
            if is_hidden(&m) {
                continue;
            }
            facts.quantities.push(Quantity {
                text: s.source(q.tok.clone()).to_string(),
                value: q.value,
                of: q.of,
                range_to: q.range_to,
                unit: q.unit,
                approx: q.approx,
                entity: q.entity,
                mention: m,
            });
        }
    }
    if language.entities {
        facts.quotes = quotes::find(doc, entities, mentions, &lang, &is_hidden);
    }
    timeline::link_same_events(&mut facts.dates);
    facts
}

/// The people and organisations a pronoun in sentence `si` may stand for
/// ([`quantities::Antecedents`]): this sentence's, and from the latest of
/// the [`ANTECEDENT_SENTENCES`] sentences before that names one, the latest
/// that is no preposition's object ("California ISO's reserves …, said
/// David Marcus, a former adviser at the California Energy Commission. …
/// its operating reserves" are the ISO's), else the latest.
fn antecedents(
    doc: &Doc,
    entities: &[Entity],
    by_sent: &[Vec<&MentionRef>],
    si: usize,
) -> quantities::Antecedents {
    let kind = |m: &MentionRef| entities.get(m.entity).map(|e| e.kind);
    // The word before the mention, past "the", is no preposition.
    let subject_like = |m: &MentionRef| {
        let toks = &doc.toks[m.unit];
        let text = doc.units[m.unit].1;
        let word = |k: usize| crate::text::lowercased(&text[toks[k].start..toks[k].end]);
        let mut k = m.tok.start;
        if k > 0 && word(k - 1) == "the" {
            k -= 1;
        }
        k == 0 || !OBJECT_MARKERS.contains(&word(k - 1).as_ref())
    };
    let mut a = quantities::Antecedents::default();
    // The latest sentence that names one; in it, the latest subject-like
    // mention, else the latest.
    for prev in by_sent[si.saturating_sub(ANTECEDENT_SENTENCES)..si]
        .iter()
        .rev()
    {
        for (want, slot) in [
            (EntityType::Person, &mut a.person),
            (EntityType::Organization, &mut a.org),
        ] {
            if slot.is_some() {
                continue;
            }
            let of_kind = || prev.iter().rev().filter(|m| kind(m) == Some(want));
            *slot = of_kind()
                .find(|m| subject_like(m))
                .or_else(|| of_kind().next())
                .map(|m| m.entity);
        }
    }
    for m in &by_sent[si] {
        match kind(m) {
            Some(EntityType::Person) => a.sent_people.push((m.entity, m.tok.end)),
            Some(EntityType::Organization) => a.sent_orgs.push((m.entity, m.tok.end)),
            _ => {}
        }
    }
    a
}

/// How many sentences back a pronoun or "the company" may reach for its
/// name: news writing names an organisation, quotes it for a sentence or
/// two, then says "the company" (observer.com's LVMH story: four).
const ANTECEDENT_SENTENCES: usize = 4;

/// Words that make the name after them an object, not a subject a pronoun
/// later stands for.
const OBJECT_MARKERS: &[&str] = &[
    "of", "in", "at", "on", "for", "from", "to", "with", "by", "into", "over", "under", "about",
    "against", "between", "among", "than", "like", "near", "across", "via",
];

/// Words that open a clause: the event phrase of a date stops there.
static CLAUSE_OPENERS: Words = Words::new(include_str!("../../lexicon/facts/clause-openers.txt"));

/// The short phrase of what happened at a date: the clause around the date
/// expression, without it and its preposition, at most a dozen words.
fn event_phrase(s: &Sentence, date: std::ops::Range<usize>) -> String {
    let w = |i: usize| s.word(i);
    // "July's election": the event is what the date owns.
    if date.end < s.range.end && matches!(w(date.end), "'s" | "’s") {
        let words: Vec<&str> = (date.end + 1..s.range.end)
            .take_while(|&i| {
                !matches!(w(i), "," | "." | ";" | ":" | "(" | ")")
                    && !with_lowercase(w(i), |l| CLAUSE_OPENERS.contains(&l))
            })
            .take(6)
            .map(w)
            .collect();
        if !words.is_empty() {
            return join_words(&words);
        }
    }
    let boundary = |i: usize| {
        matches!(
            w(i),
            "," | ";" | ":" | "(" | ")" | "—" | "–" | "\"" | "“" | "”"
        ) || with_lowercase(w(i), |l| CLAUSE_OPENERS.contains(&l))
    };
    let mut a = date.start;
    while a > s.range.start && !boundary(a - 1) {
        a -= 1;
    }
    let mut b = date.end;
    while b < s.range.end && !boundary(b) && !matches!(w(b), "." | "!" | "?") {
        b += 1;
    }
    // Drop the date and a preposition right before it.
    let mut left: Vec<usize> = (a..date.start).collect();
    while left.last().is_some_and(|&i| {
        matches!(
            w(i).to_lowercase().as_str(),
            "on" | "in"
                | "at"
                | "since"
                | "by"
                | "from"
                | "until"
                | "of"
                | "the"
                | "during"
                | "am"
                | "im"
                | "le"
                | "el"
        )
    }) {
        left.pop();
    }
    let right: Vec<usize> = (date.end..b)
        .filter(|&i| !matches!(w(i), "'s" | "’s"))
        .collect();
    let mut words: Vec<&str> = Vec::new();
    // Prefer what comes before the date when the date closes the clause.
    if left.len() >= 3 || right.len() < 2 {
        let take = left.len().min(12);
        words.extend(left[left.len() - take..].iter().map(|&i| w(i)));
        if words.len() < 5 {
            words.extend(right.iter().take(12 - words.len()).map(|&i| w(i)));
        }
    } else {
        words.extend(left.iter().map(|&i| w(i)));
        words.extend(
            right
                .iter()
                .take(12usize.saturating_sub(words.len()))
                .map(|&i| w(i)),
        );
    }
    join_words(&words)
}

/// Joins tokens back into readable text (no space before punctuation or clitics).
pub fn join_words(words: &[&str]) -> String {
    let mut out = String::new();
    for (k, w) in words.iter().enumerate() {
        let glue = k == 0
            || matches!(
                *w,
                "," | "." | ";" | ":" | ")" | "'s" | "’s" | "n't" | "%" | "!" | "?"
            )
            || matches!(words[k - 1], "(" | "$" | "€" | "£");
        if !glue {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publication_day_from_the_address() {
        let table = [
            // Real addresses (readability/wapo-2 and the like).
            (
                "http://www.washingtonpost.com/business/economy/netanyahu-win-points-to-two-more-years-of-strained-us-israel-ties/2015/03/18/ca175d64-cd76-11e4-a2a7-9517a3a70506_story.html",
                Some((2015, 3, 18)),
            ),
            (
                "https://www.theguardian.com/world/2020/sep/26/storm",
                None,
            ),
            ("https://example.com/news/2019-08-14-pigeons-in-the-roof", Some((2019, 8, 14))),
            ("https://example.com/20150318/story.html?utm=2016/01/01/", Some((2015, 3, 18))),
            // Not dates: an id, an impossible day, a year alone, the host.
            ("https://www.bbc.com/news/world-52241221", None),
            ("https://example.com/2015/13/40/story", None),
            ("https://example.com/2015/story", None),
            ("https://2015.example.com/03/18/", None),
        ];
        for (url, want) in table {
            let want = want.and_then(|(y, m, d)| Day::new(y, m, d));
            assert_eq!(url_date(url), want, "{url}");
        }
    }
}
