//! Direct quotes and who said them.
//!
//! Quote marks of every common style are paired (“…”, "…", «…», „…“,
//! ‘…’), including quotes that run over several paragraphs (a paragraph
//! that ends inside a quote, followed by one that opens with a quote mark)
//! and quotes left unclosed, which end where the next quote of their style
//! opens (`marks.rs`).
//! The speaker comes from the usual patterns of news writing:
//!
//! * `“…,” said X` / `“…,” X said` / `“…,” he added`
//! * `X said: “…”` / `X told reporters “…”` / `according to X, “…”`
//! * `X has said that the government is “illegitimate”`
//!
//! * `X, <apposition>, said` (X, not a name inside the apposition);
//!   `X …: “…”` (a person introducing the quote with a colon)
//!
//! where X is an entity mention, a name the tagger missed, a pronoun, or a
//! description ("the Conservative MP said"), which are resolved to the
//! person named before (the one with that role, else the nearest; "he" and
//! "she" the previous quote's speaker, else the subject of this or the
//! previous sentence, else the nearest, of the pronoun's sex where known;
//! names inside quotes and photo credits do not count; "it" is the
//! organisation leading its sentence). Whoever comes after "told" is spoken to. A quote
//! right after a sentence in which someone speaks, with no attribution of
//! its own, is theirs. One quote per pair of quotation marks: a quote broken
//! by its attribution (`“We will,” he said, “and soon.”`, or a one-sentence
//! attribution however long, unless the second part names its own speaker)
//! is two quotes with one speaker, and so is a quote that runs on into the
//! next paragraph; an
//! unattributed quote right after an attributed one in the same or the
//! previous paragraph (a photo's caption between them does not count) has
//! the same speaker. Short quotes (up to three words:
//! scare quotes, titles) count only with an explicit attribution.

mod gender;
mod marks;
mod refer;
mod speaker;

use gender::Gender;
use marks::{has_sentence_break, spans_of, spans_open_unit, word_count, QuoteSpan};
use refer::Attribution;
use speaker::{attribution_after, attribution_before, is_according, is_speech, previous_statement};

use crate::doc::{Doc, MentionRef};
use crate::report::{Entity, Quote, Span};

/// The last attributed quote: its unit, speaker and name, and where it
/// ended (unit, first token after it); and the sex of every person as far
/// as the article has said, which a pronoun resolved to them adds to.
#[derive(Default)]
struct LastSpeaker {
    said: Option<(usize, Option<usize>, Option<String>)>,
    at: (usize, usize),
    genders: Vec<Option<Gender>>,
}

/// What every quote of a unit is read against.
struct Unit<'d, 'a> {
    doc: &'d Doc<'a>,
    u: usize,
    block: usize,
    text: &'a str,
    toks: &'d [crate::ner::tokens::Tok],
    unit_mentions: &'d [&'d MentionRef],
    by_unit: &'d [Vec<&'d MentionRef>],
    /// Person mentions of every unit as (first token, entity), in token order.
    persons: &'d [Vec<(usize, usize)>],
    entities: &'d [Entity],
    mentions: &'d [MentionRef],
    /// Page language (`en`, `es`, …).
    lang: &'d str,
}

/// Finds the quotes of the article.
pub fn find(
    doc: &Doc,
    entities: &[Entity],
    mentions: &[MentionRef],
    lang: &str,
    is_hidden: &dyn Fn(&Span) -> bool,
) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let mut carry = None;
    let unit_spans: Vec<Vec<QuoteSpan>> = doc
        .units
        .iter()
        .map(|(_, text)| {
            let spans = spans_of(text, carry);
            carry = spans.last().filter(|s| s.open_end).map(|s| s.mark);
            spans
        })
        .collect();
    // Names inside quotes do not speak them: in “… DNP …,” it said, "it" is
    // not DNP. (Quotes left open at the end of a paragraph are not trusted
    // to say where a quote ends.)
    let mut mentions: Vec<MentionRef> = mentions
        .iter()
        .filter(|m| {
            let at = doc.toks[m.unit][m.tok.start].start;
            !unit_spans[m.unit]
                .iter()
                .any(|s| !s.open_end && s.outer.contains(&at))
        })
        .cloned()
        .collect();
    // In reading order: the resolvers search back from a position.
    mentions.sort_by_key(|m| (m.unit, m.tok.start));
    let mentions = &mentions[..];
    let in_quote = |u: usize, at: usize| {
        unit_spans[u]
            .iter()
            .any(|s| !s.open_end && s.outer.contains(&at))
    };
    let mut last = LastSpeaker {
        genders: gender::genders(doc, entities, mentions, &in_quote),
        ..LastSpeaker::default()
    };
    // Mentions per unit, in one pass (not one pass per unit).
    let mut by_unit: Vec<Vec<&MentionRef>> = vec![Vec::new(); doc.units.len()];
    for m in mentions {
        if let Some(v) = by_unit.get_mut(m.unit) {
            v.push(m);
        }
    }
    // Person mentions per unit as (first token, entity), in token order.
    let persons: Vec<Vec<(usize, usize)>> = by_unit
        .iter()
        .map(|v| {
            let mut p: Vec<(usize, usize)> = v
                .iter()
                .filter(|m| entities[m.entity].kind == crate::report::EntityType::Person)
                .map(|m| (m.tok.start, m.entity))
                .collect();
            p.sort_unstable();
            p
        })
        .collect();
    for (u, ((block, text), spans)) in doc.units.iter().zip(&unit_spans).enumerate() {
        let unit = Unit {
            doc,
            u,
            block: *block,
            text,
            toks: &doc.toks[u],
            unit_mentions: &by_unit[u],
            by_unit: &by_unit,
            persons: &persons,
            entities,
            mentions,
            lang,
        };
        unit_quotes(&unit, spans, is_hidden, &mut last, &mut out);
    }
    out
}

