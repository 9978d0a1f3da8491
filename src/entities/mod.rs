//! The article's people, organisations and places: tagged mentions grouped
//! into entities, with aliases, roles and a salience order.
//!
//! 1. The article's text (the headline, then every article block that is
//!    not folded as a repeat) is tokenised and tagged as one document
//!    ([`crate::ner`]), so a name tagged once informs its later mentions.
//! 2. Mentions inside folded repeats are dropped: a repeat is not a second
//!    mention.
//! 3. Mentions are grouped: the same name; an acronym defined in brackets
//!    ("Cambodian People's Party (CPP)") and used later; a surname or given
//!    name alone after the full name ("Sam Rainsy" … "Rainsy", whatever
//!    type the tagger gives it); a fuller name after a short one; an
//!    acronym of a name's initials without brackets ("U.S.").
//! 4. Roles come from the words before a person's name ("Prime Minister Hun
//!    Sen", "CNRP leader Sam Rainsy") and from appositions ("Prum Sokha,
//!    Secretary of State at the Interior Ministry"), and are kept out of
//!    the name.
//! 5. What is not a person, organisation or place is dropped, by the
//!    whole article's evidence: a name the tagger reads as MISC more often
//!    than as any one type; products (`products.rs`: "Xbox One X", "the
//!    online game Minecraft"); page labels and kinds of things (`labels.rs`:
//!    a name only ever a block of its own, "APIs", "WASI SDK"); names made
//!    of ordinary words only (`common.rs`: "Search Engines"); names in
//!    photo credits and notes about the writer (`credits.rs`).
//! 6. Entities are ordered by salience: mentions in the headline and the
//!    lead count most, then how often the entity is mentioned.

mod common;
mod credits;
mod group;
mod keep;
mod labels;
mod org_lang;
mod products;
mod roles;
mod roles_lang;
mod truecase;

use std::borrow::Cow;
use std::sync::Arc;

use credits::credit_starts;
use group::{group, RawMention};
use org_lang::{lang_org_type, org_heads};
use products::ORG_NAME_HEADS as ORG;
use roles::{is_role_word, LangTitles, ROLE_JOINERS};
use truecase::truecase;

use crate::doc::{Doc, MentionRef};
use crate::lexicon::{titles, Words};
use crate::ner::{self, tokens, Tagger};
use crate::page::Page;
use crate::report::Entity;
use crate::text::with_lowercase;

/// The tagger of a page's language (a code as [`crate::lang::Language`]
/// gives it; "" is English): `None` when the language has no model, or its
/// model is not loaded (the extension registers it on first use) or not a
/// model. Never another language's tagger: German capitalises every noun,
/// and the English tagger reads each one as a name.
pub fn tagger_for(code: &str) -> Option<Arc<Tagger>> {
    Tagger::for_language(if code.is_empty() { "en" } else { code }).ok()
}

/// Titles and honorifics stripped from the front of a name ("President
/// Bush" → "Bush"; [`titles::STRIP`]).
fn is_title_word(w: &str, lt: LangTitles) -> bool {
    with_lowercase(w, |l| {
        titles::STRIP.has(l)
            || lt.is_some_and(|t| t.strip.has(l) || (t.is_role(l) && !t.role.has(l)))
    })
}

/// Words that end an organisation's name ("Interior Ministry", "… Party").
static ORG_HEADS: Words = Words::new(include_str!("../../lexicon/entities/org-heads.txt"));

/// The sentences of a document as the tagger reads them (truecased).
fn tagger_input<'a>(doc: &Doc<'a>) -> Vec<Vec<Cow<'a, str>>> {
    let words: Vec<Vec<&str>> = doc
        .sents
        .iter()
        .map(|(u, r)| {
            let text = doc.units[*u].1;
            doc.toks[*u][r.clone()]
                .iter()
                .map(|t| &text[t.start..t.end])
                .collect()
        })
        .collect();
    truecase(&words)
}

