//! Who "he" or "she" is when a quote's speaker is a pronoun ("Warren …
//! Trump … “…,” she said"): a person's sex as far as the article says
//! (a title before the name, a gendered role noun, the pronouns used of
//! them alone), and a resolution that prefers the subject of the sentence
//! to whoever was named last.

use crate::doc::{Doc, MentionRef};
use crate::lexicon::Words;
use crate::report::{Entity, EntityType};
use crate::text::with_lowercase;

/// Titles and role nouns that say a person is a man.
static MALE: Words = Words::tagged(
    include_str!("../../../lexicon/facts/gendered-words.txt"),
    "male",
);
/// Titles and role nouns that say a person is a woman.
static FEMALE: Words = Words::tagged(
    include_str!("../../../lexicon/facts/gendered-words.txt"),
    "female",
);

/// A person's sex, as a pronoun or a title states it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Gender {
    Male,
    Female,
}

/// The sex a personal pronoun states: `Some(None)` for one that says
/// nothing of it (German "sie" is also "they"), `None` for a word that is
/// not a personal pronoun.
pub(super) fn of_pronoun(w: &str) -> Option<Option<Gender>> {
    with_lowercase(w, |l| match l {
        "he" | "him" | "his" | "himself" | "er" | "il" => Some(Some(Gender::Male)),
        "she" | "her" | "hers" | "herself" | "elle" => Some(Some(Gender::Female)),
        "sie" => Some(None),
        _ => None,
    })
}

/// English pronouns whose antecedent is counted as evidence of a person's
/// sex ("Warren said she …"): unambiguous, unlike German "sie" or French "il".
fn english_pronoun(w: &str) -> Option<Gender> {
    with_lowercase(w, |l| match l {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    })
}

fn of_word(w: &str) -> Option<Gender> {
    let w = w.trim_end_matches('.');
    if w.is_empty() {
        return None;
    }
    with_lowercase(w, |l| {
        if MALE.has(l) {
            Some(Gender::Male)
        } else if FEMALE.has(l) {
            Some(Gender::Female)
        } else {
            None
        }
    })
}

/// The sex of every person entity the article states: a title right before
/// one of its mentions ("Ms Warren", "Mr. Trump") or a gendered noun in its
/// roles ("chairwoman"), else the majority of the pronouns that can only
/// mean that person: one outside quotes, with that person the only one
/// named before it in its sentence (or, for a pronoun opening a sentence,
/// the only one named in the sentence before). `mentions` are in reading
/// order, without names inside quotes; `in_quote(unit, byte)` says whether
/// a position is inside quotation marks.
pub(super) fn genders(
    doc: &Doc,
    entities: &[Entity],
    mentions: &[MentionRef],
    in_quote: &dyn Fn(usize, usize) -> bool,
) -> Vec<Option<Gender>> {
    let person = |m: &MentionRef| entities[m.entity].kind == EntityType::Person;
    let mut stated: Vec<Option<Gender>> = entities
        .iter()
        .map(|e| {
            e.roles
                .iter()
                .flat_map(|r| r.split_whitespace())
                .find_map(of_word)
        })
        .collect();
    let word = |u: usize, k: usize| {
        let t = &doc.toks[u][k];
        &doc.units[u].1[t.start..t.end]
    };
    for m in mentions.iter().filter(|m| person(m)) {
        // ("Mr", "." may be two tokens.)
        let mut k = m.tok.start;
        if k > 0 && word(m.unit, k - 1) == "." {
            k -= 1;
        }
        if let Some(g) = k.checked_sub(1).and_then(|k| of_word(word(m.unit, k))) {
            stated[m.entity] = Some(g);
        }
    }
    // Pronoun votes: [male, female] per entity.
    let mut votes = vec![[0u32; 2]; entities.len()];
    for (si, (u, range)) in doc.sents.iter().enumerate() {
        for k in range.clone() {
            let Some(g) = english_pronoun(word(*u, k)) else {
                continue;
            };
            if in_quote(*u, doc.toks[*u][k].start) {
                continue;
            }
            let in_sentence = |s: usize, before: usize| {
                let a = mentions.partition_point(|m| m.sent < s);
                mentions[a..]
                    .iter()
                    .take_while(move |m| m.sent == s && m.tok.start < before)
                    .filter(|m| person(m))
                    .map(|m| m.entity)
            };
            let mut who: Vec<usize> = in_sentence(si, k).collect();
            if who.is_empty() && k == range.start && si > 0 {
                who = in_sentence(si - 1, usize::MAX).collect();
            }
            who.dedup();
            if let [e] = who[..] {
                votes[e][(g == Gender::Female) as usize] += 1;
            }
        }
    }
    stated
        .iter()
        .zip(&votes)
        .map(|(s, v)| {
            s.or(match v[0].cmp(&v[1]) {
                std::cmp::Ordering::Greater => Some(Gender::Male),
                std::cmp::Ordering::Less => Some(Gender::Female),
                std::cmp::Ordering::Equal => None,
            })
        })
        .collect()
}

