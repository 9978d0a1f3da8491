//! The trained model: weights per feature and label, label transitions, and
//! the gazetteers, in one binary file (`model/ner.bin`, embedded with
//! `include_bytes!`; `model/ner-<lang>.bin`, loaded at run time) that is
//! used in place: loading a model checks its header and start tables and
//! decodes nothing else, and every lookup reads the bytes it needs.
//!
//! Layout, version 5 (little endian; every section starts at a multiple of
//! 4 bytes; a start table is [`super::inplace::Starts`]: where each of the
//! 4,096 buckets of a sorted table starts):
//!
//! ```text
//! "DNER" u32 version (5)  u32 ext (feature extensions)
//! u32 n_labels  u32 n_keys  u32 n_pairs  u32 n_gaz  f32 scale
//! labels: per label u8 len, bytes; padded
//! f32 trans[(n_labels + 1) * n_labels]   row n_labels = sentence start
//! start table of the keys, by a key's top 12 bits
//! start table of the pairs, by the same buckets
//! keys[n_keys]: 3 bytes each, sorted: the key's low 20 bits, then its
//!     number of (label, weight) pairs in the top 4 bits; padded
//! pairs[n_pairs]: u16, label in the top 4 bits, 12-bit signed weight
//!     below (weight = value * scale), in the keys' order; padded
//! gazetteers: a start table, then n_gaz u16 (gazetteer.rs); padded
//! ```
//!
//! Versions 2 and 3 (delta-coded, decoded at load) are read only to convert
//! them (`src/ner/legacy.rs`, `dossier convert-model`).

use std::sync::Arc;

use super::gazetteer::{self, Gazetteers};
use super::inplace::{
    bucket_starts, pad4, u16_at, u24_at, u32_at, Bytes, Masks, Starts, STARTS, STARTS_BYTES,
};

/// Magic bytes of a model file.
pub const MAGIC: &[u8; 4] = b"DNER";
/// Version of the file layout read in place.
pub const VERSION: u32 = 5;

/// The previous version of the same layout, still read in place: it
/// differs only in that its feature extensions never include
/// [`super::features::EXT_FREQ`] (version 5 added it, and the gazetteer
/// lists it reads, so that a reader that knows neither refuses such a
/// model instead of tagging with half its features).
pub const VERSION_4: u32 = 4;

/// Bits of a key below its bucket: what a key entry stores.
const LOW_BITS: u32 = 32 - super::inplace::BUCKET_BITS;
const LOW_MASK: u32 = (1 << LOW_BITS) - 1;

/// A loaded model: the file's bytes and where its tables are.
#[derive(Clone, Debug)]
pub struct Model {
    bytes: Bytes,
    /// Label names (`O`, `B-PER`, …), index = label id.
    pub labels: Vec<String>,
    /// Transition weights: `trans[prev * n + cur]`, `prev == n` for the start.
    pub trans: Vec<f32>,
    /// Weight of one step of a stored weight.
    scale: f32,
    /// Feature extensions the model was trained with
    /// ([`super::features::EXT_LANG`]; 0: the original features).
    pub ext: u32,
    n_keys: usize,
    key_starts: Starts,
    pair_starts: Starts,
    keys_at: usize,
    pairs_at: usize,
    /// Which sub-buckets of each key bucket hold a key (filled on use).
    masks: Masks,
    /// Gazetteers.
    pub gaz: Gazetteers,
}

/// A key's sub-bucket in [`Masks`]: the six bits below its bucket.
#[inline]
fn sub_bucket(low: u32) -> u32 {
    low >> (LOW_BITS - 6)
}

/// Why a model file could not be read.
#[derive(Debug, PartialEq, Eq)]
pub struct BadModel(pub &'static str);

impl std::fmt::Display for BadModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "bad model file: {}", self.0)
    }
}

impl Model {
    /// Number of labels.
    pub fn n_labels(&self) -> usize {
        self.labels.len()
    }

    /// Number of features with weights.
    pub fn n_features(&self) -> usize {
        self.n_keys
    }

