//! The model file as it was before version 4 (delta- and varint-coded
//! tables, decoded at load): read only to convert such a file
//! (`dossier convert-model`), never at run time.
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

use super::model::{BadModel, Model, ModelData, MAGIC};

/// Reads a model file of any version: 2 and 3 decoded here, 4 and 5 (the
/// current one) read in place and taken apart.
pub fn read_any(b: &[u8]) -> Result<ModelData, BadModel> {
    match b
        .get(4..8)
        .map(|v| u32::from_le_bytes([v[0], v[1], v[2], v[3]]))
    {
        Some(VERSION | VERSION_EXT) if b.starts_with(MAGIC) => read(b),
        _ => Ok(Model::from_bytes(b)?.data()),
    }
}

/// Version of the layout without feature extensions.
pub const VERSION: u32 = 2;
/// Version of the layout with the feature extensions word after the version.
pub const VERSION_EXT: u32 = 3;

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

/// Reads a model file of version 2 or 3.
pub fn read(b: &[u8]) -> Result<ModelData, BadModel> {
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
            String::from_utf8(r.take(len)?.to_vec()).map_err(|_| BadModel("label not UTF-8"))?,
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
    Ok(ModelData {
        labels,
        trans,
        keys,
        offs,
        pairs,
        lists,
        ext,
        scale: Some(scale),
    })
}
