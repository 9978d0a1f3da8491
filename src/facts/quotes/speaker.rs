//! Who said a quote: the attribution patterns of news writing before and
//! after the quote marks, and how a pronoun, a description or a bare name
//! is resolved to an entity.

use super::refer::{
    definite_description, description_after, dropped_subject, drops_subjects, is_adverb,
    is_definite_article, resolve_pronoun, Attribution,
};
use crate::doc::{Doc, MentionRef, Sentence};
use crate::lexicon::{titles, Words};
use crate::report::Entity;
use crate::text::with_lowercase;

static SPEECH: Words = Words::new(include_str!("../../../lexicon/facts/speech-verbs.txt"));

/// Speech words whose speaker comes after them ("according to X", "selon X").
pub(super) fn is_according(w: &str) -> bool {
    with_lowercase(w, |l| matches!(l, "according" | "selon" | "laut" | "según"))
}

pub(super) fn is_speech(w: &str) -> bool {
    // Asked of most words near a quote: a hashed set, not a scan of the list.
    w.len() <= 24 && with_lowercase(w, |l| SPEECH.has(l))
}

/// A speech verb of two words at token `j`: "she went on", "he goes on".
fn is_speech_phrase(s: &Sentence, j: usize) -> bool {
    j + 1 < s.range.end
        && with_lowercase(s.word(j), |l| matches!(l, "went" | "goes" | "go"))
        && with_lowercase(s.word(j + 1), |l| l == "on")
}

pub(super) fn is_pronoun(w: &str) -> Option<bool> {
    with_lowercase(w, |l| match l {
        "he" | "she" | "him" | "her" | "er" | "sie" | "il" | "elle" => Some(true),
        // "…,” it said in a statement": the organisation last named.
        "they" | "it" => Some(false),
        _ => None,
    })
}

