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
//!
//! What the article itself says outweighs the lists: a word it uses as a
//! person's name — in a full name ("Donald Trump") or after a title
//! ("President Trump", "Mr Hope") — is that person wherever it stands alone
//! ([`keep_named_persons`]), however ordinary the word ("Hope", "Price",
//! "Young"), and whatever the tagger typed it.

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

/// The tagger's label type of a person.
const PER: u8 = 1;

/// The model's list of months and weekdays.
const TIME: usize = list("time");

/// Whether a one-word name is an everyday word or a month ("Hope",
/// "Little", "May"): capitalised by a headline or a sentence start, the
/// tagger reads it as a name where it is none ("Little is known"). Such a
/// mention is marked (`RawMention::everyday`) and kept only as a person the
/// article names so ([`keep_named_persons`]). Unlike [`ordinary_word`], a
/// place list holding the word does not save it.
pub(super) fn everyday_word(gaz: &Gazetteers, word: &str) -> bool {
    let h = phrase_hash([norm_word(word).as_str()].into_iter());
    gaz.contains(COMMON, h) || gaz.contains(TIME, h)
}

/// The words (lower case) the article uses as a person's name: every word
/// of a person's name of two words or more ("Donald Trump", "Theresa May")
/// and a name after a title ("President Trump", "Mr Brown", "Mr. Hope").
/// A person's name of one word with nothing before it is no evidence: the
/// tagger may have read a headline's or a sentence start's capital; nor is
/// a name of ordinary words only ([`ordinary_name`], "Little Women").
fn person_words(gaz: &Gazetteers, raw: &[RawMention]) -> HashSet<String> {
    raw.iter()
        .filter(|m| m.ty == PER)
        .filter(|m| m.titled || (m.text.contains(' ') && !ordinary_name(gaz, &m.text)))
        .flat_map(|m| m.text.split(' ').map(str::to_lowercase))
        .collect()
}

/// Drops the everyday words ([`everyday_word`]) that the article does not
/// use as a person's name, and returns the words it does
/// ([`person_words`]): "Hope" stays beside "Mr Hope", "Price" beside
/// "Ms. Price", "May" beside "Theresa May"; "Little is known" gives none.
pub(super) fn keep_named_persons(gaz: &Gazetteers, raw: &mut Vec<RawMention>) -> HashSet<String> {
    let persons = person_words(gaz, raw);
    raw.retain(|m| !m.everyday || persons.contains(&m.text.to_lowercase()));
    persons
}

/// Whether `word` (any case) is in none of the model's place and
/// organisation lists: "Bush" and "Hope" are not, "Washington" is.
fn unlisted(gaz: &Gazetteers, word: &str) -> bool {
    let h = phrase_hash([norm_word(word).as_str()].into_iter());
    !NAMES.iter().any(|&k| gaz.contains(k, h))
}

/// Drops the mentions whose names are ordinary words only
/// ([`ordinary_name`]). A one-word mention stays where a longer name of the
/// article holds its word ("Parish" after "Neil Parish") or the article
/// uses it as a person's name (`persons`, [`person_words`]); then it is
/// that person, whatever the tagger read it as ("Bush, speaking in Ohio"
/// read as an organisation before "George Bush"), unless a place or
/// organisation list holds the word ("Washington" beside "George
/// Washington" may be the city).
pub(super) fn drop_ordinary_names(
    gaz: &Gazetteers,
    persons: &HashSet<String>,
    raw: &mut Vec<RawMention>,
) {
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
        let lower = m.text.to_lowercase();
        let one_word_of_longer =
            !m.text.contains(' ') && (in_longer.contains(&lower) || persons.contains(&lower));
        one_word_of_longer || !ordinary_name(gaz, &m.text)
    });
    for m in raw.iter_mut() {
        if !m.text.contains(' ')
            && persons.contains(&m.text.to_lowercase())
            && unlisted(gaz, &m.text)
        {
            m.ty = PER;
        }
    }
}
