//! Arbitrary text through the entity tagger's tokenizer, sentence splitter
//! and `Tagger::tag_document`: token ranges must be in order, on char
//! boundaries, non-empty; sentences must tile the tokens; one label per word.
#![no_main]

use std::sync::OnceLock;

use dossier::ner::{tokens, Tagger};
use libfuzzer_sys::fuzz_target;

fn tagger() -> &'static Tagger {
    static T: OnceLock<Tagger> = OnceLock::new();
    T.get_or_init(|| Tagger::new().expect("the shipped model loads"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    let toks = tokens::tokenize(text);
    let mut prev_end = 0;
    for t in &toks {
        assert!(t.start < t.end, "empty token {t:?}");
        assert!(t.start >= prev_end, "tokens overlap or go back: {t:?}");
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        assert!(t.end <= text.len());
        prev_end = t.end;
    }
    let sents = tokens::sentences(text, &toks);
    let mut next = 0;
    for r in &sents {
        assert_eq!(r.start, next, "sentences do not tile the tokens");
        assert!(r.start < r.end, "empty sentence");
        next = r.end;
    }
    assert_eq!(next, toks.len(), "sentences do not cover the tokens");
    let words: Vec<Vec<&str>> = sents
        .iter()
        .map(|r| {
            toks[r.clone()]
                .iter()
                .map(|t| &text[t.start..t.end])
                .collect()
        })
        .collect();
    let labels = tagger().tag_document(&words);
    assert_eq!(labels.len(), words.len());
    let n_labels = dossier::ner::bio_labels().len();
    for (w, l) in words.iter().zip(&labels) {
        assert_eq!(w.len(), l.len());
        assert!(l.iter().all(|&x| x < n_labels));
        for (s, e, ty) in dossier::ner::spans(l) {
            assert!(s < e && e <= w.len() && (1..=4).contains(&ty));
        }
    }
});
