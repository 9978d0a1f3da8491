//! Over the 310 real pages of ../shared/data/pages (when present): no fold
//! hides the article's own text behind a copy outside the article (a
//! teaser, a sidebar, a related box, a caption). Run by `make eval-repeats`:
//! `cargo test --release --features cli --test corpus_repeats -- --ignored --nocapture`.
#![cfg(feature = "cli")]

use std::path::{Path, PathBuf};

fn pages(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            pages(&p, out);
        } else if p.file_name().is_some_and(|n| n == "source.html") {
            out.push(p);
        }
    }
}

#[test]
#[ignore = "reads ../shared/data/pages; run by make eval-repeats"]
fn no_article_text_folded_behind_an_outside_copy() {
    let shared = std::env::var("SHARED")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared").to_string());
    let mut files = Vec::new();
    pages(&Path::new(&shared).join("data/pages"), &mut files);
    files.sort();
    if files.is_empty() {
        eprintln!("no pages under {shared}/data/pages: skipped");
        return;
    }
    let mut bad = Vec::new();
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        let page = dossier::html::page_from_html(&String::from_utf8_lossy(&bytes));
        let info = dossier::article::classify(&page);
        let (_, pairs) = dossier::repeats::find_repeats_checked(&page, &info);
        for (c, o) in pairs {
            let t: String = page.blocks[c as usize].text.chars().take(60).collect();
            bad.push(format!("{}: block {c} (copy of {o}) {t:?}", f.display()));
        }
    }
    println!(
        "article text folded behind a copy outside the article: {} on {} pages",
        bad.len(),
        files.len()
    );
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