    /// The model in a file's bytes (copied once, then used in place).
    pub fn from_bytes(b: &[u8]) -> Result<Model, BadModel> {
        Model::read(Bytes::Shared(Arc::from(b)))
    }

    /// The model in a buffer handed over whole (the extension's bytes as
    /// they arrive in WASM memory): used in place, not copied.
    pub fn from_vec(b: Vec<u8>) -> Result<Model, BadModel> {
        Model::read(Bytes::Owned(Arc::new(b)))
    }

    /// The model in bytes that live as long as the program (the embedded
    /// model): not even copied.
    pub fn from_static(b: &'static [u8]) -> Result<Model, BadModel> {
        Model::read(Bytes::Static(b))
    }

    fn read(bytes: Bytes) -> Result<Model, BadModel> {
        let b: &[u8] = &bytes;
        if b.get(..4) != Some(&MAGIC[..]) {
            return Err(BadModel("not a Dossier model"));
        }
        let version = u32_at(b, 4);
        match version {
            VERSION | VERSION_4 => {}
            2 | 3 => {
                return Err(BadModel(
                    "an older model file (version 2 or 3): convert it with `dossier convert-model`",
                ))
            }
            _ => return Err(BadModel("unknown version")),
        }
        if b.len() < 32 {
            return Err(BadModel("truncated"));
        }
        let ext = u32_at(b, 8);
        if version == VERSION_4 && ext & super::features::EXT_FREQ != 0 {
            return Err(BadModel("unknown feature extension"));
        }
        let nl = u32_at(b, 12) as usize;
        let (n_keys, n_pairs, n_gaz) = (
            u32_at(b, 16) as usize,
            u32_at(b, 20) as usize,
            u32_at(b, 24) as usize,
        );
        let scale = f32::from_le_bytes(b[28..32].try_into().unwrap());
        if nl == 0 || nl > 16 {
            return Err(BadModel("bad label count"));
        }
        let mut at = 32;
        let mut labels = Vec::with_capacity(nl);
        for _ in 0..nl {
            let len = *b.get(at).ok_or(BadModel("truncated"))? as usize;
            let name = b.get(at + 1..at + 1 + len).ok_or(BadModel("truncated"))?;
            labels.push(String::from_utf8(name.to_vec()).map_err(|_| BadModel("label not UTF-8"))?);
            at += 1 + len;
        }
        at = at.next_multiple_of(4);
        let n_trans = (nl + 1) * nl;
        let trans: Vec<f32> = (0..n_trans)
            .map(|i| f32::from_bits(u32_at(b, at + i * 4)))
            .collect();
        at += n_trans * 4;
        let key_starts = Starts::at(at);
        let pair_starts = Starts::at(at + STARTS_BYTES);
        let keys_at = at + 2 * STARTS_BYTES;
        let pairs_at = keys_at + (n_keys * 3).next_multiple_of(4);
        let gaz_at = pairs_at + (n_pairs * 2).next_multiple_of(4);
        let end = gaz_at + STARTS_BYTES + (n_gaz * 2).next_multiple_of(4);
        if n_keys > 1 << 24 || n_pairs > 1 << 24 || n_gaz > 1 << 24 || b.len() < end {
            return Err(BadModel("truncated"));
        }
        if b.len() > end {
            return Err(BadModel("trailing bytes"));
        }
        if !key_starts.check(b, n_keys) || !pair_starts.check(b, n_pairs) {
            return Err(BadModel("bad start table"));
        }
        let gaz = Gazetteers::read(bytes.clone(), gaz_at, n_gaz)
            .ok_or(BadModel("bad gazetteer table"))?;
        Ok(Model {
            bytes,
            labels,
            trans,
            scale,
            ext,
            n_keys,
            key_starts,
            pair_starts,
            keys_at,
            pairs_at,
            masks: Masks::new(),
            gaz,
        })
    }

    /// Adds the weights of feature `f` to `scores` (one per label).
    #[inline]
    pub fn add_weights(&self, f: u32, scores: &mut [f32]) {
        if let Some(pairs) = self.pairs_of(f) {
            self.add_pairs(pairs, scores);
        }
    }

