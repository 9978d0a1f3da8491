//! The background fetches a page's entity model before the core is compiled
//! (extension/background.js, `MODEL_LANGS`), so it keeps its own list of the
//! languages with a model: the same as the core's
//! (`dossier::ner::registry::LANGUAGES`), each with its file in `model/`, or
//! a page in a language missing from it would wait for the core before its
//! model is read, and one listed without a file would be fetched for nothing.

use std::path::Path;

use dossier::ner::registry::{model_file, LANGUAGES};

/// The quoted codes of `const MODEL_LANGS = [...]` in the background's source.
fn background_list() -> Vec<String> {
    let src = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("extension/background.js"),
    )
    .expect("extension/background.js");
    let line = src
        .lines()
        .find(|l| l.starts_with("const MODEL_LANGS = ["))
        .expect("extension/background.js declares `const MODEL_LANGS = [...]` on one line");
    let inner = &line[line.find('[').unwrap() + 1..line.find(']').unwrap()];
    inner
        .split(',')
        .map(|s| s.trim().trim_matches('\'').to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

#[test]
fn the_background_lists_the_cores_model_languages() {
    assert_eq!(background_list(), LANGUAGES);
}

#[test]
fn every_listed_language_has_its_model_file() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("model");
    for lang in background_list() {
        let file = dir.join(model_file(&lang));
        assert!(file.is_file(), "{lang}: no {}", file.display());
    }
}
