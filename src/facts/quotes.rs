//! Direct quotes and who said them.
//!
//! Quote marks of every common style are paired (“…”, "…", «…», „…“,
//! ‘…’), including quotes that run over several paragraphs (a paragraph
//! that ends inside a quote, followed by one that opens with a quote mark).
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
//! person named before (the one with that role, else the nearest; names
//! inside quotes and photo credits do not count; "it" is the organisation
//! leading its sentence). Whoever comes after "told" is spoken to. A quote
//! right after a sentence in which someone speaks, with no attribution of
//! its own, is theirs. A quote broken
//! by its attribution (`“We will,” he said, “and soon.”`, or a one-sentence
//! attribution however long, unless the second part names its own speaker)
//! is one quote; an
//! unattributed quote right after an attributed one in the same or the
//! previous paragraph has the same speaker. Short quotes (up to three words:
//! scare quotes, titles) count only with an explicit attribution.

use crate::doc::Sentence;
use crate::doc::{Doc, MentionRef};
use crate::lexicon::{titles, Words};
use crate::report::Quote;
use crate::report::{Entity, Span};
use crate::text::with_lowercase;

static SPEECH: Words = Words::new(include_str!("../../lexicon/facts/speech-verbs.txt"));

/// Speech words whose speaker comes after them ("according to X", "selon X").
fn is_according(w: &str) -> bool {
    with_lowercase(w, |l| matches!(l, "according" | "selon" | "laut" | "según"))
}

fn is_speech(w: &str) -> bool {
    // Asked of most words near a quote: a hashed set, not a scan of the list.
    w.len() <= 24 && with_lowercase(w, |l| SPEECH.has(l))
}

fn is_pronoun(w: &str) -> Option<bool> {
    with_lowercase(w, |l| match l {
        "he" | "she" | "him" | "her" | "er" | "sie" | "il" | "elle" => Some(true),
        // "…,” it said in a statement": the organisation last named.
        "they" | "it" => Some(false),
        _ => None,
    })
}

/// A quoted span of a unit's text: byte range of the words inside the marks.
#[derive(Clone, Debug)]
struct QuoteSpan {
    /// Byte range of the inside.
    inner: std::ops::Range<usize>,
    /// Byte range including the marks.
    outer: std::ops::Range<usize>,
    /// The quote is still open at the end of the unit.
    open_end: bool,
    /// The quote continues one that was open at the end of the previous unit.
    continued: bool,
}

fn closer_for(open: char) -> &'static [char] {
    match open {
        '“' => &['”', '“'],
        '„' => &['“', '”'],
        '«' => &['»'],
        '»' => &['«'],
        '‹' => &['›'],
        '‘' => &['’'],
        '\'' => &['\'', '’'],
        '"' => &['"'],
        '‚' => &['‘', '’'],
        _ => &[],
    }
}

