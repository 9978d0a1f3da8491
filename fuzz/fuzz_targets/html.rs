//! Arbitrary bytes as an HTML document: charset decoding, HTML → Page, then
//! the analysis; every report invariant must hold.
#![no_main]

use dossier_fuzz::analyze_and_check;
use libfuzzer_sys::fuzz_target;

/// html5ever's tree builder checks element scope by walking the stack of
/// open elements, so N nested `<div>`s cost O(N²) (release build: 10,000
/// deep 0.3 s, 20,000 deep 1.9 s, all in `in_scope_named`). Inputs are
/// capped so the fuzzer spends its time on structure rather than size; the
/// CLI is the only user of this parser (the extension reads the browser's DOM).
const MAX_INPUT: usize = 64 * 1024;

fuzz_target!(|data: &[u8]| {
    if data.len() > MAX_INPUT {
        return;
    }
    let html = dossier::html::decode(data);
    let page = dossier::html::page_from_html(&html);
    for b in &page.blocks {
        assert!(
            b.link_chars as usize <= b.text.encode_utf16().count(),
            "link_chars past the text"
        );
        assert!(b.path.len() <= dossier::page::MAX_PATH, "path too deep");
        assert!(
            b.path.iter().all(|&e| (e as usize) < page.elements.len()),
            "path index out of range"
        );
    }
    analyze_and_check(&page);
});