    /// Adds the weights of every feature of `feats` to `scores`, in their
    /// order: the very sums [`Model::add_weights`] feature by feature gives.
    /// The features are looked up first, all of them, then added: each
    /// lookup is a few dependent reads at random places in the model (in
    /// `perf annotate`, a third of the lookup's time is on those reads'
    /// cache misses), and lookups
    /// that do not wait for one another's additions overlap in the CPU.
    pub fn add_all(&self, feats: &[u32], scores: &mut [f32]) {
        const AT_ONCE: usize = 32;
        let mut found: [(usize, usize); AT_ONCE] = [(0, 0); AT_ONCE];
        for group in feats.chunks(AT_ONCE) {
            let mut n = 0;
            for &f in group {
                if let Some(at) = self.pairs_at_of(f) {
                    found[n] = at;
                    n += 1;
                }
            }
            for &(p, count) in &found[..n] {
                if let Some(pairs) = self.bytes.get(p..p + count * 2) {
                    self.add_pairs(pairs, scores);
                }
            }
        }
    }

    /// The (label, weight) pairs of feature `f`, as stored.
    #[inline]
    fn pairs_of(&self, f: u32) -> Option<&[u8]> {
        let (p, count) = self.pairs_at_of(f)?;
        self.bytes.get(p..p + count * 2)
    }

    /// Where feature `f`'s pairs are in the file (byte offset) and how many
    /// there are; `None` for a feature without weights.
    #[inline]
    fn pairs_at_of(&self, f: u32) -> Option<(usize, usize)> {
        let b: &[u8] = &self.bytes;
        let bucket = (f >> LOW_BITS) as usize;
        let want = f & LOW_MASK;
        let key = |i: usize| u24_at(b, self.keys_at + i * 3) & LOW_MASK;
        let starts = |bucket| self.key_starts.get(b, bucket);
        let fill =
            || (starts(bucket)..starts(bucket + 1)).fold(0, |m, i| m | 1 << sub_bucket(key(i)));
        if !self.masks.may_hold(bucket, sub_bucket(want), fill) {
            return None;
        }
        let (first, end) = (starts(bucket), starts(bucket + 1));
        if first == end {
            return None;
        }
        // Keys are hashes, spread evenly over a bucket: start where `want`
        // would be and step to it (a step or two for the ten or so keys of
        // a bucket, where a binary search takes four mispredicted ones).
        let mut i = first + ((want as u64 * (end - first) as u64) >> LOW_BITS) as usize;
        let mut k = key(i);
        while k < want {
            i += 1;
            if i == end {
                return None;
            }
            k = key(i);
        }
        while k > want {
            if i == first {
                return None;
            }
            i -= 1;
            k = key(i);
        }
        if k != want {
            return None;
        }
        // The key's pairs follow those of the bucket's earlier keys: their
        // counts are the top 4 bits of each 3-byte entry's last byte.
        let earlier = b.get(self.keys_at + first * 3..self.keys_at + i * 3 + 3)?;
        let p = self.pair_starts.get(b, bucket)
            + earlier[..earlier.len() - 3]
                .chunks_exact(3)
                .map(|e| (e[2] >> 4) as usize)
                .sum::<usize>();
        let count = (earlier[earlier.len() - 1] >> 4) as usize;
        Some((self.pairs_at + p * 2, count))
    }

    /// Adds stored (label, weight) pairs to `scores`.
    #[inline]
    fn add_pairs(&self, pairs: &[u8], scores: &mut [f32]) {
        for v in pairs.chunks_exact(2) {
            let v = u16::from_le_bytes([v[0], v[1]]);
            // Sign-extend the 12-bit weight.
            let w = (((v << 4) as i16) >> 4) as f32 * self.scale;
            if let Some(s) = scores.get_mut((v >> 12) as usize) {
                *s += w;
            }
        }
    }

