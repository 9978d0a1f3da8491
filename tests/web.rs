//! The core through its WebAssembly boundary, in real headless browsers:
//! `make test-wasm` (`cargo test --target wasm32-unknown-unknown --test web`, run by
//! wasm-bindgen-test-runner in Chromium, then Firefox; `make test` runs it).
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

// The extension's packer itself (extension/pack.js), as the background runs it.
#[wasm_bindgen::prelude::wasm_bindgen(module = "/extension/pack.js")]
extern "C" {
    fn pack(page: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = unpackReport, catch)]
    fn unpack_report(raw: &JsValue) -> Result<JsValue, JsValue>;
}

/// `analyzePacked` of what pack.js makes of `page`.
fn analyze_packed(page: &JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
    let packed = pack(page);
    let get = |k: &str| js_sys::Reflect::get(&packed, &JsValue::from_str(k)).unwrap();
    let text = get("text").as_string().expect("pack gives a string");
    let nums = js_sys::Uint32Array::from(get("nums")).to_vec();
    dossier::wasm::analyze_packed(&text, &nums, opts)
}

fn json(v: &JsValue) -> String {
    String::from(js_sys::JSON::stringify(v).unwrap())
}

/// Astral characters, a lone surrogate (JavaScript strings may hold one;
/// both paths read it as U+FFFD), NUL, an invisible block, links, dates,
/// nested paths and a block with missing fields.
fn odd_page() -> JsValue {
    js_sys::JSON::parse(
        r#"{"url": "http://127.0.0.1/é", "title": "Títle 🎉", "lang": "fr",
            "dates": ["meta:date=2026-11-29", ""],
            "elements": [{"tag": "article", "hints": "story 🎉"}, {"tag": "nav", "hints": ""}],
            "blocks": [
              {"tag": "h1", "hints": "", "text": "Zürich talks: 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \ud800 and \u0000", "visible": true, "link_chars": 0, "path": [0]},
              {"tag": "p", "hints": "lede", "text": "Prime Minister Hun Sen met officials in Phnom Penh on Monday, 🎉 said.", "visible": true, "link_chars": 5, "path": [0]},
              {"tag": "p", "hints": "", "text": "hidden \udc00 copy", "visible": false, "link_chars": 0, "path": [0, 1]},
              {"tag": "li"},
              {"tag": "p", "hints": "", "text": "Prime Minister Hun Sen met officials in Phnom Penh on Monday, 🎉 said.", "visible": true, "link_chars": 0, "path": [1]}
            ]}"#,
    )
    .unwrap()
}

