//! Hashing utilities shared by every stage: 64-bit FNV-1a over bytes and
//! over token hashes, and the cheap [`std::hash::BuildHasher`] the per-word
//! maps and word sets use.
//!
//! FNV is stable across platforms and runs (no random seed), so the same
//! page always gives the same report, and the model's feature hashes (made
//! by [`hash_bytes`] at training time) match those made when tagging.

use std::collections::{HashMap, HashSet};

/// FNV-1a offset basis: the hash of nothing.
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a prime: each step multiplies by it.
pub const FNV_PRIME: u64 = 0x100_0000_01b3;

/// 64-bit FNV-1a over bytes, folded to 32 bits by the caller.
#[inline]
pub const fn hash_bytes(mut h: u64, bytes: &[u8]) -> u64 {
    // A `while` loop, not an iterator: a `const fn`, so the hashes of the
    // marker strings (`<s>`, `<none>`) are computed at compile time rather
    // than on every feature of every token.
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(FNV_PRIME);
        i += 1;
    }
    h
}

/// Hash of a string value: [`hash_bytes`] from [`FNV_OFFSET`].
#[inline]
pub const fn hstr(s: &str) -> u64 {
    hash_bytes(FNV_OFFSET, s.as_bytes())
}

/// 64-bit FNV-1a step over a 64-bit value taken 16 bits at a time: how
/// [`crate::text::tokenize`] hashes folded characters and how shingles
/// combine token hashes.
#[inline]
pub fn fnv(h: u64, x: u64) -> u64 {
    let mut h = h;
    for i in 0..4 {
        h ^= (x >> (i * 16)) & 0xFFFF;
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// Hashes map keys that are words or already hashes of words
/// ([`crate::ner::features::TokInfo::h_norm`]), for the tagger's per-word
/// maps and the stages' word sets: SipHash over them was a tenth of the
/// tagger's time. A `u64` goes through one multiply and fold, so that both
/// the low bits (the bucket) and the top bits (the tag byte) of the table's
/// hash depend on the whole key; bytes go through FNV-1a first. Not proof
/// against keys chosen to collide, which a page can only do by repeating
/// words that collide in 64-bit FNV-1a anyway.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordHashState;

/// The [`std::hash::Hasher`] of [`WordHashState`].
#[derive(Clone, Copy, Debug)]
pub struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        let z = self.0.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        z ^ (z >> 32)
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_bytes(self.0, bytes);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 ^= n;
    }
}

impl std::hash::BuildHasher for WordHashState {
    type Hasher = WordHasher;
    fn build_hasher(&self) -> WordHasher {
        WordHasher(FNV_OFFSET)
    }
}

/// A map keyed by word hashes, hashed with [`WordHashState`].
pub type WordMap<V> = HashMap<u64, V, WordHashState>;

/// A set of words, hashed with [`WordHashState`]: the stages' word lists.
pub type WordSet = HashSet<&'static str, WordHashState>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_matches_the_published_vectors() {
        // FNV-1a 64 test vectors (Fowler, Noll, Vo).
        assert_eq!(hstr(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hstr("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(hstr("foobar"), 0x8594_4171_f739_67e8);
    }
}