    /// The model's tables as values (the converter's and the tests' way
    /// back to [`ModelData`]).
    pub fn data(&self) -> ModelData {
        let b: &[u8] = &self.bytes;
        let mut d = ModelData {
            labels: self.labels.clone(),
            trans: self.trans.clone(),
            lists: gazetteer::lists(&self.gaz),
            ext: self.ext,
            scale: Some(self.scale),
            ..ModelData::default()
        };
        d.offs.push(0);
        for bucket in 0..STARTS - 1 {
            let mut p = self.pair_starts.get(b, bucket);
            for k in self.key_starts.get(b, bucket)..self.key_starts.get(b, bucket + 1) {
                let e = u24_at(b, self.keys_at + k * 3);
                d.keys.push(((bucket as u32) << LOW_BITS) | (e & LOW_MASK));
                for _ in 0..e >> LOW_BITS {
                    let v = u16_at(b, self.pairs_at + p * 2);
                    let w = (((v << 4) as i16) >> 4) as f32 * self.scale;
                    d.pairs.push(((v >> 12) as u8, w));
                    p += 1;
                }
                d.offs.push(d.pairs.len() as u32);
            }
        }
        d
    }
}

/// A model as values: what training produces and the file is written from.
#[derive(Clone, Debug, Default)]
pub struct ModelData {
    /// Label names (`O`, `B-PER`, …), index = label id.
    pub labels: Vec<String>,
    /// Transition weights: `trans[prev * n + cur]`, `prev == n` for the start.
    pub trans: Vec<f32>,
    /// Sorted feature hashes.
    pub keys: Vec<u32>,
    /// `offs[k]..offs[k+1]` are the weights of `keys[k]` in `pairs`.
    pub offs: Vec<u32>,
    /// (label, weight) pairs.
    pub pairs: Vec<(u8, f32)>,
    /// Per gazetteer list, its sorted 24-bit phrase hashes.
    pub lists: Vec<Vec<u32>>,
    /// Feature extensions ([`super::features::EXT_LANG`]; 0: none).
    pub ext: u32,
    /// The scale the weights were quantised with, when they were read from
    /// a file (kept, so that a converted file's weights are the same
    /// numbers); `None`: the largest weight over 2047.
    pub scale: Option<f32>,
}

