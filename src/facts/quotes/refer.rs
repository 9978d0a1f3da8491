//! Who a description or an unsaid subject stands for: "the minister
//! said", "«…», puntualizó el oficial", and the subject Spanish, Italian and
//! Portuguese leave out ("Al respecto, explicó que “…”").

use crate::doc::{MentionRef, Sentence};
use crate::lexicon::Words;
use crate::report::Entity;
use crate::text::with_lowercase;

/// Heads of the descriptions news writing uses for a person already named
/// ("the Conservative MP said", "the president also admitted"). "Official"
/// and "source" are not here: they usually stand for someone never named.
static DESCRIPTION_HEADS: Words =
    Words::new(include_str!("../../../lexicon/facts/description-heads.txt"));

/// "the Conservative MP said": a definite description right before the
/// verb stands for a person named earlier — the one whose role it is, else
/// the nearest person named in this or the two paragraphs before.
pub(super) fn definite_description(
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
    if j < from || !is_description_head(s.word(j)) {
        return None;
    }
    // Up to three modifiers between "the" and the head ("the former Labour
    // foreign minister").
    let the = (from..j)
        .rev()
        .take(4)
        .take_while(|&k| s.word(k).chars().all(|c| c.is_alphabetic() || c == '-'))
        .find(|&k| with_lowercase(s.word(k), is_definite_article))?;
    describe(u, the, s.word(j), entities, mentions)
}

/// "“…”, said the minister" / "«…», puntualizó el oficial": a definite
/// description right after the verb (article, up to two modifiers, head).
pub(super) fn description_after(
    s: &Sentence,
    u: usize,
    at: usize,
    entities: &[Entity],
    mentions: &[MentionRef],
) -> Option<Attribution> {
    if at >= s.range.end || !with_lowercase(s.word(at), is_definite_article) {
        return None;
    }
    let head = (at + 1..(at + 4).min(s.range.end))
        .take_while(|&k| s.word(k).chars().all(|c| c.is_alphabetic() || c == '-'))
        .find(|&k| is_description_head(s.word(k)))?;
    describe(u, at, s.word(head), entities, mentions)
}

/// Definite articles that open a description ("the minister", "el
/// oficial", "la ministra", "il portavoce", "der Sprecher", "o ministro").
pub(super) fn is_definite_article(l: &str) -> bool {
    matches!(
        l,
        "the" | "el" | "la" | "il" | "lo" | "le" | "der" | "die" | "o"
    )
}

fn is_description_head(w: &str) -> bool {
    with_lowercase(w, |l| DESCRIPTION_HEADS.has(l))
}

/// The person a description with head `head`, at token `the` of unit `u`,
/// stands for: the latest person named before it whose role has that word,
/// else the nearest person named in this or the two paragraphs before.
fn describe(
    u: usize,
    the: usize,
    head: &str,
    entities: &[Entity],
    mentions: &[MentionRef],
) -> Option<Attribution> {
    let head = head.to_lowercase();
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

/// Languages whose verbs need no subject ("Al respecto, explicó que “…”",
/// "«…», añadió."): a speech verb without one is a pronoun's.
pub(super) fn drops_subjects(lang: &str) -> bool {
    matches!(lang.get(..2), Some("es" | "it" | "pt"))
}

/// The unspoken subject of a speech verb in a pro-drop language: the person
/// last named, like "he" or "she"; a plural verb ("indicaron", "disseram")
/// is "they", the organisation last named.
pub(super) fn dropped_subject(
    s: &Sentence,
    u: usize,
    verb: usize,
    entities: &[Entity],
    mentions: &[MentionRef],
) -> Attribution {
    let w = s.word(verb);
    let plural = w.ends_with("ron") || w.ends_with("ram") || w.ends_with("ano");
    let e = resolve_pronoun(u, verb, !plural, entities, mentions);
    Attribution {
        entity: e,
        name: e.map(|e| entities[e].name.clone()),
        pronoun: (!plural).then_some((u, verb)),
    }
}

/// Who said a quote: an entity, a name, or a pronoun to resolve.
pub(super) struct Attribution {
    pub(super) entity: Option<usize>,
    pub(super) name: Option<String>,
    /// Where the pronoun was, when the speaker is one ("…,” he said): the
    /// speaker of the quote before may be a better referent than the
    /// nearest tagged person.
    pub(super) pronoun: Option<(usize, usize)>,
}

/// Adverbs that may stand between a subject and its verb ("he also said").
pub(super) fn is_adverb(l: &str) -> bool {
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

/// The person a pronoun at (unit, token) refers to: the nearest person
/// mentioned before it. For "it"/"they", the organisation that leads the
/// sentence of the nearest one ("The Food Standards Agency warned against
/// DNP. “…,” it said": the agency, not DNP).
pub(super) fn resolve_pronoun(
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
