//! The trained model: weights per feature and label, label transitions, and
//! the gazetteers, in one compact binary file (`model/ner.bin`) that the
//! crate embeds with `include_bytes!`.
//!
//! Layout (little endian; "varint" is LEB128, "deltas" are varints of the
//! differences between consecutive sorted values):
//!
//! ```text
//! "DNER"  u32 version (2, or 3: then u32 feature extensions follow)
//! u8 n_labels, then per label: u8 len, bytes
//! f32 trans[(n_labels + 1) * n_labels]   row n_labels = sentence start
//! f32 scale                              weight = stored 12-bit value * scale
//! u32 n_feats, then the sorted feature hashes as deltas
//! u8  counts[n_feats]                    (label, weight) pairs per feature
//! u16 pairs, packed: label in the top 4 bits, 12-bit signed weight below
//! u8 n_lists, then per list: u32 n, then its sorted 24-bit hashes as deltas
//! ```

use super::gazetteer::Gazetteers;

/// Magic bytes of a model file.
pub const MAGIC: &[u8; 4] = b"DNER";
/// Version of the file layout: models without feature extensions (the
/// English one) are written as version 2, byte for byte as before them.
pub const VERSION: u32 = 2;
/// Version of the layout with the feature extensions word after the version.
pub const VERSION_EXT: u32 = 3;

/// A loaded model.
#[derive(Clone, Debug, Default)]
pub struct Model {
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
    /// Gazetteers.
    pub gaz: Gazetteers,
    /// Feature extensions the model was trained with
    /// ([`super::features::EXT_LANG`]; 0: the original features).
    pub ext: u32,
    /// Open-addressing index over `keys`, built at load: slot → (key, key
    /// index + 1; 0 = empty). The key sits in the slot so that a lookup,
    /// which misses for most features of a token, reads one cache line
    /// rather than the slot and then `keys`.
    pub(crate) index: Vec<(u32, u32)>,
    /// The weights of `pairs` as one row of `n_labels` per key (zero where
    /// `pairs` has none), built at load: a scored token adds some thirty
    /// feature rows, and a fixed-width row adds without a loop over pairs
    /// of varying length. Costs about 36 bytes a feature.
    pub(crate) dense: Vec<f32>,
    /// One bit per value of a key's low [`FILTER_BITS`] bits, set where some
    /// key has them, built at load. Most features of a token are not in the
    /// model, and this bitmap (128 KB, 2% of its bits set for the shipped
    /// model) turns most of those lookups away without reading `index`
    /// (half a megabyte, which the rest of the analysis evicts from cache).
    /// 2^18 and 2^20 bits: 6% and 8% less tagging time; 2^17: 4%.
    pub(crate) filter: Vec<u64>,
}

/// Width of the key prefix [`Model::filter`] keys on.
const FILTER_BITS: u32 = 20;

/// Why a model file could not be read.
#[derive(Debug, PartialEq, Eq)]
pub struct BadModel(pub &'static str);

impl std::fmt::Display for BadModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "bad model file: {}", self.0)
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], BadModel> {
        let end = self.at.checked_add(n).ok_or(BadModel("length overflow"))?;
        let s = self.b.get(self.at..end).ok_or(BadModel("truncated"))?;
        self.at = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, BadModel> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, BadModel> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    fn u16(&mut self) -> Result<u16, BadModel> {
        Ok(u16::from_le_bytes(self.take(2)?.try_into().unwrap()))
    }
    fn varint(&mut self) -> Result<u32, BadModel> {
        let mut v: u64 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return u32::try_from(v).map_err(|_| BadModel("varint overflow"));
            }
        }
        Err(BadModel("varint too long"))
    }
    fn deltas(&mut self, n: usize) -> Result<Vec<u32>, BadModel> {
        let mut out = Vec::with_capacity(n.min(1 << 22));
        let mut prev: u32 = 0;
        for k in 0..n {
            let d = self.varint()?;
            if k > 0 && d == 0 {
                return Err(BadModel("values not strictly increasing"));
            }
            prev = prev.checked_add(d).ok_or(BadModel("delta overflow"))?;
            out.push(prev);
        }
        Ok(out)
    }
    fn f32(&mut self) -> Result<f32, BadModel> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
}

impl Model {
    /// Number of labels.
    pub fn n_labels(&self) -> usize {
        self.labels.len()
    }

    /// Builds the lookup index and the dense rows; call after filling
    /// `keys`, `offs` and `pairs`.
    pub fn build_index(&mut self) {
        let cap = (self.keys.len() * 2).next_power_of_two().max(16);
        let mut index = vec![(0u32, 0u32); cap];
        for (k, &key) in self.keys.iter().enumerate() {
            let mut i = Self::slot(key, cap);
            while index[i].1 != 0 {
                i = (i + 1) & (cap - 1);
            }
            index[i] = (key, k as u32 + 1);
        }
        self.index = index;
        let mut filter = vec![0u64; (1 << FILTER_BITS) / 64];
        for &key in &self.keys {
            let f = key & ((1 << FILTER_BITS) - 1);
            filter[(f >> 6) as usize] |= 1 << (f & 63);
        }
        self.filter = filter;
        let n = self.n_labels();
        let mut dense = vec![0f32; self.keys.len() * n];
        for (k, row) in dense.chunks_exact_mut(n.max(1)).enumerate() {
            for &(l, w) in &self.pairs[self.offs[k] as usize..self.offs[k + 1] as usize] {
                row[l as usize] += w;
            }
        }
        self.dense = dense;
    }

    #[inline]
    fn slot(key: u32, cap: usize) -> usize {
        (key.wrapping_mul(0x9E37_79B1) as usize) & (cap - 1)
    }

