//! The WebAssembly boundary: the only code that touches JavaScript values.
//!
//! # Protocol
//!
//! One page load in the extension (`extension/content/main.js`, the content
//! script; `extension/background.js`, where this module runs):
//!
//! 1. The background instantiates the module once; `start` installs a panic
//!    hook that writes a panic's message to the console. (Chrome may stop
//!    the service worker when idle: the next message instantiates it again.)
//! 2. The content script reads what only the DOM can give, in one pass:
//!    the page's serialization (`outerHTML`) and its elements in document
//!    order, or, where that cannot be trusted, a walk of its DOM packed as
//!    events (`walk()` in `extension/content/collect.js`); and, in the same
//!    pass, whether the reader can see each element that could be a block
//!    (one character an element; only the content script has the computed
//!    style). One message (`cs:analyze`) takes it all to the background.
//! 3. The background finds the blocks with the one collection rule
//!    ([`read_serialized`] or [`read_packed`]: [`crate::collect`]), each
//!    named by its element's place in document order, and gives each block
//!    its element's visibility from the list.
//! 4. The background runs [`analyze_packed_raw`] once with the whole page
//!    (packed by `extension/pack.js`: a string and a `Uint32Array`, as
//!    reading an object costs a call into JavaScript per field of every
//!    block) and answers, once, with the report (packed back the same way),
//!    each block's element (its place in the list) and the blocks' text
//!    lengths: one coarse call, no per-block traffic, and no page text
//!    shipped back.
//!    Before it, the entity model of the page's language (its declared
//!    `lang`) is fetched from the extension package, once, and handed over
//!    with [`register_model`]; when the report names another language with
//!    a model not yet loaded (`language.entities` false), that model is
//!    loaded and the page analysed again, so the report is the CLI's.
//! 5. The content script folds the repeats and draws the sidebar. Later
//!    changes to the page repeat 2–5; the message then carries the last
//!    signature of the blocks, and the background answers `same` without
//!    analysing when it has not changed.
//!
//! The demo page calls [`read_packed`] and [`analyze`] in the page itself.
//! Inputs and outputs cross as plain JavaScript objects via
//! `serde-wasm-bindgen` unless packed; their shape is the JSON schema in
//! README.md. A bad input is an `Err` (a thrown `Error` in JavaScript); a
//! serialization that is no serialization of the DOM is `null`. A panic
//! aborts the module: the caller must catch the exception, report it, and
//! instantiate a fresh module for the next page.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::collect::{self, Collector};
use crate::{analyze_with, serialized, Options, Page, Report, SCHEMA_VERSION};

#[wasm_bindgen(start)]
fn start() {
    // Without the hook a panic shows as a bare `unreachable` trap.
    console_error_panic_hook::set_once();
}

fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

fn report_for(page: JsValue, opts: JsValue) -> Result<Report, JsValue> {
    let page: Page = serde_wasm_bindgen::from_value(page)
        .map_err(|e| JsValue::from(js_sys::Error::new(&format!("bad page: {e}"))))?;
    Ok(analyze_with(&page, &options(opts)?))
}

fn options(opts: JsValue) -> Result<Options, JsValue> {
    if opts.is_undefined() || opts.is_null() {
        return Ok(Options::default());
    }
    serde_wasm_bindgen::from_value(opts)
        .map_err(|e| JsValue::from(js_sys::Error::new(&format!("bad options: {e}"))))
}

/// Analyses a page (`{url, title, lang, dates, elements, blocks}`) and
/// returns the report. `opts` may be `undefined`.
#[wasm_bindgen]
pub fn analyze(page: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
    to_js(&report_for(page, opts)?)
}

/// [`analyze`] of a page in its packed form ([`Page::from_packed`]: all
/// its strings in `text`, their UTF-16 lengths and its numbers in `nums`),
/// as `pack.js` makes it. The same report as [`analyze`] of the page,
/// for less work at the boundary.
#[wasm_bindgen(js_name = analyzePacked)]
pub fn analyze_packed(text: &str, nums: &[u32], opts: JsValue) -> Result<JsValue, JsValue> {
    to_js(&packed_report(text, nums, opts)?)
}

fn packed_report(text: &str, nums: &[u32], opts: JsValue) -> Result<Report, JsValue> {
    let page = Page::from_packed(text, nums)
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))?;
    Ok(analyze_with(&page, &options(opts)?))
}

