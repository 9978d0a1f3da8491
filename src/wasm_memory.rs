//! The WASM boundary of "already read" ([`crate::repeats::memory`]): a
//! page's prints, and the in-memory index the background fills from its
//! IndexedDB store (`extension/memory.js`). Everything crosses as flat
//! `Uint32Array`s.

use wasm_bindgen::prelude::*;

use crate::repeats::memory::{decode, encode, prints, Memory};
use crate::Page;

fn err(e: impl std::fmt::Display) -> JsValue {
    JsValue::from(js_sys::Error::new(&e.to_string()))
}

/// The prints ([`crate::repeats::memory::encode`]) of a packed page's
/// article paragraphs, leaving out the blocks of `skip` (its in-page copies).
#[wasm_bindgen(js_name = memoryPrints)]
pub fn memory_prints(text: &str, nums: &[u32], skip: &[u32]) -> Result<Vec<u32>, JsValue> {
    let page = Page::from_packed(text, nums).map_err(err)?;
    let info = crate::article::classify(&page);
    Ok(encode(&prints(&page, &info, skip)))
}

/// The prints of the pages read, in the background's memory.
#[wasm_bindgen]
pub struct MemoryIndex(Memory);

#[wasm_bindgen]
impl MemoryIndex {
    /// An empty index.
    #[wasm_bindgen(constructor)]
    pub fn new() -> MemoryIndex {
        MemoryIndex(Memory::new())
    }

    /// Stores page `id` of `site` (encoded prints) as the newest.
    pub fn add(&mut self, id: u32, site: u32, prints: &[u32]) -> Result<(), JsValue> {
        let p = decode(prints).ok_or_else(|| err("bad prints"))?;
        self.0.add(id, site, p);
        Ok(())
    }

    /// Forgets the pages of `ids`.
    pub fn remove(&mut self, ids: &[u32]) {
        self.0.remove(ids);
    }

    /// Forgets the oldest pages beyond the bounds; returns their ids.
    pub fn evict(&mut self, max_paras: u32, max_bytes: u32) -> Vec<u32> {
        self.0.evict(max_paras as usize, max_bytes as usize)
    }

    /// Paragraphs stored.
    pub fn paragraphs(&self) -> u32 {
        self.0.paragraphs() as u32
    }

    /// Bytes of prints stored.
    pub fn bytes(&self) -> u32 {
        self.0.bytes() as u32
    }

    /// Per paragraph of `prints` read before on another page: `block, page,
    /// similarity × 1000, boilerplate (0/1)`. `exclude`: the ids of the
    /// page itself, read before (under any query string).
    pub fn lookup(&self, prints: &[u32], site: u32, exclude: &[u32]) -> Result<Vec<u32>, JsValue> {
        let p = decode(prints).ok_or_else(|| err("bad prints"))?;
        let hits = self.0.lookup(&p, site, exclude);
        Ok(hits
            .iter()
            .flat_map(|h| {
                [
                    h.block,
                    h.page,
                    (h.similarity * 1000.0).round() as u32,
                    h.boilerplate as u32,
                ]
            })
            .collect())
    }
}

impl Default for MemoryIndex {
    fn default() -> Self {
        MemoryIndex::new()
    }
}