/// Extracts the entities of a page's article text. `hidden[b]` lists UTF-16
/// ranges of block `b` that are folded as repeats. Returns the entities and
/// every kept mention.
/// `lang` is the page's language code ("" or "en" for English): its
/// titles and roles ([`titles::for_language`]) join the English ones.
pub fn extract(
    tagger: &Tagger,
    lang: &str,
    doc: &Doc,
    page: &Page,
    hidden: &[Vec<(u32, u32)>],
) -> (Vec<Entity>, Vec<MentionRef>) {
    let lt = titles::for_language(lang);
    let fw = (titles::function_words(lang), org_heads(lang));
    let truecased = tagger_input(doc);
    let refs: Vec<Vec<&str>> = truecased
        .iter()
        .map(|s| s.iter().map(|w| w.as_ref()).collect())
        .collect();
    let labels = tagger.tag_document(&refs);

    let mut raw: Vec<RawMention> = Vec::new();
    let credits = credit_starts(doc);
    for (si, ((u, r), lab)) in doc.sents.iter().zip(&labels).enumerate() {
        let (text, toks) = (doc.units[*u].1, &doc.toks[*u][r.clone()]);
        let spans = join_of(
            text,
            toks,
            join_initials(tagger, text, toks, ner::spans(lab)),
        );
        for (a, b, ty) in spans {
            // MISC spans (events, works, products, laws) are kept as votes:
            // a name the tagger reads as MISC in most of its mentions is not
            // an entity where it reads ORG once ([`group`] drops it).
            if r.start + b > credits[*u] {
                continue; // a photo credit
            }
            let tagged = Tagged {
                unit: *u,
                sent: si,
                sent_start: r.start,
                tok: r.start + a..r.start + b,
                ty,
            };
            push_mentions(tagger, doc, tagged, (lt, fw), &mut raw);
        }
    }
    // An everyday word alone stays only as a person the article names so.
    let persons = common::keep_named_persons(&tagger.model().gaz, &mut raw);
    drop_common_acronyms(doc, &mut raw);
    strip_post_nominals(doc, &mut raw);
    places_by_name(tagger, &mut raw);
    // The `common` list was checked against English gold only; other
    // languages' models hold other lists (German capitalises its nouns).
    if matches!(lang, "" | "en") || lang.starts_with("en-") {
        common::drop_ordinary_names(&tagger.model().gaz, &persons, &mut raw);
    }
    // A repeat is not a second mention.
    raw.retain(|m| {
        let block = doc.units[m.unit].0;
        let toks = &doc.toks[m.unit];
        let (start, end) =
            doc.utf16_range(m.unit, toks[m.tok.start].start, toks[m.tok.end - 1].end);
        !hidden[block].iter().any(|&(s, e)| start < e && end > s)
    });
    group(doc, raw, page, lt)
}

/// Drops the entities a model learned from the labelled pages finds
/// unlikely ([`keep`]), English pages only (the pages it was fitted on),
/// keeping those the facts point at (`refs`: a quote's speaker, a
/// quantity's owner), whose indices it updates.
pub fn drop_unlikely(
    tagger: &Tagger,
    lang: &str,
    doc: &Doc,
    (entities, mentions): (Vec<Entity>, Vec<MentionRef>),
    refs: Vec<&mut Option<usize>>,
) -> Vec<Entity> {
    if !(matches!(lang, "" | "en") || lang.starts_with("en-")) {
        return entities;
    }
    keep::filter(doc, &tagger.model().gaz, (entities, &mentions), refs)
}