/// The quotes of one unit, given its quote spans.
fn unit_quotes(
    cx: &Unit,
    spans: &[QuoteSpan],
    is_hidden: &dyn Fn(&Span) -> bool,
    last: &mut LastSpeaker,
    out: &mut Vec<Quote>,
) {
    let (doc, u, text, toks) = (cx.doc, cx.u, cx.text, cx.toks);
    // The speaker of the span before, when only its attribution stands
    // between the two (“We will,” he said, “and soon.”): two quotes, one
    // speaker.
    let mut inherited: Option<Attribution> = None;
    let mut k = 0;
    while k < spans.len() {
        let sp = spans[k].clone();
        let inner = text[sp.inner.clone()].trim();
        let inner_clean = inner.trim_end_matches([',', ' ']).trim();
        if word_count(inner_clean) == 0 {
            k += 1;
            continue;
        }
        // Token positions around the quote.
        // Tokens are in text order: binary search, not a scan per quote.
        let before_tok = toks
            .partition_point(|t| t.end <= sp.outer.start)
            .checked_sub(1);
        let after_tok =
            Some(toks.partition_point(|t| t.start < sp.outer.end)).filter(|&a| a < toks.len());
        let continues = inherited.is_some();
        let mut attr = match inherited.take() {
            Some(a) => Some(a),
            None => attribute(cx, before_tok, after_tok, last),
        };
        let text_out = inner_clean.trim_end_matches([',']).to_string();
        // “We will,” he said, “and soon.” — two quotes (one per pair of
        // marks), the second with the first one's speaker.
        if attr.is_some() && !continues {
            if let (Some(next), Some(a)) = (spans.get(k + 1), after_tok) {
                if continues_after_attribution(cx, &sp, next, a, attr.as_ref(), &last.genders) {
                    inherited = attr.as_ref().map(|a| Attribution {
                        entity: a.entity,
                        name: a.name.clone(),
                        pronoun: None,
                    });
                }
            }
        }
        // The second part of a broken quote counts however short it is.
        let short = word_count(&text_out) <= 3 && !continues;
        // A part of a broken quote is speech, not a title (its first part
        // ends with a comma: “Stop,” he said, “now.”); a capitalised name
        // in the middle of a sentence is a title, its full stop and all
        // (“Mrs Maisel” actress Alex Borstein said … comedy “Fleabag.”).
        let broken = inherited.is_some() && inner.ends_with(',');
        if (is_title_like(&text_out) || is_title_mid_sentence(text, &sp, &text_out))
            && !broken
            && !continues
        {
            inherited = None;
            k += 1;
            continue;
        }
        if attr.is_none() && !short {
            attr = same_speaker_as_last(cx, &sp, last);
        }
        if attr.is_none() && !short {
            attr = previous_statement(
                doc,
                u,
                before_tok,
                spans_open_unit(text, &sp),
                cx.by_unit,
                cx.entities,
                cx.mentions,
            );
        }
        if short && attr.is_none() {
            k += 1;
            continue;
        }
        let (start, end) = doc.utf16_range(
            u,
            sp.inner.start,
            sp.inner.start + inner.len().min(sp.inner.len()),
        );
        let m = Span {
            block: cx.block as u32,
            start,
            end,
        };
        if !is_hidden(&m) {
            let (speaker, speaker_name) = attr
                .as_ref()
                .map_or((None, None), |a| (a.entity, a.name.clone()));
            if attr.is_some() {
                last.said = Some((u, speaker, speaker_name.clone()));
                last.at = (u, after_tok.unwrap_or(toks.len()));
            }
            // A paragraph that continues an open quote is a quote of its
            // own (one per paragraph's marks), with the same speaker.
            let (speaker, speaker_name) = match out.last() {
                Some(prev) if sp.continued && speaker_name.is_none() => {
                    (prev.speaker, prev.speaker_name.clone())
                }
                _ => (speaker, speaker_name),
            };
            out.push(Quote {
                text: text_out,
                speaker,
                speaker_name,
                mention: m,
            });
        }
        k += 1;
    }
}

