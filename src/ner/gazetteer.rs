//! Gazetteers: lists of place names, given and family names, organisation
//! and title words. Stored as sorted 32-bit hashes of the lower-cased,
//! tokenised phrase, so a list of 30,000 names costs 120 KB and a lookup is
//! a binary search. A hash collision can only add a spurious feature, which
//! the tagger weighs like any other evidence.

use super::features::{hstr, TokInfo};

/// The lists, in the order their bits appear in [`TokInfo::gaz`].
pub const GAZ_NAMES: &[&str] = &[
    "country", "city", "region", "first", "last", "orgword", "title", "demonym", "time", "org",
    "common",
];
/// Number of lists.
pub const GAZ_LISTS: usize = 11;
/// Lists of names, which match only where the text capitalises them: "us"
/// is not the US, "who" not the WHO. (Title, organisation and demonym words
/// match in any case: "minister", "party".)
const NAME_LISTS: &[usize] = &[0, 1, 2, 3, 4, 9];
/// Longest phrase looked up, in tokens.
pub const MAX_PHRASE: usize = 5;

/// Index of a list by name.
pub fn list_index(name: &str) -> Option<usize> {
    GAZ_NAMES.iter().position(|n| *n == name)
}

/// The gazetteers of a model.
#[derive(Clone, Debug, Default)]
pub struct Gazetteers {
    /// Per list, sorted hashes of its phrases.
    pub lists: Vec<Vec<u32>>,
}

/// Hash of a phrase given as lower-cased tokens.
pub fn phrase_hash<'a>(tokens: impl Iterator<Item = &'a str>) -> u32 {
    let mut h = hstr("<gaz>");
    for t in tokens {
        h = super::features::hash_bytes(h, b" ");
        h = super::features::hash_bytes(h, t.as_bytes());
    }
    // 24 bits: lists are stored as deltas of sorted hashes, and at this
    // width a city list of 30,000 names costs two bytes a name; a false
    // match happens for about one lookup in 500 and only adds a feature.
    ((h >> 32) as u32 ^ (h as u32)) & 0x00FF_FFFF
}

impl Gazetteers {
    /// Whether list `k` holds the phrase.
    pub fn contains(&self, k: usize, h: u32) -> bool {
        self.lists
            .get(k)
            .is_some_and(|l| l.binary_search(&h).is_ok())
    }

    /// Marks every token covered by the longest match of each list.
    pub fn mark(&self, infos: &mut [TokInfo]) {
        if self.lists.is_empty() {
            return;
        }
        let n = infos.len();
        // Gazetteer phrases keep their digits; norm maps digits to 0, which
        // no place or name contains, so norm is fine to match on.
        let mut covered = vec![0u32; n];
        for k in 0..self.lists.len().min(GAZ_LISTS) {
            let mut i = 0;
            let names = NAME_LISTS.contains(&k);
            while i < n {
                if names && !(infos[i].cap || infos[i].all_caps) {
                    i += 1;
                    continue;
                }
                let mut matched = 0;
                for len in (1..=MAX_PHRASE.min(n - i)).rev() {
                    if infos[i..i + len]
                        .iter()
                        .any(|t| t.punct && t.norm != "." && t.norm != "&" && t.norm != "-")
                    {
                        continue;
                    }
                    let h = phrase_hash(infos[i..i + len].iter().map(|t| t.norm.as_str()));
                    if self.contains(k, h) {
                        matched = len;
                        break;
                    }
                }
                if matched > 0 {
                    for c in covered.iter_mut().skip(i).take(matched) {
                        *c |= 1 << k;
                    }
                    covered[i] |= 1 << (16 + k);
                    i += matched;
                } else {
                    i += 1;
                }
            }
        }
        for (t, c) in infos.iter_mut().zip(covered) {
            t.gaz = c;
        }
    }
}