impl ModelData {
    /// Writes the model file (version 5). Weights are quantised to 12 bits
    /// with one scale.
    pub fn to_bytes(&self) -> Result<Vec<u8>, BadModel> {
        let nl = self.labels.len();
        if nl == 0 || nl > 16 || self.trans.len() != (nl + 1) * nl {
            return Err(BadModel("bad label count"));
        }
        let scale = self.scale.unwrap_or_else(|| {
            let max = self.pairs.iter().map(|p| p.1.abs()).fold(0f32, f32::max);
            max.max(f32::MIN_POSITIVE) / 2047.0
        });
        let q = |w: f32| (w / scale).round().clamp(-2048.0, 2047.0) as i16;
        let mut b = Vec::new();
        b.extend_from_slice(MAGIC);
        let mut gaz = Vec::new();
        let n_gaz =
            gazetteer::write(&mut gaz, &self.lists).ok_or(BadModel("gazetteers do not fit"))?;
        for v in [
            VERSION,
            self.ext,
            nl as u32,
            self.keys.len() as u32,
            self.pairs.len() as u32,
            n_gaz as u32,
        ] {
            b.extend_from_slice(&v.to_le_bytes());
        }
        b.extend_from_slice(&scale.to_le_bytes());
        for l in &self.labels {
            b.push(l.len() as u8);
            b.extend_from_slice(l.as_bytes());
        }
        pad4(&mut b);
        for &w in &self.trans {
            b.extend_from_slice(&w.to_le_bytes());
        }
        let bucket = |&k: &u32| (k >> LOW_BITS) as usize;
        if !self.keys.windows(2).all(|w| w[0] < w[1]) {
            return Err(BadModel("keys not strictly increasing"));
        }
        let key_starts = bucket_starts(&self.keys, bucket);
        let pair_starts: Vec<usize> = key_starts.iter().map(|&k| self.offs[k] as usize).collect();
        Starts::write(&mut b, &key_starts).ok_or(BadModel("too many keys"))?;
        Starts::write(&mut b, &pair_starts).ok_or(BadModel("too many pairs"))?;
        for (k, &key) in self.keys.iter().enumerate() {
            let count = self.offs[k + 1] - self.offs[k];
            if count > 15 {
                return Err(BadModel("more than 15 weights for a feature"));
            }
            b.extend_from_slice(&((key & LOW_MASK) | (count << LOW_BITS)).to_le_bytes()[..3]);
        }
        pad4(&mut b);
        for &(l, w) in &self.pairs {
            if l as usize >= nl {
                return Err(BadModel("label out of range"));
            }
            let p = ((l as u16) << 12) | (q(w) as u16 & 0x0fff);
            b.extend_from_slice(&p.to_le_bytes());
        }
        pad4(&mut b);
        b.extend_from_slice(&gaz);
        Ok(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_round_trips() {
        let m = Model::from_static(super::super::MODEL_BYTES).unwrap();
        let d = m.data();
        assert_eq!(d.keys.len(), m.n_features());
        assert_eq!(d.to_bytes().unwrap(), super::super::MODEL_BYTES);
        // Every key is found with its weights.
        let n = m.n_labels();
        for (k, &key) in d.keys.iter().enumerate().step_by(7) {
            let mut got = vec![0f32; n];
            m.add_weights(key, &mut got);
            let mut want = vec![0f32; n];
            for &(l, w) in &d.pairs[d.offs[k] as usize..d.offs[k + 1] as usize] {
                want[l as usize] += w;
            }
            assert_eq!(got, want);
        }
    }

    /// Looking features up in groups sums the very same bits as adding
    /// them one by one, in the same order: keys with weights, keys
    /// without, repeated keys, and more than one group of them.
    #[test]
    fn adding_all_at_once_is_adding_one_by_one() {
        let m = Model::from_static(super::super::MODEL_BYTES).unwrap();
        let keys = m.data().keys;
        let with: Vec<u32> = keys.iter().copied().step_by(97).take(70).collect();
        let without: Vec<u32> = (0..70u32)
            .map(|i| i.wrapping_mul(0x9E37_79B9))
            .filter(|k| keys.binary_search(k).is_err())
            .collect();
        let mixed: Vec<u32> = with
            .iter()
            .zip(&without)
            .flat_map(|(&a, &b)| [a, b, a])
            .collect();
        let cases: [&[u32]; 6] = [&[], &with[..1], &without[..5], &with[..32], &with, &mixed];
        for feats in cases {
            let mut one = vec![0.5f32; m.n_labels()];
            for &f in feats {
                m.add_weights(f, &mut one);
            }
            let mut all = vec![0.5f32; m.n_labels()];
            m.add_all(feats, &mut all);
            let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&all), bits(&one), "{} features", feats.len());
        }
        assert!(with.len() == 70 && without.len() > 60);
    }

    #[test]
    fn damaged_files_are_refused() {
        let b = super::super::MODEL_BYTES;
        assert_eq!(
            Model::from_bytes(&b[..b.len() - 4]).unwrap_err(),
            BadModel("truncated")
        );
        let mut more = b.to_vec();
        more.extend_from_slice(&[0; 4]);
        assert_eq!(
            Model::from_bytes(&more).unwrap_err(),
            BadModel("trailing bytes")
        );
        let mut bad = b.to_vec();
        bad[4] = 9;
        assert_eq!(
            Model::from_bytes(&bad).unwrap_err(),
            BadModel("unknown version")
        );
        // Version 4 is read as it is, but never with the frequency features
        // version 5 brought.
        let mut v4 = b.to_vec();
        v4[4..8].copy_from_slice(&VERSION_4.to_le_bytes());
        assert!(Model::from_bytes(&v4).is_ok());
        let ext = u32::from_le_bytes(v4[8..12].try_into().unwrap());
        v4[8..12].copy_from_slice(&(ext | super::super::features::EXT_FREQ).to_le_bytes());
        assert_eq!(
            Model::from_bytes(&v4).unwrap_err(),
            BadModel("unknown feature extension")
        );
        v4[4..8].copy_from_slice(&VERSION.to_le_bytes());
        assert!(Model::from_bytes(&v4).is_ok());
        assert_eq!(
            Model::from_bytes(b"DNER\x02\0\0\0").unwrap_err().0,
            "an older model file (version 2 or 3): convert it with `dossier convert-model`"
        );
    }
}