/// Quote spans of one text, in order. `carry` says a quote was left open at
/// the end of the previous unit.
fn spans_of(text: &str, carry: bool) -> Vec<QuoteSpan> {
    let chars = crate::text::char_indices(text);
    let n = chars.len();
    let mut out = Vec::new();
    let mut open: Option<(usize, char, usize)> = None; // (char index, mark, byte start of inside)
    let first_visible = chars
        .iter()
        .position(|&(_, c)| !c.is_whitespace())
        .unwrap_or(0);
    let mut continued = false;
    if carry
        && !chars
            .get(first_visible)
            .is_some_and(|&(_, c)| matches!(c, '“' | '„' | '«' | '"' | '‘' | '»'))
    {
        // The quote goes on without a new opening mark.
        open = Some((0, '“', 0));
        continued = true;
    }
    let before_ok = |k: usize| {
        k == 0
            || chars[k - 1].1.is_whitespace()
            || matches!(chars[k - 1].1, '(' | '[' | '—' | '–' | '-' | ':' | '/')
    };
    let after_ok = |k: usize| k + 1 >= n || !chars[k + 1].1.is_alphanumeric();
    // Whether a `«` follows is asked at every `»`: look it up once.
    let last_open_guillemet = chars.iter().rposition(|x| x.1 == '«');
    for k in 0..n {
        let c = chars[k].1;
        match open {
            None => {
                let opens = match c {
                    '“' | '„' | '«' | '‹' => true,
                    '»' => last_open_guillemet.is_some_and(|g| g > k),
                    '"' | '‘' | '‚' => before_ok(k),
                    // A straight single quote opens only before a letter and
                    // after a space: never an apostrophe ("it's", "'90s").
                    '\'' => before_ok(k) && chars.get(k + 1).is_some_and(|x| x.1.is_alphabetic()),
                    _ => false,
                };
                if opens {
                    let inside = if k + 1 < n {
                        chars[k + 1].0
                    } else {
                        text.len()
                    };
                    open = Some((k, c, inside));
                    if carry && k == first_visible {
                        continued = true;
                    }
                }
            }
            Some((ok, oc, inside)) => {
                let closes = closer_for(oc).contains(&c)
                    && (c != '’' || after_ok(k))
                    && (c != '\'' || (after_ok(k) && !chars[k - 1].1.is_whitespace()))
                    && (c != '"' || after_ok(k) || k + 1 == n);
                if closes && k > ok {
                    out.push(QuoteSpan {
                        inner: inside..chars[k].0,
                        outer: chars[ok].0..chars[k].0 + c.len_utf8(),
                        open_end: false,
                        continued,
                    });
                    continued = false;
                    open = None;
                }
            }
        }
    }
    if let Some((ok, _, inside)) = open {
        out.push(QuoteSpan {
            inner: inside..text.len(),
            outer: chars.get(ok).map_or(0, |x| x.0)..text.len(),
            open_end: true,
            continued,
        });
    }
    out
}

/// Words of a text inside a byte range.
fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

struct Attribution {
    entity: Option<usize>,
    name: Option<String>,
    /// Where the pronoun was, when the speaker is one ("…,” he said): the
    /// speaker of the quote before may be a better referent than the
    /// nearest tagged person.
    pronoun: Option<(usize, usize)>,
}

