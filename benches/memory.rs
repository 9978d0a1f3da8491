//! "Already read" (src/repeats/memory.rs): the lookup of one page against
//! a full store, the budget of issue 21 being 1 ms a page. The store is
//! filled to 50,000 paragraphs of full 64-shingle sketches (the heaviest
//! paragraphs there are: more than the 5 MB bound lets in, so an upper
//! bound), with 10 copies of a real page's prints (tests/memory/wire-a)
//! among synthetic pages; the page looked up is tests/memory/wire-b
//! (six of its seven paragraphs read before) plus 40 unrelated paragraphs.
//! Prints `BENCH memory-lookup …` lines; self-contained, no ../shared.
//!
//!     cargo bench --features cli --bench memory

use std::time::Instant;

use dossier::repeats::memory::{prints, Memory, Print, FACTS, SKETCH};

fn xorshift(s: &mut u64) -> u32 {
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    (*s >> 16) as u32
}

fn synthetic(s: &mut u64, block: u32) -> Print {
    let mut sketch: Vec<u32> = (0..SKETCH).map(|_| xorshift(s)).collect();
    sketch.truncate(SKETCH);
    let mut facts: Vec<u32> = (0..6).map(|_| xorshift(s)).collect();
    facts.sort_unstable();
    facts.truncate(FACTS);
    Print {
        block,
        sketch,
        facts,
    }
}

fn page_prints(name: &str) -> Vec<Print> {
    let bytes =
        std::fs::read(format!("tests/memory/{name}.html")).expect("run from the repository");
    let page = dossier::html::page_from_html(&dossier::html::decode(&bytes));
    let info = dossier::article::classify(&page);
    prints(&page, &info, &[])
}

fn main() {
    const PARAS: usize = 50_000;
    let a = page_prints("wire-a");
    let mut s = 0x9e37_79b9_7f4a_7c15u64;
    let mut m = Memory::new();
    let mut id = 0;
    let fill = Instant::now();
    while m.paragraphs() < PARAS {
        id += 1;
        if id % 500 == 0 && id / 500 <= 10 {
            m.add(id, id % 97, a.clone());
        } else {
            let p: Vec<Print> = (0..25).map(|b| synthetic(&mut s, b)).collect();
            m.add(id, id % 97, p);
        }
    }
    let fill = fill.elapsed();
    let mut page = page_prints("wire-b");
    page.extend((0..40).map(|b| synthetic(&mut s, 100 + b)));
    let mut found = 0;
    let mut times = Vec::new();
    for _ in 0..200 {
        let t = Instant::now();
        let hits = m.lookup(&page, 1_000_000, &[]);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        found = hits.len();
    }
    times.sort_by(|x, y| x.total_cmp(y));
    let t = Instant::now();
    let forgot = m.evict(PARAS - 1000, usize::MAX).len();
    let evict = t.elapsed().as_secs_f64() * 1000.0;
    println!(
        "store: {} pages, {} paragraphs, {:.1} MB of prints, filled in {:.0} ms",
        id,
        PARAS,
        (m.bytes() as f64) / 1e6,
        fill.as_secs_f64() * 1000.0
    );
    println!(
        "page looked up: {} paragraphs, {found} read before",
        page.len()
    );
    let words: usize = a.iter().map(|x| 3 + x.sketch.len() + x.facts.len()).sum();
    let per = 4 * words / a.len();
    println!(
        "a real page's prints (tests/memory/wire-a): {per} bytes a paragraph; 5 MB holds {} such",
        5 * 1024 * 1024 / per
    );
    println!(
        "BENCH memory-lookup ms: min {:.3} median {:.3} max {:.3} (budget 1 ms)",
        times[0],
        times[times.len() / 2],
        times[times.len() - 1]
    );
    println!("BENCH memory-evict ms: {evict:.1} ({forgot} oldest pages forgotten)");
    assert_eq!(found, 6, "wire-b's six paragraphs read before");
}
