//! How long a tagger model takes to load, natively (`make bench` has the
//! browsers' figure: `model_load_ms`).
//!
//! ```text
//! cargo bench --features cli --bench model_load
//! ```
//!
//! Per model file (`model/ner.bin`, embedded, and each `model/ner-<lang>.bin`
//! as the extension hands it over, from bytes): the first load in this
//! process, then the median of 50, each followed by tagging one short
//! sentence (so a format that defers its work to the first lookup is not
//! counted as free).

use std::time::Instant;

use dossier::ner::registry::{model_dir, model_file, LANGUAGES};
use dossier::ner::{Model, Tagger, MODEL_BYTES};

const RUNS: usize = 50;

fn time_ms(mut f: impl FnMut()) -> f64 {
    let t = Instant::now();
    f();
    t.elapsed().as_secs_f64() * 1e3
}

fn main() {
    let sentence = vec![
        "Angela", "Merkel", "visited", "the", "Bank", "of", "England", "in", "London", ".",
    ];
    println!("| model | bytes | first load | median load (+ one sentence) |");
    println!("|---|---:|---:|---:|");
    let mut worst: f64 = 0.0;
    for lang in LANGUAGES {
        let bytes: Vec<u8> = if *lang == "en" {
            MODEL_BYTES.to_vec()
        } else {
            match std::fs::read(model_dir().join(model_file(lang))) {
                Ok(b) => b,
                Err(e) => {
                    println!("| {lang} | {e} | | |");
                    continue;
                }
            }
        };
        let load = || {
            let m = if *lang == "en" {
                Model::from_static(MODEL_BYTES)
            } else {
                Model::from_bytes(&bytes)
            };
            let t = Tagger::with_model(m.expect("the model loads"));
            std::hint::black_box(t.tag_document(std::slice::from_ref(&sentence)));
        };
        let first = time_ms(load);
        let mut times: Vec<f64> = (0..RUNS).map(|_| time_ms(load)).collect();
        times.sort_by(f64::total_cmp);
        let median = times[RUNS / 2];
        worst = worst.max(median);
        println!(
            "| {} | {} | {first:.3} ms | {median:.3} ms |",
            model_file(lang),
            bytes.len()
        );
    }
    println!("model_load_ms_native (worst median) = {worst:.3}");
}