/// An unattributed quote that opens its sentence, right after a sentence in
/// which someone speaks ("Charles Schultze … once summed up the danger with a
/// metaphor. “It’s not so much …”"; "The president also admitted that …" and
/// then a paragraph that is only a quote): that speaker. Looks at the
/// sentence before, or, for a quote opening its paragraph, the last two
/// sentences of the paragraph before; a sentence with a quote of its own
/// stops the search (its speaker was already carried over, or was nobody).
pub(super) fn previous_statement(
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
pub(super) fn is_title(w: &str) -> bool {
    titles::SPEAKER.has(w.to_lowercase().as_str())
}

/// The speaker of a verb: scanning back from it to `from`. A person
/// mention or a pronoun wins; a capitalised name right before the verb
/// ("…, Indyk said") next; an organisation only right before the verb;
/// places speak only through their people ("McConnell, Republican of
/// Kentucky, has called it …").
pub(super) fn subject_before(
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
    if let Some(owner) = unnamed_subject(s, v, from, unit_mentions) {
        return owner.map(|m| from_mention(m, entities));
    }
    let apposition = opening_apposition(s, verb, from, unit_mentions, entities);
    let mut org = None;
    let mut j = verb;
    while j > from {
        j -= 1;
        if let Some(m) = unit_mentions.iter().find(|m| m.tok.contains(&j)) {
            // A possessor is not the subject: "Lee, Yoon’s rival, described it as “…”".
            let possessor = m.tok.end < verb && matches!(s.word(m.tok.end), "'s" | "’s");
            match entities[m.entity].kind {
                // "Marmorato, who's the sister of … Michael Rendino, campaigned
                // … and called it “…”": not a name inside the apposition.
                _ if apposition
                    .as_ref()
                    .is_some_and(|(o, end)| j > o.tok.end && j < *end) =>
                {
                    if let Some((o, _)) = apposition {
                        return Some(from_mention(o, entities));
                    }
                }
                _ if possessor => {}
                EntityType::Person => return Some(from_mention(m, entities)),
                EntityType::Organization if org.is_none() => {
                    org = Some((j, m.tok.start, from_mention(m, entities)))
                }
                _ => {}
            }
            j = m.tok.start;
            continue;
        }
        if let Some(p) = is_pronoun(s.word(j)) {
            let e = resolve_pronoun(u, j, p, entities, mentions);
            // "Soon after Ms. Price was elected, she said": a titled name the
            // tagger missed, earlier in the sentence, before anyone named in
            // an earlier one.
            let named_in_sentence = unit_mentions.iter().any(|m| {
                m.tok.start >= s.range.start
                    && m.tok.end <= j
                    && entities[m.entity].kind == EntityType::Person
            });
            if p && !named_in_sentence {
                // (The title's full stop may be a token of its own: "Ms", ".".)
                let titled = (s.range.start..j)
                    .rev()
                    .find(|&t| is_title(s.word(t)) && t + 1 < j)
                    .map(|t| if s.word(t + 1) == "." { t + 2 } else { t + 1 })
                    .filter(|&t| t < j)
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
    if let Some((at, _, _)) = org.as_ref() {
        if at + 3 >= verb {
            return org.map(|(_, _, o)| o);
        }
    }
    clause_opener(s, verb, from, entities).or_else(|| {
        // An organisation further back speaks only as the sentence's subject,
        // not as the object of a preposition ("In the speech, first disclosed
        // by the Aspen Times, the former mayor argued that …").
        org.filter(|(_, start, _)| !after_preposition(s, *start))
            .map(|(_, _, o)| o)
    })
}

/// Whether the subject right before the verb at `v` (adverbs skipped) is
/// nobody named: an indefinite pronoun ("others said", "some argue") or a
/// common noun with a relative pronoun ("retail outlets that claim to be
/// selling “official” boards"); scanning further back would give the verb
/// to whoever the sentence named first. `Some(Some(m))` when a name stands
/// before that noun ("an article by New York magazine that claimed"): the
/// name's, as "a WeWork spokesperson said" is WeWork's.
fn unnamed_subject<'m>(
    s: &Sentence,
    v: usize,
    from: usize,
    unit_mentions: &[&'m MentionRef],
) -> Option<Option<&'m MentionRef>> {
    let mention_at = |k: usize| unit_mentions.iter().find(|m| m.tok.contains(&k)).copied();
    if v <= from || mention_at(v - 1).is_some() {
        return None;
    }
    let w = s.word(v - 1);
    if with_lowercase(w, |l| {
        matches!(l, "others" | "some" | "many" | "few" | "most" | "critics")
    }) {
        return Some(None);
    }
    let relative = with_lowercase(w, |l| matches!(l, "that" | "which"))
        && v >= from + 2
        && mention_at(v - 2).is_none()
        && s.word(v - 2).chars().next().is_some_and(char::is_lowercase)
        && is_pronoun(s.word(v - 2)).is_none()
        && !is_speech(s.word(v - 2));
    relative.then(|| {
        (v >= from + 3)
            .then(|| mention_at(v - 3))
            .flatten()
            .filter(|m| m.tok.end == v - 2)
    })
}

/// "Myers, who was EVP of …, told Variety:": the name opening the sentence
/// (or the clause after the quote: "“…,” Kaplan, also an avid collector,
/// says"), set off by a comma.
fn clause_opener(
    s: &Sentence,
    verb: usize,
    from: usize,
    entities: &[Entity],
) -> Option<Attribution> {
    let opens = from == s.range.start
        || matches!(
            s.word(from.saturating_sub(1)),
            "," | "”" | "\"" | "»" | "“" | "’"
        );
    let n = bare_name(s, from, true).filter(|_| opens)?;
    let words = n.split(' ').count();
    if s.word(from + words) != "," {
        return None;
    }
    // (One capitalised word that names nobody known is a sentence adverb:
    // "Finalmente, indicaron que …", "Finally, …".)
    let a = linked(n, entities);
    (a.entity.is_some() || words > 1 || from + words + 1 != verb).then_some(a)
}

/// Whether the mention starting at `start` is the object of a preposition
/// ("by the Aspen Times").
fn after_preposition(s: &Sentence, start: usize) -> bool {
    let mut k = start;
    if k > s.range.start && with_lowercase(s.word(k - 1), |l| l == "the") {
        k -= 1;
    }
    k > s.range.start
        && with_lowercase(s.word(k - 1), |l| {
            matches!(
                l,
                "by" | "in" | "of" | "from" | "to" | "with" | "at" | "for" | "on"
            )
        })
}

/// The person a sentence opens with and the end of the apposition or
/// relative clause set off by commas right after them ("Marmorato, who's
/// the sister of Bronx Republican chair Michael Rendino, campaigned …"):
/// names inside it are not the subject of a verb after it.
fn opening_apposition<'m>(
    s: &Sentence,
    verb: usize,
    from: usize,
    unit_mentions: &[&'m MentionRef],
    entities: &[Entity],
) -> Option<(&'m MentionRef, usize)> {
    let o = *unit_mentions.iter().find(|m| {
        m.tok.start >= from
            && m.tok.start <= from + 2
            && (from..m.tok.start).all(|k| s.word(k).chars().next().is_some_and(char::is_uppercase))
            && m.tok.end + 1 < verb
            && s.word(m.tok.end) == ","
    })?;
    if entities[o.entity].kind != crate::report::EntityType::Person {
        return None;
    }
    let end = (o.tok.end + 2..verb).find(|&k| matches!(s.word(k), "," | "—" | "–" | ";"))?;
    Some((o, end))
}

/// The person named right after a possessive ("RedMonk’s Stephens"): a
/// mention starting at `at`, else a capitalised name there; else the
/// possessor after all.
fn possessed(
    s: &Sentence,
    at: usize,
    unit_mentions: &[&MentionRef],
    entities: &[Entity],
) -> Attribution {
    if let Some(m) = unit_mentions.iter().find(|m| m.tok.start == at) {
        return from_mention(m, entities);
    }
    if let Some(n) = (at < s.range.end).then(|| bare_name(s, at, true)).flatten() {
        return linked(n, entities);
    }
    let owner = unit_mentions.iter().find(|m| m.tok.end + 1 == at);
    owner.map_or(
        Attribution {
            entity: None,
            name: None,
            pronoun: None,
        },
        |m| from_mention(m, entities),
    )
}

/// Whoever is named at token `n`: a mention starting there, a description
/// ("der Sprecher"), or a capitalised name.
fn named_at(
    s: &Sentence,
    u: usize,
    n: usize,
    unit_mentions: &[&MentionRef],
    entities: &[Entity],
    mentions: &[MentionRef],
) -> Option<Attribution> {
    if let Some(m) = unit_mentions.iter().find(|m| m.tok.start == n) {
        return Some(from_mention(m, entities));
    }
    description_after(s, u, n, entities, mentions)
        .or_else(|| bare_name(s, n, true).map(|name| linked(name, entities)))
}

/// A bare name, linked to the entity whose name or alias ends with it.
pub(super) fn linked(name: String, entities: &[Entity]) -> Attribution {
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
pub(super) fn sentence_of(doc: &Doc, u: usize, tok: usize) -> Option<usize> {
    let i = doc
        .sents
        .partition_point(|(su, r)| (*su, r.end) <= (u, tok));
    doc.sents
        .get(i)
        .filter(|(su, r)| *su == u && r.contains(&tok))
        .map(|_| i)
}

pub(super) fn from_mention(m: &MentionRef, entities: &[Entity]) -> Attribution {
    Attribution {
        entity: Some(m.entity),
        name: Some(entities[m.entity].name.clone()),
        pronoun: None,
    }
}

/// A capitalised name: up to four capitalised words from `a`, forward or
/// backward, titles left out.
pub(super) fn bare_name(s: &Sentence, a: usize, dir_forward: bool) -> Option<String> {
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
pub(super) fn attribution_after(
    doc: &Doc,
    u: usize,
    after: Option<usize>,
    unit_mentions: &[&MentionRef],
    entities: &[Entity],
    mentions: &[MentionRef],
    lang: &str,
) -> Option<Attribution> {
    let a = after?;
    let si = sentence_of(doc, u, a)?;
    let (_, r) = &doc.sents[si];
    let s = Sentence {
        text: doc.units[u].1,
        toks: &doc.toks[u],
        range: r.clone(),
        lang,
        lang_us: true,
    };
    let mut k = a;
    if k < r.end && matches!(s.word(k), "," | "—" | "–") {
        k += 1;
    }
    // German „…“, so Müller. / „…“, so der Sprecher.: "so" as "according to".
    if lang.starts_with("de") && k + 1 < r.end && s.word(k) == "so" {
        if let Some(a) = named_at(&s, u, k + 1, unit_mentions, entities, mentions) {
            return Some(a);
        }
    }
    // “…” if you have blackouts because of a lack of power plants, Mr. Powers said.
    let window = k..(k + 28).min(r.end);
    // The attribution must come before the sentence goes on to something else.
    let verb = window
        .clone()
        .find(|&j| is_speech(s.word(j)) || is_speech_phrase(&s, j))?;
    if (k..verb).any(|j| matches!(s.word(j), "." | "!" | "?" | "“" | "\"" | "«" | "„")) {
        return None;
    }
    // A quote that ended its sentence, then "She also said her “…”": the
    // next sentence's verb introduces its own quote.
    if r.start == a && (verb..r.end).any(|j| matches!(s.word(j), "“" | "\"" | "«" | "„")) {
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
    if let Some(d) = description_after(&s, u, after_verb, entities, mentions) {
        return Some(d);
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
    // "«…», añadió." — nobody after the verb (no article, no name): the
    // subject the language leaves unsaid.
    let named_after = after_verb < r.end && {
        let w = s.word(after_verb);
        w.chars().next().is_some_and(char::is_uppercase)
            || with_lowercase(w, |l| {
                is_definite_article(l)
                    || matches!(
                        l,
                        "un" | "una" | "um" | "uma" | "los" | "las" | "gli" | "os"
                    )
            })
    };
    if drops_subjects(lang) && verb == k && !named_after {
        return Some(dropped_subject(&s, u, verb, entities, mentions));
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
pub(super) fn attribution_before(
    doc: &Doc,
    u: usize,
    before: Option<usize>,
    unit_mentions: &[&MentionRef],
    entities: &[Entity],
    mentions: &[MentionRef],
    lang: &str,
) -> Option<Attribution> {
    let b = before?;
    let si = sentence_of(doc, u, b)?;
    let (_, r) = &doc.sents[si];
    let s = Sentence {
        text: doc.units[u].1,
        toks: &doc.toks[u],
        range: r.clone(),
        lang,
        lang_us: true,
    };
    // "In Dr. Shadlen's words, “…”": the one whose words they are.
    if b >= r.start + 3
        && s.word(b) == ","
        && with_lowercase(s.word(b - 1), |l| l == "words")
        && matches!(s.word(b - 2), "'s" | "’s")
    {
        let at = b - 3;
        if let Some(m) = unit_mentions.iter().find(|m| m.tok.contains(&at)) {
            return Some(from_mention(m, entities));
        }
        if let Some(n) = bare_name(&s, at, false) {
            return Some(linked(n, entities));
        }
    }
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
            // "According to RedMonk’s Stephens, “…”": the possessor's person.
            if matches!(s.word(m.tok.end), "'s" | "’s") {
                return Some(possessed(&s, m.tok.end + 1, unit_mentions, entities));
            }
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
    // "Al respecto, explicó que “…”": the subject the language leaves unsaid.
    drops_subjects(lang).then(|| dropped_subject(&s, u, verb, entities, mentions))
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
