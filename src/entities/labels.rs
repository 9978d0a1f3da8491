//! Page labels are not entities: a name the article never uses in running
//! text, only as a block of its own (a section heading such as "Developer
//! Tools" or "PDFs & Printing", a menu item, a tag), labels the page; and
//! a plural acronym ("APIs", "PDFs") or a name ending in one of the capital
//! product nouns ("WASI SDK", "JS API") names a kind of thing.

use std::ops::Range;

use crate::ner::tokens::Tok;

/// Whether a mention's tokens are the whole of its text unit, punctuation
/// aside ("Developer Tools", "Picture-in-Picture", "Installer & Updater:").
pub(super) fn whole_unit(text: &str, toks: &[Tok], tok: &Range<usize>) -> bool {
    let word = |t: &Tok| text[t.start..t.end].chars().any(char::is_alphanumeric);
    // From the mention outwards: each scan stops at the nearest word, so a
    // unit's mentions together cost no more than its tokens.
    toks[..tok.start].iter().rev().all(|t| !word(t)) && toks[tok.end..].iter().all(|t| !word(t))
}

/// Whether every mention of an entity is a whole text unit: it is never
/// written in a sentence of the article.
pub(super) fn label_only(mut whole: impl Iterator<Item = bool>) -> bool {
    whole.all(|w| w)
}

/// Capital product nouns that end the name of a kind of thing, never of an
/// organisation ("WASI SDK", "AMD Polaris GPU").
const THING_ACRONYMS: &[&str] = &["API", "APIs", "SDK", "SDKs", "GPU", "GPUs", "CPU", "CPUs"];

/// A name that is a plural acronym ("APIs", "VMs": organisations take no
/// plural), or that ends in a capital product noun ("JS API").
pub(super) fn names_a_kind(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name);
    let plural_acronym = last
        .strip_suffix('s')
        .is_some_and(|stem| stem.len() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase()));
    plural_acronym || (name.contains(' ') && THING_ACRONYMS.contains(&last))
}