/// Whether a person of sex `known` may be called by a pronoun of sex `g`
/// (either unknown, or the same).
pub(super) fn agrees(known: Option<Gender>, g: Option<Gender>) -> bool {
    known.is_none() || g.is_none() || known == g
}

/// The person a personal pronoun of sex `g` at (unit `u`, token `tok`)
/// stands for, when no earlier quote's speaker does: the subject (the first
/// person named) of its own sentence before it, else of the sentence
/// before, known to be of that sex; else the nearest person of those two
/// sentences known to be; else either subject if the article does not say
/// otherwise; else the nearest person named before it whose sex agrees;
/// else the nearest person.
pub(super) fn resolve(
    doc: &Doc,
    u: usize,
    tok: usize,
    g: Option<Gender>,
    genders: &[Option<Gender>],
    entities: &[Entity],
    mentions: &[MentionRef],
) -> Option<usize> {
    let person = |m: &&MentionRef| entities[m.entity].kind == EntityType::Person;
    let at = mentions.partition_point(|m| (m.unit, m.tok.start) < (u, tok));
    // The pronoun's sentence: the last one starting at or before it.
    let s = doc
        .sents
        .partition_point(|(su, r)| (*su, r.start) <= (u, tok))
        .checked_sub(1)?;
    let subject = |s: usize| {
        let a = mentions[..at].partition_point(|m| m.sent < s);
        mentions[a..at]
            .iter()
            .take_while(|m| m.sent == s)
            .find(person)
            .map(|m| m.entity)
    };
    let fits = |e: &usize| agrees(genders[*e], g);
    let is_known = |e: &usize| g.is_some() && genders[*e] == g;
    // (The sentence before counts only in this or the previous paragraph.)
    let first = s.checked_sub(1).filter(|&p| doc.sents[p].0 + 1 >= u);
    let previous = first.and_then(subject);
    // A person of these two sentences the article says is of the pronoun's
    // sex comes before a subject it says nothing of ("Jerome Powell was
    // questioned by Maxine Waters, the chairwoman. “…,” she said").
    let from = mentions[..at].partition_point(|m| m.sent < first.unwrap_or(s));
    let known = mentions[from..at]
        .iter()
        .rev()
        .filter(person)
        .find(|m| is_known(&m.entity));
    let subjects = [subject(s), previous];
    if let Some(e) = subjects.iter().flatten().find(|e| is_known(e)) {
        return Some(*e);
    }
    if let Some(m) = known {
        return Some(m.entity);
    }
    if let Some(e) = subjects.into_iter().flatten().find(fits) {
        return Some(e);
    }
    let mut before = mentions[..at].iter().rev().take(500).filter(person);
    let nearest = before.clone().next()?.entity;
    Some(
        before
            .find(|m| fits(&m.entity))
            .map_or(nearest, |m| m.entity),
    )
}