/// Finds the quotes of the article.
pub fn find(
    doc: &Doc,
    entities: &[Entity],
    mentions: &[MentionRef],
    is_hidden: &dyn Fn(&Span) -> bool,
) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let mut carry = false;
    let unit_spans: Vec<Vec<QuoteSpan>> = doc
        .units
        .iter()
        .map(|(_, text)| {
            let spans = spans_of(text, carry);
            carry = spans.last().is_some_and(|s| s.open_end);
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
    // Speaker of the last attributed quote, and the unit it was in.
    let mut last_speaker: Option<(usize, Option<usize>, Option<String>)> = None;
    // Where that speaker's quote was (unit, first token after it).
    let mut last_speaker_at: (usize, usize) = (0, 0);
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
        let toks = &doc.toks[u];
        let unit_mentions = &by_unit[u];
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
            let before =
                || attribution_before(doc, u, before_tok, unit_mentions, entities, mentions);
            let mut attr =
                match attribution_after(doc, u, after_tok, unit_mentions, entities, mentions) {
                    // A nameless verb after the quote ("… ” but insisted that …)
                    // yields to a named one before it (Mr Obama said … “…”).
                    Some(a) if a.entity.is_none() && a.name.is_none() => before().or(Some(a)),
                    Some(a) => Some(a),
                    None => before(),
                };
            // “…,” he said: the speaker of the quote just before, in this or
            // the previous paragraph, when nobody else has been named since
            // (the name may be one the attribution found by its shape,
            // "Mr. Powers said", which the tagger missed).
            if let (Some(a), Some((_, le, ln))) = (attr.as_mut(), &last_speaker) {
                if let Some((pu, pt)) = a.pronoun {
                    let (su, st) = last_speaker_at;
                    let named_between = |unit: usize, from: usize, to: usize| {
                        let p = &persons[unit];
                        let a = p.partition_point(|x| x.0 < from);
                        let b = p.partition_point(|x| x.0 < to);
                        p[a..b.max(a)].iter().any(|x| Some(x.1) != *le)
                    };
                    let named_since = if su == pu {
                        named_between(pu, st, pt)
                    } else {
                        named_between(su, st, usize::MAX) || named_between(pu, 0, pt)
                    };
                    if ln.is_some() && (su == pu || su + 1 == pu) && !named_since {
                        a.entity = *le;
                        a.name = ln.clone();
                    }
                }
            }
            let mut text_out = inner_clean.trim_end_matches([',']).to_string();
            let mut end_span = sp.clone();
            // “We will,” he said, “and soon.” — one quote.
            if attr.is_some() {
                if let (Some(next), Some(a)) = (spans.get(k + 1), after_tok) {
                    let between = &text[sp.outer.end..next.outer.start];
                    let b = between.trim();
                    // Only the attribution stands between them ("he said," or
                    // "said Martin Indyk, executive vice president of the
                    // Brookings Institution." — one sentence, however long).
                    let has_verb = b
                        .split_whitespace()
                        .any(|w| is_speech(w.trim_matches(|c: char| !c.is_alphanumeric())));
                    let verb_first = b
                        .split_whitespace()
                        .take(4)
                        .any(|w| is_speech(w.trim_matches(|c: char| !c.is_alphanumeric())));
                    let is_attr_only = has_verb
                        && (word_count(b) <= 8
                            || (verb_first
                                && word_count(b) <= 30
                                && !has_sentence_break(
                                    b.trim_end_matches(['.', '!', '?', ',', ':']),
                                )))
                        && toks.get(a).is_some_and(|t| t.start < next.outer.start);
                    // …unless the second part has an attribution of its own
                    // to someone else ("“…,” said Lynch. “…” …, Mr. Powers said.").
                    let is_attr_only = is_attr_only && {
                        let next_after = Some(toks.partition_point(|t| t.start < next.outer.end))
                            .filter(|&x| x < toks.len());
                        attribution_after(doc, u, next_after, unit_mentions, entities, mentions)
                            .is_none_or(|n| n.name == attr.as_ref().and_then(|a| a.name.clone()))
                    };
                    if is_attr_only {
                        text_out = format!(
                            "{} … {}",
                            text_out,
                            text[next.inner.clone()].trim().trim_end_matches([','])
                        );
                        end_span = next.clone();
                        k += 1;
                    }
                }
            }
            let short = word_count(&text_out) <= 3;
            // Titles of works in quotes ("Once Upon a Time in Hollywood"): every
            // word capitalised, no sentence punctuation.
            let title_like = word_count(&text_out) <= 8
                && !text_out.trim_end().ends_with(['.', '!', '?'])
                && !text_out.contains([',', ';', ':'])
                && text_out
                    .split_whitespace()
                    .filter(|w| w.chars().count() > 3)
                    .all(|w| {
                        w.chars()
                            .next()
                            .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                    });
            if title_like {
                k += 1;
                continue;
            }
            if attr.is_none() && !short {
                // A quote after an attributed one goes with the same speaker: in
                // the same paragraph, or opening the next paragraph when that
                // paragraph attributes nothing itself.
                if let Some((lu, e, n)) = &last_speaker {
                    let unit_has_verb = toks.iter().any(|t| is_speech(&text[t.start..t.end]));
                    let opens = text[..sp.outer.start].trim().is_empty();
                    if *lu == u || (*lu + 1 == u && opens && !unit_has_verb) {
                        attr = Some(Attribution {
                            entity: *e,
                            name: n.clone(),
                            pronoun: None,
                        });
                    }
                }
            }
            if attr.is_none() && !short {
                attr = previous_statement(
                    doc,
                    u,
                    before_tok,
                    spans_open_unit(text, &sp),
                    &by_unit,
                    entities,
                    mentions,
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
                block: *block as u32,
                start,
                end,
            };
            let _ = end_span;
            if !is_hidden(&m) {
                let (speaker, speaker_name) = attr
                    .as_ref()
                    .map_or((None, None), |a| (a.entity, a.name.clone()));
                if attr.is_some() {
                    last_speaker = Some((u, speaker, speaker_name.clone()));
                    last_speaker_at = (u, after_tok.unwrap_or(toks.len()));
                }
                // A paragraph that continues an open quote extends it.
                if sp.continued {
                    if let Some(prev) = out
                        .last_mut()
                        .filter(|q| q.speaker_name == speaker_name || speaker_name.is_none())
                    {
                        prev.text = format!("{} {}", prev.text, text_out);
                        k += 1;
                        continue;
                    }
                }
                out.push(Quote {
                    text: text_out,
                    speaker,
                    speaker_name,
                    mention: m,
                });
            }
            k += 1;
        }
        let _ = toks;
    }
    out
}