/// A middle initial holds a person's name together, where the tagger breaks
/// it or reads it as an organisation: "Michael R." + "Bloomberg" is one
/// person, and so is a known given name, an initial and a capitalised word
/// ("Richard M. Stallman", "Morris W. Travers").
fn join_initials(
    tagger: &Tagger,
    text: &str,
    toks: &[tokens::Tok],
    spans: Vec<(usize, usize, u8)>,
) -> Vec<(usize, usize, u8)> {
    let w = |i: usize| &text[toks[i].start..toks[i].end];
    let initial = |i: usize| {
        let x = w(i).trim_end_matches('.');
        x.len() == 1 && x.chars().all(|c| c.is_ascii_uppercase())
    };
    const FIRST: usize = ner::gazetteer::list("first");
    let gaz = &tagger.model().gaz;
    let given = |i: usize| {
        let norm = ner::features::norm_word(w(i));
        gaz.contains(
            FIRST,
            ner::gazetteer::phrase_hash([norm.as_str()].into_iter()),
        )
    };
    let mut out: Vec<(usize, usize, u8)> = Vec::with_capacity(spans.len());
    for (a, b, ty) in spans {
        if let Some(last) = out.last_mut() {
            if last.2 == 1 && last.1 == a && ty != 4 && initial(last.1 - 1) {
                last.1 = b;
                continue;
            }
        }
        let given_initial = b - a >= 3
            && given(a)
            && initial(a + 1)
            && w(a + 2).chars().next().is_some_and(char::is_uppercase);
        out.push((a, b, if given_initial && ty != 4 { 1 } else { ty }));
    }
    out
}

/// An organisation's head word before "of" or "for" takes the name after
/// it, where the tagger splits them: "Infectious Diseases Society" +
/// "America" is "Infectious Diseases Society of America", "Allen Institute
/// for AI" one name (SPEC.md: a name inside a longer name is not a
/// mention of its own).
fn join_of(
    text: &str,
    toks: &[tokens::Tok],
    spans: Vec<(usize, usize, u8)>,
) -> Vec<(usize, usize, u8)> {
    let w = |i: usize| toks.get(i).map_or("", |t| &text[t.start..t.end]);
    let head = |i: usize| with_lowercase(w(i), |l| ORG.has(l));
    let acronym = |i: usize| w(i).len() >= 2 && w(i).chars().all(|c| c.is_ascii_uppercase());
    let mut out: Vec<(usize, usize, u8)> = Vec::with_capacity(spans.len());
    let mut it = spans.into_iter().peekable();
    while let Some((a, b, ty)) = it.next() {
        let mut span = (a, b, ty);
        if ty == 2 && head(b - 1) && matches!(w(b), "of" | "for") {
            let c = if w(b + 1) == "the" { b + 2 } else { b + 1 };
            match it.peek() {
                Some(&(na, nb, nty)) if na == c && nty != 4 => {
                    span.1 = nb;
                    it.next();
                }
                _ if c < toks.len() && acronym(c) => span.1 = c + 1,
                _ => {}
            }
        }
        out.push(span);
    }
    out
}

/// Acronyms that are common nouns ([`COMMON_ACRONYMS`]).
static COMMON_ACRONYMS: Words = Words::new(include_str!(
    "../../lexicon/entities/common-acronyms-en.txt"
));

/// Drops one-word mentions in capitals that are common nouns: a listed one
/// ("CPU", "HDR", "PDF"), or one the article also writes in the plural
/// with a small "s" ("APIs", "VMs"), which names of organisations never
/// take.
fn drop_common_acronyms(doc: &Doc, raw: &mut Vec<RawMention>) {
    let caps = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
    let mut plural: Vec<&str> = Vec::new();
    for ((_, text), toks) in doc.units.iter().zip(&doc.toks) {
        for t in toks {
            let w = &text[t.start..t.end];
            if let Some(stem) = w.strip_suffix('s') {
                if caps(stem) && !plural.contains(&stem) {
                    plural.push(stem);
                }
            }
        }
    }
    raw.retain(|m| {
        !(caps(&m.text)
            && (plural.contains(&m.text.as_str())
                || with_lowercase(&m.text, |l| COMMON_ACRONYMS.has(l))))
    });
}