/// [`analyze_packed`] with the report packed as well
/// ([`Report::to_packed`]): `[text, nums, floats]` (a string, a
/// `Uint32Array` and a `Float64Array`), which `unpackReport` in `pack.js`
/// turns into the object [`analyze_packed`] returns, at a fraction of the
/// cost of building it from here.
#[wasm_bindgen(js_name = analyzePackedRaw)]
pub fn analyze_packed_raw(text: &str, nums: &[u32], opts: JsValue) -> Result<JsValue, JsValue> {
    let p = packed_report(text, nums, opts)?.to_packed();
    Ok(js_sys::Array::of3(
        &JsValue::from_str(&p.text),
        &js_sys::Uint32Array::from(&p.nums[..]),
        &js_sys::Float64Array::from(&p.floats[..]),
    )
    .into())
}

thread_local! {
    /// Each tab's page of several articles, for [`feed_analyze_packed_raw`]:
    /// bounded ([`crate::feed::Feeds`]), and gone with the instance (a fresh
    /// one after a panic starts with none).
    static FEEDS: std::cell::RefCell<crate::feed::Feeds> = Default::default();
}

#[derive(Serialize)]
struct FeedAnswer {
    report: Report,
    /// Blocks this call analysed: only an appended article's on an endless page.
    analyzed: usize,
}

/// [`analyze_packed_raw`] for a page the caller may read again as it grows,
/// `key` naming it (the extension's tab and frame). A page of several
/// articles ([`crate::feed`]) gives `{report, analyzed}`: the report as an
/// object (with its `articles`), and how many blocks this call analysed,
/// which on a read that only appended articles is only theirs. A page of
/// one article gives what [`analyze_packed_raw`] gives, and its key's kept
/// state is dropped.
#[wasm_bindgen(js_name = feedAnalyzePackedRaw)]
pub fn feed_analyze_packed_raw(
    key: &str,
    text: &str,
    nums: &[u32],
    opts: JsValue,
) -> Result<JsValue, JsValue> {
    let page = Page::from_packed(text, nums)
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))?;
    let opts = options(opts)?;
    #[cfg(feature = "test-hooks")]
    assert!(
        !opts.panic_for_test,
        "panic requested by a test (Options::panic_for_test)"
    );
    let several = FEEDS.with(|f| {
        let mut feeds = f.borrow_mut();
        let feed = feeds.get(key);
        let report = feed.analyze(&page, &opts)?;
        let analyzed = feed.analyzed_blocks();
        Some(FeedAnswer { report, analyzed })
    });
    if let Some(answer) = several {
        return to_js(&answer);
    }
    FEEDS.with(|f| f.borrow_mut().drop_key(key));
    let p = analyze_with(&page, &opts).to_packed();
    Ok(js_sys::Array::of3(
        &JsValue::from_str(&p.text),
        &js_sys::Uint32Array::from(&p.nums[..]),
        &js_sys::Float64Array::from(&p.floats[..]),
    )
    .into())
}

/// Forgets what [`feed_analyze_packed_raw`] kept for every key starting
/// with `prefix` (a closed tab's frames, a page left).
#[wasm_bindgen(js_name = feedDrop)]
pub fn feed_drop(prefix: &str) {
    FEEDS.with(|f| f.borrow_mut().drop_prefix(prefix));
}

/// A block of [`read_serialized`]'s page: its element among the
/// document's elements (`document.querySelectorAll('*')`), for the
/// background to take its visibility from the content script's list and
/// the content script to find it.
#[derive(Serialize)]
struct ReadBlock<'a> {
    /// Index of the block's element in document order.
    i: u32,
    tag: &'a str,
    /// Folded by Dossier (visible to the reader whatever its style says).
    folded: bool,
    /// Its attributes or an ancestor's hide it (for a browser that cannot
    /// compute visibility).
    hidden: bool,
    /// A loose run of its element's own text beside block-level children:
    /// where it starts in that text ([`collect::BlockNode::own_from`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<u32>,
}

#[derive(Serialize)]
struct Read<'a> {
    page: &'a Page,
    blocks: Vec<ReadBlock<'a>>,
}