/// Whether a text holds the end of a sentence: `.`, `!` or `?`, a space,
/// then a capital ("U.S. ambassador" does not).
fn has_sentence_break(s: &str) -> bool {
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if matches!(c, '.' | '!' | '?') && it.peek().is_some_and(|c| c.is_whitespace()) {
            let mut rest = it.clone().skip_while(|c| c.is_whitespace());
            if rest.next().is_some_and(char::is_uppercase) {
                return true;
            }
        }
    }
    false
}

fn spans_open_unit(text: &str, sp: &QuoteSpan) -> bool {
    text[..sp.outer.start].trim().is_empty()
}

/// An unattributed quote that opens its sentence, right after a sentence in
/// which someone speaks ("Charles Schultze … once summed up the danger with a
/// metaphor. “It’s not so much …”"; "The president also admitted that …" and
/// then a paragraph that is only a quote): that speaker. Looks at the
/// sentence before, or, for a quote opening its paragraph, the last two
/// sentences of the paragraph before; a sentence with a quote of its own
/// stops the search (its speaker was already carried over, or was nobody).
fn previous_statement(
    doc: &Doc,
    u: usize,
    before_tok: Option<usize>,
    opens_unit: bool,
    by_unit: &[Vec<&MentionRef>],
    entities: &[Entity],
    mentions: &[MentionRef],
) -> Option<Attribution> {
    let candidates: Vec<usize> = if opens_unit {
        let pu = u.checked_sub(1)?;
        // Sentences are in unit order: the last two of unit `pu`.
        let end = doc.sents.partition_point(|(su, _)| *su <= pu);
        (end.saturating_sub(2)..end)
            .rev()
            .filter(|&i| doc.sents[i].0 == pu)
            .collect()
    } else {
        let b = before_tok?;
        let text = doc.units[u].1;
        let t = doc.toks[u][b];
        if !matches!(&text[t.start..t.end], "." | "!" | "?") {
            return None;
        }
        vec![sentence_of(doc, u, b)?]
    };
    for si in candidates {
        let (su, r) = &doc.sents[si];
        let s = Sentence {
            text: doc.units[*su].1,
            toks: &doc.toks[*su],
            range: r.clone(),
            lang: "",
            lang_us: true,
        };
        if r.clone()
            .any(|j| matches!(s.word(j), "“" | "”" | "\"" | "«" | "»" | "„"))
        {
            return None;
        }
        let Some(verb) = r
            .clone()
            .rev()
            .find(|&j| is_speech(s.word(j)) && !is_according(s.word(j)))
        else {
            continue;
        };
        let a = subject_before(&s, *su, verb, r.start, &by_unit[*su], entities, mentions)?;
        return a.entity.is_some().then_some(a);
    }
    None
}

/// A title between a speech verb and the speaker's name ("said Senator Smith").
fn is_title(w: &str) -> bool {
    titles::SPEAKER.has(w.to_lowercase().as_str())
}

