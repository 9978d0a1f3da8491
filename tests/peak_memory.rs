//! The analysis's peak memory on the largest pages the extension analyses
//! (issue 20 part 3). The background's WebAssembly memory grows to the
//! analysis's high-water mark and never shrinks, so a transient peak on one
//! huge page is what the background keeps for the rest of the session
//! (budget: 64 MB in all). Counted natively here, by a counting allocator,
//! as a proxy: bytes allocated and not yet freed, above what the page
//! itself holds, while it is analysed as the background does it (read from
//! its serialization, analysed without the text copied into the report,
//! the report packed). Native pointers are twice the WASM's, so the WASM
//! needs less; `scripts/bench/wasm-memory.mjs` measures the WASM itself.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use dossier::collect::Collector;
use dossier::{analyze_with, Options};

/// The system allocator, counting the bytes live and their highest count.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = LIVE.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(now, Relaxed);
}

// SAFETY: every call goes to the system allocator unchanged; only counts are added.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        grew(l.size());
        System.alloc(l)
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Relaxed);
        System.dealloc(p, l)
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, size: usize) -> *mut u8 {
        if size > l.size() {
            grew(size - l.size());
        } else {
            LIVE.fetch_sub(l.size() - size, Relaxed);
        }
        System.realloc(p, l, size)
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

const PARA: &str = "Officials of the ruling party met the opposition leader Sam Rainsy in Phnom Penh on Tuesday to discuss the results of the election.";

/// A page as the browser serializes it: `<html>` first, no doctype.
fn page(body: &str) -> String {
    format!(
        "<html lang=\"en\"><head><meta charset=\"utf-8\"><title>A long page</title></head>\
         <body><main><article>{body}</article></main></body></html>"
    )
}

/// Peak bytes live above those live at the start, while `f` runs.
fn peak_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    let out = f();
    (out, PEAK.load(Relaxed) - base)
}

/// The pages of tests/e2e/hostile-pages.mjs and scripts/soak.mjs whose
/// analysis needs the most memory: the 50,000 blocks, and text just under
/// the background's cap (2 Mi UTF-16 units), all different and full of
/// names. Per page, the most bytes of analysis per byte of the page's text.
/// (Measured 2026-12-07: 19.7 and 23.4 with the tagger's infos made again
/// per sentence on long documents; 36.6 on the first when it kept them all.)
#[test]
fn the_analysis_of_a_huge_page_peaks_at_a_bounded_multiple_of_its_text() {
    let many_blocks = page(
        &(0..50_000)
            .map(|i| format!("<p>Item {i} of the list costs {} units.</p>", i * 7))
            .collect::<String>(),
    );
    let under_cap = page(
        &(0..15_000)
            .map(|i| {
                format!(
                    "<p>Minister {i} Hun Sen{} met Sam Rainsy{} in Phnom Penh {i} on Tuesday, \
                     {} km from the {} election held {i} days ago.</p>",
                    i % 97,
                    i % 13,
                    i * 3,
                    i % 7
                )
            })
            .collect::<String>(),
    );
    let one_para = page(&format!("<p>{PARA}</p>"));
    let cases: &[(&str, &str, usize)] = &[
        ("50,000 list items", &many_blocks, 28),
        ("1.8 M characters of names and numbers", &under_cap, 28),
    ];
    // The model loads once per process (a `OnceLock`): not the page's.
    let opts = Options {
        include_text: false,
        ..Options::default()
    };
    let mut c = Collector::new();
    dossier::serialized::feed(&one_para, false, &mut c).expect("a serialization");
    analyze_with(&c.finish(), &opts);
    for &(name, html, most) in cases {
        let mut c = Collector::with_max_blocks(100_000);
        dossier::serialized::feed(html, false, &mut c).expect("a serialization");
        let page = c.finish();
        let text: usize = page.blocks.iter().map(|b| b.text.len()).sum();
        assert!(text > 1_500_000, "{name}: {text} bytes of text");
        let (packed, peak) = peak_during(|| analyze_with(&page, &opts).to_packed());
        assert!(!packed.nums.is_empty());
        let per_byte = peak as f64 / text as f64;
        println!(
            "{name}: {text} bytes of text, analysis peak {peak} bytes ({per_byte:.1} per byte)"
        );
        assert!(
            peak <= most * text,
            "{name}: the analysis peaked at {peak} bytes, {per_byte:.1} per byte of the page's text (at most {most})"
        );
    }
}