#[wasm_bindgen_test]
fn a_packed_page_gives_the_same_report_as_the_page_object() {
    let paragraphs: Vec<&str> = SEED.lines().collect();
    let odd = odd_page();
    for (page, opts) in [
        (page_json(&paragraphs), JsValue::UNDEFINED),
        (
            page_json(&paragraphs),
            js_sys::JSON::parse(r#"{"include_text": false}"#).unwrap(),
        ),
        (odd.clone(), JsValue::UNDEFINED),
        (js_sys::JSON::parse("{}").unwrap(), JsValue::UNDEFINED),
    ] {
        let object = dossier::wasm::analyze(page.clone(), opts.clone()).unwrap();
        let packed = analyze_packed(&page, opts).unwrap();
        assert_eq!(json(&packed), json(&object));
    }
    // And it is a real report: the seed page's seven copies fold.
    let r = report(analyze_packed(&page_json(&paragraphs), JsValue::UNDEFINED).unwrap());
    assert_eq!(r.stats.folded, 7);
    let r = report(analyze_packed(&odd, JsValue::UNDEFINED).unwrap());
    assert!(r.blocks[0].text.contains('\u{fffd}'));
}

#[wasm_bindgen_test]
fn a_bad_packing_is_an_error_not_a_crash() {
    let err = dossier::wasm::analyze_packed("abc", &[1, 0, 0, 0, 1, 1, 5], JsValue::UNDEFINED)
        .unwrap_err();
    let msg = String::from(js_sys::Error::from(err).message());
    assert!(msg.starts_with("bad packed page"), "{msg}");
    assert!(dossier::wasm::analyze(page_json(&["fine"]), JsValue::UNDEFINED).is_ok());
}

const SENTENCES: &str = include_str!("facts/sentences.tsv");

/// The report as the extension gets it (`analyzePage` in pack.js: the
/// report packed by the core, unpacked by `unpackReport`) is the object
/// serde-wasm-bindgen makes, key for key and number for number, on pages
/// that give every optional part of the schema both ways.
#[wasm_bindgen_test]
fn a_packed_report_is_the_report_object() {
    let paragraphs: Vec<&str> = SEED.lines().collect();
    // 332 real sentences with dates, quantities and quotes; the first
    // twenty again, so that they repeat.
    let mut facts: Vec<&str> = SENTENCES
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').nth(2))
        .collect();
    facts.extend(facts[..20].to_vec());
    let pages = [
        page_json(&paragraphs),
        page_json(&facts),
        odd_page(),
        js_sys::JSON::parse("{}").unwrap(),
    ];
    let options = [
        "null",
        r#"{"include_text": false}"#,
        r#"{"facts": false}"#,
        r#"{"entities": false}"#,
    ];
    let mut seen = std::collections::BTreeMap::new();
    for page in &pages {
        for opts in options {
            let opts = js_sys::JSON::parse(opts).unwrap();
            let object = analyze_packed(page, opts.clone()).unwrap();
            let packed = pack(page);
            let get = |k: &str| js_sys::Reflect::get(&packed, &JsValue::from_str(k)).unwrap();
            let text = get("text").as_string().unwrap();
            let nums = js_sys::Uint32Array::from(get("nums")).to_vec();
            let raw = dossier::wasm::analyze_packed_raw(&text, &nums, opts).unwrap();
            assert_eq!(json(&unpack_report(&raw).unwrap()), json(&object));
            let r = report(object);
            let mut saw = |what: &'static str, yes: bool| *seen.entry(what).or_insert(false) |= yes;
            saw("block text", r.blocks.iter().any(|b| !b.text.is_empty()));
            saw("folded block", r.blocks.iter().any(|b| b.folded));
            saw("repeat", !r.repeats.is_empty());
            saw("alias", r.entities.iter().any(|e| !e.aliases.is_empty()));
            saw("role", r.entities.iter().any(|e| !e.roles.is_empty()));
            saw("date value", r.dates.iter().any(|d| d.value.is_some()));
            saw(
                "date without value",
                r.dates.iter().any(|d| d.value.is_none()),
            );
            saw("quantity of", r.quantities.iter().any(|q| q.of.is_some()));
            saw(
                "quantity range",
                r.quantities.iter().any(|q| q.range_to.is_some()),
            );
            saw(
                "quantity entity",
                r.quantities.iter().any(|q| q.entity.is_some()),
            );
            saw("approximate", r.quantities.iter().any(|q| q.approx));
            saw("speaker", r.quotes.iter().any(|q| q.speaker.is_some()));
            saw("no speaker", r.quotes.iter().any(|q| q.speaker.is_none()));
            saw(
                "speaker name",
                r.quotes.iter().any(|q| q.speaker_name.is_some()),
            );
        }
    }
    let missing: Vec<_> = seen.iter().filter(|(_, &s)| !s).map(|(w, _)| w).collect();
    assert!(missing.is_empty(), "no page gives {missing:?}");
    // Not a packed report: an error, not a wrong object.
    let bad = js_sys::JSON::parse(r#"["", [2], []]"#).unwrap();
    assert!(unpack_report(&bad).is_err());
    let short = js_sys::JSON::parse(r#"["", [1, 1, 0, 0], []]"#).unwrap();
    assert!(unpack_report(&short).is_err());
}

#[wasm_bindgen_test]
fn the_english_model_is_registered_not_compiled_in() {
    // No model is compiled into the WASM core (it stays small): until the
    // background registers English's, an English page gets the "not
    // available" note and no entities, never a wrong tagger.
    const TEXT: &str = "Prime Minister Hun Sen met opposition leader Sam Rainsy in Phnom Penh \
        on Tuesday, the Cambodia National Rescue Party said. The two men agreed to resume talks \
        next week, according to a statement from the party.";
    assert!(!dossier::wasm::is_model_loaded("en"));
    assert_eq!(
        dossier::wasm::model_language("en-GB").as_deref(),
        Some("en")
    );
    let before = report(dossier::wasm::analyze_text(TEXT).unwrap());
    assert_eq!(before.language.code, "en");
    assert!(!before.language.entities);
    assert!(before.entities.is_empty());
    dossier::wasm::register_model("en", include_bytes!("../model/ner.bin").to_vec()).unwrap();
    assert!(dossier::wasm::is_model_loaded("en-GB"));
    let after = report(dossier::wasm::analyze_text(TEXT).unwrap());
    assert!(after.language.entities);
    let names: Vec<&str> = after.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Hun Sen"), "{names:?}");
    assert!(names.contains(&"Phnom Penh"), "{names:?}");
}

/// The background guesses the model of a page that declares no language from
/// its prose (extension/background.js guessLanguage), so that the model is
/// loaded before the page's one analysis: the model's language of the text,
/// none when the text is too short to tell or in a language without a model.
#[wasm_bindgen_test]
fn text_model_language_names_the_model_of_the_prose() {
    let rows: &[(&str, Option<&str>)] = &[
        (
            "Die Bundesregierung hat am Dienstag beschlossen, die Hilfen für die betroffenen \
             Unternehmen um ein weiteres Jahr zu verlängern, teilte ein Sprecher in Berlin mit.",
            Some("de"),
        ),
        (
            "El Gobierno aprobó el martes un nuevo paquete de medidas para las empresas \
             afectadas por la crisis, según informó el ministerio en un comunicado.",
            Some("es"),
        ),
        (
            "Cambodia's ruling party and the opposition resumed talks on Tuesday over the \
             political dispute that followed the July election, officials said.",
            Some("en"),
        ),
        (
            "Regeringen beslutade på tisdagen att förlänga stödet till de drabbade företagen \
             med ytterligare ett år, meddelade en talesperson i Stockholm.",
            None,
        ),
        ("Menü Suche", None),
        ("", None),
    ];
    for (text, want) in rows {
        assert_eq!(
            dossier::wasm::text_model_language(text).as_deref(),
            *want,
            "{text}"
        );
    }
}

/// A page of `stories` stories, each an `<article>` with a headline and
/// three paragraphs of the seed article (sentences differ per story).
fn stories_json(stories: usize) -> JsValue {
    let lines: Vec<&str> = SEED
        .lines()
        .filter(|l| l.split_whitespace().count() > 12)
        .collect();
    let mut blocks = Vec::new();
    for k in 0..stories {
        blocks.push(serde_json::json!({"tag": "h2", "hints": "", "text": format!("Story {} of the day", k + 1), "visible": true, "link_chars": 0, "path": [k]}));
        for p in &lines[3 * k..3 * k + 3] {
            blocks.push(serde_json::json!({"tag": "p", "hints": "", "text": p, "visible": true, "link_chars": 0, "path": [k]}));
        }
    }
    let page = serde_json::json!({
        "url": "http://127.0.0.1/endless", "title": "Endless", "lang": "en", "dates": [],
        "elements": (0..stories).map(|_| serde_json::json!({"tag": "article", "hints": ""})).collect::<Vec<_>>(),
        "blocks": blocks,
    });
    js_sys::JSON::parse(&page.to_string()).unwrap()
}

/// `feedAnalyzePackedRaw` of what pack.js makes of `page`, for tab `key`.
fn feed(key: &str, page: &JsValue) -> JsValue {
    let packed = pack(page);
    let get = |k: &str| js_sys::Reflect::get(&packed, &JsValue::from_str(k)).unwrap();
    let text = get("text").as_string().unwrap();
    let nums = js_sys::Uint32Array::from(get("nums")).to_vec();
    dossier::wasm::feed_analyze_packed_raw(key, &text, &nums, JsValue::NULL).unwrap()
}

/// An endless page through the boundary: one story is the packed report of
/// `analyzePackedRaw`; then each read analyses only the appended story,
/// until the tab's state is dropped.
#[wasm_bindgen_test]
fn an_endless_page_is_analysed_one_story_at_a_time() {
    let one = stories_json(1);
    let raw = feed("7:0;", &one);
    assert!(
        js_sys::Array::is_array(&raw),
        "one story: the packed report"
    );
    let want = analyze_packed(&one, JsValue::NULL).unwrap();
    assert_eq!(json(&unpack_report(&raw).unwrap()), json(&want));
    // (stories, blocks this read analysed)
    let table = [(2, 8), (2, 0), (3, 4), (4, 4)];
    for (stories, analyzed) in table {
        let got = feed("7:0;", &stories_json(stories));
        let get = |k: &str| js_sys::Reflect::get(&got, &JsValue::from_str(k)).unwrap();
        assert_eq!(
            get("analyzed").as_f64(),
            Some(analyzed as f64),
            "{stories} stories"
        );
        let r = report(get("report"));
        assert_eq!(r.articles.len(), stories);
        assert_eq!(
            r.articles[stories - 1].title,
            format!("Story {stories} of the day")
        );
    }
    // Another tab has its own; a closed tab starts again.
    let got = feed("8:0;", &stories_json(4));
    assert_eq!(
        js_sys::Reflect::get(&got, &"analyzed".into())
            .unwrap()
            .as_f64(),
        Some(16.0)
    );
    dossier::wasm::feed_drop("7:");
    let got = feed("7:0;", &stories_json(4));
    assert_eq!(
        js_sys::Reflect::get(&got, &"analyzed".into())
            .unwrap()
            .as_f64(),
        Some(16.0)
    );
}