/// The speaker of a verb: scanning back from it to `from`. A person
/// mention or a pronoun wins; a capitalised name right before the verb
/// ("…, Indyk said") next; an organisation only right before the verb;
/// places speak only through their people ("McConnell, Republican of
/// Kentucky, has called it …").
fn subject_before(
    s: &Sentence,
    u: usize,
    verb: usize,
    from: usize,
    unit_mentions: &[&MentionRef],
    entities: &[Entity],
    mentions: &[MentionRef],
) -> Option<Attribution> {
    use crate::report::EntityType;
    if let Some(a) = definite_description(s, u, verb, from, entities, mentions) {
        return Some(a);
    }
    // "Charles Schultze, chairman of … in the Carter administration, once
    // summed up …": the person the clause opens with, when an apposition
    // stands between them and the verb (not the nearest name, Carter).
    let mut v = verb;
    while v > from && with_lowercase(s.word(v - 1), is_adverb) {
        v -= 1;
    }
    if v > from + 1 && s.word(v - 1) == "," {
        let opener = unit_mentions.iter().find(|m| {
            m.tok.start >= from
                && m.tok.start <= from + 2
                && (from..m.tok.start)
                    .all(|k| s.word(k).chars().next().is_some_and(char::is_uppercase))
                && m.tok.end + 1 < v
                && s.word(m.tok.end) == ","
        });
        if let Some(m) = opener.filter(|m| entities[m.entity].kind == EntityType::Person) {
            return Some(from_mention(m, entities));
        }
    }
    let mut org = None;
    let mut j = verb;
    while j > from {
        j -= 1;
        if let Some(m) = unit_mentions.iter().find(|m| m.tok.contains(&j)) {
            // A possessor is not the subject: "Lee, Yoon’s rival, described it as “…”".
            let possessor = m.tok.end < verb && matches!(s.word(m.tok.end), "'s" | "’s");
            match entities[m.entity].kind {
                _ if possessor => {}
                EntityType::Person => return Some(from_mention(m, entities)),
                EntityType::Organization if org.is_none() => {
                    org = Some((j, from_mention(m, entities)))
                }
                _ => {}
            }
            j = m.tok.start;
            continue;
        }
        if let Some(p) = is_pronoun(s.word(j)) {
            let e = resolve_pronoun(u, j, p, entities, mentions);
            // "Soon after Ms. Price was elected, she said": a titled name the
            // tagger missed, earlier in the sentence.
            if e.is_none() && p {
                let titled = (s.range.start..j)
                    .rev()
                    .find(|&t| is_title(s.word(t)) && t + 1 < j)
                    .and_then(|t| bare_name(s, t, true));
                if let Some(n) = titled {
                    return Some(linked(n, entities));
                }
            }
            return Some(Attribution {
                entity: e,
                name: e.map(|e| entities[e].name.clone()),
                pronoun: p.then_some((u, j)),
            });
        }
        if j + 1 == verb && org.is_none() {
            if let Some(n) = bare_name(s, j, false) {
                return Some(linked(n, entities));
            }
        }
        // A quote closes the clause the verb belongs to.
        if matches!(s.word(j), "“" | "”" | "\"" | "«" | "»" | "„") {
            break;
        }
    }
    if let Some((at, _)) = org.as_ref() {
        if at + 3 >= verb {
            return org.map(|(_, o)| o);
        }
    }
    // "Myers, who was EVP of …, told Variety:": the name opening the sentence.
    if from == s.range.start || s.word(from.saturating_sub(1)) == "," {
        if let Some(n) = bare_name(s, from, true) {
            if s.word(from + n.split(' ').count()) == "," {
                return Some(linked(n, entities));
            }
        }
    }
    org.map(|(_, o)| o)
}

/// Heads of the descriptions news writing uses for a person already named
/// ("the Conservative MP said", "the president also admitted"). "Official"
/// and "source" are not here: they usually stand for someone never named.
static DESCRIPTION_HEADS: Words =
    Words::new(include_str!("../../lexicon/facts/description-heads.txt"));

