//! The pieces of the model file that are read in place: the file's bytes
//! (embedded, or shared after one copy), little-endian reads at an offset,
//! and the two-level start tables that bucket the sorted feature keys and
//! gazetteer hashes. Nothing here decodes a table into another: a lookup
//! reads the few bytes it needs with `from_le_bytes`, so a model is ready as
//! soon as its header is checked (see `docs/ner-model.md`, "The file").

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// The bytes of a model file: the one compiled into the crate, or a copy
/// shared by every clone of the model.
#[derive(Clone, Debug)]
pub enum Bytes {
    /// Embedded with `include_bytes!` (no copy at all).
    Static(&'static [u8]),
    /// Read from a file (copied once).
    Shared(Arc<[u8]>),
    /// Handed over by the extension: the buffer the bytes were copied into
    /// from JavaScript, kept as it is (no second copy).
    Owned(Arc<Vec<u8>>),
}

impl Default for Bytes {
    fn default() -> Self {
        Bytes::Static(&[])
    }
}

impl std::ops::Deref for Bytes {
    type Target = [u8];
    #[inline]
    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Static(b) => b,
            Bytes::Shared(b) => b,
            Bytes::Owned(b) => b.as_slice(),
        }
    }
}

/// Little-endian `u16` at `at` (0 past the end: the tables are checked at
/// load, so this only keeps a damaged file from panicking).
#[inline]
pub fn u16_at(b: &[u8], at: usize) -> u16 {
    match b.get(at..at + 2) {
        Some(s) => u16::from_le_bytes([s[0], s[1]]),
        None => 0,
    }
}

/// Little-endian 24-bit value at `at`, in a `u32`.
#[inline]
pub fn u24_at(b: &[u8], at: usize) -> u32 {
    match b.get(at..at + 3) {
        Some(s) => u32::from_le_bytes([s[0], s[1], s[2], 0]),
        None => 0,
    }
}

/// Little-endian `u32` at `at`.
#[inline]
pub fn u32_at(b: &[u8], at: usize) -> u32 {
    match b.get(at..at + 4) {
        Some(s) => u32::from_le_bytes([s[0], s[1], s[2], s[3]]),
        None => 0,
    }
}

/// Number of buckets of a start table: keys and hashes are bucketed by
/// their top 12 bits.
pub const BUCKET_BITS: u32 = 12;
/// Buckets per base entry of a start table.
const BLOCK: usize = 64;

/// A start table of `BUCKETS + 1` ascending values (where each bucket's
/// entries start; the last is the entry count), stored in two levels: a
/// `u32` base per 64 buckets, then a `u16` per bucket added to it. 8.4 KB
/// where plain `u32`s take 16 KB; the model of the largest language stays
/// under 600 KB because of it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Starts {
    /// Offset of the bases in the file.
    base: usize,
    /// Offset of the `u16` parts.
    rel: usize,
}

/// Entries of a start table.
pub const STARTS: usize = (1 << BUCKET_BITS) + 1;
const BASES: usize = STARTS.div_ceil(BLOCK);
/// Bytes of a start table (a multiple of 4).
pub const STARTS_BYTES: usize = BASES * 4 + (STARTS * 2).next_multiple_of(4);

impl Starts {
    /// The table at `at`.
    pub fn at(at: usize) -> Starts {
        Starts {
            base: at,
            rel: at + BASES * 4,
        }
    }

    /// Start of bucket `i` (`i == BUCKETS`: the entry count).
    #[inline]
    pub fn get(self, b: &[u8], i: usize) -> usize {
        u32_at(b, self.base + (i / BLOCK) * 4) as usize + u16_at(b, self.rel + i * 2) as usize
    }

    /// Checks that the table ascends from 0 to `n`: then every bucket's
    /// range lies inside its section.
    pub fn check(self, b: &[u8], n: usize) -> bool {
        if b.len() < self.base + STARTS_BYTES || self.get(b, 0) != 0 {
            return false;
        }
        (1..STARTS).all(|i| self.get(b, i - 1) <= self.get(b, i)) && self.get(b, STARTS - 1) == n
    }

