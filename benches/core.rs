//! The core's native speed on real pages (`make bench` runs it; see
//! `scripts/bench.mjs` for the browser half and the budgets).
//!
//! ```text
//! cargo bench --features cli --bench core            # table on stdout
//! DOSSIER_BENCH_OUT=target/bench/native.json cargo bench --features cli --bench core
//! ```
//!
//! A plain `std::time` harness (`harness = false`): no criterion, whose
//! dependency tree would outweigh the crate. What it measures:
//!
//! 1. `analyze` (repeats, entities, facts) on every page of
//!    `$SHARED/data/pages/*/*/source.html`, on the same blocks `dossier
//!    blocks` builds (HTML parsing is not timed). Each page runs until it has
//!    at least [`MIN_RUNS`] runs and [`MIN_PAGE_NS`] of work; its time is the
//!    median run. Reported: median and p95 of the per-page times, and text
//!    throughput (UTF-8 bytes of block text over the summed per-page times).
//! 2. The entity tagger alone, `ner::Tagger::tag_document`, in words per
//!    second: on CoNLL-2003 testa (one call per document) when
//!    `$SHARED/data/ner` exists, else on the pages' block texts.
//! 3. One-time costs: loading the tagger model, and the first `analyze`
//!    (which loads the model lazily).
//!
//! `SHARED` defaults to `../shared` beside the repository, as in the Makefile.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use dossier::ner::Tagger;
use dossier::{analyze, analyze_with, html, Options, Page};

/// Fewest timed runs per page.
const MIN_RUNS: usize = 5;
/// Least total timed work per page, so fast pages are repeated enough for a stable median.
const MIN_PAGE_NS: u128 = 25_000_000;
/// Most runs per page.
const MAX_RUNS: usize = 400;

fn shared_dir() -> PathBuf {
    match std::env::var_os("SHARED") {
        Some(s) => PathBuf::from(s),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
    }
}

fn page_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(groups) = fs::read_dir(dir) else {
        return out;
    };
    for g in groups.flatten() {
        let Ok(pages) = fs::read_dir(g.path()) else {
            continue;
        };
        for p in pages.flatten() {
            let f = p.path().join("source.html");
            if f.is_file() {
                out.push(f);
            }
        }
    }
    out.sort();
    out
}

fn median(v: &mut [f64]) -> f64 {
    percentile(v, 0.5)
}