/// A one-word name the tagger calls an organisation that the place
/// gazetteers know (a country, city or region: "Detroit", "Somerset") is
/// the place: SPEC.md types a country or city as a place even where it
/// stands for its government, and the rare club named by its city is left
/// to the longer name the article gives it.
fn places_by_name(tagger: &Tagger, raw: &mut [RawMention]) {
    const PLACES: [usize; 3] = [
        ner::gazetteer::list("country"),
        ner::gazetteer::list("city"),
        ner::gazetteer::list("region"),
    ];
    let gaz = &tagger.model().gaz;
    for m in raw
        .iter_mut()
        .filter(|m| m.ty == 2 && !m.text.contains(' '))
    {
        if m.text.chars().all(|c| !c.is_lowercase()) {
            continue; // an acronym ("AP", "CNN") is not a place name
        }
        let norm = ner::features::norm_word(&m.text);
        let h = ner::gazetteer::phrase_hash([norm.as_str()].into_iter());
        if PLACES.iter().any(|&k| gaz.contains(k, h)) {
            m.ty = 3;
        }
    }
}

/// Degrees and post-nominal letters are not part of a person's name
/// ("Neil Ford QC" is Neil Ford; "Katie Allen, MD, PhD"), nor a person on
/// their own ("PhD"); "Jr." stays in the name.
fn strip_post_nominals(doc: &Doc, raw: &mut Vec<RawMention>) {
    let post = |w: &str| {
        with_lowercase(w, |l| {
            roles::POST_NOMINALS.contains(&l) && !l.starts_with("jr") && !l.starts_with("sr")
        })
    };
    raw.retain_mut(|m| {
        if m.ty != 1 {
            return true;
        }
        let (text, toks) = (doc.units[m.unit].1, &doc.toks[m.unit]);
        while !m.tok.is_empty() && post(&text[toks[m.tok.end - 1].start..toks[m.tok.end - 1].end]) {
            m.tok.end -= 1;
        }
        if m.tok.is_empty() {
            return false;
        }
        m.text = normalize_space(&text[toks[m.tok.start].start..toks[m.tok.end - 1].end]);
        true
    });
}

/// Words that open a sentence before a comma and are never names
/// ("Moreover, …"); adverbs in "-ly" are found by their ending.
const SENTENCE_ADVERBS: &[&str] = &[
    "moreover",
    "furthermore",
    "however",
    "meanwhile",
    "nevertheless",
    "nonetheless",
    "therefore",
    "thus",
    "instead",
    "otherwise",
    "besides",
    "indeed",
    "hence",
    "still",
];

/// Whether a one-word span is a sentence adverb ("Additionally, …",
/// "Sadly, …"): first in its sentence, before a comma, an adverb by its
/// ending or the list, and not a known given or family name ("Kelly, …").
fn sentence_adverb(tagger: &Tagger, text: &str, toks: &[tokens::Tok], a: usize, b: usize) -> bool {
    let w = &text[toks[a].start..toks[a].end];
    if b != a + 1 || toks.get(b).is_none_or(|t| &text[t.start..t.end] != ",") {
        return false;
    }
    let adverb = with_lowercase(w, |l| {
        (l.len() >= 5 && l.ends_with("ly")) || SENTENCE_ADVERBS.contains(&l)
    });
    const FIRST: usize = ner::gazetteer::list("first");
    const LAST: usize = ner::gazetteer::list("last");
    let norm = ner::features::norm_word(w);
    let h = ner::gazetteer::phrase_hash([norm.as_str()].into_iter());
    let gaz = &tagger.model().gaz;
    adverb && !gaz.contains(FIRST, h) && !gaz.contains(LAST, h)
}

/// Last words of names of buildings that stand for the institution inside
/// them ("the White House released a plan", "a White House report").
const BUILDING_HEADS: &[&str] = &["house", "palace", "hall"];

/// A building named for its institution is an organisation (SPEC.md: "the
/// White House", "Buckingham Palace" when it acts), unless a preposition of
/// place leads it ("at the White House", "outside City Hall"): then it is
/// the place.
fn building_type(ty: u8, text: &str, toks: &[tokens::Tok], a: usize, b: usize) -> u8 {
    if ty == 3 && building_as_institution(text, toks, a, b) {
        2
    } else {
        ty
    }
}

