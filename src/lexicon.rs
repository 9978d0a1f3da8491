//! Word lists as data: the rules' lists live in text files under
//! `lexicon/`, compiled in with `include_str!`, and are read by the one
//! helper here.
//!
//! The format of a list file:
//!
//! ```text
//! # A comment: what the list is for, and where it is used.
//! entry
//! an entry of several words
//! entry<TAB>tag other-tag
//! ```
//!
//! One entry a line, trimmed; blank lines and lines starting with `#` are
//! skipped. What follows a tab is a list of tags: one file can hold several
//! lists that share their words ([`Words::tagged`]), as the title and role
//! words do. Entries keep the file's order (some lists are matched in
//! order, first match wins) and its duplicates.
//!
//! ```
//! use dossier::lexicon::Words;
//!
//! static TITLES: Words = Words::tagged("# titles\nmr\tperson\nthe\tstrip\n", "person");
//! assert_eq!(TITLES.list(), ["mr"]);
//! assert!(TITLES.has("mr") && !TITLES.has("the"));
//! ```

use std::sync::OnceLock;

use crate::hash::WordSet;

/// A word list read from a list file, parsed on first use.
pub struct Words {
    file: &'static str,
    tag: Option<&'static str>,
    list: OnceLock<Vec<&'static str>>,
    set: OnceLock<WordSet>,
}

impl Words {
    /// Every entry of a list file.
    pub const fn new(file: &'static str) -> Words {
        Words {
            file,
            tag: None,
            list: OnceLock::new(),
            set: OnceLock::new(),
        }
    }

    /// The entries of a list file that carry `tag`.
    pub const fn tagged(file: &'static str, tag: &'static str) -> Words {
        Words {
            file,
            tag: Some(tag),
            list: OnceLock::new(),
            set: OnceLock::new(),
        }
    }

    /// The entries, in the file's order.
    pub fn list(&self) -> &[&'static str] {
        self.list.get_or_init(|| {
            entries(self.file)
                .filter(|(_, tags)| {
                    self.tag
                        .is_none_or(|t| tags.split_whitespace().any(|x| x == t))
                })
                .map(|(e, _)| e)
                .collect()
        })
    }

    /// Whether `w` is an entry, exactly as written: a hashed lookup, for
    /// lists asked of every word.
    pub fn has(&self, w: &str) -> bool {
        self.set
            .get_or_init(|| self.list().iter().copied().collect())
            .contains(w)
    }
}

impl std::ops::Deref for Words {
    type Target = [&'static str];
    fn deref(&self) -> &[&'static str] {
        self.list()
    }
}

/// Entries and their tags (empty if none) of a list file.
fn entries(file: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    // Bytes and ASCII trimming, not `str::lines`, `trim` and `split_once`:
    // every list is read at every start of the extension's background, and
    // their char searchers cost more than the rest of the reading.
    let mut rest = file;
    std::iter::from_fn(move || loop {
        if rest.is_empty() {
            return None;
        }
        let end = rest.bytes().position(|b| b == b'\n').unwrap_or(rest.len());
        let line = rest[..end].trim_ascii();
        rest = &rest[(end + 1).min(rest.len())..];
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        return Some(match line.bytes().position(|b| b == b'\t') {
            Some(t) => (line[..t].trim_ascii(), &line[t + 1..]),
            None => (line, ""),
        });
    })
}

/// A table read from a list file whose lines are `entry<TAB>value`.
pub struct Table<T: 'static> {
    file: &'static str,
    rows: OnceLock<Vec<(&'static str, T)>>,
}

impl<T: std::str::FromStr> Table<T> {
    /// The table of a list file.
    pub const fn new(file: &'static str) -> Table<T> {
        Table {
            file,
            rows: OnceLock::new(),
        }
    }

