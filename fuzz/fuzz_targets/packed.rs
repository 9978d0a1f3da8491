//! Arbitrary packed pages (what `extension/pack.js` hands the WASM core)
//! through `Page::from_packed`: it never panics, and what it accepts is
//! exactly what `Page::to_packed` writes for the page it read.
//!
//! Input: a little-endian `u16` count `c`, then `c` little-endian `u32`
//! numbers, then the text (lossily UTF-8).
#![no_main]

use dossier::Page;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((head, rest)) = data.split_first_chunk::<2>() else {
        return;
    };
    let count = (u16::from_le_bytes(*head) as usize).min(rest.len() / 4);
    let (words, text) = rest.split_at(count * 4);
    let nums: Vec<u32> = words
        .chunks_exact(4)
        .map(|w| u32::from_le_bytes(w.try_into().unwrap()))
        .collect();
    let text = String::from_utf8_lossy(text);
    if let Ok(page) = Page::from_packed(&text, &nums) {
        let (t, n) = page.to_packed();
        assert_eq!((t.as_str(), n.as_slice()), (text.as_ref(), nums.as_slice()));
    }
});