/// Whether a name ends in a building word and no preposition of place
/// leads it ("at the White House" is the place).
fn building_as_institution(text: &str, toks: &[tokens::Tok], a: usize, b: usize) -> bool {
    // Prepositions of place, and verbs whose object is the place.
    const PLACE_PREPS: &[&str] = &[
        "at", "in", "inside", "outside", "into", "to", "from", "near", "on", "toward", "towards",
        "around", "across", "through", "leave", "left", "visited", "visit",
    ];
    let w = |i: usize| &text[toks[i].start..toks[i].end];
    if b < a + 2 || !with_lowercase(w(b - 1), |l| BUILDING_HEADS.contains(&l)) {
        return false;
    }
    let mut k = a;
    if k > 0 && with_lowercase(w(k - 1), |l| l == "the") {
        k -= 1;
    }
    !(k > 0 && with_lowercase(w(k - 1), |l| PLACE_PREPS.contains(&l)))
}

/// A span the tagger labelled, in [`Doc`] terms.
struct Tagged {
    unit: usize,
    sent: usize,
    /// First token of the sentence.
    sent_start: usize,
    /// Token range within the unit.
    tok: std::ops::Range<usize>,
    /// The tagger's type: 1 person, 2 organisation, 3 place.
    ty: u8,
}

/// The mentions a tagged span makes, after the cleaning rules: titles, a
/// leading "the" and trailing possessives off; an organisation's head word
/// followed by a name is two mentions; "A or B" is two names; head words
/// settle the type; a titled name is a person's.
fn push_mentions(
    tagger: &Tagger,
    doc: &Doc,
    tagged: Tagged,
    (lt, (fw, oh)): (LangTitles, LangWords),
    raw: &mut Vec<RawMention>,
) {
    let (u, si, ty) = (&tagged.unit, tagged.sent, tagged.ty);
    let text = doc.units[*u].1;
    let toks = &doc.toks[*u];
    let (mut a, mut b) = (tagged.tok.start, tagged.tok.end);
    // Titles inside a name and a leading "the" are not the name.
    // Nor a language's closed-class words ("Welche Chancen", "Cuál").
    let function = |w: &str| fw.is_some_and(|f| with_lowercase(w, |l| f.has(l)));
    while a < b
        && (is_title_word(&text[toks[a].start..toks[a].end], lt)
            || function(&text[toks[a].start..toks[a].end]))
    {
        a += 1;
    }
    while b > a
        && matches!(
            &text[toks[b - 1].start..toks[b - 1].end],
            "'s" | "’s" | "'" | "’" | "," | "." | "-"
        )
    {
        b -= 1;
    }
    if a >= b {
        return;
    }
    // "Interior Ministry Prum Sokha": an organisation's head word
    // followed by a name is two mentions, not one.
    if ty == 2 && b - a >= 3 {
        let head = (a..b - 1).rev().find(|&k| {
            with_lowercase(&text[toks[k].start..toks[k].end], |l| {
                ORG_HEADS.contains(&l)
            })
        });
        if let Some(k) = head {
            let tail = (k + 1)..b;
            let name_like = tail.len() <= 3
                && tail.clone().all(|j| {
                    let w = &text[toks[j].start..toks[j].end];
                    w.chars().next().is_some_and(char::is_uppercase)
                        && !w.chars().all(|c| !c.is_lowercase())
                });
            if name_like && tail.len() >= 2 {
                for (x, y, t) in [(a, k + 1, 2u8), (k + 1, b, 1u8)] {
                    raw.push(RawMention {
                        unit: *u,
                        sent: si,
                        tok: x..y,
                        ty: t,
                        text: normalize_space(&text[toks[x].start..toks[y - 1].end]),
                        titled: false,
                        everyday: false,
                    });
                }
                return;
            }
        }
    }
    while a < b && matches!(&text[toks[a].start..toks[a].end], "'s" | "’s" | "'" | "’") {
        a += 1;
    }
    if a >= b {
        return;
    }
    let surface = &text[toks[a].start..toks[b - 1].end];
    if !plausible_name(surface, lt)
        || (a == tagged.sent_start && sentence_adverb(tagger, text, toks, a, b))
        || not_an_entity(
            tagger,
            &text[toks[a].start..toks[b - 1].end],
            &toks[a..b],
            text,
        )
    {
        return;
    }
    // "Costco or Sam's Club": two names.
    if let Some(k) =
        (a + 1..b.saturating_sub(1)).find(|&k| &text[toks[k].start..toks[k].end] == "or")
    {
        for (x, y) in [(a, k), (k + 1, b)] {
            raw.push(RawMention {
                unit: *u,
                sent: si,
                tok: x..y,
                ty,
                text: normalize_space(&text[toks[x].start..toks[y - 1].end]),
                titled: false,
                everyday: false,
            });
        }
        return;
    }
    let ty = head_type(text, &toks[a..b]).unwrap_or(ty);
    let ty = oh.map_or(ty, |h| lang_org_type(h, ty, text, &toks[a..b]));
    let ty = building_type(ty, text, toks, a, b);
    let titled = a > tagged.sent_start
        && with_lowercase(&text[toks[a - 1].start..toks[a - 1].end], |l| {
            titles::PERSON.has(l)
                || lt.is_some_and(|t| t.person.has(l) || (t.is_role(l) && !t.role.has(l)))
        });
    raw.push(RawMention {
        unit: *u,
        sent: si,
        tok: a..b,
        ty: if titled { 1 } else { ty },
        text: normalize_space(surface),
        titled,
        everyday: b - a == 1 && common::everyday_word(&tagger.model().gaz, surface),
    });
}

