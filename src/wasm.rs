//! The WebAssembly boundary: the only code that touches JavaScript values.
//!
//! # Protocol
//!
//! 1. The extension's background (or the demo page) instantiates the module
//!    once; `start` installs a panic hook that writes a panic's message to
//!    the console.
//! 2. For each page it calls [`analyze`] once with the whole [`Page`] (the
//!    blocks the content script collected) and gets the whole [`Report`]
//!    back: one coarse call, no per-block traffic.
//! 3. Inputs and outputs cross as plain JavaScript objects via
//!    `serde-wasm-bindgen`; their shape is the JSON schema in README.md.
//!    The extension hands the page over packed instead ([`analyze_packed`],
//!    `extension/pack.js`): reading an object costs a call into JavaScript
//!    per field of every block, a tenth of the analysis of a median page.
//!    It takes the report back packed too ([`analyze_packed_raw`], unpacked
//!    by `pack.js`): building it as objects from here costs as much again.
//! 4. A bad input is an `Err` (a thrown `Error` in JavaScript). A panic
//!    aborts the module: the caller must catch the exception, report it,
//!    and instantiate a fresh module for the next page.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{analyze_with, Options, Page, Report, SCHEMA_VERSION};

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

/// Analyses plain text, one paragraph per line (for the demo page).
#[wasm_bindgen(js_name = analyzeText)]
pub fn analyze_text(text: &str) -> Result<JsValue, JsValue> {
    to_js(&crate::analyze(&Page::from_text(text)))
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
