//! Gazetteers: lists of place names, given and family names, organisation
//! and title words. Stored as 24-bit hashes of the lower-cased, tokenised
//! phrase, two bytes a name in the model file, looked up in place. A hash collision can only add a spurious feature, which
//! the tagger weighs like any other evidence.

use super::inplace::{bucket_starts, pad4, u16_at, Bytes, Masks, Starts, STARTS, STARTS_BYTES};
use crate::hash::{hash_bytes, hstr};

/// The lists, in the order their bits appear in a token's gazetteer marks
/// (`features::TokInfo::gaz`).
pub const GAZ_NAMES: &[&str] = &[
    "country", "city", "region", "first", "last", "orgword", "title", "demonym", "time", "org",
    "common", "freq1", "freq2", "freq3", "freq4",
];
/// Number of lists.
pub const GAZ_LISTS: usize = 15;
/// The word-frequency bands (`freq1`, the language's most frequent words,
/// to `freq4`, the least frequent kept): single lower-cased words from an
/// external frequency list (scripts/freq-bands.py), read only by the
/// features of [`super::features::EXT_FREQ`], never by the generic
/// gazetteer features.
pub const FREQ_LISTS: std::ops::Range<usize> = 11..15;
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

/// The gazetteers of a model, read in place from the model file: every
/// phrase hash of every list as one `u16` (the hash's low 12 bits, then the
/// list's index in the low 4), sorted and bucketed by the hash's top 12
/// bits with a start table, so a lookup is a binary search over the couple
/// of dozen entries of one bucket and one probe answers for all lists.
#[derive(Clone, Debug, Default)]
pub struct Gazetteers {
    bytes: Bytes,
    starts: Starts,
    /// Offset of the entries.
    at: usize,
    /// Which sub-buckets of each bucket hold an entry (filled on use).
    masks: Masks,
}

impl Gazetteers {
    /// Gazetteers from sorted per-list hashes (training and tests; a model
    /// file holds them already laid out).
    pub fn new(lists: Vec<Vec<u32>>) -> Gazetteers {
        let mut b = Vec::new();
        // The entry count, not the length: the section is padded to 4 bytes,
        // so an odd count would read as one entry more.
        let n = write(&mut b, &lists).expect("gazetteer lists fit the table");
        Gazetteers::read(Bytes::Shared(b.into()), 0, n).expect("written as read")
    }

    /// The gazetteers whose section starts at `at` in `bytes`, with `n`
    /// entries; `None` when the section is cut short or its start table is
    /// not ascending.
    pub(crate) fn read(bytes: Bytes, at: usize, n: usize) -> Option<Gazetteers> {
        let starts = Starts::at(at);
        let end = at
            .checked_add(STARTS_BYTES)?
            .checked_add(n.checked_mul(2)?)?;
        if bytes.len() < end || !starts.check(&bytes, n) {
            return None;
        }
        Some(Gazetteers {
            bytes,
            starts,
            at: at + STARTS_BYTES,
            masks: Masks::new(),
        })
    }

    /// Whether no list holds anything.
    pub fn is_empty(&self) -> bool {
        let b: &[u8] = &self.bytes;
        b.is_empty() || self.starts.get(b, STARTS - 1) == 0
    }

    /// Bit mask of the lists holding the phrase.
    #[inline]
    pub fn lists_of(&self, h: u32) -> u32 {
        let b: &[u8] = &self.bytes;
        if b.is_empty() {
            return 0;
        }
        let bucket = ((h >> 12) & 0xFFF) as usize;
        let want = (h & 0xFFF) as u16;
        let at = |i: usize| u16_at(b, self.at + i * 2) >> 4;
        let starts = |bucket| self.starts.get(b, bucket);
        // The six bits below the bucket's.
        let fill = || (starts(bucket)..starts(bucket + 1)).fold(0, |m, i| m | 1 << (at(i) >> 6));
        if !self.masks.may_hold(bucket, (want >> 6) as u32, fill) {
            return 0;
        }
        let (lo, end) = (starts(bucket), starts(bucket + 1));
        if lo == end {
            return 0;
        }
        // Hashes are spread evenly over a bucket: start where `want` would
        // be and step to the first entry of it.
        let mut i = lo + ((want as usize * (end - lo)) >> 12);
        while at(i) < want {
            i += 1;
            if i == end {
                return 0;
            }
        }
        while i > lo && at(i - 1) >= want {
            i -= 1;
        }
        let mut lo = i;
        let mut mask = 0;
        while lo < end {
            let e = u16_at(b, self.at + lo * 2);
            if e >> 4 != want {
                break;
            }
            mask |= 1 << (e & 15);
            lo += 1;
        }
        mask
    }
}

/// Writes the gazetteer section of a model file: the start table, then the
/// entries (padded to 4 bytes); `None` when there are more than 16 lists, a
/// hash is wider than 24 bits or a bucket overflows its start table.
pub(crate) fn write(out: &mut Vec<u8>, lists: &[Vec<u32>]) -> Option<usize> {
    if lists.len() > 16 {
        return None;
    }
    let mut entries: Vec<u32> = Vec::new();
    for (k, l) in lists.iter().enumerate() {
        for &h in l {
            if h > 0x00FF_FFFF {
                return None;
            }
            entries.push((h << 4) | k as u32);
        }
    }
    entries.sort_unstable();
    entries.dedup();
    Starts::write(out, &bucket_starts(&entries, |e| (e >> 16) as usize))?;
    for e in &entries {
        out.extend_from_slice(&((e & 0xFFFF) as u16).to_le_bytes());
    }
    pad4(out);
    Some(entries.len())
}

/// The per-list sorted hashes of a gazetteer section (the converter's and
/// the tests' way back).
pub(crate) fn lists(g: &Gazetteers) -> Vec<Vec<u32>> {
    let b: &[u8] = &g.bytes;
    let mut out = vec![Vec::new(); GAZ_LISTS];
    for bucket in 0..STARTS - 1 {
        for i in g.starts.get(b, bucket)..g.starts.get(b, bucket + 1) {
            let e = u16_at(b, g.at + i * 2) as u32;
            let k = (e & 15) as usize;
            if out.len() <= k {
                out.resize(k + 1, Vec::new());
            }
            out[k].push(((bucket as u32) << 12) | (e >> 4));
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Lists built for training read back whatever their entry count: an
    /// odd count pads the section, which once read as one entry more and
    /// stopped `dossier train` for German and Spanish.
    #[test]
    fn lists_of_any_size_read_back() {
        let city = list("city");
        for phrases in [
            &["berlin"][..],
            &["berlin", "madrid"],
            &["berlin", "madrid", "la paz"],
        ] {
            let mut lists = vec![Vec::new(); GAZ_LISTS];
            lists[city] = phrases.iter().map(|p| phrase_hash(p.split(' '))).collect();
            lists[city].sort_unstable();
            let g = Gazetteers::new(lists.clone());
            for p in phrases {
                assert!(g.contains(city, phrase_hash(p.split(' '))), "{p}");
            }
            assert!(!g.contains(city, phrase_hash(["wien"].into_iter())));
            assert_eq!(self::lists(&g)[city], lists[city]);
        }
    }
}