/// Interface words that pages capitalise: never entities.
static UI_WORDS: Words = Words::new(include_str!("../../lexicon/entities/ui-words.txt"));

/// Whether a tagged span is, after all, not a name: a nationality, a month
/// or weekday, an interface label, or a byline credit.
fn not_an_entity(tagger: &Tagger, surface: &str, toks: &[tokens::Tok], text: &str) -> bool {
    let lower = surface.to_lowercase();
    if UI_WORDS.contains(&lower.as_str()) || lower.starts_with("credit") || surface.contains(" / ")
    {
        return true;
    }
    let norms: Vec<String> = toks
        .iter()
        .map(|t| ner::features::norm_word(&text[t.start..t.end]))
        .collect();
    let gaz = &tagger.model().gaz;
    let in_list = |k: usize, words: &[String]| {
        gaz.contains(
            k,
            ner::gazetteer::phrase_hash(words.iter().map(String::as_str)),
        )
    };
    const DEMONYM: usize = ner::gazetteer::list("demonym");
    // "Muslims", "New Zealanders": nationalities and peoples, plural or not.
    let mut singular = norms.clone();
    if let Some(last) = singular.last_mut() {
        if last.ends_with('s') && last.len() > 3 {
            last.pop();
        }
    }
    // A lone everyday word ("Little", "Dies", "Wait") is marked instead
    // ([`common::everyday_word`]): it is a name only as a person's.
    in_list(DEMONYM, &norms) || in_list(DEMONYM, &singular)
}

/// A language's closed-class words and organisation head words (none in
/// English).
type LangWords = (Option<&'static Words>, Option<&'static Words>);

