//! The core through its WebAssembly boundary, in real headless browsers:
//! `wasm-pack test --headless --chrome --firefox` (make test runs it).
#![cfg(target_arch = "wasm32")]

use dossier::{RepeatKind, Report};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("pages/example/seed.txt");

/// A page object as the content script sends it: plain JSON.
fn page_json(paragraphs: &[&str]) -> JsValue {
    let blocks: Vec<serde_json::Value> = paragraphs
        .iter()
        .map(|p| serde_json::json!({"tag": "p", "hints": "", "text": p, "visible": true, "link_chars": 0, "path": [0]}))
        .collect();
    let page = serde_json::json!({
        "url": "http://127.0.0.1/example", "title": "Example", "lang": "en", "dates": [],
        "elements": [{"tag": "article", "hints": ""}],
        "blocks": blocks,
    });
    js_sys::JSON::parse(&page.to_string()).unwrap()
}

fn report(v: JsValue) -> Report {
    serde_wasm_bindgen::from_value(v).expect("the report deserialises")
}

#[wasm_bindgen_test]
fn example_page_folds_paragraphs_9_to_15() {
    let paragraphs: Vec<&str> = SEED.lines().collect();
    assert_eq!(paragraphs.len(), 15);
    let r = report(dossier::wasm::analyze(page_json(&paragraphs), JsValue::UNDEFINED).unwrap());
    let copies: Vec<u32> = r.repeats.iter().flat_map(|g| g.copies.clone()).collect();
    assert_eq!(copies, (8..15).collect::<Vec<u32>>());
    assert!(r.repeats.iter().all(|g| g.kind == RepeatKind::Block));
    assert_eq!(r.stats.folded, 7);
}

#[wasm_bindgen_test]
fn text_can_be_left_out_of_the_report() {
    let opts = js_sys::JSON::parse(r#"{"include_text": false}"#).unwrap();
    let r = report(dossier::wasm::analyze(page_json(&["a paragraph of text"]), opts).unwrap());
    assert_eq!(r.blocks[0].text, "");
    assert!(r.blocks[0].article);
}

#[wasm_bindgen_test]
fn a_malformed_page_is_an_error_not_a_crash() {
    let bad = js_sys::JSON::parse(r#"{"blocks": [{"text": 42}]}"#).unwrap();
    let err = dossier::wasm::analyze(bad, JsValue::UNDEFINED).unwrap_err();
    let msg = js_sys::Error::from(err).message();
    assert!(String::from(msg).starts_with("bad page"));
    // The module still works after the error.
    assert!(dossier::wasm::analyze(page_json(&["fine"]), JsValue::UNDEFINED).is_ok());
}

#[wasm_bindgen_test]
fn plain_text_entry_point() {
    let r = report(dossier::wasm::analyze_text(SEED).unwrap());
    assert_eq!(r.stats.folded, 7);
}
