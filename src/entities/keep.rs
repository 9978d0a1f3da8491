//! A learned keep/drop decision over the finished entities (issue 24).
//!
//! Most wrong entities on unseen pages are tagger errors in the prose
//! ("Verizon Leaves", a product as a person), which per-phrase rules do not
//! generalise to. Each entity gets a few cheap, general features (type,
//! mentions, where it first appears, the shape of its name, the gazetteers,
//! the words around its mentions), and a logistic regression fitted on the
//! labelled dev pages (`scripts/train_keep.py`, weights in
//! `model/keep.txt`) gives the probability that it is a real entity; below
//! the threshold it is dropped.
//!
//! `DOSSIER_KEEP_FEATURES=1` (CLI only) writes every entity's features as
//! JSON lines to stderr and keeps them all: the training script's input.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::doc::{Doc, MentionRef};
use crate::ner::gazetteer::{list, phrase_hash, Gazetteers};
use crate::report::{Entity, EntityType};

/// The fitted weights: `name weight` lines, and `threshold t`.
const WEIGHTS: &str = include_str!("../../model/keep.txt");

const PLACES: [usize; 3] = [list("country"), list("city"), list("region")];
const FIRST: usize = list("first");
const LAST: usize = list("last");
const ORG: usize = list("org");
const TITLE: usize = list("title");
/// Ordinary words: the `common` list and the two most frequent bands.
const ORDINARY: [usize; 3] = [list("common"), list("freq1"), list("freq2")];
/// Words after a mention that say it is someone speaking.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "wrote",
    "explained",
    "noted",
];

/// The weights and threshold read from [`WEIGHTS`].
struct Model {
    weights: HashMap<&'static str, f64>,
    threshold: f64,
}

fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| {
        let mut m = Model {
            weights: HashMap::new(),
            threshold: 0.0,
        };
        for line in WEIGHTS.lines().filter(|l| !l.starts_with('#')) {
            let mut it = line.split_whitespace();
            if let (Some(k), Some(v)) = (it.next(), it.next().and_then(|v| v.parse().ok())) {
                if k == "threshold" {
                    m.threshold = v;
                } else {
                    m.weights.insert(k, v);
                }
            }
        }
        m
    })
}

/// Whether features are dumped instead of entities dropped (the CLI's
/// training aid; the extension never reads the environment).
#[cfg(feature = "cli")]
fn dumping() -> bool {
    std::env::var_os("DOSSIER_KEEP_FEATURES").is_some()
}

#[cfg(not(feature = "cli"))]
fn dumping() -> bool {
    false
}

/// One JSON line to stderr: the entity, whether a fact points at it, its
/// probability and features.
#[cfg(feature = "cli")]
fn dump_line(e: &Entity, used: bool, p: f64, f: &[(&str, f64)]) {
    let f: serde_json::Map<String, serde_json::Value> = f
        .iter()
        .map(|(k, v)| (k.to_string(), (*v).into()))
        .collect();
    let line = serde_json::json!({"name": e.name, "type": e.kind,
        "aliases": e.aliases, "used": used, "p": p, "f": f});
    eprintln!("KEEP {line}");
}

#[cfg(not(feature = "cli"))]
fn dump_line(_: &Entity, _: bool, _: f64, _: &[(&str, f64)]) {}

/// Bit mask of the gazetteer lists holding the lower-cased words.
fn lists(gaz: &Gazetteers, words: &[String]) -> u32 {
    gaz.lists_of(phrase_hash(words.iter().map(|w| w.as_str())))
}

/// Words around an entity's mentions: (someone speaking or a possessive
/// after one, a title word before one).
fn context(doc: &Doc, gaz: &Gazetteers, refs: &[&MentionRef]) -> (bool, bool) {
    let (mut speech, mut title) = (false, false);
    for m in refs {
        let (text, toks) = (doc.units[m.unit].1, &doc.toks[m.unit]);
        let after = text[toks[m.tok.end - 1].end..].trim_start();
        let next = after.split_whitespace().next().unwrap_or("");
        let next = next.trim_matches(|c: char| !c.is_alphanumeric());
        speech |= after.starts_with("'s") || after.starts_with("’s") || SPEECH.contains(&next);
        if m.tok.start > 0 {
            let t = &toks[m.tok.start - 1];
            let prev = text[t.start..t.end].to_lowercase();
            title |= gaz.contains(TITLE, phrase_hash(std::iter::once(prev.as_str())))
                || matches!(prev.as_str(), "mr" | "ms" | "mrs" | "dr");
        }
    }
    (speech, title)
}