    /// The rows, in the file's order.
    ///
    /// # Panics
    ///
    /// On a row without a value or with one that does not parse: the files
    /// are compiled in, so a test that reads the table finds it.
    pub fn rows(&self) -> &[(&'static str, T)] {
        self.rows.get_or_init(|| {
            entries(self.file)
                .map(|(e, v)| match v.trim().parse() {
                    Ok(v) => (e, v),
                    Err(_) => panic!("lexicon table row {e:?}: bad value {v:?}"),
                })
                .collect()
        })
    }
}

impl<T: std::str::FromStr> std::ops::Deref for Table<T> {
    type Target = [(&'static str, T)];
    fn deref(&self) -> &[(&'static str, T)] {
        self.rows()
    }
}

/// The one lexicon of person titles and roles,
/// `lexicon/entities/titles.txt`: every title word once, tagged with the
/// rules that use it (the file's header says what each tag means and why
/// the rules keep their own tags).
pub mod titles {
    use super::Words;

    const FILE: &str = include_str!("../lexicon/entities/titles.txt");

    /// Roles, titles and honorifics: never a name on their own.
    pub static ROLE: Words = Words::tagged(FILE, "role");
    /// Titles stripped from the front of a name ("President Bush" → "Bush").
    pub static STRIP: Words = Words::tagged(FILE, "strip");
    /// Titles only people carry: the name after one is a person's.
    pub static PERSON: Words = Words::tagged(FILE, "person");
    /// Titles between a speech verb and the speaker's name ("said Senator Smith").
    pub static SPEAKER: Words = Words::tagged(FILE, "speaker");
    /// Honorifics: alone before a name, not a role ("Mr", "Dr", "Sir").
    pub static HONORIFIC: Words = Words::tagged(FILE, "honorific");
    /// Title abbreviations, without their period: it stays only before a name.
    pub static ABBR: Words = Words::tagged(FILE, "abbr");

    /// The titles of a language other than English
    /// (`lexicon/entities/titles-<lang>.txt`), on top of the English ones on
    /// that language's pages: "Bundeskanzler Olaf Scholz", "el presidente
    /// Pedro Sánchez", "le président Emmanuel Macron".
    pub struct Lang {
        /// Roles and titles, never a name alone ([`ROLE`]).
        pub role: Words,
        /// Cut from the front of a tagged name ([`STRIP`]).
        pub strip: Words,
        /// The name after one is a person's ([`PERSON`]).
        pub person: Words,
        /// A compound ending in one is a role ("Kulturstaatsministerin").
        pub suffix: Words,
    }

    impl Lang {
        /// Whether a lower-case word is a role or title of the language.
        pub fn is_role(&self, l: &str) -> bool {
            self.role.has(l)
                || self
                    .suffix
                    .list()
                    .iter()
                    .any(|s| l.len() > s.len() + 2 && l.ends_with(s))
        }
    }

    macro_rules! lang {
        ($file:literal) => {
            Lang {
                role: Words::tagged(include_str!($file), "role"),
                strip: Words::tagged(include_str!($file), "strip"),
                person: Words::tagged(include_str!($file), "person"),
                suffix: Words::tagged(include_str!($file), "suffix"),
            }
        };
    }

    static DE: Lang = lang!("../lexicon/entities/titles-de.txt");
    static ES: Lang = lang!("../lexicon/entities/titles-es.txt");
    static FR: Lang = lang!("../lexicon/entities/titles-fr.txt");
    static IT: Lang = lang!("../lexicon/entities/titles-it.txt");
    static NL: Lang = lang!("../lexicon/entities/titles-nl.txt");
    static PL: Lang = lang!("../lexicon/entities/titles-pl.txt");
    static PT: Lang = lang!("../lexicon/entities/titles-pt.txt");

    const FUNCTION: &str = include_str!("../lexicon/entities/function-words-lang.txt");
    static FUNCTION_DE: Words = Words::tagged(FUNCTION, "de");
    static FUNCTION_ES: Words = Words::tagged(FUNCTION, "es");

    /// Closed-class words of a language ("Dabei", "Welche", "Cuál"): never a
    /// name, nor the first word of one.
    pub fn function_words(code: &str) -> Option<&'static Words> {
        match code {
            "de" => Some(&FUNCTION_DE),
            "es" => Some(&FUNCTION_ES),
            _ => None,
        }
    }

    /// The titles of a language code ("de"; English and unknown: none beyond [`ROLE`]).
    pub fn for_language(code: &str) -> Option<&'static Lang> {
        Some(match code {
            "de" => &DE,
            "es" => &ES,
            "fr" => &FR,
            "it" => &IT,
            "nl" => &NL,
            "pl" => &PL,
            "pt" => &PT,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_skip_comments_and_keep_order_and_duplicates() {
        static W: Words = Words::new("# c\n\nb\n  a  \nof the\nb\n#x\n");
        assert_eq!(W.list(), ["b", "a", "of the", "b"]);
        assert!(W.has("of the") && !W.has("#x") && !W.has("c"));
        static T: Words = Words::tagged("mr\tperson strip\nthe\tstrip\nsir\tperson\n", "strip");
        assert_eq!(&T[..], ["mr", "the"]);
        static N: Table<u32> = Table::new("# months\njan\t1\nfeb\t2\n");
        assert_eq!(&N[..], [("jan", 1), ("feb", 2)]);
    }
}