/// The blocks of a page out of its serialization (`outerHTML` of the
/// document element), by the one collection rule ([`crate::collect`]):
/// `{page, blocks}`, every block `visible` until the background applies
/// the content script's list of what the reader sees, or `null` when the
/// string is no serialization of a DOM of `count`
/// elements (the content script then reads the DOM). At most `max_blocks`
/// blocks. `noscript_raw`: `<noscript>` holds text there.
#[wasm_bindgen(js_name = readSerialized)]
pub fn read_serialized(
    html: &str,
    noscript_raw: bool,
    count: u32,
    url: &str,
    max_blocks: u32,
) -> Result<JsValue, JsValue> {
    let mut c = Collector::with_max_blocks(max_blocks as usize);
    match serialized::feed(html, noscript_raw, &mut c) {
        Ok(n) if n == count => read_result(c, url),
        _ => Ok(JsValue::NULL),
    }
}

/// [`read_serialized`] of a DOM walk's events, packed ([`collect::feed_packed`],
/// as `walk()` in `extension/content/collect.js` makes them): the fallback
/// where the page's serialization cannot be read. A bad input is an error.
#[wasm_bindgen(js_name = readPacked)]
pub fn read_packed(
    text: &str,
    nums: &[u32],
    url: &str,
    max_blocks: u32,
) -> Result<JsValue, JsValue> {
    let mut c = Collector::with_max_blocks(max_blocks as usize);
    collect::feed_packed(text, nums, &mut c)
        .map_err(|e| JsValue::from(js_sys::Error::new(&format!("bad walk: {e}"))))?;
    read_result(c, url)
}

fn read_result(c: Collector, url: &str) -> Result<JsValue, JsValue> {
    let (mut page, nodes) = c.finish_with_nodes();
    page.url = url.to_string();
    let hidden: Vec<bool> = page.blocks.iter().map(|b| !b.visible).collect();
    for b in &mut page.blocks {
        b.visible = true;
    }
    let blocks = page
        .blocks
        .iter()
        .zip(nodes)
        .zip(hidden)
        .map(|((b, n), hidden)| ReadBlock {
            i: n.index,
            tag: &b.tag,
            folded: n.folded,
            hidden,
            from: n.own_from,
        })
        .collect();
    to_js(&Read {
        page: &page,
        blocks,
    })
}

/// Analyses plain text, one paragraph per line (for the demo page).
#[wasm_bindgen(js_name = analyzeText)]
pub fn analyze_text(text: &str) -> Result<JsValue, JsValue> {
    to_js(&crate::analyze(&Page::from_text(text)))
}

/// Hands the core a language's entity model: the bytes of
/// `model/ner-<lang>.bin` as the background fetches them from the
/// extension's own package, the first time a page in that language is
/// analysed. Every later analysis of a page in that language uses it; a bad
/// file or a language without a model is an error, and such pages keep the
/// "not available" note ([`crate::ner::registry::register_model`]).
// `Vec<u8>`, not `&[u8]`: the glue copies the bytes into WASM memory either
// way; taken by value, that buffer becomes the model's, where a slice would
// be copied a second time.
#[wasm_bindgen(js_name = registerModel)]
pub fn register_model(lang: &str, bytes: Vec<u8>) -> Result<(), JsValue> {
    crate::ner::registry::register_model_vec(lang, bytes)
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

/// The language whose model file reads a page in `code` ("de" for
/// "de-AT", "en" for "en-GB"), or `undefined` when there is none: the file
/// is `model/ner-<lang>.bin` in the extension's package. English's model
/// is not compiled into this module either: the background registers it as
/// it starts.
#[wasm_bindgen(js_name = modelLanguage)]
pub fn model_language(code: &str) -> Option<String> {
    crate::ner::registry::model_language(code).map(str::to_string)
}

/// The language whose model reads `text` (a page's prose, as the background
/// samples it before the analysis), or `undefined` when the text does not
/// tell or its language has no model. For a page that declares no language
/// with a model: the background registers that model first, rather than
/// analysing the page once without its tagger and again with it. A guess
/// only: the analysis decides from the article's own text
/// ([`crate::lang::identify`]), and a page it finds in a language whose
/// model is not loaded is still analysed again.
#[wasm_bindgen(js_name = textModelLanguage)]
pub fn text_model_language(text: &str) -> Option<String> {
    let found = crate::lang::identify("", text);
    crate::ner::registry::model_language(&found.code).map(str::to_string)
}

/// Whether the model of `code`'s language has been registered in the core.
#[wasm_bindgen(js_name = isModelLoaded)]
pub fn is_model_loaded(code: &str) -> bool {
    crate::ner::registry::is_loaded(code)
}

/// The version of the report schema this module produces.
#[wasm_bindgen(js_name = schemaVersion)]
pub fn schema_version() -> u32 {
    SCHEMA_VERSION
}

/// The crate version, for the extension's "about" line.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