    /// Adds the weights of feature `f` to `scores` (one per label).
    #[inline]
    pub fn add_weights(&self, f: u32, scores: &mut [f32]) {
        let k = if self.index.is_empty() {
            match self.keys.binary_search(&f) {
                Ok(k) => k,
                Err(_) => return,
            }
        } else {
            let b = f & ((1 << FILTER_BITS) - 1);
            if self.filter[(b >> 6) as usize] & (1 << (b & 63)) == 0 {
                return;
            }
            let cap = self.index.len();
            let mut i = Self::slot(f, cap);
            loop {
                let (key, e) = self.index[i];
                if e == 0 {
                    return;
                }
                if key == f {
                    break e as usize - 1;
                }
                i = (i + 1) & (cap - 1);
            }
        };
        let n = self.n_labels();
        if scores.len() == n && self.dense.len() == self.keys.len() * n {
            // Adding the zeros of absent labels changes no score.
            for (s, w) in scores.iter_mut().zip(&self.dense[k * n..(k + 1) * n]) {
                *s += w;
            }
            return;
        }
        let (a, b) = (self.offs[k] as usize, self.offs[k + 1] as usize);
        for &(l, w) in &self.pairs[a..b] {
            scores[l as usize] += w;
        }
    }

    /// Reads a model file.
    pub fn from_bytes(b: &[u8]) -> Result<Model, BadModel> {
        let mut r = Reader { b, at: 0 };
        if r.take(4)? != MAGIC {
            return Err(BadModel("not a Dossier model"));
        }
        let ext = match r.u32()? {
            VERSION => 0,
            VERSION_EXT => r.u32()?,
            _ => return Err(BadModel("unknown version")),
        };
        let nl = r.u8()? as usize;
        if nl == 0 || nl > 16 {
            return Err(BadModel("bad label count"));
        }
        let mut labels = Vec::with_capacity(nl);
        for _ in 0..nl {
            let len = r.u8()? as usize;
            labels.push(
                String::from_utf8(r.take(len)?.to_vec())
                    .map_err(|_| BadModel("label not UTF-8"))?,
            );
        }
        let mut trans = Vec::with_capacity((nl + 1) * nl);
        for _ in 0..(nl + 1) * nl {
            trans.push(r.f32()?);
        }
        let scale = r.f32()?;
        let nf = r.u32()? as usize;
        let keys = r.deltas(nf)?;
        let counts = r.take(nf)?;
        let mut offs = Vec::with_capacity(nf + 1);
        let total: usize = counts.iter().map(|&c| c as usize).sum();
        let mut pairs = Vec::with_capacity(total);
        offs.push(0u32);
        for &c in counts {
            for _ in 0..c {
                let p = r.u16()?;
                let l = (p >> 12) as u8;
                if l as usize >= nl {
                    return Err(BadModel("label out of range"));
                }
                // sign-extend the 12-bit weight
                let w = ((p << 4) as i16) >> 4;
                pairs.push((l, w as f32 * scale));
            }
            offs.push(pairs.len() as u32);
        }
        let nlists = r.u8()? as usize;
        let mut lists = Vec::with_capacity(nlists);
        for _ in 0..nlists {
            let n = r.u32()? as usize;
            lists.push(r.deltas(n)?);
        }
        if r.at != b.len() {
            return Err(BadModel("trailing bytes"));
        }
        let mut model = Model {
            labels,
            trans,
            keys,
            offs,
            pairs,
            gaz: Gazetteers::new(lists),
            ext,
            index: Vec::new(),
            dense: Vec::new(),
            filter: Vec::new(),
        };
        model.build_index();
        Ok(model)
    }

    /// Writes the model file. Weights are quantised to 12 bits with one scale.
    pub fn to_bytes(&self) -> Vec<u8> {
        fn varint(b: &mut Vec<u8>, mut v: u32) {
            loop {
                let byte = (v & 0x7f) as u8;
                v >>= 7;
                if v == 0 {
                    b.push(byte);
                    return;
                }
                b.push(byte | 0x80);
            }
        }
        fn deltas(b: &mut Vec<u8>, values: &[u32]) {
            let mut prev = 0;
            for &v in values {
                varint(b, v - prev);
                prev = v;
            }
        }
        let max = self
            .pairs
            .iter()
            .map(|p| p.1.abs())
            .fold(0f32, f32::max)
            .max(f32::MIN_POSITIVE);
        let scale = max / 2047.0;
        let q = |w: f32| (w / scale).round().clamp(-2048.0, 2047.0) as i16;
        let mut b = Vec::new();
        b.extend_from_slice(MAGIC);
        if self.ext == 0 {
            b.extend_from_slice(&VERSION.to_le_bytes());
        } else {
            b.extend_from_slice(&VERSION_EXT.to_le_bytes());
            b.extend_from_slice(&self.ext.to_le_bytes());
        }
        b.push(self.labels.len() as u8);
        for l in &self.labels {
            b.push(l.len() as u8);
            b.extend_from_slice(l.as_bytes());
        }
        for &w in &self.trans {
            b.extend_from_slice(&w.to_le_bytes());
        }
        b.extend_from_slice(&scale.to_le_bytes());
        b.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        deltas(&mut b, &self.keys);
        for k in 0..self.keys.len() {
            b.push((self.offs[k + 1] - self.offs[k]) as u8);
        }
        for &(l, w) in &self.pairs {
            let p = ((l as u16) << 12) | (q(w) as u16 & 0x0fff);
            b.extend_from_slice(&p.to_le_bytes());
        }
        b.push(self.gaz.lists.len() as u8);
        for l in &self.gaz.lists {
            b.extend_from_slice(&(l.len() as u32).to_le_bytes());
            deltas(&mut b, l);
        }
        b
    }
}
