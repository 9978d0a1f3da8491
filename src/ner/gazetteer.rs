//! Gazetteers: lists of place names, given and family names, organisation
//! and title words. Stored as sorted 32-bit hashes of the lower-cased,
//! tokenised phrase, so a list of 30,000 names costs 120 KB and a lookup is
//! a binary search. A hash collision can only add a spurious feature, which
//! the tagger weighs like any other evidence.

use crate::hash::{hash_bytes, hstr};

/// The lists, in the order their bits appear in a token's gazetteer marks
/// (`features::TokInfo::gaz`).
pub const GAZ_NAMES: &[&str] = &[
    "country", "city", "region", "first", "last", "orgword", "title", "demonym", "time", "org",
    "common",
];
/// Number of lists.
pub const GAZ_LISTS: usize = 11;
/// Lists of names, which match only where the text capitalises them: "us"
/// is not the US, "who" not the WHO. (Title, organisation and demonym words
/// match in any case: "minister", "party".)
pub const NAME_LISTS: &[usize] = &[0, 1, 2, 3, 4, 9];
/// Longest phrase looked up, in tokens.
pub const MAX_PHRASE: usize = 5;

/// Index of a list by name.
pub fn list_index(name: &str) -> Option<usize> {
    GAZ_NAMES.iter().position(|n| *n == name)
}

/// Index of a list by name, for a `const`: a name that is not a list (a
/// list renamed or removed) stops the build instead of reading another list.
///
/// ```
/// use dossier::ner::gazetteer::list;
/// const DEMONYM: usize = list("demonym");
/// assert_eq!(DEMONYM, 7);
/// ```
pub const fn list(name: &str) -> usize {
    let mut i = 0;
    while i < GAZ_NAMES.len() {
        let (a, b) = (GAZ_NAMES[i].as_bytes(), name.as_bytes());
        if a.len() == b.len() {
            let mut k = 0;
            while k < a.len() && a[k] == b[k] {
                k += 1;
            }
            if k == a.len() {
                return i;
            }
        }
        i += 1;
    }
    panic!("no gazetteer list of that name")
}

/// The gazetteers of a model.
#[derive(Clone, Debug, Default)]
pub struct Gazetteers {
    /// Per list, sorted hashes of its phrases.
    pub lists: Vec<Vec<u32>>,
    /// Every phrase hash with the bit mask of the lists holding it, in an
    /// open-addressing table (0 = empty; hashes are 24-bit, stored + 1), so
    /// one probe answers for all lists at once.
    table: Vec<(u32, u32)>,
    /// One bit per value of a phrase hash's low [`FILTER_BITS`] bits, set
    /// where some phrase has them. Every token looks up five phrases and
    /// almost none exist; this bitmap (128 KB, cache-resident) answers most
    /// of those misses without touching the table (megabytes, not).
    filter: Vec<u64>,
}

/// Width of the hash prefix [`Gazetteers::filter`] keys on.
const FILTER_BITS: u32 = 20;

impl Gazetteers {
    /// Gazetteers from sorted per-list hashes.
    pub fn new(lists: Vec<Vec<u32>>) -> Gazetteers {
        let total: usize = lists.iter().map(Vec::len).sum();
        // Filled to between a third and two thirds: lookups that get past
        // the filter mostly hit, and a hit is found as fast in the smaller
        // table, which is built faster (8 bytes a slot, zeroed and faulted
        // in at every start of the extension's background).
        let cap = (total * 3 / 2).next_power_of_two().max(16);
        let mut table = vec![(0u32, 0u32); cap];
        for (k, l) in lists.iter().enumerate() {
            for &h in l {
                let mut i = slot(h, cap);
                loop {
                    if table[i].0 == 0 {
                        table[i] = (h + 1, 1 << k);
                        break;
                    }
                    if table[i].0 == h + 1 {
                        table[i].1 |= 1 << k;
                        break;
                    }
                    i = (i + 1) & (cap - 1);
                }
            }
        }
        // From the lists, not the table: a quarter of a million slots to
        // read at every start of the extension's background, most empty.
        let mut filter = vec![0u64; (1 << FILTER_BITS) / 64];
        for &h in lists.iter().flatten() {
            let f = h & ((1 << FILTER_BITS) - 1);
            filter[(f >> 6) as usize] |= 1 << (f & 63);
        }
        Gazetteers {
            lists,
            table,
            filter,
        }
    }

    /// Bit mask of the lists holding the phrase.
    #[inline]
    pub fn lists_of(&self, h: u32) -> u32 {
        let cap = self.table.len();
        if cap == 0 {
            return 0;
        }
        let f = h & ((1 << FILTER_BITS) - 1);
        if self.filter[(f >> 6) as usize] & (1 << (f & 63)) == 0 {
            return 0;
        }
        let mut i = slot(h, cap);
        loop {
            let (k, m) = self.table[i];
            if k == 0 {
                return 0;
            }
            if k == h + 1 {
                return m;
            }
            i = (i + 1) & (cap - 1);
        }
    }
}

#[inline]
fn slot(h: u32, cap: usize) -> usize {
    (h.wrapping_mul(0x9E37_79B1) as usize) & (cap - 1)
}

/// Hash of a phrase given as lower-cased tokens.
pub fn phrase_hash<'a>(tokens: impl Iterator<Item = &'a str>) -> u32 {
    let mut h = hstr("<gaz>");
    for t in tokens {
        h = hash_bytes(h, b" ");
        h = hash_bytes(h, t.as_bytes());
    }
    // 24 bits: lists are stored as deltas of sorted hashes, and at this
    // width a city list of 30,000 names costs two bytes a name; a false
    // match happens for about one lookup in 500 and only adds a feature.
    ((h >> 32) as u32 ^ (h as u32)) & 0x00FF_FFFF
}

impl Gazetteers {
    /// Whether list `k` holds the phrase.
    pub fn contains(&self, k: usize, h: u32) -> bool {
        self.lists_of(h) & (1 << k) != 0
    }
}
