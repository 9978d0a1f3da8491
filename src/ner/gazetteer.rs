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
        self.lists_of(h) & (1 << k) != 0
    }

    /// Marks every token covered by the longest match of each list, the
    /// matches of one list taken left to right without overlap.
    pub fn mark(&self, infos: &mut [TokInfo]) {
        if self.lists.is_empty() {
            return;
        }
        let n = infos.len();
        let lists = self.lists.len().min(GAZ_LISTS);
        let names: u32 = NAME_LISTS.iter().map(|&k| 1u32 << k).sum();
        let mut covered = vec![0u32; n];
        // Where each list may match next (after its previous match).
        let mut free = [0usize; 32];
        // Per start token, the lists of its phrase of each length (index =
        // length), and how long its phrases may be (up to the first
        // punctuation).
        let mut found = vec![([0u32; MAX_PHRASE + 1], 0u8); n];
        // The phrase hashes of the (up to five) phrases still growing, by
        // start token modulo MAX_PHRASE. They grow a token at a time, all
        // together: FNV is a chain of multiplies, each waiting on the last,
        // and five independent chains keep the multiplier busy where one
        // phrase after another would leave it waiting.
        let mut chains = [0u64; MAX_PHRASE];
        let start = const { super::features::hstr("<gaz>") };
        // Starts `first..=j` are growing at token `j`.
        let mut first = 0;
        for j in 0..n {
            let t = &infos[j];
            if t.punct && t.norm != "." && t.norm != "&" && t.norm != "-" {
                // No phrase spans this token.
                first = j + 1;
                continue;
            }
            first = first.max((j + 1).saturating_sub(MAX_PHRASE));
            chains[j % MAX_PHRASE] = start;
            for &b in b" ".iter().chain(t.norm.as_bytes()) {
                for h in &mut chains {
                    *h = (*h ^ b as u64).wrapping_mul(0x100_0000_01b3);
                }
            }
            for i in first..=j {
                let h = chains[i % MAX_PHRASE];
                let folded = (((h >> 32) as u32) ^ (h as u32)) & 0x00FF_FFFF;
                let len = j - i + 1;
                found[i].0[len] = self.lists_of(folded);
                found[i].1 = len as u8;
            }
        }
        for i in 0..n {
            let upper = infos[i].cap || infos[i].all_caps;
            let (masks, max_len) = (&found[i].0, found[i].1 as usize);
            let any = masks[1..=max_len].iter().fold(0, |a, m| a | m);
            // Most tokens start no phrase of any list.
            if any == 0 {
                continue;
            }
            // Only the lists with a phrase here (most often one, the
            // common words), not all of them.
            let mut here = any & ((1u32 << lists) - 1);
            if !upper {
                here &= !names;
            }
            while here != 0 {
                let k = here.trailing_zeros() as usize;
                here &= here - 1;
                if i < free[k] {
                    continue;
                }
                if let Some(len) = (1..=max_len).rev().find(|&len| masks[len] & (1 << k) != 0) {
                    for c in covered.iter_mut().skip(i).take(len) {
                        *c |= 1 << k;
                    }
                    covered[i] |= 1 << (16 + k);
                    free[k] = i + len;
                }
            }
        }
        for (t, c) in infos.iter_mut().zip(covered) {
            t.gaz = c;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::features::base_infos;

    fn gazetteers(entries: &[(&str, &str)]) -> Gazetteers {
        let mut lists = vec![Vec::new(); GAZ_LISTS];
        for (list, phrase) in entries {
            lists[list_index(list).unwrap()].push(phrase_hash(phrase.split(' ')));
        }
        for l in &mut lists {
            l.sort_unstable();
            l.dedup();
        }
        Gazetteers::new(lists)
    }

    /// The marks as the lookups were first written: each start token's
    /// phrases hashed one after another with [`phrase_hash`].
    fn reference(g: &Gazetteers, infos: &[TokInfo]) -> Vec<u32> {
        let n = infos.len();
        let names: u32 = NAME_LISTS.iter().map(|&k| 1u32 << k).sum();
        let mut covered = vec![0u32; n];
        let mut free = [0usize; GAZ_LISTS];
        for i in 0..n {
            let mut masks = vec![0u32];
            for t in &infos[i..n.min(i + MAX_PHRASE)] {
                if t.punct && !matches!(t.norm.as_str(), "." | "&" | "-") {
                    break;
                }
                let words = &infos[i..i + masks.len()];
                masks.push(g.lists_of(phrase_hash(words.iter().map(|w| w.norm.as_str()))));
            }
            let upper = infos[i].cap || infos[i].all_caps;
            for (k, free_k) in free.iter_mut().enumerate() {
                if i < *free_k || (names & (1 << k) != 0 && !upper) {
                    continue;
                }
                if let Some(len) = (1..masks.len()).rev().find(|&l| masks[l] & (1 << k) != 0) {
                    for c in &mut covered[i..i + len] {
                        *c |= 1 << k;
                    }
                    covered[i] |= 1 << (16 + k);
                    *free_k = i + len;
                }
            }
        }
        covered
    }

    #[test]
    fn marks_are_the_longest_matches_left_to_right() {
        let g = gazetteers(&[
            ("city", "phnom penh"),
            ("city", "new york"),
            ("city", "rio de janeiro"),
            ("city", "paris"),
            ("first", "hun"),
            ("last", "sen"),
            ("title", "prime minister"),
            ("title", "minister"),
            ("org", "bank of new york mellon"),
            ("org", "at & t"),
            // Never matched: a comma ends every phrase.
            ("city", "washington , d.c."),
            ("city", "winston - salem"),
            ("orgword", "party"),
            ("common", "the"),
        ]);
        let sentences = [
            "Prime Minister Hun Sen met the Bank of New York Mellon in New York and Phnom Penh .",
            "paris , new york - rio de janeiro , Rio de Janeiro - Paris",
            "AT & T and the party , the minister of the Party , Hun Hun Sen Sen",
            "Sen . Hun",
            "From Washington , D.C. to Winston - Salem",
            "",
            ", , ,",
        ];
        let bit = |list: &str| 1u32 << list_index(list).unwrap();
        for s in sentences {
            let words: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).collect();
            let infos = base_infos(&words, &g);
            let got: Vec<u32> = infos.iter().map(|t| t.gaz).collect();
            assert_eq!(got, reference(&g, &infos), "{s}");
            let at = |w: &str| got[words.iter().position(|x| *x == w).unwrap()];
            match words.first() {
                Some(&"Prime") => {
                    // All five words of the bank, the first marked as its start.
                    for w in ["Bank", "of", "Mellon"] {
                        assert_ne!(at(w) & bit("org"), 0, "{w}");
                    }
                    assert_ne!(at("Bank") & bit("org") << 16, 0);
                    assert_ne!(at("Penh") & bit("city"), 0);
                    assert_ne!(at("Minister") & bit("title"), 0);
                }
                // Lower case is no place name; a title word matches in any case.
                Some(&"paris") => {
                    assert_eq!(at("paris") & bit("city"), 0);
                    assert_ne!(at("Rio") & bit("city"), 0);
                    assert_ne!(at("Paris") & bit("city"), 0);
                }
                Some(&"From") => {
                    assert_eq!(at("Washington") & bit("city"), 0);
                    assert_ne!(at("Salem") & bit("city"), 0);
                }
                Some(&"AT") => {
                    assert_ne!(at("T") & bit("org"), 0);
                    assert_ne!(at("minister") & bit("title"), 0);
                }
                _ => {}
            }
        }
    }
}
