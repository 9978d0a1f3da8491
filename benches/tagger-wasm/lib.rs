//! The entity tagger behind a WASM boundary, for the browser benchmark
//! (`scripts/bench.mjs`). The documents are handed over once ([`set_docs`])
//! so that only `Tagger::tag_document` is timed ([`tag_all`]).
#![deny(missing_docs)]

use std::cell::RefCell;

use dossier::ner::{Model, Tagger};
use wasm_bindgen::prelude::*;

thread_local! {
    static TAGGER: RefCell<Option<Tagger>> = const { RefCell::new(None) };
    static DOCS: RefCell<Vec<Vec<Vec<String>>>> = const { RefCell::new(Vec::new()) };
}

/// The English model, as the extension's package holds it (the core's WASM
/// module has none compiled in).
static MODEL: &[u8] = include_bytes!("../../model/ner.bin");

/// Loads the shipped model (time this call for the model's load cost).
#[wasm_bindgen]
pub fn load() -> bool {
    TAGGER.with(|t| {
        let mut t = t.borrow_mut();
        if t.is_none() {
            *t = Model::from_static(MODEL).ok().map(Tagger::with_model);
        }
        t.is_some()
    })
}

/// Stores documents: separated by `\u{1d}`, sentences by `\n`, words by spaces.
/// Returns the number of words.
#[wasm_bindgen]
pub fn set_docs(text: &str) -> u32 {
    let docs: Vec<Vec<Vec<String>>> = text
        .split('\u{1d}')
        .map(|d| {
            d.split('\n')
                .map(|s| {
                    s.split(' ')
                        .filter(|w| !w.is_empty())
                        .map(str::to_string)
                        .collect::<Vec<_>>()
                })
                .filter(|s| !s.is_empty())
                .collect()
        })
        .collect();
    let n = docs.iter().flatten().map(Vec::len).sum::<usize>();
    DOCS.with(|d| *d.borrow_mut() = docs);
    n as u32
}

/// Tags every stored document once (`Tagger::tag_document` per document);
/// returns the number of entity-labelled words (so the work is not optimised away).
#[wasm_bindgen]
pub fn tag_all() -> u32 {
    load();
    TAGGER.with(|t| {
        let t = t.borrow();
        let tagger = t.as_ref().expect("model loads");
        DOCS.with(|d| {
            let mut labelled = 0u32;
            for doc in d.borrow().iter() {
                let sents: Vec<Vec<&str>> = doc
                    .iter()
                    .map(|s| s.iter().map(String::as_str).collect())
                    .collect();
                for s in tagger.tag_document(&sents) {
                    labelled += s.iter().filter(|&&l| l != 0).count() as u32;
                }
            }
            labelled
        })
    })
}