/// The features of one entity, by name, as the weights file names them.
fn features(
    e: &Entity,
    refs: &[&MentionRef],
    doc: &Doc,
    gaz: &Gazetteers,
) -> Vec<(&'static str, f64)> {
    let words: Vec<String> = e
        .name
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let n = refs.len().max(e.mentions.len()) as f64;
    let first_unit = refs.iter().map(|m| m.unit).min().unwrap_or(usize::MAX);
    let letters: Vec<char> = e.name.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    let camel = e.name.split_whitespace().any(|w| {
        let c: Vec<char> = w.chars().collect();
        c.windows(2)
            .any(|p| p[0].is_lowercase() && p[1].is_uppercase())
    });
    let bit = |mask: u32, k: usize| f64::from(mask & (1 << k) != 0);
    let whole = lists(gaz, &words);
    let one = |w: Option<&String>| w.map_or(0, |w| lists(gaz, std::slice::from_ref(w)));
    let ordinary = words
        .iter()
        .filter(|w| ORDINARY.iter().any(|&k| bit(one(Some(w)), k) > 0.0))
        .count() as f64
        / words.len().max(1) as f64;
    let (speech, title) = context(doc, gaz, refs);
    let (per, org) = (
        f64::from(e.kind == EntityType::Person),
        f64::from(e.kind == EntityType::Organization),
    );
    let one_word = f64::from(words.len() <= 1);
    let first_name = bit(one(words.first()), FIRST);
    vec![
        ("bias", 1.0),
        ("per", per),
        ("org", org),
        ("log_mentions", (1.0 + n).ln()),
        ("single_mention", f64::from(n <= 1.0)),
        ("lead", f64::from(first_unit <= 2)),
        ("one_word", one_word),
        ("three_words", f64::from(words.len() >= 3)),
        ("all_caps", f64::from(all_caps)),
        ("camel", f64::from(camel)),
        (
            "digit",
            f64::from(e.name.chars().any(|c| c.is_ascii_digit())),
        ),
        ("roles", f64::from(!e.roles.is_empty())),
        ("aliases", f64::from(!e.aliases.is_empty())),
        (
            "gaz_place",
            PLACES.iter().map(|&k| bit(whole, k)).sum::<f64>().min(1.0),
        ),
        ("gaz_org", bit(whole, ORG)),
        ("first_name", first_name),
        ("last_name", bit(one(words.last()), LAST)),
        ("ordinary", ordinary),
        ("speech", f64::from(speech)),
        ("title_before", f64::from(title)),
        ("per_one_word", per * one_word),
        ("per_first_name", per * first_name),
        ("org_all_caps", org * f64::from(all_caps)),
    ]
}

/// The probability that an entity with these features is a real one.
fn probability(f: &[(&str, f64)]) -> f64 {
    let w = &model().weights;
    let z: f64 = f
        .iter()
        .map(|(k, v)| w.get(k).copied().unwrap_or(0.0) * v)
        .sum();
    1.0 / (1.0 + (-z).exp())
}

/// Drops the entities the model scores below its threshold, except those
/// `refs` point at; `refs` then point at their entity's new index.
pub(super) fn filter(
    doc: &Doc,
    gaz: &Gazetteers,
    (entities, mentions): (Vec<Entity>, &[MentionRef]),
    refs: Vec<&mut Option<usize>>,
) -> Vec<Entity> {
    let dump = dumping();
    let mut used = vec![false; entities.len()];
    for r in refs.iter().filter_map(|r| **r) {
        used[r] = true;
    }
    let mut new_index = vec![None; entities.len()];
    let mut kept = Vec::with_capacity(entities.len());
    for (i, e) in entities.into_iter().enumerate() {
        let refs: Vec<&MentionRef> = mentions.iter().filter(|m| m.entity == i).collect();
        let f = features(&e, &refs, doc, gaz);
        let p = probability(&f);
        if dump {
            dump_line(&e, used[i], p, &f);
        }
        if dump || used[i] || p >= model().threshold {
            new_index[i] = Some(kept.len());
            kept.push(e);
        }
    }
    for r in refs {
        *r = r.and_then(|i| new_index[i]);
    }
    kept
}