/// "the Conservative MP said": a definite description right before the
/// verb stands for a person named earlier — the one whose role it is, else
/// the nearest person named in this or the two paragraphs before.
fn definite_description(
    s: &Sentence,
    u: usize,
    verb: usize,
    from: usize,
    entities: &[Entity],
    mentions: &[MentionRef],
) -> Option<Attribution> {
    let mut j = verb.checked_sub(1)?;
    while j > from && with_lowercase(s.word(j), is_adverb) {
        j -= 1;
    }
    if j < from {
        return None;
    }
    let head = s.word(j).to_lowercase();
    if !DESCRIPTION_HEADS.contains(&head.as_str()) {
        return None;
    }
    // Up to three modifiers between "the" and the head ("the former Labour
    // foreign minister").
    let the = (from..j)
        .rev()
        .take(4)
        .take_while(|&k| s.word(k).chars().all(|c| c.is_alphabetic() || c == '-'))
        .find(|&k| with_lowercase(s.word(k), |l| l == "the"))?;
    let before = |m: &&MentionRef| {
        (m.unit, m.tok.start) < (u, the)
            && entities[m.entity].kind == crate::report::EntityType::Person
    };
    let has_role = |e: &Entity| {
        e.roles.iter().any(|r| {
            r.split_whitespace()
                .any(|w| with_lowercase(w, |l| l == head.as_str()))
        })
    };
    // `mentions` is in reading order: walk back from the description.
    let at = mentions.partition_point(|m| (m.unit, m.tok.start) < (u, the));
    // (The last few hundred people named: a role named longer ago than that
    // is not what the description points back to, and the walk stays short.)
    let earlier = || mentions[..at].iter().rev().take(500).filter(before);
    let e = earlier()
        .find(|m| has_role(&entities[m.entity]))
        .or_else(|| earlier().next().filter(|m| m.unit + 2 >= u))?
        .entity;
    Some(Attribution {
        entity: Some(e),
        name: Some(entities[e].name.clone()),
        pronoun: Some((u, the)),
    })
}

/// Adverbs that may stand between a subject and its verb ("he also said").
fn is_adverb(l: &str) -> bool {
    matches!(
        l,
        "also"
            | "later"
            | "then"
            | "once"
            | "previously"
            | "further"
            | "recently"
            | "has"
            | "had"
            | "have"
    )
}

/// A bare name, linked to the entity whose name or alias ends with it.
fn linked(name: String, entities: &[Entity]) -> Attribution {
    let last = name.split(' ').next_back().unwrap_or("").to_lowercase();
    let e = entities.iter().position(|e| {
        e.kind == crate::report::EntityType::Person
            && std::iter::once(&e.name).chain(&e.aliases).any(|a| {
                // Every name of every person, for every quote: compared
                // in place (`last` is lower-cased), not lower-cased anew.
                let x = a.rfind(' ').map_or(a.as_str(), |i| &a[i + 1..]);
                if x.is_ascii() {
                    x.eq_ignore_ascii_case(&last)
                } else {
                    x.to_lowercase() == last
                }
            })
    });
    Attribution {
        entity: e,
        name: Some(e.map_or(name, |e| entities[e].name.clone())),
        pronoun: None,
    }
}

/// The sentence holding token `tok` of unit `u`. Sentences are in
/// reading order and do not overlap (see `entities::build_doc`): a binary
/// search, not a scan of the whole article per quote.
fn sentence_of(doc: &Doc, u: usize, tok: usize) -> Option<usize> {
    let i = doc
        .sents
        .partition_point(|(su, r)| (*su, r.end) <= (u, tok));
    doc.sents
        .get(i)
        .filter(|(su, r)| *su == u && r.contains(&tok))
        .map(|_| i)
}

/// The person a pronoun at (unit, token) refers to: the nearest person
/// mentioned before it. For "it"/"they", the organisation that leads the
/// sentence of the nearest one ("The Food Standards Agency warned against
/// DNP. “…,” it said": the agency, not DNP).
fn resolve_pronoun(
    u: usize,
    tok: usize,
    person: bool,
    entities: &[Entity],
    mentions: &[MentionRef],
) -> Option<usize> {
    let fits = |m: &&MentionRef| {
        let ty = entities[m.entity].kind;
        if person {
            ty == crate::report::EntityType::Person
        } else {
            ty == crate::report::EntityType::Organization
        }
    };
    // `mentions` is in reading order: walk back from the pronoun.
    let at = mentions.partition_point(|m| (m.unit, m.tok.start) < (u, tok));
    let mut before = mentions[..at].iter().rev().filter(fits);
    let nearest = before.next()?;
    if person {
        return Some(nearest.entity);
    }
    before
        .take_while(|m| m.sent == nearest.sent)
        .last()
        .unwrap_or(nearest)
        .entity
        .into()
}

fn from_mention(m: &MentionRef, entities: &[Entity]) -> Attribution {
    Attribution {
        entity: Some(m.entity),
        name: Some(entities[m.entity].name.clone()),
        pronoun: None,
    }
}

