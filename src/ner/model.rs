//! The trained model: weights per feature and label, label transitions, and
//! the gazetteers, in one compact binary file (`model/ner.bin`) that the
//! crate embeds with `include_bytes!`.
//!
//! Layout (little endian):
//!
//! ```text
//! "DNER"  u32 version
//! u8 n_labels, then per label: u8 len, bytes
//! f32 scale                         weight = stored i16 * scale
//! i16 trans[(n_labels + 1) * n_labels]   row n_labels = sentence start
//! u32 n_feats
//! u32 keys[n_feats]                 sorted feature hashes
//! u8  counts[n_feats]               (label, weight) pairs per feature
//! (u8 label, i16 weight) pairs, packed
//! u8 n_lists, then per list: u32 n, u32 hashes[n] (sorted)
//! ```

use super::gazetteer::Gazetteers;

/// Magic bytes of a model file.
pub const MAGIC: &[u8; 4] = b"DNER";
/// Version of the file layout.
pub const VERSION: u32 = 1;

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
}

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
    fn i16(&mut self) -> Result<i16, BadModel> {
        Ok(i16::from_le_bytes(self.take(2)?.try_into().unwrap()))
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

    /// Adds the weights of feature `f` to `scores` (one per label).
    #[inline]
    pub fn add_weights(&self, f: u32, scores: &mut [f32]) {
        if let Ok(k) = self.keys.binary_search(&f) {
            let (a, b) = (self.offs[k] as usize, self.offs[k + 1] as usize);
            for &(l, w) in &self.pairs[a..b] {
                scores[l as usize] += w;
            }
        }
    }

    /// Reads a model file.
    pub fn from_bytes(b: &[u8]) -> Result<Model, BadModel> {
        let mut r = Reader { b, at: 0 };
        if r.take(4)? != MAGIC {
            return Err(BadModel("not a Dossier model"));
        }
        if r.u32()? != VERSION {
            return Err(BadModel("unknown version"));
        }
        let nl = r.u8()? as usize;
        let mut labels = Vec::with_capacity(nl);
        for _ in 0..nl {
            let len = r.u8()? as usize;
            labels.push(
                String::from_utf8(r.take(len)?.to_vec())
                    .map_err(|_| BadModel("label not UTF-8"))?,
            );
        }
        let scale = r.f32()?;
        let mut trans = Vec::with_capacity((nl + 1) * nl);
        for _ in 0..(nl + 1) * nl {
            trans.push(r.i16()? as f32 * scale);
        }
        let nf = r.u32()? as usize;
        let mut keys = Vec::with_capacity(nf);
        for _ in 0..nf {
            keys.push(r.u32()?);
        }
        if keys.windows(2).any(|w| w[0] >= w[1]) {
            return Err(BadModel("feature keys not sorted"));
        }
        let counts = r.take(nf)?;
        let mut offs = Vec::with_capacity(nf + 1);
        let total: usize = counts.iter().map(|&c| c as usize).sum();
        let mut pairs = Vec::with_capacity(total);
        offs.push(0u32);
        for &c in counts {
            for _ in 0..c {
                let l = r.u8()?;
                if l as usize >= nl {
                    return Err(BadModel("label out of range"));
                }
                pairs.push((l, r.i16()? as f32 * scale));
            }
            offs.push(pairs.len() as u32);
        }
        let nlists = r.u8()? as usize;
        let mut lists = Vec::with_capacity(nlists);
        for _ in 0..nlists {
            let n = r.u32()? as usize;
            let mut l = Vec::with_capacity(n.min(1 << 22));
            for _ in 0..n {
                l.push(r.u32()?);
            }
            lists.push(l);
        }
        Ok(Model {
            labels,
            trans,
            keys,
            offs,
            pairs,
            gaz: Gazetteers { lists },
        })
    }

    /// Writes the model file. Weights are quantised to 16 bits with one scale.
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self
            .pairs
            .iter()
            .map(|p| p.1.abs())
            .chain(self.trans.iter().map(|w| w.abs()))
            .fold(0f32, f32::max)
            .max(f32::MIN_POSITIVE);
        let scale = max / i16::MAX as f32;
        let q = |w: f32| (w / scale).round().clamp(i16::MIN as f32, i16::MAX as f32) as i16;
        let mut b = Vec::new();
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&VERSION.to_le_bytes());
        b.push(self.labels.len() as u8);
        for l in &self.labels {
            b.push(l.len() as u8);
            b.extend_from_slice(l.as_bytes());
        }
        b.extend_from_slice(&scale.to_le_bytes());
        for &w in &self.trans {
            b.extend_from_slice(&q(w).to_le_bytes());
        }
        b.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        for k in &self.keys {
            b.extend_from_slice(&k.to_le_bytes());
        }
        for k in 0..self.keys.len() {
            b.push((self.offs[k + 1] - self.offs[k]) as u8);
        }
        for &(l, w) in &self.pairs {
            b.push(l);
            b.extend_from_slice(&q(w).to_le_bytes());
        }
        b.push(self.gaz.lists.len() as u8);
        for l in &self.gaz.lists {
            b.extend_from_slice(&(l.len() as u32).to_le_bytes());
            for h in l {
                b.extend_from_slice(&h.to_le_bytes());
            }
        }
        b
    }
}