/// Nearest-rank percentile (sorts `v`).
fn percentile(v: &mut [f64], q: f64) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let rank = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len());
    v[rank - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Per-page median time of `analyze`, in ms.
fn time_page(page: &Page) -> f64 {
    time_page_with(page, &Options::default())
}

/// Per-page median time of `analyze_with(opts)`, in ms.
fn time_page_with(page: &Page, opts: &Options) -> f64 {
    let mut runs = Vec::new();
    let start = Instant::now();
    while runs.len() < MIN_RUNS
        || (start.elapsed().as_nanos() < MIN_PAGE_NS && runs.len() < MAX_RUNS)
    {
        let t = Instant::now();
        let r = analyze_with(page, opts);
        runs.push(ms(t.elapsed()));
        std::hint::black_box(r);
    }
    median(&mut runs)
}

/// CoNLL documents as sentences of words (first column).
fn conll_docs(text: &str) -> Vec<Vec<Vec<String>>> {
    let mut docs: Vec<Vec<Vec<String>>> = Vec::new();
    let mut doc: Vec<Vec<String>> = Vec::new();
    let mut sent: Vec<String> = Vec::new();
    for line in text.lines() {
        let w = line.split_whitespace().next();
        match w {
            None => {
                if !sent.is_empty() {
                    doc.push(std::mem::take(&mut sent));
                }
            }
            Some("-DOCSTART-") => {
                if !sent.is_empty() {
                    doc.push(std::mem::take(&mut sent));
                }
                if !doc.is_empty() {
                    docs.push(std::mem::take(&mut doc));
                }
            }
            Some(w) => sent.push(w.to_string()),
        }
    }
    if !sent.is_empty() {
        doc.push(sent);
    }
    if !doc.is_empty() {
        docs.push(doc);
    }
    docs
}

/// Page texts as tagger documents: one sentence per block (whitespace words, at most 100).
fn page_docs(pages: &[Page]) -> Vec<Vec<Vec<String>>> {
    pages
        .iter()
        .map(|p| {
            p.blocks
                .iter()
                .flat_map(|b| {
                    let words: Vec<String> =
                        b.text.split_whitespace().map(str::to_string).collect();
                    words.chunks(100).map(|c| c.to_vec()).collect::<Vec<_>>()
                })
                .collect()
        })
        .collect()
}

fn main() -> ExitCode {
    // `cargo bench` passes `--bench`; a filter argument is not supported.
    let shared = shared_dir();
    let pages_dir = shared.join("data/pages");
    let files = page_files(&pages_dir);
    if files.is_empty() {
        eprintln!(
            "bench: no pages under {} (the real pages are not part of a clone); set SHARED=/path/to/shared",
            pages_dir.display()
        );
        return ExitCode::from(2);
    }

    // One-time costs, before anything has loaded the model.
    let t = Instant::now();
    let tagger = Tagger::new().expect("the shipped model loads");
    let model_load_ms = ms(t.elapsed());

    let pages: Vec<Page> = files
        .iter()
        .map(|f| html::page_from_html(&html::decode(&fs::read(f).expect("readable page"))))
        .collect();
    let first = pages
        .iter()
        .find(|p| !p.blocks.is_empty())
        .expect("a page with blocks");
    let t = Instant::now();
    std::hint::black_box(analyze(first));
    let first_call_ms = ms(t.elapsed());
    let second_call_ms = time_page(first);

    // 1. analyze on every page.
    let t_all = Instant::now();
    let mut per_page = Vec::with_capacity(pages.len());
    let mut bytes = 0usize;
    let mut worst = (0.0f64, String::new());
    // The same pages without facts, interleaved page by page with the full
    // analysis so that both see the same machine state.
    let no_facts = Options {
        facts: false,
        ..Options::default()
    };
    // And the repeats alone: what the page costs before any entity work.
    let repeats_only = Options {
        facts: false,
        entities: false,
        ..Options::default()
    };
    let mut without_facts_ms = 0.0;
    let mut stage_repeats = Vec::with_capacity(pages.len());
    let mut stage_entities = Vec::with_capacity(pages.len());
    for (f, p) in files.iter().zip(&pages) {
        stage_repeats.push(time_page_with(p, &repeats_only));
        let nf = time_page_with(p, &no_facts);
        without_facts_ms += nf;
        stage_entities.push(nf);
        let m = time_page(p);
        bytes += p.blocks.iter().map(|b| b.text.len()).sum::<usize>();
        if m > worst.0 {
            let name = f
                .parent()
                .and_then(|d| d.file_name())
                .map(|n| n.to_string_lossy().into_owned());
            worst = (m, name.unwrap_or_default());
        }
        per_page.push(m);
    }
    let wall_s = t_all.elapsed().as_secs_f64();
    let total_ms: f64 = per_page.iter().sum();
    let mb_per_s = bytes as f64 / 1e6 / (total_ms / 1e3);
    let median_ms = median(&mut per_page.clone());
    let p95_ms = percentile(&mut per_page.clone(), 0.95);
    let mean_ms = total_ms / per_page.len() as f64;
    // What dates, quantities and quotes add to repeats + entities (issue: < 25%).
    let facts_share = (total_ms - without_facts_ms) / without_facts_ms;
    let repeats_median_ms = median(&mut stage_repeats);
    let no_facts_median_ms = median(&mut stage_entities);

    // 2. The tagger alone.
    let conll = shared.join("data/ner/conll2003-eng.testa");
    let (docs, tag_corpus) = match fs::read_to_string(&conll) {
        Ok(text) => (conll_docs(&text), "CoNLL-2003 testa"),
        Err(_) => (page_docs(&pages), "page block texts"),
    };
    let docs_ref: Vec<Vec<Vec<&str>>> = docs
        .iter()
        .map(|d| {
            d.iter()
                .map(|s| s.iter().map(String::as_str).collect())
                .collect()
        })
        .collect();
    let words: usize = docs.iter().flatten().map(Vec::len).sum();
    let mut tag_runs = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        for d in &docs_ref {
            std::hint::black_box(tagger.tag_document(d));
        }
        tag_runs.push(t.elapsed().as_secs_f64());
    }
    let tag_s = median(&mut tag_runs);
    let tag_words_per_s = words as f64 / tag_s;

    println!(
        "Dossier core, native ({} pages from {})",
        pages.len(),
        pages_dir.display()
    );
    println!("| measure | value |");
    println!("|---|---|");
    println!("| analyze, median per page | {median_ms:.3} ms |");
    println!("| analyze, p95 per page | {p95_ms:.3} ms |");
    println!("| analyze, mean per page | {mean_ms:.3} ms |");
    println!(
        "| analyze, slowest page | {:.3} ms ({}) |",
        worst.0, worst.1
    );
    println!(
        "| text throughput | {mb_per_s:.2} MB/s ({:.2} MB of block text) |",
        bytes as f64 / 1e6
    );
    println!(
        "| tagger (tag_document) | {tag_words_per_s:.0} words/s ({words} words of {tag_corpus}) |"
    );
    println!(
        "| facts extraction on top of repeats + entities | +{:.1}% ({total_ms:.0} ms vs {without_facts_ms:.0} ms, summed per-page medians) |",
        facts_share * 100.0
    );
    println!(
        "| stages, median page: repeats alone / + entities / + facts | {repeats_median_ms:.3} / {no_facts_median_ms:.3} / {median_ms:.3} ms |"
    );
    println!("| tagger model load | {model_load_ms:.2} ms |");
    println!("| first analyze (loads the model lazily), then steady | {first_call_ms:.3} ms, then {second_call_ms:.3} ms |");
    println!("| bench wall time | {wall_s:.1} s |");

    if let Some(out) = std::env::var_os("DOSSIER_BENCH_OUT") {
        let json = serde_json::json!({
            "pages": pages.len(),
            "median_ms": median_ms,
            "p95_ms": p95_ms,
            "mean_ms": mean_ms,
            "slowest_ms": worst.0,
            "slowest_page": worst.1,
            "text_bytes": bytes,
            "mb_per_s": mb_per_s,
            "facts_share": facts_share,
            "repeats_median_ms": repeats_median_ms,
            "no_facts_median_ms": no_facts_median_ms,
            "tag_words": words,
            "tag_corpus": tag_corpus,
            "tag_words_per_s": tag_words_per_s,
            "model_load_ms": model_load_ms,
            "first_call_ms": first_call_ms,
            "second_call_ms": second_call_ms,
        });
        let out = PathBuf::from(out);
        if let Some(dir) = out.parent() {
            fs::create_dir_all(dir).expect("output directory");
        }
        fs::write(&out, serde_json::to_string_pretty(&json).unwrap() + "\n")
            .expect("write results");
    }
    ExitCode::SUCCESS
}