/// A capitalised name: up to four capitalised words from `a`, forward or
/// backward, titles left out.
fn bare_name(s: &Sentence, a: usize, dir_forward: bool) -> Option<String> {
    let cap = |k: usize| {
        let w = s.word(k);
        w.chars().next().is_some_and(char::is_uppercase)
            && !is_speech(w)
            && w.chars().any(char::is_alphabetic)
    };
    let mut words = Vec::new();
    if dir_forward {
        let mut k = a;
        while k < s.range.end && cap(k) && words.len() < 4 {
            words.push(s.word(k));
            k += 1;
        }
    } else {
        let mut k = a + 1;
        while k > s.range.start && cap(k - 1) && words.len() < 4 {
            words.insert(0, s.word(k - 1));
            k -= 1;
        }
    }
    while words.first().is_some_and(|w| is_title(w)) {
        words.remove(0);
    }
    // "Ein Macron-Berater sagt": a description, not a name.
    if words.first().is_some_and(|w| {
        with_lowercase(w, |l| {
            matches!(
                l,
                "a" | "an"
                    | "the"
                    | "ein"
                    | "eine"
                    | "der"
                    | "die"
                    | "das"
                    | "un"
                    | "une"
                    | "le"
                    | "la"
                    | "les"
                    | "el"
                    | "los"
                    | "las"
                    | "una"
            )
        })
    }) {
        return None;
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// `“…,” said X` / `“…,” X said` / `“…,” he added` / `“…” to …, Indyk said`.
fn attribution_after(
    doc: &Doc,
    u: usize,
    after: Option<usize>,
    unit_mentions: &[&MentionRef],
    entities: &[Entity],
    mentions: &[MentionRef],
) -> Option<Attribution> {
    let a = after?;
    let si = sentence_of(doc, u, a)?;
    let (_, r) = &doc.sents[si];
    let s = Sentence {
        text: doc.units[u].1,
        toks: &doc.toks[u],
        range: r.clone(),
        lang: "",
        lang_us: true,
    };
    let mut k = a;
    if k < r.end && matches!(s.word(k), "," | "—" | "–") {
        k += 1;
    }
    // “…” if you have blackouts because of a lack of power plants, Mr. Powers said.
    let window = k..(k + 28).min(r.end);
    // The attribution must come before the sentence goes on to something else.
    let verb = window.clone().find(|&j| is_speech(s.word(j)))?;
    if (k..verb).any(|j| matches!(s.word(j), "." | "!" | "?" | "“" | "\"" | "«" | "„")) {
        return None;
    }
    // "“…,” Hicks told ABC News": the subject between the quote and the verb.
    if (k..verb).any(|j| s.word(j) != ",") {
        if let Some(a) = subject_before(&s, u, verb, k, unit_mentions, entities, mentions) {
            return Some(a);
        }
    }
    // "“…,” said Senator Mark Warner": the first person within a few words after the
    // verb; but whoever comes after "told" is the one spoken to ("…, a source told
    // Reuters").
    if matches!(s.word(verb), "told" | "tells" | "tell") && verb > k {
        return Some(Attribution {
            entity: None,
            name: None,
            pronoun: None,
        });
    }
    let mut after_verb = verb + 1;
    while after_verb < r.end && is_title(s.word(after_verb)) {
        after_verb += 1;
    }
    // ("sagt vor der Kamera ein ortskundiger Bürger namens Michael Poschart")
    let stop = (after_verb..(after_verb + 9).min(r.end))
        .find(|&j| matches!(s.word(j), "," | "." | ";" | "“" | "\""))
        .unwrap_or((after_verb + 9).min(r.end));
    if let Some(m) = unit_mentions
        .iter()
        .filter(|m| m.tok.start >= after_verb && m.tok.start < stop)
        .min_by_key(|m| {
            (
                entities[m.entity].kind != crate::report::EntityType::Person,
                m.tok.start,
            )
        })
    {
        return Some(from_mention(m, entities));
    }
    if after_verb < r.end {
        if let Some(p) = is_pronoun(s.word(after_verb)) {
            let e = resolve_pronoun(u, after_verb, p, entities, mentions);
            return Some(Attribution {
                entity: e,
                name: e.map(|e| entities[e].name.clone()),
                pronoun: p.then_some((u, after_verb)),
            });
        }
        if let Some(n) = bare_name(&s, after_verb, true) {
            return Some(linked(n, entities));
        }
    }
    // "a spokesman said", "the ministry said", "said a dispatcher":
    // attributed, but to no name.
    Some(Attribution {
        entity: None,
        name: None,
        pronoun: None,
    })
}

/// `X said: “…”` / `according to X, “…”` / `X has said that … is “…”`.
fn attribution_before(
    doc: &Doc,
    u: usize,
    before: Option<usize>,
    unit_mentions: &[&MentionRef],
    entities: &[Entity],
    mentions: &[MentionRef],
) -> Option<Attribution> {
    let b = before?;
    let si = sentence_of(doc, u, b)?;
    let (_, r) = &doc.sents[si];
    let s = Sentence {
        text: doc.units[u].1,
        toks: &doc.toks[u],
        range: r.clone(),
        lang: "",
        lang_us: true,
    };
    // The last speech verb before the quote in this sentence.
    let Some(verb) = (r.start..=b).rev().find(|&j| is_speech(s.word(j))) else {
        // "Mit dabei war auch Stefan Bröckling von der Tiernothilfe: „…“": a
        // person introducing the quote with a colon and no verb (a person
        // only: "Népal : «…»" is a headline, not a speaker).
        if b > r.start && s.word(b) == ":" {
            return unit_mentions
                .iter()
                .filter(|m| m.tok.start >= r.start && m.tok.end <= b)
                .filter(|m| entities[m.entity].kind == crate::report::EntityType::Person)
                .filter(|m| !matches!(s.word(m.tok.end), "'s" | "’s"))
                .max_by_key(|m| m.tok.start)
                .map(|m| from_mention(m, entities));
        }
        return None;
    };
    if is_according(s.word(verb)) {
        if let Some(m) = unit_mentions
            .iter()
            .find(|m| m.tok.start > verb && m.tok.start <= verb + 3)
        {
            return Some(from_mention(m, entities));
        }
        return bare_name(&s, verb + 2, true).map(|n| Attribution {
            entity: None,
            name: Some(n),
            pronoun: None,
        });
    }
    // The subject: the nearest person (or pronoun) before the verb, else the
    // nearest organisation; places speak only through their people
    // ("McConnell, Republican of Kentucky, has called it …").
    if let Some(a) = subject_before(&s, u, verb, r.start, unit_mentions, entities, mentions) {
        return Some(a);
    }
    // "told reporters" after a named speaker the tagger missed.
    if verb > r.start {
        if let Some(n) = bare_name(&s, verb - 1, false) {
            return Some(Attribution {
                entity: None,
                name: Some(n),
                pronoun: None,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The binary search finds what a scan of every sentence finds, for
    /// every token of real text (quotes, short paragraphs, one cut at 200
    /// tokens) and past the ends.
    #[test]
    fn sentence_of_agrees_with_a_scan() {
        let long = "word ".repeat(450);
        let paragraphs = [
            "“We will not give up,” Sam Rainsy told 3,000 supporters. He left. Then he came back!",
            "Prime Minister Hun Sen has ruled the country since 1985.",
            "",
            long.as_str(),
            "A last one. With two sentences",
        ];
        let page = crate::Page::from_paragraphs(&paragraphs);
        let info = crate::article::classify(&page);
        let doc = crate::doc::build_doc(&page, &info, &vec![false; page.blocks.len()]);
        assert!(doc.sents.len() > 6, "{:?}", doc.sents);
        for u in 0..doc.units.len() + 1 {
            let n = doc.toks.get(u).map_or(3, Vec::len);
            for tok in 0..n + 3 {
                let scan = doc
                    .sents
                    .iter()
                    .position(|(su, r)| *su == u && r.contains(&tok));
                assert_eq!(sentence_of(&doc, u, tok), scan, "unit {u} token {tok}");
            }
        }
    }
}