/// A quote after an attributed one goes with the same speaker: in the same
/// paragraph, or opening the next paragraph when that paragraph attributes
/// nothing itself (a photo's caption between the two does not count).
fn same_speaker_as_last(cx: &Unit, sp: &QuoteSpan, last: &LastSpeaker) -> Option<Attribution> {
    let (lu, e, n) = last.said.as_ref()?;
    let (u, text) = (cx.u, cx.text);
    let unit_has_verb = cx.toks.iter().any(|t| is_speech(&text[t.start..t.end]));
    let opens = text[..sp.outer.start].trim().is_empty();
    let next = *lu + 1 == u
        || (*lu < u && u <= *lu + 3 && (*lu + 1..u).all(|v| is_caption(cx.doc.units[v].1)));
    (*lu == u || (next && opens && !unit_has_verb)).then(|| Attribution {
        entity: *e,
        name: n.clone(),
        pronoun: None,
    })
}

/// The attribution of a quote from the words after it, else before it;
/// then a pronoun ("…,” he said) given the speaker of the quote just before,
/// in this or the previous paragraph, when nobody else has been named since
/// (the name may be one the attribution found by its shape, "Mr. Powers
/// said", which the tagger missed).
fn attribute(
    cx: &Unit,
    before_tok: Option<usize>,
    after_tok: Option<usize>,
    last: &mut LastSpeaker,
) -> Option<Attribution> {
    let (doc, u) = (cx.doc, cx.u);
    let before = || {
        attribution_before(
            doc,
            u,
            before_tok,
            cx.unit_mentions,
            cx.entities,
            cx.mentions,
            cx.lang,
        )
    };
    // "X called it “heartbreaking,” according to the Bronx Times": X said
    // it; the source after "according to" only reports that X did.
    let according_after = after_tok.is_some_and(|a| {
        let w = |k: usize| cx.toks.get(k).map_or("", |t| &cx.text[t.start..t.end]);
        let k = if matches!(w(a), "," | "—" | "–") {
            a + 1
        } else {
            a
        };
        is_according(w(k))
    });
    let mut attr = match attribution_after(
        doc,
        u,
        after_tok,
        cx.unit_mentions,
        cx.entities,
        cx.mentions,
        cx.lang,
    ) {
        // A nameless verb after the quote ("… ” but insisted that …)
        // yields to a named one before it (Mr Obama said … “…”).
        Some(a) if a.entity.is_none() && a.name.is_none() => before().or(Some(a)),
        Some(a) if according_after => before()
            .filter(|b| b.entity.is_some() || b.name.is_some())
            .or(Some(a)),
        Some(a) => Some(a),
        None => before(),
    };
    if let Some(a) = attr.as_mut() {
        resolve_pronoun(cx, a, last);
    }
    attr
}

/// A pronoun speaker ("…,” she said, or a description, "the minister
/// said"): the speaker of the quote just before, in this or the previous
/// paragraph, when nobody else has been named since and the pronoun's sex
/// agrees; else, for "he" or "she", the subject of this or the previous
/// sentence, else the nearest person, of that sex where the article says
/// ([`gender::resolve`]). A person so resolved is known to be of that sex.
fn resolve_pronoun(cx: &Unit, a: &mut Attribution, last: &mut LastSpeaker) {
    let Some((pu, pt)) = a.pronoun else {
        return;
    };
    let said = cx.doc.toks[pu]
        .get(pt)
        .and_then(|t| gender::of_pronoun(&cx.doc.units[pu].1[t.start..t.end]));
    let g = said.flatten();
    if let Some((_, le, ln)) = &last.said {
        let fits = le.is_none_or(|e| gender::agrees(last.genders[e], g));
        let (su, st) = last.at;
        let named_between = |unit: usize, from: usize, to: usize| {
            let p = &cx.persons[unit];
            let a = p.partition_point(|x| x.0 < from);
            let b = p.partition_point(|x| x.0 < to);
            p[a..b.max(a)].iter().any(|x| Some(x.1) != *le)
        };
        let named_since = if su == pu {
            named_between(pu, st, pt)
        } else {
            named_between(su, st, usize::MAX) || named_between(pu, 0, pt)
        };
        if fits && ln.is_some() && (su == pu || su + 1 == pu) && !named_since {
            a.entity = *le;
            a.name = ln.clone();
            return;
        }
    }
    if said.is_none() {
        return;
    }
    let e = gender::resolve(cx.doc, pu, pt, g, &last.genders, cx.entities, cx.mentions);
    if let Some(e) = e {
        a.entity = Some(e);
        a.name = Some(cx.entities[e].name.clone());
        if last.genders[e].is_none() {
            last.genders[e] = g;
        }
    }
}

