//! Is a capitalised word a name at all? Where the casing says nothing (a
//! headline in Title Case, a heading, a word at a sentence's start), what
//! the word is in news text at large does: the tagger's model holds the
//! words its training text (CoNLL-2003 train and the GMB) writes in lower
//! case at least nine times in ten away from a sentence's start (the
//! `common` gazetteer, scripts/gazetteers.mjs: "leaves", "engines",
//! "privacy"). Such a word is ordinary unless a place or organisation list
//! holds it too ("Sparks", Nevada). The given-name and surname lists are no
//! evidence here: they come from many locales and hold "Dies", "Ace" and
//! "Understandable"; a person's name is kept by its other words instead.

use std::collections::HashSet;

use super::group::RawMention;
use super::products::ORG_NAME_HEADS;
use super::truecase::FUNCTION_WORDS;
use crate::ner::features::norm_word;
use crate::ner::gazetteer::{list, phrase_hash, Gazetteers};
use crate::text::with_lowercase;

/// The model's words that are mostly written in lower case.
const COMMON: usize = list("common");
/// The model's lists of places and organisations: a word in any of them may
/// be a name however ordinary it is.
const NAMES: [usize; 4] = [list("country"), list("city"), list("region"), list("org")];
/// Words of organisations' names ("parliament", "police", "directors").
const ORG_WORD: usize = list("orgword");

/// Whether `word` (any case) is an ordinary word of the model's training
/// text that no place or organisation list holds.
fn ordinary_word(gaz: &Gazetteers, word: &str) -> bool {
    let norm = norm_word(word);
    let h = phrase_hash([norm.as_str()].into_iter());
    gaz.contains(COMMON, h) && !NAMES.iter().any(|&k| gaz.contains(k, h))
}

/// Whether a name is made of ordinary words only ("Search Engines",
/// "Privacy & Security", "Understandable"): the tagger read capitals that
/// mark a heading, a menu item or a sentence's start as a name. Small words
/// ("of", "the") do not count; a word with capitals inside or only capitals
/// ("QuickSuggest", "LAX") is a name's, and so is an organisation's word at
/// the end ("Parliament", "… Foundation").
pub(super) fn ordinary_name(gaz: &Gazetteers, name: &str) -> bool {
    let mut content = 0;
    let mut last = "";
    for w in name
        .split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
    {
        if with_lowercase(w, |l| FUNCTION_WORDS.has(l)) {
            continue;
        }
        let inner_caps = w.chars().skip(1).any(char::is_uppercase);
        if inner_caps || !ordinary_word(gaz, w) {
            return false;
        }
        content += 1;
        last = w;
    }
    let org_word = |w: &str| {
        let h = phrase_hash([norm_word(w).as_str()].into_iter());
        gaz.contains(ORG_WORD, h) || with_lowercase(w, |l| ORG_NAME_HEADS.has(l))
    };
    content > 0 && !org_word(last)
}

/// Drops the mentions whose names are ordinary words only
/// ([`ordinary_name`]). A one-word mention stays where a longer name of the
/// article holds its word: "Parish" after "Neil Parish" is the person.
pub(super) fn drop_ordinary_names(gaz: &Gazetteers, raw: &mut Vec<RawMention>) {
    let in_longer: HashSet<String> = raw
        .iter()
        .filter(|m| m.text.contains(' '))
        .flat_map(|m| m.text.split(' ').map(str::to_lowercase))
        .collect();
    raw.retain(|m| {
        // "Mr. Hope", "President Bush": a title says a person.
        if m.titled {
            return true;
        }
        let one_word_of_longer =
            !m.text.contains(' ') && in_longer.contains(&m.text.to_lowercase());
        one_word_of_longer || !ordinary_name(gaz, &m.text)
    });
}