/// Head words that settle the type of a multi-word name.
fn head_type(text: &str, toks: &[tokens::Tok]) -> Option<u8> {
    static LOC: Words = Words::new(include_str!("../../lexicon/entities/place-name-heads.txt"));
    let len = toks.len();
    let word = |t: &tokens::Tok| text[t.start..t.end].to_lowercase();
    let (Some(first), Some(last)) = (toks.first().map(word), toks.last().map(word)) else {
        return None;
    };
    let (l, f) = (last, first);
    // "Academy of Fine Arts", "Center for Food and Allergy Research": an
    // organisation's head word before "of", "for" or "on" heads the name.
    let head_before_of = toks.windows(2).any(|w| {
        matches!(word(&w[1]).as_str(), "of" | "for" | "on")
            && (ORG.contains(&word(&w[0]).as_str())
                || matches!(word(&w[0]).as_str(), "center" | "centre"))
    });
    if len >= 2
        && (ORG.contains(&l.as_str())
            || head_before_of
            || matches!(
                f.as_str(),
                "university" | "ministry" | "department" | "bank"
            ))
    {
        Some(2)
    } else if len >= 2
        && (LOC.contains(&l.as_str())
            || matches!(f.as_str(), "boulevard" | "mount" | "lake" | "camp" | "rue"))
    {
        Some(3)
    } else {
        None
    }
}