/// Whether only the attribution stands between a quote and the next
/// ("he said," or "said Martin Indyk, executive vice president of the
/// Brookings Institution." — one sentence, however long), so the two are
/// one quote; unless the second part has an attribution of its own to
/// someone else ("“…,” said Lynch. “…” …, Mr. Powers said."), or to a
/// pronoun of the other sex ("“…,” Mr. McConnell said. “…,” she said.").
/// `after` is the first token after the quote.
fn continues_after_attribution(
    cx: &Unit,
    sp: &QuoteSpan,
    next: &QuoteSpan,
    after: usize,
    attr: Option<&Attribution>,
    genders: &[Option<Gender>],
) -> bool {
    let (text, toks) = (cx.text, cx.toks);
    let between = &text[sp.outer.end..next.outer.start];
    let b = between.trim();
    let words: Vec<&str> = b
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    // ("she went on": a speech verb of two words.)
    let has_verb = words.iter().any(|w| is_speech(w))
        || words
            .windows(2)
            .any(|p| matches!(p[0], "went" | "goes") && p[1] == "on");
    let verb_first = b
        .split_whitespace()
        .take(4)
        .any(|w| is_speech(w.trim_matches(|c: char| !c.is_alphanumeric())));
    let is_attr_only = has_verb
        && (word_count(b) <= 8
            || (verb_first
                && word_count(b) <= 30
                && !has_sentence_break(b.trim_end_matches(['.', '!', '?', ',', ':']))))
        && toks.get(after).is_some_and(|t| t.start < next.outer.start);
    // „Peta“ in „…“, erklärte Nadja Michler von „Peta“, „…“ is a name.
    is_attr_only && !is_title_like(text[next.inner.clone()].trim()) && {
        let next_after =
            Some(toks.partition_point(|t| t.start < next.outer.end)).filter(|&x| x < toks.len());
        attribution_after(
            cx.doc,
            cx.u,
            next_after,
            cx.unit_mentions,
            cx.entities,
            cx.mentions,
            cx.lang,
        )
        .is_none_or(|n| {
            let sex = n.pronoun.and_then(|(pu, pt)| {
                let t = cx.doc.toks[pu].get(pt)?;
                gender::of_pronoun(&cx.doc.units[pu].1[t.start..t.end])?
            });
            let known = attr.and_then(|a| a.entity).and_then(|e| genders[e]);
            let other_sex = sex.is_some() && known.is_some() && sex != known;
            n.name == attr.and_then(|a| a.name.clone()) && !other_sex
        })
    }
}

/// Titles of works in quotes ("Once Upon a Time in Hollywood"): every word
/// capitalised, no sentence punctuation.
fn is_title_like(text: &str) -> bool {
    word_count(text) <= 8
        && !text.trim_end().ends_with(['.', '!', '?'])
        && !text.contains([',', ';', ':'])
        && text
            .split_whitespace()
            .filter(|w| w.chars().count() > 3)
            .all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
            })
}

/// A title ending a sentence inside its marks, American style (“… the
/// comedy “Fleabag.”): up to three capitalised words right after a word of
/// the sentence, not a quote opening its sentence (“Unacceptable.”).
fn is_title_mid_sentence(text: &str, sp: &QuoteSpan, quote: &str) -> bool {
    let before = text[..sp.outer.start].trim_end();
    let t = quote.strip_suffix('.').unwrap_or(quote);
    word_count(t) <= 3 && is_title_like(t) && before.ends_with(char::is_alphanumeric)
}

/// A line between paragraphs that is not one: a photo's caption or a
/// heading ("Hori Parata at his Pātaua farm, the place where he was born
/// and grew up"), short, with no quote and no sentence end.
fn is_caption(text: &str) -> bool {
    let t = text.trim();
    word_count(t) <= 40
        && !t.ends_with(['.', '!', '?', '”', '"', '’', '»', ':'])
        && !t.contains(['“', '"', '«', '„'])
}