    /// Writes the table of `starts` (`STARTS` ascending values); `None`
    /// when a bucket lies more than 65,535 entries past its block's base.
    pub fn write(out: &mut Vec<u8>, starts: &[usize]) -> Option<()> {
        assert_eq!(starts.len(), STARTS);
        let bases: Vec<usize> = (0..BASES).map(|k| starts[k * BLOCK]).collect();
        for &v in &bases {
            out.extend_from_slice(&u32::try_from(v).ok()?.to_le_bytes());
        }
        for (i, &v) in starts.iter().enumerate() {
            let rel = u16::try_from(v - bases[i / BLOCK]).ok()?;
            out.extend_from_slice(&rel.to_le_bytes());
        }
        pad4(out);
        Some(())
    }
}

/// Per bucket of a table, which of 64 sub-buckets (the six bits below the
/// bucket's) hold an entry: filled in the first time a lookup reaches the
/// bucket, from the bucket's own entries, so loading costs only the zeroed
/// 32 KB. Most features a token asks for are not in the model; with ten
/// keys a bucket, this turns some 85% of those lookups away after one read,
/// as the bit filter the decoded model built at load did (without it,
/// tagging took a quarter more time). Shared by a model's clones; a race
/// computes the same mask twice.
#[derive(Clone, Debug, Default)]
pub struct Masks(Arc<[AtomicU64]>);

impl Masks {
    /// Masks for the buckets of a start table, none filled yet.
    pub fn new() -> Masks {
        Masks((0..STARTS - 1).map(|_| AtomicU64::new(0)).collect())
    }

    /// Whether sub-bucket `sub` (0–63) of `bucket` may hold an entry;
    /// `fill` gives the bucket's mask when it is not known yet (a bucket
    /// with entries has a bit set, so 0 means "not filled"; an empty
    /// bucket is filled again, cheaply, each time).
    #[inline]
    pub fn may_hold(&self, bucket: usize, sub: u32, fill: impl FnOnce() -> u64) -> bool {
        let Some(m) = self.0.get(bucket) else {
            return true;
        };
        let mut mask = m.load(Ordering::Relaxed);
        if mask == 0 {
            mask = fill();
            m.store(mask, Ordering::Relaxed);
        }
        mask & (1 << (sub & 63)) != 0
    }
}

/// Pads `out` with zeros to a multiple of 4 bytes.
pub fn pad4(out: &mut Vec<u8>) {
    while out.len() % 4 != 0 {
        out.push(0);
    }
}

/// Where each bucket of `values` (sorted by bucket) starts, for a table of
/// [`STARTS`] entries; `bucket` gives a value's bucket.
pub fn bucket_starts<T>(values: &[T], bucket: impl Fn(&T) -> usize) -> Vec<usize> {
    let mut starts = vec![0usize; STARTS];
    for v in values {
        starts[bucket(v) + 1] += 1;
    }
    for i in 1..STARTS {
        starts[i] += starts[i - 1];
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_tables_round_trip_and_refuse_what_does_not_fit() {
        let starts: Vec<usize> = (0..STARTS).map(|i| i * 7 + i / 100).collect();
        let mut out = vec![0u8; 4];
        Starts::write(&mut out, &starts).unwrap();
        assert_eq!(out.len(), 4 + STARTS_BYTES);
        let t = Starts::at(4);
        assert!((0..STARTS).all(|i| t.get(&out, i) == starts[i]));
        assert!(t.check(&out, starts[STARTS - 1]));
        assert!(!t.check(&out, starts[STARTS - 1] + 1));
        assert!(!t.check(&out[..out.len() - 1], starts[STARTS - 1]));
        let mut big = starts.clone();
        for v in &mut big[10..] {
            *v += 70_000;
        }
        assert!(Starts::write(&mut Vec::new(), &big).is_none());
    }
}