/// A name as the report writes it: one space between words, and without
/// the invisible characters pages put inside words (soft hyphens as line
/// break hints, "Vladi\u{ad}mir Putin"; zero-width spaces and joiners), which
/// would make a second name of the same one.
fn normalize_space(s: &str) -> String {
    let invisible = |c: char| {
        matches!(
            c,
            '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
        )
    };
    if s.contains(invisible) {
        let visible: String = s.chars().filter(|&c| !invisible(c)).collect();
        return visible.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Names have a capital letter (or are in a script without case) and are
/// not role words alone ("Prime Minister", "Secretary", "State").
fn plausible_name(s: &str, lt: LangTitles) -> bool {
    let has_upper = s.chars().any(char::is_uppercase);
    let caseless = s
        .chars()
        .any(|c| c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase());
    if !(has_upper || caseless) || s.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
        return false;
    }
    !s.split_whitespace()
        .all(|w| is_role_word(w, lt) || with_lowercase(w, |l| ROLE_JOINERS.contains(&l)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An organisation's head word before "of"/"for" takes the name after
    /// it where the tagger split them (spans as the tagger gave them on
    /// webmd-1 and citylab-1, ../shared/data/pages); a person or a name
    /// without a head word does not.
    #[test]
    fn a_head_word_before_of_takes_the_name_after_it() {
        // (sentence, the tagger's spans as (first word, words, type), the spans after)
        type Case<'a> = (&'a str, &'a [(usize, usize, u8)], &'a [(usize, usize, u8)]);
        let table: &[Case] = &[
            (
                "president of the Infectious Diseases Society of America .",
                &[(3, 3, 2), (7, 1, 3)],
                &[(3, 5, 2)],
            ),
            (
                "The Allen Institute for AI , a research institute",
                &[(1, 2, 2)],
                &[(1, 4, 2)],
            ),
            (
                "Google and Facebook of America",
                &[(0, 1, 2), (2, 1, 2), (4, 1, 3)],
                &[(0, 1, 2), (2, 1, 2), (4, 1, 3)],
            ),
            (
                "Sam Rainsy of Cambodia",
                &[(0, 2, 1), (3, 1, 3)],
                &[(0, 2, 1), (3, 1, 3)],
            ),
        ];
        for (text, spans, want) in table {
            let toks = tokens::tokenize(text);
            let spans: Vec<(usize, usize, u8)> =
                spans.iter().map(|&(a, n, t)| (a, a + n, t)).collect();
            let want: Vec<(usize, usize, u8)> =
                want.iter().map(|&(a, n, t)| (a, a + n, t)).collect();
            assert_eq!(join_of(text, &toks, spans), want, "{text}");
        }
    }

    /// Tags `docs` scoring every token, and with reach 1 and [`ner::REACH`];
    /// prints each sentence where a label differs and the counts, and
    /// returns the number of tokens and of differences at [`ner::REACH`].
    fn count_differences(tagger: &Tagger, docs: &[Vec<Vec<&str>>], name: &str) -> (usize, usize) {
        let names = ner::bio_labels();
        let (mut tokens, mut diff1, mut diff) = (0, 0, 0);
        for d in docs {
            let full = tagger.tag(d, None);
            let one = tagger.tag(d, Some(1));
            let pruned = tagger.tag(d, Some(ner::REACH));
            for (s, ((f, o), p)) in d.iter().zip(full.iter().zip(&one).zip(&pruned)) {
                tokens += f.len();
                diff1 += f.iter().zip(o).filter(|(a, b)| a != b).count();
                diff += f.iter().zip(p).filter(|(a, b)| a != b).count();
                if f != p || f != o {
                    // word/full/reach 1/REACH where they differ
                    let line: Vec<String> = (0..s.len())
                        .map(|i| match (f[i] == o[i] && f[i] == p[i], f[i]) {
                            (true, 0) => s[i].to_string(),
                            (true, l) => format!("{}/{}", s[i], names[l]),
                            _ => format!(
                                "[{}/{}/{}/{}]",
                                s[i], names[f[i]], names[o[i]], names[p[i]]
                            ),
                        })
                        .collect();
                    println!("  {}", line.join(" "));
                }
            }
        }
        println!(
            "{name}: {tokens} tokens; labels differing from full scoring: \
             {diff1} with reach 1, {diff} with reach {}",
            ner::REACH
        );
        (tokens, diff)
    }

    /// Scoring only the tokens near capitals ([`ner::REACH`]) labels real
    /// text as scoring every token does. Reads the CoNLL files of
    /// `$SHARED/data/ner` (no difference allowed) and a plain-text file, one
    /// paragraph per line (`DOSSIER_CHECK_TEXT`, default /tmp/mb1.txt),
    /// where present: `cargo test --release --features cli --lib pruning --
    /// --ignored --nocapture`. In 1 MB of news text the only differences
    /// (14 of 200,000 tokens) were French "de l'avis de", "de non-lieu",
    /// which full scoring calls persons and pruning leaves O.
    #[test]
    #[ignore = "needs data outside the repository"]
    fn pruning_keeps_the_labels() {
        let tagger = &*tagger_for("en").unwrap();
        let text_path =
            std::env::var("DOSSIER_CHECK_TEXT").unwrap_or_else(|_| "/tmp/mb1.txt".into());
        if let Ok(text) = std::fs::read_to_string(&text_path) {
            let page = Page::from_text(&text);
            let info = crate::article::classify(&page);
            let doc = crate::doc::build_doc(&page, &info, &vec![false; page.blocks.len()]);
            let sents = tagger_input(&doc);
            let refs: Vec<Vec<&str>> = sents
                .iter()
                .map(|s| s.iter().map(|w| w.as_ref()).collect())
                .collect();
            let (tokens, diff) = count_differences(tagger, &[refs], &text_path);
            assert!(diff * 10_000 <= tokens, "{diff} of {tokens} labels differ");
        }
        let shared = std::env::var("SHARED")
            .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared").into());
        for name in ["conll2003-eng.testa", "wikigold.conll"] {
            let Ok(text) = std::fs::read_to_string(format!("{shared}/data/ner/{name}")) else {
                continue;
            };
            let mut docs: Vec<Vec<Vec<&str>>> = Vec::new();
            for line in text.lines() {
                let word = line.split(['\t', ' ']).next().unwrap_or("");
                if word == "-DOCSTART-" || docs.is_empty() {
                    docs.push(vec![Vec::new()]);
                }
                let d = docs.last_mut().unwrap();
                if line.trim().is_empty() || word == "-DOCSTART-" {
                    if !d.last().unwrap().is_empty() {
                        d.push(Vec::new());
                    }
                } else {
                    d.last_mut().unwrap().push(word);
                }
            }
            let (_, diff) = count_differences(tagger, &docs, name);
            assert_eq!(diff, 0, "{name}");
        }
    }
}
